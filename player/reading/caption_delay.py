"""The caption delay (Z / Shift+Z): captions earlier or later, remembered per video."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import CAPTION_DELAY

DELAY_STEP_MS = 100


def delay_text(ms: int) -> str:
    """ "Captions +300 ms" (later) or "Captions -200 ms" (earlier)."""
    return f"Captions {ms:+d} ms"


def spoken_delay(ms: int) -> str:
    if ms == 0:
        return "Captions in time with the video"
    way = "later" if ms > 0 else "earlier"
    return f"Captions {abs(ms)} milliseconds {way}"


class CaptionDelay(QObject):
    """Z / Shift+Z / reset, the delay shown in the transport bar, kept per video.

    It only sets the caption clock's delay: everything that shows or seeks captions
    goes through that clock.
    """

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.clock = ctx.clock
        self.label = QLabel(ctx.window)  # the shell places it in the transport bar
        self.label.setObjectName("captionDelayLabel")
        self.label.hide()
        actions = ctx.actions
        self.label.setToolTip(
            f"Caption timing ({actions.tooltip('captions_earlier')},"
            f" {actions.tooltip('captions_later')})"
        )
        self.clock.delay_changed.connect(self._show)
        ctx.showing.video_changed.connect(self._load)

    def contribution(self) -> Contribution:
        return Contribution(
            indicators=(self.label,),
            commands={
                "captions_earlier": lambda: self.change(-DELAY_STEP_MS),
                "captions_later": lambda: self.change(DELAY_STEP_MS),
                "reset_caption_delay": lambda: self.change(None),
            },
        )

    def change(self, delta_ms: int | None) -> None:
        """Move captions by `delta_ms` (None: back in time with the video); remember."""
        delay = 0 if delta_ms is None else self.clock.delay_ms() + delta_ms
        self.clock.set_delay(delay)
        self._save()
        self.ctx.notify.say(spoken_delay(self.clock.delay_ms()))

    def _save(self) -> None:
        key = self.ctx.showing.video_key()
        if key is None:
            return
        if self.clock.delay_ms():
            self.ctx.settings.set(CAPTION_DELAY.at(key), self.clock.delay_ms())
        else:
            self.ctx.settings.remove(CAPTION_DELAY.at(key))

    def _load(self, _video: object = None) -> None:
        key = self.ctx.showing.video_key()
        self.clock.set_delay(self.ctx.settings.get(CAPTION_DELAY.at(key)) if key else 0)

    def _show(self, ms: int) -> None:
        self.label.setText(delay_text(ms))
        self.label.setAccessibleName(spoken_delay(ms))
        self.label.setVisible(ms != 0)
