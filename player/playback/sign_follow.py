"""The sign-language video's playback, slaved to the main video's.

A second facade plays the sign video, silent; it follows the main facade's play,
pause, seek, rate and end, and is kept within a frame of it (player/playback/
sign_drift.py decides how). It never sets anything on the main facade.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from player.playback.facade import PlaybackBase
from player.playback.sign_drift import SEEK_BEYOND_MS, correct_drift

SETTLE_S = 1.0  # after a seek, the sign video's next frame is awaited at most this long
RATE_STEP = 0.005  # a rate nearer than this to the one set is not set again


class SignFollower(QObject):
    """Keeps `sign` on `main`'s time; `set_source` loads a video's sign track."""

    source_changed = Signal(object)  # the sign video's path, or None

    def __init__(
        self,
        main: PlaybackBase,
        sign: PlaybackBase,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.main = main
        self.sign = sign
        self.source: Path | None = None
        self._clock = clock
        self._sign_frame_at = clock()
        self._settling_since: float | None = None
        self._seeking = False
        self._sought_ms = 0
        self._silence()
        main.playing_changed.connect(self._follow_playing)
        main.rate_changed.connect(lambda _rate: self._set_sign_rate(main.rate()))
        main.position_changed.connect(self._follow_position)
        sign.position_changed.connect(self._on_sign_frame)
        sign.media_loaded.connect(self._catch_up)

    def _silence(self) -> None:
        """The sign video never makes a sound, whatever its file holds."""
        self.sign.set_volume(0)
        self.sign.set_muted(True)

    def set_source(self, path: Path | None) -> None:
        """Play `path` in step with the main video; None: stop and show nothing."""
        if path == self.source:
            return
        self.source = path
        self.sign.pause()
        self.sign.set_source(path)
        self._silence()
        self.source_changed.emit(path)
        if path is not None:
            self._catch_up()

    def _catch_up(self) -> None:
        """The main video's time, rate and play state, at once."""
        if self.source is None:
            return
        self._set_sign_rate(self.main.rate())
        self._seek(self.main.position())
        if self.main.is_playing():
            self.sign.play()

    def _follow_playing(self, playing: bool) -> None:
        if self.source is None:
            return
        if playing:
            self._seek(self.main.position())
            self.sign.play()
        else:
            self.sign.pause()
            self._seek(self.main.position())  # the same still frame, end included

    def _follow_position(self, main_ms: int) -> None:
        if self.source is None:
            return
        playing = self.main.is_playing()
        if self._settling():
            if self._jumped_since_seek(main_ms, playing):
                self._seek(main_ms)  # the main video was sought again meanwhile
            return
        age_ms = round((self._clock() - self._sign_frame_at) * 1000)
        correction = correct_drift(
            main_ms,
            self.sign.position(),
            age_ms if self.sign.is_playing() else 0,
            self.main.rate(),
            playing,
            self.sign.duration(),
        )
        if correction.seek_to is not None:
            self._seek(correction.seek_to)
            self._set_sign_rate(self.main.rate())
        elif playing:
            self._set_sign_rate(correction.rate)
        if playing and not self.sign.is_playing() and self._within_sign(main_ms):
            self.sign.play()

    def _within_sign(self, main_ms: int) -> bool:
        duration = self.sign.duration()
        return not duration or main_ms < duration

    def _jumped_since_seek(self, main_ms: int, playing: bool) -> bool:
        since = self._settling_since or self._clock()
        moved = (self._clock() - since) * 1000 * self.main.rate() if playing else 0
        return abs(main_ms - (self._sought_ms + moved)) > SEEK_BEYOND_MS

    def _seek(self, ms: int) -> None:
        self._sought_ms = ms
        self._seeking = True  # the seek's own position report is not a frame
        try:
            self.sign.seek(ms)
        finally:
            self._seeking = False
        self._settling_since = self._clock()

    def _settling(self) -> bool:
        """Just after a seek, until its first frame or SETTLE_S, drift means little."""
        since = self._settling_since
        if since is not None and self._clock() - since > SETTLE_S:
            self._settling_since = None
        return self._settling_since is not None

    def _on_sign_frame(self, _ms: int) -> None:
        if self._seeking:
            return
        self._settling_since = None
        self._sign_frame_at = self._clock()

    def _set_sign_rate(self, rate: float) -> None:
        now = self.sign.rate()
        exact = rate == self.main.rate() and now != rate
        if exact or abs(now - rate) >= RATE_STEP:
            self.sign.set_rate(rate)

    def drift_ms(self) -> int:
        """The sign video's frame time less the main video's (for tests and checks)."""
        return self.sign.position() - self.main.position()
