"""How a feature tells the learner something: the status bar, the screen reader, and
the window's list of problems."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar

from player.core.status import StatusArea
from player.core.voice import ScreenReaderVoice

# A seal value (sha256:<hex> cues:<digests>) means nothing to a reader: never shown.
SEAL_VALUE = re.compile(r"sha256:[^\s'\")]*(?:\s+(?:cues|fields):[^\s'\")]*)?")


def without_seal_values(text: str) -> str:
    """`text` with every seal value cut to "…": the window shows no raw sha256."""
    return SEAL_VALUE.sub("…", text)


class Notify:
    """`say` a result (status bar and screen reader), `announce` to the screen reader
    only, or keep a `problem` in the window's message area under a topic.

    `voice` is the one way to the screen reader (player/core/voice.py).
    """

    def __init__(
        self, status_bar: Callable[[], QStatusBar], problems: StatusArea
    ) -> None:
        self._status_bar = status_bar  # made on the first message (QMainWindow does)
        self._problems = problems
        self.voice = ScreenReaderVoice(status_bar, parent=problems)
        problems.speak_with(self.voice.say)

    def say(self, text: str, timeout_ms: int = 3000, spoken: str = "") -> None:
        """Show `text` a moment; a screen reader hears it (or `spoken`, in words)."""
        self._status_bar().showMessage(text, timeout_ms)
        self._problems.announce(spoken or text)

    def status_bar(self) -> QStatusBar:
        return self._status_bar()

    def announce(self, text: str) -> None:
        self._problems.announce(text)

    def problem(self, topic: str, text: str) -> None:
        self._problems.add_message(topic, without_seal_values(text))

    def set_problems(self, topic: str, texts: list[str]) -> None:
        self._problems.set_messages(topic, [without_seal_values(t) for t in texts])

    def clear(self, topic: str) -> None:
        self._problems.clear(topic)

    def problems(self, topic: str | None = None) -> list[str]:
        return self._problems.messages(topic)

    def shown(self) -> str:
        """The status bar's message now (for tests and the audit)."""
        return self._status_bar().currentMessage()
