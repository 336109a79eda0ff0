"""The private notes at work: the notes file, the list of bookmarks, their dialogs.

Built on first use by the notes feature (player/facilitator/notes_feature.py),
which gives the shell its dock and commands.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeGuard

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from captions.timefmt import format_clock
from player.core.context import PlayerContext
from player.core.file_write import write_text_file
from player.facilitator.notes_panel import NoteDialog, NotesPanel
from player.facilitator.notes_store import (
    Bookmark,
    NoteConflict,
    NotesFileError,
    NotesStore,
    notes_text,
)

# What reading or changing the notes file can raise; each becomes a sentence.
STORE_ERRORS = (NotesFileError, sqlite3.Error, OSError)


def _reason(error: Exception) -> str:
    """The plain reason of a store error (a NotesFileError names its file)."""
    if isinstance(error, OSError) and error.strerror:
        name = f"{error.filename}: " if error.filename else ""
        return f"{name}{error.strerror}"
    return str(error)


def conflict_text(conflict: NoteConflict, *, deleting: bool = False) -> str:
    """What happened to a note another window changed or deleted meanwhile."""
    clock = format_clock(conflict.seen.at_ms)
    if conflict.now is None:
        return (
            f"The bookmark at {clock} was deleted in another window while you"
            " edited it, so your note was not saved. It is still here: Save keeps"
            " it as a new bookmark; Cancel lets it go."
        )
    now = " ".join(conflict.now.note.split()) or "(no note)"
    if deleting:
        return (
            f"The note at {clock} was changed in another window while you were"
            f" asked (it now reads “{now}”), so it was not deleted. Look at it"
            " again before you delete it."
        )
    return (
        f"The note at {clock} was changed in another window while you edited it"
        f" (it now reads “{now}”), so yours was not saved over it. Yours is still"
        " here: Save keeps it as a new note beside that one; Cancel lets it go."
    )


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
        ctx.showing.video_changed.connect(lambda _video: self.refresh())
        self.refresh()

    # -- store ------------------------------------------------------------------------

    def close(self) -> None:
        """The log folded in: the notes file is whole when the window goes."""
        self.store.close()

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
        """Show the bookmarks of the video on show, and whether they can be changed."""
        where = self._where()
        try:
            found = self.store.list(*where) if where is not None else []
        except STORE_ERRORS as exc:
            found = []
            self.ctx.notify.set_problems(
                "notes", [f"Your notes could not be read: {_reason(exc)}"]
            )
        else:
            refusal = self.store.cannot_save() if self.store.read_only else ""
            self.ctx.notify.set_problems("notes", [refusal] if refusal else [])
        self.panel.set_bookmarks(found, select_id)

    def _say(self, message: str) -> None:
        """A problem: shown with the window's other problems, and spoken."""
        self.ctx.notify.problem("notes", message)
        self.ctx.notify.announce(message)

    def _tell(self, message: str) -> None:
        """A result: shown in the notes panel and told to a screen reader."""
        self.panel.say(message)
        self.ctx.notify.announce(message)

    def _refused(self) -> bool:
        """Say so (instead of asking for a note that cannot be kept) when nothing
        can be saved now; True then."""
        refusal = self.store.cannot_save()
        if refusal in self.ctx.notify.problems("notes"):
            self.ctx.notify.say(f"Not possible: {refusal}.", 8000)  # shown above
        elif refusal:
            self._say(f"Not possible: {refusal}.")
        return bool(refusal)

    # -- intents ----------------------------------------------------------------------

    def bookmark_here(self) -> None:
        """Take the position now, then ask for an optional note; Esc keeps nothing."""
        where = self._where()
        if where is None:
            self._say("Open a video before bookmarking.")
            return
        if self._refused():
            return
        at_ms = self.ctx.playback.position()
        self._open_dialog(
            NoteDialog(
                at_ms,
                parent=self.window,
                edit=False,
                save=lambda note: self._save_new(where, at_ms, note),
            )
        )

    def _save_new(self, where: tuple[str, str], at_ms: int, note: str) -> str:
        """Save a new bookmark; why not (the note stays in the dialog), else ""."""
        try:
            bookmark = self.store.add(where[0], where[1], at_ms, note)
        except STORE_ERRORS as exc:
            return self._not_saved(f"The bookmark could not be saved: {_reason(exc)}.")
        self._show_if_hidden()
        self.refresh(bookmark.id)
        return ""

    def edit(self, bookmark_id: int) -> None:
        if self._refused():
            return
        bookmark = self._current(bookmark_id)
        if bookmark is None:
            return
        dialog = NoteDialog(bookmark.at_ms, bookmark.note, self.window, edit=True)
        dialog.set_save(lambda note: self._save_edit(dialog, bookmark, note))
        self._open_dialog(dialog)

    def _current(self, bookmark_id: int) -> Bookmark | None:
        """The bookmark as it is in the file now; None (said) when it is gone."""
        try:
            bookmark = self.store.get(bookmark_id)
        except STORE_ERRORS as exc:
            self._say(f"Your notes could not be read: {_reason(exc)}")
            return None
        if bookmark is None:
            self._tell("That bookmark was deleted in another window.")
            self.refresh()
        return bookmark

    def _save_edit(self, dialog: NoteDialog, seen: Bookmark, note: str) -> str:
        """Save the edit of the note as `seen`; refused when another window changed
        or deleted it since, and the dialog then offers to keep it as a new note."""
        try:
            self.store.edit(seen.id, note=note, seen=seen)
        except NoteConflict as conflict:
            self.refresh(seen.id)
            where = (seen.module_id, seen.video_id)
            dialog.set_save(
                lambda text: self._save_new(where, seen.at_ms, text),
                "Save as a &new note",
            )
            return self._not_saved(conflict_text(conflict))
        except STORE_ERRORS as exc:
            return self._not_saved(f"The note could not be saved: {_reason(exc)}.")
        self.refresh(seen.id)
        return ""

    def _not_saved(self, message: str) -> str:
        """The reason shown in the dialog is spoken too, since focus stays put."""
        self.ctx.notify.announce(message)
        return message

    def _open_dialog(self, dialog: NoteDialog) -> None:
        """Show `dialog` as the one note dialog; it is forgotten, then deleted, when
        it closes, so the next B or F2 always builds a fresh one."""
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog
        back_to = QApplication.focusWidget()
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog, back_to))
        dialog.open()
        dialog.note_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _dialog_closed(self, dialog: NoteDialog, back_to: QWidget | None) -> None:
        """Forget and delete the dialog; the keys go back where they were before."""
        if self.dialog is dialog:
            self.dialog = None
            self.window.activateWindow()
            if _still_here(back_to, self.window):
                back_to.setFocus(Qt.FocusReason.OtherFocusReason)
        dialog.deleteLater()

    def delete(self, bookmark_id: int) -> None:
        if self._refused():
            return
        bookmark = self._current(bookmark_id)
        if bookmark is None or not self.ask(delete_box(self.window, bookmark)):
            return
        try:
            deleted = self.store.delete(bookmark_id, seen=bookmark)
        except NoteConflict as conflict:
            self._tell(f"{conflict_text(conflict, deleting=True)}")
            deleted = False
        except STORE_ERRORS as exc:
            self._say(f"The bookmark could not be deleted: {_reason(exc)}.")
            return
        else:
            if not deleted:
                self._tell("That bookmark was already deleted in another window.")
        self.refresh()

    def delete_all(self) -> int:
        """Ask, saying how many notes go, then delete every note of every module."""
        try:
            count = self.store.count()
        except STORE_ERRORS as exc:
            self._say(f"Your notes could not be read: {_reason(exc)}")
            return 0
        if count == 0:
            self._tell("You have no notes to delete.")
            return 0
        if self._refused() or not self.ask(delete_all_box(self.window, count)):
            return 0
        try:
            deleted = self.store.delete_all(seen_count=count)
        except STORE_ERRORS as exc:
            self._say(f"Your notes could not be deleted: {_reason(exc)}.")
            return 0
        self.refresh()
        if deleted < 0:
            self._tell(
                "Your notes changed in another window while you were asked, so"
                " nothing was deleted. Ask again to see how many there are now."
            )
            return 0
        self._tell(f"Deleted {deleted} {'note' if deleted == 1 else 'notes'}.")
        return deleted

    def export_notes(self) -> Path | None:
        """Write this module's notes (or all, with no module open) to a text file."""
        module = self.ctx.showing.module
        module_id = module.id if module is not None else None
        try:
            bookmarks = self.store.list(module_id)
        except STORE_ERRORS as exc:
            self._say(f"Your notes could not be read: {_reason(exc)}")
            return None
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


def _still_here(widget: QWidget | None, window: QWidget) -> TypeGuard[QWidget]:
    """Whether `widget` still exists, shown, in `window` (focus may go back to it)."""
    return (
        widget is not None
        and shiboken6.isValid(widget)
        and widget.window() is window
        and widget.isVisible()
    )


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
