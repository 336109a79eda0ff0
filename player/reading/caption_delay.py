"""The caption delay (Z / Shift+Z): the one place caption time meets video time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from player.core.settings import read_int, reading_settings, video_key
from player.reading.playback_rate import insert_after

if TYPE_CHECKING:
    from player.playback.facade import PlaybackBase
    from player.shell.main_window import MainWindow

DELAY_STEP_MS = 100
MAX_DELAY_MS = 60_000


class CaptionClock(QObject):
    """Video time minus the caption delay: the "now" captions and the transcript use.

    Each playback position (a frame's own time) becomes one caption position at once,
    so a caption still changes on the frame that reaches its cue time plus the delay.
    A positive delay shows captions later, a negative one earlier.
    """

    position_changed = Signal(int)
    delay_changed = Signal(int)

    def __init__(self, playback: PlaybackBase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._playback = playback
        self._delay_ms = 0
        playback.position_changed.connect(self._on_video_position)

    def delay_ms(self) -> int:
        return self._delay_ms

    def position(self) -> int:
        return self.to_caption(self._playback.position())

    def to_caption(self, video_ms: int) -> int:
        return video_ms - self._delay_ms

    def to_video(self, caption_ms: int) -> int:
        return caption_ms + self._delay_ms

    def set_delay(self, ms: int) -> None:
        delay = max(-MAX_DELAY_MS, min(MAX_DELAY_MS, int(ms)))
        if delay == self._delay_ms:
            return
        self._delay_ms = delay
        self.delay_changed.emit(delay)
        self.position_changed.emit(self.position())

    def _on_video_position(self, ms: int) -> None:
        self.position_changed.emit(ms - self._delay_ms)


def delay_text(ms: int) -> str:
    """ "Captions +300 ms" (later) or "Captions -200 ms" (earlier)."""
    return f"Captions {ms:+d} ms"


def spoken_delay(ms: int) -> str:
    if ms == 0:
        return "Captions in time with the video"
    way = "later" if ms > 0 else "earlier"
    return f"Captions {abs(ms)} milliseconds {way}"


class CaptionDelay(QObject):
    """Z / Shift+Z / reset, the delay shown in the controls, remembered per video."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.clock: CaptionClock = window.caption_clock
        self.label = QLabel(window.controls)
        self.label.setObjectName("captionDelayLabel")
        self.label.hide()
        insert_after(window.controls.time_label, self.label)
        keymap = window.keymap
        keymap.connect("captions_earlier", lambda: self.change(-DELAY_STEP_MS))
        keymap.connect("captions_later", lambda: self.change(DELAY_STEP_MS))
        keymap.connect("reset_caption_delay", lambda: self.change(None))
        self.label.setToolTip(
            f"Caption timing ({keymap.tooltip('captions_earlier')},"
            f" {keymap.tooltip('captions_later')})"
        )
        self.clock.delay_changed.connect(self._show)
        window.video_shown.connect(self._load)

    def change(self, delta_ms: int | None) -> None:
        """Move captions by `delta_ms` (None: back in time with the video); remember."""
        delay = 0 if delta_ms is None else self.clock.delay_ms() + delta_ms
        self.clock.set_delay(delay)
        self._save()
        message = spoken_delay(self.clock.delay_ms())
        self.window.statusBar().showMessage(message, 3000)
        self.window.status.announce(message)

    def _key(self) -> str | None:
        key = video_key(self.window)
        return f"reading/delay/{key}" if key else None

    def _save(self) -> None:
        key = self._key()
        if key is None:
            return
        settings = reading_settings()
        if self.clock.delay_ms():
            settings.setValue(key, self.clock.delay_ms())
        else:
            settings.remove(key)

    def _load(self) -> None:
        key = self._key()
        self.clock.set_delay(read_int(key, 0) if key else 0)

    def _show(self, ms: int) -> None:
        self.label.setText(delay_text(ms))
        self.label.setAccessibleName(spoken_delay(ms))
        self.label.setVisible(ms != 0)
