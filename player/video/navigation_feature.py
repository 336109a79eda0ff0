"""Moving around a module: the video list (N / Shift+N), chapters and the story."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from media.chapters import (
    RESTART_CHAPTER_AFTER_MS,
    Chapter,
    chapter_description,
    chapter_index_at,
    next_chapter_start,
    previous_chapter_start,
    video_chapters,
)
from media.model import Module, Video
from player.core.actions import shortcut_text
from player.core.context import PlayerContext
from player.core.contribution import CHAPTERS, VIDEOS, Contribution, Panel
from player.video.chapters import ChapterList
from player.video.video_list import VideoList

CHAPTER_KEYS_HELP = (
    f"Previous chapter goes back to the start of the chapter playing when you are "
    f"more than {RESTART_CHAPTER_AFTER_MS // 1000} seconds into it, as media players "
    "do; pressed again at once, it goes to the chapter before."
)


class ModuleNavigation(QObject):
    """The module's videos and the video's chapters, as panels that ask to move.

    The chapter playing follows the video: marked in the list, and said by
    `chapter_described` ("Chapter 3 of 8: …") for the seek slider; the chapters'
    starts go out by `chapters_changed` for its marks.
    """

    chapters_changed = Signal(list)  # the chapters' starts, video time
    chapter_described = Signal(str)  # the chapter playing, "" for none

    def __init__(
        self,
        ctx: PlayerContext,
        videos: VideoList | None = None,
        chapters: ChapterList | None = None,
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.videos = videos if videos is not None else VideoList(ctx.window)
        self.chapters = chapters if chapters is not None else ChapterList(ctx.window)
        self._described = ""
        showing = ctx.showing
        showing.module_changed.connect(self._on_module)
        showing.video_changed.connect(self._on_video)
        showing.tracks_changed.connect(self._show_chapters)
        ctx.stories.changed.connect(self._show_chapters)
        ctx.clock.delay_changed.connect(self._show_chapters)
        ctx.playback.position_changed.connect(self._follow)  # chapters: video time
        self.videos.video_chosen.connect(showing.show_video)
        self.chapters.seek_requested.connect(self.go_to)
        self.chapters.play_story_requested.connect(self.play_story)
        self._describe()

    def contribution(self) -> Contribution:
        return Contribution(
            panels=(
                Panel(VIDEOS, "Videos", self.videos),
                Panel(CHAPTERS, "Chapters", self.chapters),
            ),
            commands={
                "next_video": lambda: self.videos.step(1),
                "previous_video": lambda: self.videos.step(-1),
                "play_story": self.play_story,
                "previous_chapter": self.previous_chapter,
                "next_chapter": self.next_chapter,
            },
        )

    def _describe(self) -> None:
        actions = self.ctx.actions
        self.videos.previous_button.setToolTip(actions.tooltip("previous_video"))
        self.videos.next_button.setToolTip(actions.tooltip("next_video"))
        self.videos.list.setToolTip(
            "Videos in this module (N / Shift+N: next, previous)"
        )
        previous, following = (
            shortcut_text(actions.specs[name])
            for name in ("previous_chapter", "next_chapter")
        )
        self.chapters.list.setToolTip(
            f"Chapters: Enter jumps to one ({previous} / {following}: previous, "
            "next chapter)"
        )
        self.chapters.story_button.setToolTip(actions.tooltip("play_story"))

    def _on_module(self, module: Module) -> None:
        self.videos.set_videos(module.videos, None)

    def _on_video(self, video: Video) -> None:
        self.videos.set_current(video.id)
        self.ctx.actions["play_story"].setEnabled(bool(video.segments))
        self._show_chapters()

    # -- chapters --------------------------------------------------------------------

    def chapter_list(self) -> tuple[Chapter, ...]:
        """The video's chapters, stories starting where their cues play now."""
        showing, clock = self.ctx.showing, self.ctx.clock
        video, session = showing.video, showing.session
        if video is None:
            return ()
        playing = tuple(  # a story's cue times are caption time; chapters video time
            replace(s, start_ms=clock.to_video(s.start_ms))
            for s in self.ctx.stories.segments()
        )
        return video_chapters(
            session.chapters if session is not None else None, video.segments, playing
        )

    def _show_chapters(self) -> None:
        video = self.ctx.showing.video
        chapters = self.chapter_list()
        self.chapters.set_content(chapters, bool(video and video.segments))
        self.ctx.actions["previous_chapter"].setEnabled(bool(chapters))
        self.ctx.actions["next_chapter"].setEnabled(bool(chapters))
        self.chapters_changed.emit([c.start_ms for c in chapters])
        self._follow(self.ctx.playback.position())

    def _follow(self, ms: int) -> None:
        """Mark the chapter playing at video time `ms`; describe it when it changes."""
        chapters = self.chapters.chapters()
        index = chapter_index_at(chapters, ms)
        self.chapters.set_current(index)
        described = chapter_description(chapters, index)
        if described != self._described:
            self._described = described
            self.chapter_described.emit(described)

    def go_to(self, ms: int) -> None:
        """Play from a chapter's start (video time), as a chosen chapter does."""
        self.ctx.playback.seek(ms)
        self._follow(ms)

    def previous_chapter(self) -> None:
        """Ctrl+Shift+Left: this chapter's start if well into it, else the one
        before."""
        self._jump(previous_chapter_start(self.chapters.chapters(), self._now()))

    def next_chapter(self) -> None:
        """Ctrl+Shift+Right: the next chapter's start."""
        start = next_chapter_start(self.chapters.chapters(), self._now())
        if start is None and self.chapters.chapters():
            self.ctx.notify.say("This is the last chapter")
            return
        self._jump(start)

    def _now(self) -> int:
        return self.ctx.playback.position()

    def _jump(self, start: int | None) -> None:
        if start is None:
            return
        self.go_to(start)
        self.ctx.notify.say(self._described or "Chapter")

    def play_story(self) -> None:
        """Start the story under the playhead, else the video's first, at its start.

        Its start is where its cues play now (caption time), after a timing fix too.
        """
        segments = self.ctx.stories.segments()
        if not segments:
            return
        now = self.ctx.clock.position()
        segment = next((s for s in segments if s.contains(now)), segments[0])
        self.ctx.clock.seek(segment.start_ms)
        self.ctx.playback.play()
