"""The caption clock: video time minus the caption delay, the one "now" of captions.

The rule every feature follows: what shows captions (the video overlay, the
transcript, announcements, the projector, pause after each caption) listens to
`position_changed`, and what seeks to a caption (a transcript line, a find or search
hit, previous / next / replay) calls `seek(caption_ms)`. Only times that belong to
the video itself (chapters, bookmarks, discussion pauses) go to the playback.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from player.core.setting_keys import MAX_DELAY_MS
from player.playback.facade import PlaybackBase


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

    def seek(self, caption_ms: int) -> None:
        """Play from caption time `caption_ms`: the video time its cue shows at."""
        self._playback.seek(max(0, int(self.to_video(caption_ms))))

    def set_delay(self, ms: int) -> None:
        delay = max(-MAX_DELAY_MS, min(MAX_DELAY_MS, int(ms)))
        if delay == self._delay_ms:
            return
        self._delay_ms = delay
        self.delay_changed.emit(delay)
        self.position_changed.emit(self.position())

    def _on_video_position(self, ms: int) -> None:
        self.position_changed.emit(ms - self._delay_ms)
