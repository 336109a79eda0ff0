"""The video with its captions: follows the caption clock and the tracks on show."""

from __future__ import annotations

from PySide6.QtCore import QObject

from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.playback.controls import CAPTIONS_OFF
from player.video.video_view import VideoView

VIDEO_TIP = "Video (Space or K: play/pause; arrows: seek and volume)"


class VideoFeature(QObject):
    """Puts frames, captions and the story's attribution on `view`; C / Shift+C."""

    def __init__(self, ctx: PlayerContext, view: VideoView | None = None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.view = view if view is not None else VideoView(ctx.window)
        self.view.setToolTip(VIDEO_TIP)
        self._last_caption_index: int | None = None
        ctx.playback.set_video_output(self.view.video_item)
        ctx.actions.scope_to_video(self.view)
        ctx.clock.position_changed.connect(self.view.set_position)
        ctx.showing.video_changed.connect(self._show_stories)
        ctx.showing.tracks_changed.connect(self._on_tracks)
        ctx.stories.changed.connect(self._show_stories)
        self.view.play_toggle_requested.connect(ctx.playback.toggle)
        self.view.full_screen_requested.connect(ctx.actions["full_screen"].trigger)

    def contribution(self) -> Contribution:
        return Contribution(
            commands={
                "captions": self.toggle_captions,
                "next_language": self.next_language,
            }
        )

    def _show_stories(self, *_args: object) -> None:
        """The lower third where the stories play in the captions shown, with the
        notice of a story whose words differ from the reviewed version."""
        stories = self.ctx.stories
        self.view.set_segments(stories.segments(), stories.notices())

    def _on_tracks(self) -> None:
        showing = self.ctx.showing
        self._show_stories()
        self.view.set_tracks(showing.shown_tracks())
        self.ctx.actions["captions"].setChecked(showing.caption_index != CAPTIONS_OFF)

    def toggle_captions(self) -> None:
        """C: captions off, or back on in the language last shown."""
        showing = self.ctx.showing
        if showing.caption_index != CAPTIONS_OFF:
            self._last_caption_index = showing.caption_index
            showing.select_captions(CAPTIONS_OFF)
        elif showing.session is not None:
            index = self._last_caption_index
            showing.select_captions(
                showing.session.default_index() if index is None else index
            )

    def next_language(self) -> None:
        """Shift+C: the next caption track that loads, round to the first."""
        showing = self.ctx.showing
        session = showing.session
        if session is None or not session.caption_refs:
            return
        count = len(session.caption_refs)
        for offset in range(1, count + 1):
            index = (showing.chosen_index() + offset) % count
            unreadable = session.ready(index) and session.track(index) is None
            if not unreadable or offset == count:
                showing.select_captions(index)
                return
