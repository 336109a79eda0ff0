"""Stops playback at discussion pauses, on the frame that reaches them."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from media.model import Pause, Video
from media.pauses import (
    all_pauses,
    next_pause,
    pause_problem,
    pause_reached,
    pauses_from_json,
    pauses_to_json,
)
from player.core.setting_keys import ADDED_PAUSES, PAUSES_ENABLED
from player.core.settings import Settings
from player.playback.facade import STALE_FRAME_MS, PlaybackBase

ENABLED_KEY = PAUSES_ENABLED.name


def added_key(module_id: str, video_id: str) -> str:
    return ADDED_PAUSES.at(module_id, video_id).name


class PauseController(QObject):
    """The video's pauses (manifest + the facilitator's own) against the frame position.

    A pause is reached by a playing step across its time; playback pauses there and
    lands exactly on it. A pause once reached (or skipped) stays behind until the
    playhead goes back well before it, so continuing never stops at it again.
    """

    reached = Signal(object)  # the Pause just stopped at
    changed = Signal()  # the list, the next pause, on/off, or the stop changed

    def __init__(
        self, playback: PlaybackBase, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.playback = playback
        self.settings = settings
        self.module_id = ""
        self.video: Video | None = None
        self.added: list[Pause] = []
        self.pauses: tuple[Pause, ...] = ()
        self.current: Pause | None = None
        self._landed = False
        self.enabled = settings.get(PAUSES_ENABLED)
        self._skipped: set[int] = set()
        self._behind: set[int] = set()
        self._upcoming: Pause | None = None
        self._previous = playback.position()
        playback.position_changed.connect(self._on_position)
        playback.playing_changed.connect(self._on_playing)

    # -- what the console shows --------------------------------------------------------

    def upcoming(self) -> Pause | None:
        """The next pause ahead of the playhead; `is_skipped` tells if it will stop."""
        return next_pause(self.pauses, self.playback.position())

    def is_skipped(self, pause: Pause) -> bool:
        return pause.at_ms in self._skipped

    # -- facilitator's choices ---------------------------------------------------------

    def set_video(self, module_id: str, video: Video | None) -> None:
        self.module_id, self.video = module_id, video
        key = ADDED_PAUSES.at(module_id, video.id) if video else None
        self.added = pauses_from_json(self.settings.get(key) if key else "")
        self._skipped.clear()
        self._behind.clear()
        self.current, self._landed = None, False
        self._previous = self.playback.position()
        self._recompute()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = bool(enabled)
        self.settings.set(PAUSES_ENABLED, self.enabled)
        self.changed.emit()

    def skip_next(self) -> Pause | None:
        """Let playback run through the next pause once; returns it (None: none)."""
        pause = self.upcoming()
        if pause is not None:
            self._skipped.add(pause.at_ms)
            self.changed.emit()
        return pause

    def add_pause(self, at_ms: int, prompt: str) -> str:
        """Add and keep the facilitator's own pause; returns why not ("" if added)."""
        if self.video is None:
            return "No video is open."
        if not prompt.strip():
            return "Write the question or prompt for the room."
        problem = pause_problem(at_ms, self.video, self.added)
        if problem:
            return problem
        self.added.append(Pause(at_ms, prompt.strip()))
        self.added.sort(key=lambda p: p.at_ms)
        self.settings.set(
            ADDED_PAUSES.at(self.module_id, self.video.id), pauses_to_json(self.added)
        )
        self._recompute()
        return ""

    # -- following the frames ----------------------------------------------------------

    def _recompute(self) -> None:
        self.pauses = all_pauses(self.video, self.added) if self.video else ()
        self.changed.emit()

    def _on_position(self, ms: int) -> None:
        previous, self._previous = self._previous, ms
        self._behind = {at for at in self._behind if ms >= at - STALE_FRAME_MS}
        if self.current is not None and self._landed and ms != self.current.at_ms:
            self._leave_stop()  # the facilitator moved on without playing
        elif self.upcoming() != self._upcoming:
            self._upcoming = self.upcoming()
            self.changed.emit()  # a seek went past a pause, or back before one
        if not self.playback.is_playing():
            return
        waiting = [p for p in self.pauses if p.at_ms not in self._behind]
        pause = pause_reached(waiting, previous, ms)
        if pause is None:
            return
        self._behind.add(pause.at_ms)
        if pause.at_ms in self._skipped or not self.enabled:
            self._skipped.discard(pause.at_ms)
            self.changed.emit()
            return
        self.playback.pause()
        self.current, self._landed = pause, False
        # Land once every listener has seen this frame: none sees time go out of order.
        QTimer.singleShot(0, lambda: self._land(pause))
        self.reached.emit(pause)
        self.changed.emit()

    def _land(self, pause: Pause) -> None:
        if self.current is pause and not self.playback.is_playing():
            self.playback.seek(pause.at_ms)
            self._landed = True

    def _on_playing(self, playing: bool) -> None:
        if playing and self.current is not None:
            self._leave_stop()

    def _leave_stop(self) -> None:
        self.current, self._landed = None, False
        self.changed.emit()
