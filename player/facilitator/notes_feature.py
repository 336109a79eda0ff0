"""The private notes: the panel, B (bookmark), the notes menu items, their dialogs.

The notes panel is private: the shell keeps it in the console only, and off the
screen while the window is full screen, so a mirrored screen never shows it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from captions.timefmt import format_clock
from player.core.context import PlayerContext
from player.core.contribution import NOTES, Contribution, Panel
from player.core.file_write import write_text_file
from player.facilitator.notes_panel import NoteDialog, NotesPanel
from player.facilitator.notes_store import Bookmark, NotesStore, notes_text

NOTES_TITLE = "My notes (private)"


def ask_user(box: QMessageBox) -> bool:
    """Run a confirmation box; True when its accept button was chosen."""
    return box.exec() == QMessageBox.StandardButton.Yes


def choose_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


class NotesController(QObject):
    """Bookmarks of the window's module and video: the store, the panel, the dialogs.

    `ask` and `save_path` are the two blocking questions; tests replace them.
    """

    def __init__(self, ctx: PlayerContext, store: NotesStore | None = None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.window = ctx.window  # the parent of the dialogs
        self.store = store if store is not None else NotesStore()
        self.ask: Callable[[QMessageBox], bool] = ask_user
        self.save_path: Callable[[QWidget, str, str, str], str] = choose_save_path
        self.dialog: NoteDialog | None = None
        self.panel = NotesPanel(ctx.window)
        self.panel.set_add_tooltip(ctx.actions.tooltip("bookmark"))
        self.panel.seek_requested.connect(self.jump)
        self.panel.add_requested.connect(self.bookmark_here)
        self.panel.edit_requested.connect(self.edit)
        self.panel.delete_requested.connect(self.delete)
        ctx.actions["notes_panel"].setChecked(True)
        ctx.showing.video_changed.connect(lambda _video: self.refresh())
        self.refresh()

    def contribution(self) -> Contribution:
        panel = Panel(
            NOTES, NOTES_TITLE, self.panel, toggle="notes_panel", private=True
        )
        return Contribution(
            panels=(panel,),
            commands={
                "bookmark": self.bookmark_here,
                "export_notes": self.export_notes,
                "delete_all_notes": self.delete_all,
            },
        )

    # -- store ------------------------------------------------------------------------

    def use_store(self, store: NotesStore) -> None:
        """Switch to another notes file (tests point it at a temporary folder)."""
        self.store.close()
        self.store = store
        self.refresh()

    def _where(self) -> tuple[str, str] | None:
        module, video = self.ctx.showing.module, self.ctx.showing.video
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
        self.ctx.notify.problem("notes", message)

    def _tell(self, message: str) -> None:
        """A result: shown in the notes panel and told to a screen reader."""
        self.panel.say(message)
        self.ctx.notify.announce(message)

    # -- intents ----------------------------------------------------------------------

    def bookmark_here(self) -> None:
        """Take the position now, then ask for an optional note; Esc keeps nothing."""
        where = self._where()
        if where is None:
            self._say("Open a video before bookmarking.")
            return
        at_ms = self.ctx.playback.position()
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
        module = self.ctx.showing.module
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
        self.ctx.playback.seek(ms)  # a bookmark keeps the video's own time

    def _show_if_hidden(self) -> None:
        """After a new bookmark the panel shows (never while full screen)."""
        if not self.window.isFullScreen():
            self.ctx.actions["notes_panel"].setChecked(True)


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
