"""The console's private notes: a list of bookmarks and the small note dialog.

Widgets only emit intents (`seek_requested`, `edit_requested`, ...); the notes wiring
turns them into store changes. Nothing here ever appears on the projector.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from captions.timefmt import format_clock, format_spoken
from player.facilitator.notes_store import Bookmark

BookmarkRole = Qt.ItemDataRole.UserRole + 1
NO_NOTE = "(no note)"
EMPTY_TEXT = "No notes for this video yet. Press B to bookmark the moment now playing."
ModelIndex = QModelIndex | QPersistentModelIndex


class NotesModel(QAbstractListModel):
    """Bookmarks of the video on show, in time order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bookmarks: list[Bookmark] = []

    def set_bookmarks(self, bookmarks: Sequence[Bookmark]) -> None:
        self.beginResetModel()
        self._bookmarks = sorted(bookmarks, key=lambda b: (b.at_ms, b.id))
        self.endResetModel()

    def bookmark(self, row: int) -> Bookmark:
        return self._bookmarks[row]

    def row_of(self, bookmark_id: int) -> int:
        return next(
            (row for row, b in enumerate(self._bookmarks) if b.id == bookmark_id), -1
        )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._bookmarks)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._bookmarks):
            return None
        bookmark = self._bookmarks[index.row()]
        note = " ".join(bookmark.note.split()) or NO_NOTE
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{format_clock(bookmark.at_ms)}  {note}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{format_spoken(bookmark.at_ms)}: {note}"
        if role == Qt.ItemDataRole.ToolTipRole:
            clock = format_clock(bookmark.at_ms)
            return f"{bookmark.note or NO_NOTE}\n\nClick or Enter: play from {clock}"
        if role == BookmarkRole:
            return bookmark
        return None


class NotesList(QListView):
    """The bookmark list: Enter jumps, F2 edits, Delete deletes (after asking)."""

    activated_row = Signal(int)
    edit_row = Signal(int)
    delete_row = Signal(int)

    def sizeHint(self) -> QSize:
        return QSize(360, 90)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        intents = {
            Qt.Key.Key_Return: self.activated_row,
            Qt.Key.Key_Enter: self.activated_row,
            Qt.Key.Key_F2: self.edit_row,
            Qt.Key.Key_Delete: self.delete_row,
        }
        signal = intents.get(Qt.Key(event.key()))
        if signal is not None and row >= 0:
            signal.emit(row)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Letters are player shortcuts here, not a jump to a matching note."""


class NotesPanel(QWidget):
    """The list of my bookmarks with add, edit and delete buttons."""

    seek_requested = Signal(int)
    add_requested = Signal()
    edit_requested = Signal(int)  # bookmark id
    delete_requested = Signal(int)  # bookmark id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.setAccessibleName("My notes")
        self.model = NotesModel(self)
        self.list = NotesList(self)
        self.list.setObjectName("notesList")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setAccessibleName("My notes")
        self.list.setAccessibleDescription(
            "Your private bookmarks for this video, in time order. Enter or click "
            "plays from one; F2 edits its note; Delete deletes it."
        )
        self.list.setToolTip("My notes: click or Enter jumps there, F2 edits, Delete")
        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("notesResult")
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        self.add_button = self._button("Bookmark here", "addNote")
        self.edit_button = self._button("Edit note…", "editNote")
        self.delete_button = self._button("Delete…", "deleteNote")
        self.edit_button.setToolTip("Edit the selected note (F2 in the list)")
        self.delete_button.setToolTip(
            "Delete the selected bookmark (Delete in the list)"
        )
        self._build_layout()
        self._connect()
        self.set_bookmarks([])

    def _connect(self) -> None:
        self.list.clicked.connect(lambda index: self._jump(index.row()))
        self.list.activated_row.connect(self._jump)
        self.list.edit_row.connect(lambda row: self._ask("edit", row))
        self.list.delete_row.connect(lambda row: self._ask("delete", row))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._ask("edit", self.current_row()))
        self.delete_button.clicked.connect(
            lambda: self._ask("delete", self.current_row())
        )

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        return button

    def _build_layout(self) -> None:
        """The list with its buttons beside it: a low strip under the video."""
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.empty_label)
        column.addWidget(self.list, 1)
        column.addWidget(self.result_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.setSpacing(6)
        layout.addLayout(column, 1)
        layout.addLayout(buttons)

    # -- contract with the wiring ---------------------------------------------------

    def set_bookmarks(self, bookmarks: Sequence[Bookmark], select_id: int = -1) -> None:
        """Show these bookmarks; keep (or move to) `select_id` as the current one."""
        keep = select_id
        if keep < 0 and self.current_row() >= 0:
            keep = self.model.bookmark(self.current_row()).id
        self.model.set_bookmarks(bookmarks)
        has_any = bool(bookmarks)
        self.empty_label.setVisible(not has_any)
        self.edit_button.setEnabled(has_any)
        self.delete_button.setEnabled(has_any)
        row = self.model.row_of(keep) if keep >= 0 else -1
        if row < 0 and has_any:
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def say(self, message: str) -> None:
        """Show the result of the last action (export, delete all) under the list."""
        self.result_label.setText(message)
        self.result_label.setVisible(bool(message))

    def set_add_tooltip(self, tooltip: str) -> None:
        self.add_button.setToolTip(tooltip)

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def _jump(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.seek_requested.emit(self.model.bookmark(row).at_ms)

    def _ask(self, what: str, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        bookmark_id = self.model.bookmark(row).id
        signal = self.edit_requested if what == "edit" else self.delete_requested
        signal.emit(bookmark_id)


SaveNote = Callable[
    [str], str
]  # saves the note; returns why it could not ("" if saved)


class NoteDialog(QDialog):
    """One line for the note; Enter saves, Esc cancels. The field has the focus.

    Saving goes through `save`: when it says why the note could not be saved, the
    dialog stays open with the reason above the note, which is kept as typed.
    """

    def __init__(
        self,
        at_ms: int,
        note: str = "",
        parent: QWidget | None = None,
        *,
        edit: bool,
        save: SaveNote | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self._save: SaveNote = save or (lambda _note: "")
        clock = format_clock(at_ms)
        self.setWindowTitle(f"Edit note at {clock}" if edit else f"Bookmark at {clock}")
        self.note_field = QLineEdit(note, self)
        self.note_field.setObjectName("noteField")
        self.note_field.setAccessibleName(f"Note for {clock}")
        self.note_field.setPlaceholderText("Optional note")
        self.note_field.setToolTip("Your private note (Enter saves, Esc cancels)")
        label = QLabel(f"&Note for {clock} (optional, private):", self)
        label.setBuddy(self.note_field)
        self.problem_label = _problem_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Save the bookmark and its note (Enter)")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip("Close without saving (Esc)")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_label)
        layout.addWidget(label)
        layout.addWidget(self.note_field)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.note_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def note(self) -> str:
        return self.note_field.text().strip()

    def set_save(self, save: SaveNote, button_text: str = "") -> None:
        """Save through `save` from now on (after a conflict: as a new note)."""
        self._save = save
        if button_text:
            self.save_button.setText(button_text)
            self.save_button.setAccessibleName(button_text.replace("&", ""))
            self.save_button.setToolTip(f"{button_text.replace('&', '')} (Enter)")

    def problem(self) -> str:
        """Why the last save failed ("" when none did)."""
        return self.problem_label.text() if self.problem_label.isVisibleTo(self) else ""

    def accept(self) -> None:
        problem = self._save(self.note())
        if not problem:
            super().accept()
            return
        self.problem_label.setText(problem)
        self.problem_label.setAccessibleDescription(problem)
        self.problem_label.show()
        self.note_field.setAccessibleDescription(problem)
        self.note_field.setFocus(Qt.FocusReason.OtherFocusReason)  # the note, as typed


def _problem_label(parent: QWidget) -> QLabel:
    """Why the note was not saved; Tab from the note reaches it."""
    label = QLabel(parent)
    label.setObjectName("noteProblem")
    label.setAccessibleName("Not saved")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.setStyleSheet(
        "QLabel { background: #fff4ce; color: #1a1a1a;"
        " border: 1px solid #8a6d00; padding: 4px; }"
    )
    label.hide()
    return label
