"""Builds the private notes (dock, B, menu items) into the main window and runs them.

The notes dock lives in the main window (the console) only; it hides while the main
window is full screen, so a mirrored screen never shows it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox, QWidget

from captions.timefmt import format_clock
from player.core.file_write import write_text_file
from player.facilitator.notes_panel import NoteDialog, NotesPanel
from player.facilitator.notes_store import Bookmark, NotesStore, notes_text

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow

NOTES_TITLE = "My notes (private)"


def ask_user(box: QMessageBox) -> bool:
    """Run a confirmation box; True when its accept button was chosen."""
    return box.exec() == QMessageBox.StandardButton.Yes


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


class NotesController(QObject):
    """Bookmarks of the window's module and video: the store, the dock, the dialogs.

    `ask` and `save_path` are the two blocking questions; tests replace them.
    """

    def __init__(self, window: MainWindow, store: NotesStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.store = store if store is not None else NotesStore()
        self.ask: Callable[[QMessageBox], bool] = ask_user
        self.save_path: Callable[[QWidget, str, str, str], str] = choose_save_path
        self.dialog: NoteDialog | None = None
        self.panel = NotesPanel()
        self.dock = QDockWidget(NOTES_TITLE, window)
        self.dock.setObjectName("notesDock")
        self.dock.setAccessibleName(NOTES_TITLE)
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self._hidden_for_full_screen = False

    # -- store ------------------------------------------------------------------------

    def use_store(self, store: NotesStore) -> None:
        """Switch to another notes file (tests point it at a temporary folder)."""
        self.store.close()
        self.store = store
        self.refresh()

    def _where(self) -> tuple[str, str] | None:
        module, video = self.window.module, self.window.video
        if module is None or video is None:
            return None
        return module.id, video.id

    def refresh(self, select_id: int = -1) -> None:
        """Show the bookmarks of the video on show."""
        where = self._where()
        try:
            found = self.store.list(*where) if where is not None else []
        except sqlite3.Error as exc:
            self._say(f"Your notes could not be read: {exc}")
            found = []
        self.panel.set_bookmarks(found, select_id)

    def _say(self, message: str) -> None:
        """A problem: shown with the window's other problems."""
        self.window.status.add_message("notes", message)

    def _tell(self, message: str) -> None:
        """A result: shown in the notes panel and told to a screen reader."""
        self.panel.say(message)
        self.window.status.announce(message)

    # -- intents ----------------------------------------------------------------------

    def bookmark_here(self) -> None:
        """Take the position now, then ask for an optional note; Esc keeps nothing."""
        where = self._where()
        if where is None:
            self._say("Open a video before bookmarking.")
            return
        at_ms = self.window.playback.position()
        dialog = NoteDialog(at_ms, parent=self.window, edit=False)
        dialog.accepted.connect(lambda: self._save_new(where, at_ms, dialog.note()))
        self._show_dialog(dialog)

    def _save_new(self, where: tuple[str, str], at_ms: int, note: str) -> None:
        try:
            bookmark = self.store.add(where[0], where[1], at_ms, note)
        except (sqlite3.Error, OSError) as exc:
            self._say(f"The bookmark could not be saved: {exc}")
            return
        self._show_if_hidden()
        self.refresh(bookmark.id)

    def edit(self, bookmark_id: int) -> None:
        bookmark = self.store.get(bookmark_id)
        if bookmark is None:
            self.refresh()
            return
        dialog = NoteDialog(bookmark.at_ms, bookmark.note, self.window, edit=True)
        dialog.accepted.connect(lambda: self._save_edit(bookmark_id, dialog.note()))
        self._show_dialog(dialog)

    def _save_edit(self, bookmark_id: int, note: str) -> None:
        try:
            self.store.edit(bookmark_id, note=note)
        except (sqlite3.Error, OSError) as exc:
            self._say(f"The note could not be saved: {exc}")
        self.refresh(bookmark_id)

    def _show_dialog(self, dialog: NoteDialog) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        dialog.note_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete(self, bookmark_id: int) -> None:
        bookmark = self.store.get(bookmark_id)
        if bookmark is None or not self.ask(delete_box(self.window, bookmark)):
            return
        self.store.delete(bookmark_id)
        self.refresh()

    def delete_all(self) -> int:
        """Ask, saying how many notes go, then delete every note of every module."""
        count = self.store.count()
        if count == 0:
            self._tell("You have no notes to delete.")
            return 0
        if not self.ask(delete_all_box(self.window, count)):
            return 0
        deleted = self.store.delete_all()
        self.refresh()
        self._tell(f"Deleted {deleted} {'note' if deleted == 1 else 'notes'}.")
        return deleted

    def export_notes(self) -> Path | None:
        """Write this module's notes (or all, with no module open) to a text file."""
        module = self.window.module
        module_id = module.id if module is not None else None
        bookmarks = self.store.list(module_id)
        titles = {v.id: v.title for v in module.videos} if module is not None else {}
        heading = f"My notes: {module.title}" if module is not None else "My notes"
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = f"{module_id or 'all'}-notes.txt"
        chosen = self.save_path(
            self.window,
            "Export my notes",
            str(Path(documents) / name),
            "Text files (*.txt);;All files (*)",
        )
        if not chosen:
            return None
        try:
            write_text_file(
                chosen, notes_text(bookmarks, heading=heading, video_titles=titles)
            )
        except OSError as exc:
            self._say(f"{chosen}: the notes could not be written ({exc.strerror})")
            return None
        count = len(bookmarks)
        self._tell(f"Exported {count} {'note' if count == 1 else 'notes'} to {chosen}")
        return Path(chosen)

    def jump(self, ms: int) -> None:
        self.window.seek(ms)

    # -- dock -------------------------------------------------------------------------

    def _show_if_hidden(self) -> None:
        if not self.dock.isVisible() and not self.window.isFullScreen():
            self.dock.show()

    def full_screen_changed(self, full: bool) -> None:
        """Notes are private: they leave the screen while it may be mirrored."""
        if full and self.dock.isVisible():
            self._hidden_for_full_screen = True
            self.dock.hide()
        elif not full and self._hidden_for_full_screen:
            self._hidden_for_full_screen = False
            self.dock.show()


def delete_box(parent: QWidget, bookmark: Bookmark) -> QMessageBox:
    clock = format_clock(bookmark.at_ms)
    note = f" and its note “{bookmark.note}”" if bookmark.note else ""
    return _question(
        parent, "Delete bookmark", f"Delete the bookmark at {clock}{note}?", "Delete"
    )


def delete_all_box(parent: QWidget, count: int) -> QMessageBox:
    what = "1 note" if count == 1 else f"{count} notes"
    return _question(
        parent,
        "Delete all my notes",
        f"Delete all your notes and bookmarks ({what}, in every module)? "
        "This cannot be undone.",
        f"Delete {what}",
    )


def _question(parent: QWidget, title: str, text: str, yes_text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setObjectName("notesQuestion")
    return box


def install_notes(
    window: MainWindow, store: NotesStore | None = None
) -> NotesController:
    """Add the notes dock, B (bookmark), and the notes menu items to the window."""
    notes = NotesController(window, store)
    window.addDockWidget(
        Qt.DockWidgetArea.BottomDockWidgetArea, notes.dock, Qt.Orientation.Horizontal
    )
    keymap = window.keymap
    keymap.connect("bookmark", notes.bookmark_here)
    keymap.connect("export_notes", notes.export_notes)
    keymap.connect("delete_all_notes", notes.delete_all)
    panel_action = keymap["notes_panel"]
    panel_action.setChecked(True)
    panel_action.toggled.connect(notes.dock.setVisible)
    notes.dock.visibilityChanged.connect(
        lambda _shown: panel_action.setChecked(not notes.dock.isHidden())
    )
    keymap["full_screen"].toggled.connect(notes.full_screen_changed)
    panel = notes.panel
    panel.set_add_tooltip(keymap.tooltip("bookmark"))
    panel.seek_requested.connect(notes.jump)
    panel.add_requested.connect(notes.bookmark_here)
    panel.edit_requested.connect(notes.edit)
    panel.delete_requested.connect(notes.delete)
    window.video_shown.connect(notes.refresh)
    notes.refresh()
    return notes
