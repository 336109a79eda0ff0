"""Each video resumes where it was left ("reading/position/<module id>/<video id>")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from captions.timefmt import format_clock, format_spoken
from player.core.settings import read_int, reading_settings, video_key

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow

SAVE_EVERY_MS = 5000
# Closer than this to either end there is nothing worth resuming.
NEAR_END_MS = 5000


class ResumePosition(QObject):
    """Saves the place every 5 s of playing, on pause, on close and on video change.

    On showing a video it seeks to the saved place once the window has settled (so
    the transcript can scroll to it), unless something chose a place meanwhile: the
    command line's --at or a search hit wins.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._key: str | None = None
        self._last_ms = 0
        self._saved_ms = 0
        self._pending = False
        playback = window.playback
        playback.position_changed.connect(self._on_position)
        playback.playing_changed.connect(self._on_playing)
        window.video_shown.connect(self._on_video_shown)
        window.installEventFilter(self)

    def save(self) -> None:
        """Write the place of the video last shown (cleared near its start or end)."""
        if self._key is None:
            return
        ms, duration = self._last_ms, self.window.playback.duration()
        settings = reading_settings()
        if ms < NEAR_END_MS or (duration and ms > duration - NEAR_END_MS):
            settings.remove(self._key)
        else:
            settings.setValue(self._key, ms)
        self._saved_ms = ms

    def saved_ms(self) -> int:
        return read_int(self._key, 0) if self._key else 0

    def _on_position(self, ms: int) -> None:
        key = video_key(self.window)
        if self._key is None or key is None or self._key != f"reading/position/{key}":
            return  # the new video's source is loading; its video_shown comes next
        self._last_ms = ms
        if abs(ms - self._saved_ms) >= SAVE_EVERY_MS:
            self.save()

    def _on_playing(self, playing: bool) -> None:
        if not playing:
            self.save()

    def _on_video_shown(self) -> None:
        self.save()  # the video shown before, at its last place
        key = video_key(self.window)
        self._key = f"reading/position/{key}" if key else None
        self._last_ms = self._saved_ms = self.window.playback.position()
        saved = self.saved_ms()
        duration = self.window.playback.duration()
        if saved < NEAR_END_MS or (duration and saved > duration - NEAR_END_MS):
            return
        key, start = self._key, self.window.playback.position()
        self._pending = True
        QTimer.singleShot(0, self, lambda: self._resume(key, start, saved))

    def cancel_pending(self) -> None:
        """The user asked for a place (--at 0:00 included): do not resume over it."""
        self._pending = False

    def _resume(self, key: str | None, start: int, saved: int) -> None:
        if not self._pending:
            return
        self._pending = False
        if key != self._key or self.window.playback.position() != start:
            return  # another video, or another place, was chosen since
        self.window.seek(saved)
        self.window.statusBar().showMessage(f"Resumed at {format_clock(saved)}", 4000)
        self.window.status.announce(f"Resumed at {format_spoken(saved)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.save()
        return False
