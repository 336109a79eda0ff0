"""Each video resumes where it was left ("reading/position/<module id>/<video id>")."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from captions.timefmt import format_clock, format_spoken
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import POSITION
from player.core.settings import IntKey

SAVE_EVERY_MS = 5000
# Closer than this to either end there is nothing worth resuming.
NEAR_END_MS = 5000


class ResumePosition(QObject):
    """Saves the place every 5 s of playing, on pause, on close and on video change.

    On showing a video it seeks to the saved place once the window has settled (so
    the transcript can scroll to it), unless something chose a place meanwhile: the
    command line's --at or a search hit wins.
    """

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self._key: IntKey | None = None
        self._last_ms = 0
        self._saved_ms = 0
        self._pending = False
        ctx.playback.position_changed.connect(self._on_position)
        ctx.playback.playing_changed.connect(self._on_playing)
        ctx.showing.video_changed.connect(self._on_video_shown)

    def contribution(self) -> Contribution:
        return Contribution(on_close=self.save)

    def _shown_key(self) -> IntKey | None:
        key = self.ctx.showing.video_key()
        return POSITION.at(key) if key else None

    def save(self) -> None:
        """Write the place of the video last shown (cleared near its start or end)."""
        if self._key is None:
            return
        ms, duration = self._last_ms, self.ctx.playback.duration()
        if ms < NEAR_END_MS or (duration and ms > duration - NEAR_END_MS):
            self.ctx.settings.remove(self._key)
        else:
            self.ctx.settings.set(self._key, ms)
        self._saved_ms = ms

    def saved_ms(self) -> int:
        return self.ctx.settings.get(self._key) if self._key else 0

    def _on_position(self, ms: int) -> None:
        key = self._shown_key()
        if self._key is None or key is None or self._key != key:
            return  # the new video's source is loading; its video_changed comes next
        self._last_ms = ms
        if abs(ms - self._saved_ms) >= SAVE_EVERY_MS:
            self.save()

    def _on_playing(self, playing: bool) -> None:
        if not playing:
            self.save()

    def _on_video_shown(self, _video: object = None) -> None:
        self.save()  # the video shown before, at its last place
        playback = self.ctx.playback
        self._key = self._shown_key()
        self._last_ms = self._saved_ms = playback.position()
        saved = self.saved_ms()
        duration = playback.duration()
        if saved < NEAR_END_MS or (duration and saved > duration - NEAR_END_MS):
            return
        key, start = self._key, playback.position()
        self._pending = True
        QTimer.singleShot(0, self, lambda: self._resume(key, start, saved))

    def cancel_pending(self) -> None:
        """The user asked for a place (--at 0:00 included): do not resume over it."""
        self._pending = False

    def _resume(self, key: IntKey | None, start: int, saved: int) -> None:
        if not self._pending:
            return
        self._pending = False
        if key != self._key or self.ctx.playback.position() != start:
            return  # another video, or another place, was chosen since
        self.ctx.playback.seek(saved)  # the video's own time
        self.ctx.notify.say(
            f"Resumed at {format_clock(saved)}",
            4000,
            spoken=f"Resumed at {format_spoken(saved)}",
        )
