"""The storytelling segment's start and end, said with its title and teller.

Said whatever has focus, once each time the video plays into the story (design.md
4.1: "a screen reader hears it once when the segment starts"), and its end when the
video plays on past it. Uses `Segment.attribution_line`, which names a stand-in as
a stand-in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from media.model import Segment, Video
from player.core.context import PlayerContext
from player.core.voice import NOTIFICATION

PLAYED_ON_MS = 3000  # leaving the story by less than this, forwards, is playing past it


def story_start(segment: Segment) -> str:
    return f"Story: {segment.title}. {segment.attribution_line}"


def story_end(segment: Segment) -> str:
    return f"End of the story: {segment.title}. {segment.attribution_line}"


class StoryAnnouncer(QObject):
    """Follows the time the attribution line follows; says a story's start and end.

    `video_has_focus()`: Orca already reads the focused video's description, which
    names the story when it starts, so on that route the start is not said twice.
    """

    def __init__(
        self, ctx: PlayerContext, video_has_focus: Callable[[], bool] = lambda: False
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.voice = ctx.notify.voice
        self.video_has_focus = video_has_focus
        self._video: Video | None = None
        self._segment: Segment | None = None
        self._last_ms = 0
        self.said: list[str] = []
        ctx.clock.position_changed.connect(
            self.on_position
        )  # as the video view shows it

    def on_position(self, ms: int) -> None:
        video = self.ctx.showing.video
        if video is not self._video:
            self._video, self._segment = video, None
        segments = video.segments if video is not None else ()
        segment = next((s for s in segments if s.contains(ms)), None)
        last, self._last_ms = self._last_ms, ms
        if segment == self._segment:
            return
        left = self._segment
        self._segment = segment
        if left is not None and ms >= left.end_ms and ms - last <= PLAYED_ON_MS:
            self._say(story_end(left))
        if segment is not None:
            if self.voice.route == NOTIFICATION and self.video_has_focus():
                self.said.append(story_start(segment))  # Orca reads the description
            else:
                self._say(story_start(segment))

    def _say(self, text: str) -> None:
        self.said.append(text)
        self.voice.say(text)
