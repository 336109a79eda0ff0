"""Pause after each caption: stop on the last frame of each cue, then continue."""

from __future__ import annotations

from PySide6.QtCore import QObject

from captions.model import Track
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import PAUSE_AFTER_CAPTION

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

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self._last_ms: int | None = None
        self.frame_ms = DEFAULT_FRAME_MS
        self.action = ctx.actions["pause_after_caption"]
        self.action.setChecked(ctx.settings.get(PAUSE_AFTER_CAPTION))
        self.action.toggled.connect(self._on_toggled)
        ctx.clock.position_changed.connect(self._on_position)

    def contribution(self) -> Contribution:
        return Contribution()  # its menu item is in the keymap table

    @property
    def enabled(self) -> bool:
        return self.action.isChecked()

    def _on_toggled(self, on: bool) -> None:
        self.ctx.settings.set(PAUSE_AFTER_CAPTION, on)
        self.ctx.notify.say("Pause after each caption " + ("on" if on else "off"))

    def _on_position(self, ms: int) -> None:
        last, self._last_ms = self._last_ms, ms
        playback = self.ctx.playback
        if last is None or not playback.is_playing():
            return
        step, frame_ms = ms - last, self.frame_ms
        if 0 < step <= 100:
            self.frame_ms = step  # measured for the next step, not this one
        track = self.ctx.showing.current_track()
        if not self.enabled or track is None or not 0 < step <= MAX_PLAY_STEP_MS:
            return
        ends = pause_points(track, last, ms, frame_ms)
        if ends:
            self._pause_before(ends[0], ms)

    def _pause_before(self, end_ms: int, now_ms: int) -> None:
        """Pause showing the caption that ends at `end_ms` (caption time)."""
        self.ctx.playback.pause()
        hold = min(now_ms, end_ms - 1)
        self._last_ms = hold
        self.ctx.clock.seek(hold)
