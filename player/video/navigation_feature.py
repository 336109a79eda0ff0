"""Moving around a module: the video list (N / Shift+N), chapters and the story."""

from __future__ import annotations

from PySide6.QtCore import QObject

from media.model import Module, Video
from player.core.context import PlayerContext
from player.core.contribution import CHAPTERS, VIDEOS, Contribution, Panel
from player.video.chapters import ChapterList
from player.video.video_list import VideoList


class ModuleNavigation(QObject):
    """The module's videos and the video's chapters, as panels that ask to move."""

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
        showing = ctx.showing
        showing.module_changed.connect(self._on_module)
        showing.video_changed.connect(self._on_video)
        self.videos.video_chosen.connect(showing.show_video)
        self.chapters.seek_requested.connect(ctx.playback.seek)  # video time
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
            },
        )

    def _describe(self) -> None:
        actions = self.ctx.actions
        self.videos.previous_button.setToolTip(actions.tooltip("previous_video"))
        self.videos.next_button.setToolTip(actions.tooltip("next_video"))
        self.videos.list.setToolTip(
            "Videos in this module (N / Shift+N: next, previous)"
        )
        self.chapters.list.setToolTip("Chapters: Enter jumps to one")
        self.chapters.story_button.setToolTip(actions.tooltip("play_story"))

    def _on_module(self, module: Module) -> None:
        self.videos.set_videos(module.videos, None)

    def _on_video(self, video: Video) -> None:
        session = self.ctx.showing.session
        self.videos.set_current(video.id)
        self.ctx.actions["play_story"].setEnabled(bool(video.segments))
        self.chapters.set_content(
            session.chapters if session is not None else None, video.segments
        )

    def play_story(self) -> None:
        """Start the story under the playhead, else the video's first, at its start."""
        video, playback = self.ctx.showing.video, self.ctx.playback
        if video is None or not video.segments:
            return
        segment = video.segment_at(playback.position()) or video.segments[0]
        playback.seek(segment.start_ms)
        playback.play()
