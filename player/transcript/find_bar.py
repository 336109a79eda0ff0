"""Find in transcript (Ctrl+F): incremental, case- and accent-insensitive.

The bar searches the transcript model's own texts, marks every match in the model
(the view highlights them) and says "3 of 12". Moving between matches scrolls the
transcript; activating one (Enter) asks to play from its cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from captions.find import Match, Matches, TrackFinder
from captions.fold import fold
from player.playback.flow_row import FlowRow
from player.transcript.model import TranscriptModel

# A one-letter query can match a hundred thousand times: wait for the next letter.
SHORT_QUERY_DELAY_MS = 300
OWN_KEYS = frozenset(
    {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_F3}
)


def status_text(position: int, total: int, query: str) -> str:
    """What the count label says: "3 of 12", "No matches" or nothing."""
    if not query.strip():
        return ""
    if total == 0:
        return "No matches"
    return f"{position + 1} of {total}" if position >= 0 else f"{total} matches"


class FindBar(QWidget):
    """The find field, its count and next/previous/close buttons, over one model."""

    match_shown = Signal(int)  # row to scroll to (no seeking)
    match_activated = Signal(int)  # row to play from
    closed = Signal()

    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._finder: TrackFinder | None = None
        self._matches: Sequence[Match] | Matches = []
        self._position = -1
        self._activated = False
        self._return_focus: QWidget | None = None
        self.setAccessibleName("Find in transcript")
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in transcript")
        self.field.setAccessibleName("Find in transcript")
        self.field.setAccessibleDescription(
            "Type to find; Enter plays from the match, Enter again goes to the next; "
            "F3 next, Shift+F3 previous, Escape closes."
        )
        self.field.setToolTip("Find in transcript (Ctrl+F)")
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Matches")
        self.count_label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("999 of 9999")
        )
        self.previous_button = self._button("Previous", "Previous match (Shift+F3)")
        self.next_button = self._button("Next", "Next match (F3)")
        self.close_button = self._button("Close", "Close find (Esc)")
        # A usable field in the narrowest transcript: the count and the buttons
        # wrap to a second line before the field gets narrower than this.
        self.field.setMinimumWidth(self.fontMetrics().horizontalAdvance("m" * 12))
        layout = FlowRow(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        for button in (self.previous_button, self.next_button, self.close_button):
            layout.addWidget(button)
        self._short_query_timer = QTimer(
            self, singleShot=True, interval=SHORT_QUERY_DELAY_MS
        )
        self._short_query_timer.timeout.connect(lambda: self._search(self.field.text()))
        self.field.textChanged.connect(self._on_text_changed)
        self.field.installEventFilter(self)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self._model.modelReset.connect(self._forget_track)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAccessibleDescription(tip)
        return button

    # -- opening and closing ---------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar, remember where focus was, and put it in the field."""
        focused = QApplication.focusWidget()
        if focused is not None and not self.isAncestorOf(focused):
            self._return_focus = focused
        if self._finder is None:  # fold the texts now, not on the first keystroke
            self._finder = TrackFinder(self._model.texts())
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self._search(self.field.text())

    def close_bar(self) -> None:
        """Hide the bar, clear the highlights and give focus back."""
        self.hide()
        self._model.set_matches([])
        self._matches, self._position = [], -1
        back = self._return_focus
        self._return_focus = None
        if back is not None and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    # -- searching -------------------------------------------------------------------

    @property
    def matches(self) -> list[Match]:
        return list(self._matches)

    @property
    def position(self) -> int:
        return self._position

    def _forget_track(self) -> None:
        self._finder = None
        self._matches, self._position = [], -1
        if self.isVisible() and self.field.text():
            self._search(self.field.text())
        else:
            self._show_status()

    def _on_text_changed(self, query: str) -> None:
        """Search at once, except a one-letter query: that waits for a typing pause."""
        if 0 < len(fold(query).strip()) < 2:
            self._short_query_timer.start()
        else:
            self._short_query_timer.stop()
            self._search(query)

    def _search(self, query: str) -> None:
        if self._finder is None:
            self._finder = TrackFinder(self._model.texts())
        matches = self._finder.matches(query)
        self._matches = matches
        self._model.set_matches(matches)
        self._activated = False
        self._position = -1
        if matches:
            current = self._model.current_rows
            found = matches.at_or_after(current[0]) if current else None
            self._go(found[0] if found else 0)
        else:
            self._show_status()

    def _go(self, position: int) -> None:
        self._position = position
        match = self._matches[position]
        self._model.set_current_match(match)
        self._show_status()
        self.match_shown.emit(match.cue_index)

    def _show_status(self) -> None:
        text = status_text(self._position, len(self._matches), self.field.text())
        if text == self.count_label.text():
            return
        self.count_label.setText(text)
        self.field.setAccessibleDescription(text or "Type to find in the transcript")
        if text and QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(self.field, text)
            )

    def find_next(self) -> None:
        """Go to the next match (wrapping), scrolling to it."""
        if self._matches:
            self._activated = False
            self._go((self._position + 1) % len(self._matches))

    def find_previous(self) -> None:
        """Go to the previous match (wrapping), scrolling to it."""
        if self._matches:
            self._activated = False
            self._go((self._position - 1) % len(self._matches))

    def activate(self) -> None:
        """Enter: play from this match; on a match already played, the next one."""
        if not self._matches:
            return
        if self._activated:
            self._go((self._position + 1) % len(self._matches))
        self._activated = True
        self.match_activated.emit(self._matches[self._position].cue_index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride:
                if event.key() in OWN_KEYS:
                    event.accept()  # the window's Esc/F3 shortcuts must not steal them
                    return True
            elif event.type() == QEvent.Type.KeyPress:
                return self._field_key(event)
        return super().eventFilter(watched, event)

    def _field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate()
        elif key == Qt.Key.Key_Escape:
            self.close_bar()
        elif key == Qt.Key.Key_F3:
            self.find_previous() if shift else self.find_next()
        else:
            return False
        return True
