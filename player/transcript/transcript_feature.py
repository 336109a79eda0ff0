"""The transcript beside the video: follows the caption clock, seeks through it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt

from captions.model import Track
from player.core.context import PlayerContext
from player.core.contribution import TRANSCRIPT, Contribution, Panel
from player.transcript.panel import TranscriptPanel
from player.transcript.rows import TranscriptRows
from player.transcript.rows_jobs import RowsJobs


class TranscriptFeature(QObject):
    """Shows the transcript's track; a chosen line or find match plays its cue."""

    def __init__(
        self, ctx: PlayerContext, panel: TranscriptPanel | None = None
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.panel = panel if panel is not None else TranscriptPanel(ctx.window)
        self.panel.setObjectName("transcriptPanel")
        self._shown: tuple[object, ...] | None = None  # (track, stories, notices)
        self.rows_jobs = RowsJobs(self)
        ctx.clock.position_changed.connect(self.panel.set_position)
        ctx.showing.tracks_changed.connect(self._on_tracks)
        ctx.showing.loading_changed.connect(self.panel.set_loading)
        ctx.stories.changed.connect(self._on_tracks)
        self.panel.seek_requested.connect(self.play_from)

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

    def play_from(self, caption_ms: int) -> None:
        """A line or find match chosen (click, Enter, double-click): play from its cue.

        Moving through the lines with the arrow keys only reads them; it never seeks.
        """
        self.ctx.clock.seek(caption_ms)  # a cue's time is caption time
        self.ctx.playback.play()

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
        """The transcript's track, its stories where their cues play in it (after
        a timing fix too) and their notices; shown again only when one changed."""
        track = self.ctx.showing.transcript_track
        stories = self.ctx.stories
        shown = (track, stories.segments_for(track), stories.notices())
        if self._shown is None or any(
            new is not old and new != old
            for new, old in zip(shown, self._shown, strict=True)
        ):
            self._shown = shown
            shown_now = self.rows_jobs.work_out(
                track, shown[1], shown[2], lambda rows: self._show(track, rows)
            )
            if not shown_now:
                self.panel.set_loading(True)  # the long track's rows are coming
            return
        self.panel.set_position(self.ctx.clock.position())

    def _show(self, track: Track | None, rows: TranscriptRows) -> None:
        """The rows of `track`, now or when worked out, marked where the video is."""
        self.panel.show_rows(track, rows)
        self.panel.set_position(self.ctx.clock.position())
