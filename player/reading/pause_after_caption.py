"""Pause after each caption: stop on the last frame of each cue, then continue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from player.core.settings import read_bool, reading_settings

if TYPE_CHECKING:
    from captions.model import Track
    from player.shell.main_window import MainWindow

PAUSE_KEY = "reading/pause_after_caption"
DEFAULT_FRAME_MS = 40
# A forward step longer than this is a seek, not playing on: it never pauses.
MAX_PLAY_STEP_MS = 500


def pause_points(track: Track, after_ms: int, upto_ms: int, frame_ms: int) -> list[int]:
    """Cue ends (each one frame early) crossed going from `after_ms` to `upto_ms`."""
    candidates = set(track.active_indices_at(after_ms))
    candidates.update(track.active_indices_at(upto_ms))
    found = []
    for index in candidates:
        cue = track.cues[index]
        point = max(cue.start_ms, cue.end_ms - frame_ms)
        if after_ms < point <= upto_ms:
            found.append(cue.end_ms)
    return sorted(found)


class CaptionPauser(QObject):
    """Pauses while a caption's last frame is shown, so it stays up to be read.

    The pause is predicted one frame early (the frame interval is measured from the
    positions) so the caption is still on screen; when the position has already passed
    the end, it steps back into the cue. Playing again starts past the pause point, so
    the same end never pauses twice in a row.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._last_ms: int | None = None
        self.frame_ms = DEFAULT_FRAME_MS
        self.action = window.keymap["pause_after_caption"]
        self.action.setChecked(read_bool(PAUSE_KEY, False))
        self.action.toggled.connect(self._on_toggled)
        window.caption_clock.position_changed.connect(self._on_position)

    @property
    def enabled(self) -> bool:
        return self.action.isChecked()

    def _on_toggled(self, on: bool) -> None:
        reading_settings().setValue(PAUSE_KEY, on)
        message = "Pause after each caption " + ("on" if on else "off")
        self.window.statusBar().showMessage(message, 3000)
        self.window.status.announce(message)

    def _on_position(self, ms: int) -> None:
        last, self._last_ms = self._last_ms, ms
        playback = self.window.playback
        if last is None or not playback.is_playing():
            return
        step, frame_ms = ms - last, self.frame_ms
        if 0 < step <= 100:
            self.frame_ms = step  # measured for the next step, not this one
        track = self.window.current_track()
        if not self.enabled or track is None or not 0 < step <= MAX_PLAY_STEP_MS:
            return
        ends = pause_points(track, last, ms, frame_ms)
        if ends:
            self._pause_before(ends[0], ms)

    def _pause_before(self, end_ms: int, now_ms: int) -> None:
        """Pause showing the caption that ends at `end_ms` (caption time)."""
        window = self.window
        window.playback.pause()
        hold = min(now_ms, end_ms - 1)
        self._last_ms = hold
        window.seek(window.caption_clock.to_video(hold))
