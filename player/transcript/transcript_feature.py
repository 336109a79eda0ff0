"""The transcript beside the video: follows the caption clock, seeks through it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt

from captions.model import Track
from player.core.context import PlayerContext
from player.core.contribution import TRANSCRIPT, Contribution, Panel
from player.transcript.panel import TranscriptPanel


class TranscriptFeature(QObject):
    """Shows the transcript's track; a chosen line or find match plays its cue."""

    def __init__(
        self, ctx: PlayerContext, panel: TranscriptPanel | None = None
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.panel = panel if panel is not None else TranscriptPanel(ctx.window)
        self.panel.setObjectName("transcriptPanel")
        self._track: Track | None = None
        self._shown_once = False
        ctx.clock.position_changed.connect(self.panel.set_position)
        ctx.showing.tracks_changed.connect(self._on_tracks)
        self.panel.seek_requested.connect(
            ctx.clock.seek
        )  # a cue's time is caption time

    def contribution(self) -> Contribution:
        return Contribution(
            panels=(Panel(TRANSCRIPT, "Transcript", self.panel, toggle="transcript"),),
            commands={
                "find": self._shown_then(lambda: self.panel.open_find()),
                "find_next": self._shown_then(lambda: self.panel.find_next()),
                "find_previous": self._shown_then(lambda: self.panel.find_previous()),
                "go_to_transcript": self._shown_then(self.go_to_transcript),
            },
        )

    def go_to_transcript(self) -> None:
        """Focus on the line now playing, following the video (screen readers read
        the line at once, then each next one)."""
        self.panel.resume_following()
        self.panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _shown_then(self, how: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            if not self.panel.isVisible():
                self.ctx.actions["transcript"].trigger()  # the panel comes back first
            how()

        return run

    def _on_tracks(self) -> None:
        showing = self.ctx.showing
        track = showing.transcript_track
        if track is not self._track or not self._shown_once:
            self._track, self._shown_once = track, True
            segments = showing.video.segments if showing.video is not None else ()
            self.panel.set_track(track, segments)
        self.panel.set_position(self.ctx.clock.position())
