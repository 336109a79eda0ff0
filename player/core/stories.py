"""The stories of the video shown: intact, altered or not sealed, and where they play.

Checking a story loads every track of the video, so it runs on a worker thread (as
the module check does) and the result comes back to the window's thread; until then
the stories are where the manifest puts them, with no notice. Every surface asks
here: the lower third, the transcript's story block, the chapters, "play the
story", the projector, and the window's message area.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QTimer, Signal

from captions.model import Track
from media.model import Module, Segment, Video
from media.story_status import ALTERED, StoryStatus, following_segments, story_statuses
from media.storytelling import CAPTION_KINDS, load_video_tracks
from player.core.notify import Notify
from player.core.now_showing import NowShowing

STORY_TOPIC = "story"  # the window's messages about the stories
COLLECT_MS = 15  # how often a finished check is looked for while one runs


@dataclass(frozen=True)
class StoryReport:
    """What the check found for one video."""

    video: Video
    statuses: tuple[StoryStatus, ...] = ()
    by_track: dict[str, tuple[Segment, ...]] = field(default_factory=dict)
    problem: str = ""

    def notices(self) -> dict[str, str]:
        """Each story's notice by segment id, for the stories that have one."""
        return {s.segment.id: s.notice for s in self.statuses if s.notice}


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(path)


def check_video(video: Video, module: Module | None) -> StoryReport:
    """The stories' states, and their bounds in each captions track (slow: a worker
    thread calls it)."""
    try:
        loaded = load_video_tracks(video)
        statuses = tuple(story_statuses(video, module, loaded))
        by_track = {
            _key(ref.file): following_segments(video.segments, track, ref.file)
            for ref, track in loaded.of_kind(CAPTION_KINDS)
        }
    except Exception as exc:  # a check that fails must never stop the video
        return StoryReport(video, problem=f"The stories could not be checked: {exc}")
    return StoryReport(video, statuses, by_track)


def _fill(future: Future[StoryReport], video: Video, module: Module | None) -> None:
    """The worker thread's whole job: check, and put the report in the future."""
    future.set_result(check_video(video, module))


class ShownStories(QObject):
    """The stories of the video on show; `changed` when their check comes back.

    The worker thread never touches a Qt object: it fills a future, which a timer
    of this object's own collects on the window's thread (so a window closed
    meanwhile takes the timer with it, and nothing is sent to a deleted object).
    """

    changed = Signal()

    def __init__(
        self, showing: NowShowing, notify: Notify, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._showing = showing
        self._notify = notify
        self._report: StoryReport | None = None
        self._pending: list[Future[StoryReport]] = []
        self._collect = QTimer(self, interval=COLLECT_MS)
        self._collect.timeout.connect(self._take_finished)
        showing.video_changed.connect(self._start)

    # -- what the surfaces ask ------------------------------------------------------

    def is_checked(self) -> bool:
        """Whether the check of the video shown has come back."""
        report, video = self._report, self._showing.video
        return report is not None and report.video is video

    def segments_for(self, track: Track | None) -> tuple[Segment, ...]:
        """The video's stories where their cues play in `track` (a timing fix
        followed); as the manifest writes them until the check comes back."""
        video = self._showing.video
        if video is None:
            return ()
        report = self._report if self.is_checked() else None
        if report is None:
            return video.segments
        if track is not None and track.source:
            found = report.by_track.get(_key(track.source))
            if found is not None:
                return found
        bounds = {s.segment.id: (s.start_ms, s.end_ms) for s in report.statuses}
        return tuple(
            replace(s, start_ms=bounds[s.id][0], end_ms=bounds[s.id][1])
            if s.id in bounds
            else s
            for s in video.segments
        )

    def segments(self) -> tuple[Segment, ...]:
        """The stories where they play in the track captions follow now."""
        return self.segments_for(self._showing.current_track())

    def notices(self) -> dict[str, str]:
        """The notice of each story that has one (altered, or not sealed), by id."""
        return self._report.notices() if self.is_checked() and self._report else {}

    def altered_notices(self) -> dict[str, str]:
        """Only the notices of stories whose words differ from the reviewed ones."""
        if not self.is_checked() or self._report is None:
            return {}
        return {
            s.segment.id: s.notice for s in self._report.statuses if s.state == ALTERED
        }

    def statuses(self) -> tuple[StoryStatus, ...]:
        return self._report.statuses if self.is_checked() and self._report else ()

    # -- checking --------------------------------------------------------------------

    def _start(self, video: Video) -> None:
        self._notify.clear(STORY_TOPIC)
        if not video.segments:
            self._report = StoryReport(video)
            self.changed.emit()
            return
        future: Future[StoryReport] = Future()
        module = self._showing.module
        threading.Thread(
            target=_fill, args=(future, video, module), name="story-check", daemon=True
        ).start()
        self._pending.append(future)
        self._collect.start()

    def _take_finished(self) -> None:
        for future in [f for f in self._pending if f.done()]:
            self._pending.remove(future)
            self._take(future.result())
        if not self._pending:
            self._collect.stop()

    def _take(self, report: StoryReport) -> None:
        """Keep the report of the video still shown; say its notices in the window."""
        if report.video is not self._showing.video:
            return
        self._report = report
        messages = list(report.notices().values())
        self._notify.set_problems(
            STORY_TOPIC, [report.problem] if report.problem else messages
        )
        self.changed.emit()
