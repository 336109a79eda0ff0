"""The transcript panel: the list that follows the video, find, and "Follow video".

It only emits intents (`seek_requested(ms)`: a line or match chosen, to play from);
the transcript feature plays from there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from captions.model import Track
from media.model import Segment
from player.transcript.find_bar import FindBar
from player.transcript.model import TranscriptModel
from player.transcript.rows import TranscriptRows, transcript_rows
from player.transcript.view import TranscriptView

NO_TRANSCRIPT = "No transcript for this video."
LOADING_TRANSCRIPT = "Loading the transcript…"


class TranscriptPanel(QWidget):
    """A track as a transcript that follows `set_position` until the user scrolls."""

    seek_requested = Signal(int)
    following_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Transcript panel")
        self.model = TranscriptModel(self)
        self.view = TranscriptView(self.model, self)
        self.find_bar = FindBar(self.model, self)
        self.follow_button = QPushButton("Follow video", self)
        self.follow_button.setAccessibleName("Follow video")
        self.follow_button.setAccessibleDescription(
            "Scroll the transcript back to the cue now playing and keep it in view."
        )
        self.follow_button.setToolTip(
            "Follow video: keep the cue now playing in view (stops when you scroll)"
        )
        self.empty_label = QLabel(NO_TRANSCRIPT, self)
        self.empty_label.setAccessibleName(NO_TRANSCRIPT)
        self.empty_label.setWordWrap(True)
        self._following = True
        self._follow_row = -1
        self._build_layout()
        self.view.user_scrolled.connect(self.stop_following)
        self.view.cue_chosen.connect(self._on_cue_chosen)
        self.follow_button.clicked.connect(self.resume_following)
        self.find_bar.match_shown.connect(self._show_match)
        self.find_bar.match_activated.connect(self._activate_match)
        self._show_following()
        self.set_track(None, ())

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(4, 2, 4, 2)
        heading = QLabel("Transcript", self)
        heading.setAccessibleName("Transcript")
        top.addWidget(heading, 1)
        top.addWidget(self.follow_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)

    # -- contract with the window ------------------------------------------------------

    def set_track(
        self,
        track: Track | None,
        segments: Sequence[Segment] = (),
        notices: Mapping[str, str] | None = None,
    ) -> None:
        """Show `track` with its storytelling segments (and the notice of a story
        whose words are not the reviewed ones); None shows "No transcript"."""
        self.show_rows(track, transcript_rows(track, segments, notices))

    def show_rows(self, track: Track | None, rows: TranscriptRows) -> None:
        """Show `track` with its rows already worked out (see rows_jobs.py)."""
        self.model.show_rows(track, rows)
        self._follow_row = -1
        has_cues = track is not None and len(track) > 0
        self.set_loading(False)
        self.empty_label.setVisible(not has_cues)
        self.view.setVisible(has_cues)
        self.view.scroll_to_start()
        self._set_following(True)

    def set_loading(self, loading: bool) -> None:
        """While the track is read the empty transcript says so, not "No transcript"."""
        text = LOADING_TRANSCRIPT if loading else NO_TRANSCRIPT
        self.empty_label.setText(text)
        self.empty_label.setAccessibleName(text)

    def set_position(self, ms: int) -> None:
        """Mark the cue playing at `ms`; while following, select it and show it."""
        row = self.model.set_position(ms)
        if row == self._follow_row or row < 0:
            return
        self._follow_row = row
        if self._following:
            self._track_row(row)
        else:
            self.view.mark_playing(row)  # selected, as a screen reader reports it

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def find_next(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_next()

    def find_previous(self) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
        else:
            self.find_bar.find_previous()

    def set_text_scale(self, percent: int) -> None:
        """Transcript text size in percent of the normal size (100)."""
        self.view.transcript_delegate.set_text_scale(percent)
        self.view.relayout()

    def text_scale(self) -> int:
        return self.view.transcript_delegate.text_scale()

    def set_line_spacing(self, factor: float) -> None:
        """Lines 1 to 2 times as far apart as normal."""
        self.view.transcript_delegate.set_line_spacing(factor)
        self.view.relayout()

    def line_spacing(self) -> float:
        return self.view.transcript_delegate.line_spacing

    def repaint_text(self) -> None:
        """Draw again in the colours now in force (after a theme change)."""
        self.view.viewport().update()

    def speaks_current_line(self) -> bool:
        """True while the focused list follows the video: each line it moves to is
        read by the screen reader as the focus moves (Qt's focus event)."""
        return self._following and self.view.hasFocus() and self.view.isVisible()

    # -- following -------------------------------------------------------------------

    @property
    def following(self) -> bool:
        return self._following

    def stop_following(self) -> None:
        """The user scrolled or moved by hand: leave the view where they put it."""
        self.view.stop_pending_follow()
        self._set_following(False)

    def resume_following(self) -> None:
        """Scroll back to the cue now playing and keep following it."""
        had_focus = self.follow_button.hasFocus()
        self._set_following(True)
        if self._follow_row >= 0:
            self._track_row(self._follow_row, always=True)
        if had_focus:  # the button is now disabled: focus goes to the transcript
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_following(self, following: bool) -> None:
        if following == self._following:
            return
        self._following = following
        self._show_following()
        self.following_changed.emit(following)

    def _show_following(self) -> None:
        self.follow_button.setEnabled(not self._following)
        self.follow_button.setText("Follow video")
        self.follow_button.setAccessibleDescription(
            "The transcript follows the video."
            if self._following
            else "You scrolled away: press to go back to the cue now playing."
        )

    def _track_row(self, row: int, always: bool = False) -> None:
        self.view.follow_row(row, always=always)  # first: the row is then on screen
        self.view.mark_current(row)

    # -- intents from the view and the find bar --------------------------------------

    def _on_cue_chosen(self, row: int, header: bool) -> None:
        self.seek_requested.emit(self.model.seek_ms(row, header))
        self._set_following(True)

    def _show_match(self, row: int) -> None:
        self.stop_following()
        self.view.follow_row(row, always=False)

    def _activate_match(self, row: int) -> None:
        self.view.follow_row(row, always=False)
        self.seek_requested.emit(self.model.cue(row).start_ms)
        self._set_following(True)
