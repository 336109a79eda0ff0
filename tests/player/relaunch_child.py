"""One start of the app, as `transcript-player [ARGS]` makes it, driven like a user.

Run by test_relaunch.py in a child process: `python relaunch_child.py STEP ARGS...`.
STEP "use" opens, goes to the next video, seeks, turns the volume down twice, mutes
and quits (Ctrl+Q's action); STEP "look" only waits for the window to settle. Both
print what the window shows as one JSON line before it closes.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from player.cli import main

SETTLE_S = 1.5


def the_window():  # type: ignore[no-untyped-def]
    from player.shell.main_window import MainWindow

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return found[0] if found else None


def shown(window) -> dict[str, object]:  # type: ignore[no-untyped-def]
    showing, playback = window.showing, window.playback
    return {
        "module": showing.module.id,
        "video": showing.video.id,
        "position": playback.position(),
        "volume": playback.volume(),
        "muted": playback.is_muted(),
        "volume_slider": window.controls.volume_slider.value(),
        "start_notices": window.status.messages("start"),
    }


class Driver:
    """Steps run on a timer inside the app's own event loop."""

    def __init__(self, step: str) -> None:
        self.steps = self.use() if step == "use" else self.look()
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(50)
        self.waiting_until = 0.0

    def tick(self) -> None:
        if time.monotonic() < self.waiting_until or the_window() is None:
            return
        try:
            self.waiting_until = time.monotonic() + next(self.steps)
        except StopIteration:
            self.timer.stop()

    def use(self):  # type: ignore[no-untyped-def]
        window = the_window()
        yield SETTLE_S
        window.keymap["next_video"].trigger()
        yield SETTLE_S
        window.seek(7_000)
        window.keymap["volume_down"].trigger()
        window.keymap["volume_down"].trigger()
        window.keymap["mute"].trigger()
        yield SETTLE_S
        print(json.dumps(shown(window)), flush=True)
        window.keymap["quit"].trigger()

    def look(self):  # type: ignore[no-untyped-def]
        window = the_window()
        yield SETTLE_S * 2
        print(json.dumps(shown(window)), flush=True)
        window.keymap["quit"].trigger()


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    driver = Driver(sys.argv[1])
    sys.exit(main(sys.argv[2:]))
