"""The storytelling segment's start and end, said with its title and teller.

Said whatever has focus, once each time the video plays into the story (design.md
4.1: "a screen reader hears it once when the segment starts"), and its end when the
video plays on past it. Uses `Segment.attribution_line`, which names a stand-in as
a stand-in, the bounds where the story's cues now play (`ctx.stories`, after a timing
fix), and the story's notice when its words differ from the reviewed version, said
with the start (the message area says it on its own when the check comes back).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from media.model import Segment, Video
from player.core.context import PlayerContext
from player.core.voice import NOTIFICATION

PLAYED_ON_MS = 3000  # leaving the story by less than this, forwards, is playing past it


def story_start(segment: Segment, notice: str = "") -> str:
    told = f"Story: {segment.title}. {segment.attribution_line}"
    return f"{told}. {notice}" if notice else told


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
        self._said_notice = ""
        self.said: list[str] = []
        ctx.clock.position_changed.connect(
            self.on_position
        )  # as the video view shows it
        ctx.stories.changed.connect(self._on_checked)

    def on_position(self, ms: int) -> None:
        video = self.ctx.showing.video
        if video is not self._video:
            self._video, self._segment = video, None
        segments = self.ctx.stories.segments() if video is not None else ()
        segment = next((s for s in segments if s.contains(ms)), None)
        last, self._last_ms = self._last_ms, ms
        old = self._segment
        if segment is not None and old is not None and segment.id == old.id:
            # the same story, its bounds moved (the check came back)
            self._segment = segment
            return
        if segment == self._segment:
            return
        left = self._segment
        self._segment = segment
        if left is not None and ms >= left.end_ms and ms - last <= PLAYED_ON_MS:
            self._say(story_end(left))
        if segment is not None:
            notice = self._notice_of(segment)
            self._said_notice = notice
            start = story_start(segment, notice)
            if self.voice.route == NOTIFICATION and self.video_has_focus():
                self.said.append(start)  # Orca reads the video's description
            else:
                self._say(start)

    def _notice_of(self, segment: Segment) -> str:
        return self.ctx.stories.notices().get(segment.id, "")

    def _on_checked(self) -> None:
        """The check came back while a story plays: the window's message area says
        its notice as it shows it (player/core/status.py), so it is not said again
        here, only kept as heard."""
        if self._segment is not None:
            self._said_notice = self._notice_of(self._segment)

    def _say(self, text: str) -> None:
        self.said.append(text)
        self.voice.say(text)
