"""Private notes over a session: the note dialog opened again and again, two windows
on one notes file, and a notes file that cannot be written (issues 10 and 11)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6
from notes_rig import Notes, open_note_dialog
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QMessageBox

from player.facilitator.notes_panel import NoteDialog
from player.facilitator.notes_store import NotesStore


def run_deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def bookmark_with_keys(qtbot, bench, note: str) -> NoteDialog:  # type: ignore[no-untyped-def]
    """B, the note typed, Enter: as a facilitator does it, deletes run after."""
    bench.video_view.setFocus()
    qtbot.waitUntil(bench.video_view.hasFocus)
    dialog = open_note_dialog(qtbot, bench)
    qtbot.keyClicks(dialog.note_field, note)
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    run_deferred_deletes()
    return dialog


def test_three_bookmarks_in_one_session_each_get_their_dialog(
    qtbot, notes_window
) -> None:
    """The second B used to raise "Internal C++ object (NoteDialog) already
    deleted": no dialog, the note lost, and "n" switched the video."""
    shown: list[NoteDialog] = []
    for at_ms, note in ((2_000, "one"), (5_000, "now and then"), (9_000, "knock")):
        notes_window.playback.advance_to(at_ms)
        shown.append(bookmark_with_keys(qtbot, notes_window, note))
        assert notes_window.notes.dialog is None
    assert len({id(dialog) for dialog in shown}) == 3
    assert not any(shiboken6.isValid(dialog) for dialog in shown), "deleted"
    saved = notes_window.notes.store.list("test-module", "first")
    assert [(b.at_ms, b.note) for b in saved] == [
        (2_000, "one"),
        (5_000, "now and then"),
        (9_000, "knock"),
    ]
    showing = notes_window.rig.ctx.showing
    assert showing.video.id == "first", "typed n and k stayed in the note"
    assert not notes_window.playback.is_playing()


def test_editing_twice_and_three_times_in_one_session(qtbot, notes_window) -> None:
    store = notes_window.notes.store
    bookmark = store.add("test-module", "first", 2_530, "trust")
    notes_window.notes.refresh()
    panel = notes_window.notes.panel
    for number, text in enumerate(("trust takes time", "n: next time", "kept"), 1):
        panel.list.setFocus()
        panel.list.setCurrentIndex(panel.model.index(0, 0))
        qtbot.keyClick(panel.list, Qt.Key.Key_F2)
        dialog = notes_window.notes.dialog
        assert dialog is not None, f"edit {number} opened no dialog"
        qtbot.waitUntil(dialog.isVisible)
        dialog.note_field.selectAll()
        qtbot.keyClicks(dialog.note_field, text)
        qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        run_deferred_deletes()
        saved = store.get(bookmark.id)
        assert saved is not None and saved.note == text
        assert saved.revision == number + 1
    assert notes_window.rig.ctx.showing.video.id == "first"


def test_a_new_b_while_a_dialog_is_open_replaces_it_cleanly(
    qtbot, notes_window
) -> None:
    first = open_note_dialog(qtbot, notes_window)
    notes_window.notes.bookmark_here()  # the menu item, say
    second = notes_window.notes.dialog
    assert second is not None and second is not first
    run_deferred_deletes()
    assert not shiboken6.isValid(first)
    qtbot.waitUntil(second.isVisible)
    qtbot.keyClicks(second.note_field, "the second")
    qtbot.keyClick(second.note_field, Qt.Key.Key_Return)
    run_deferred_deletes()
    assert [b.note for b in notes_window.notes.store.list()] == ["the second"]


def two_windows(make_rig, module_folder: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Two windows' notes on one notes file, the test module open in both."""
    windows = []
    for _ in range(2):
        rig = make_rig()
        bench = Notes(rig)
        rig.open(module_folder)
        bench.notes.use_store(NotesStore(tmp_path / "shared" / "notes.sqlite3"))
        windows.append(bench)
    return windows


def edit_dialog(qtbot, bench, row: int = 0) -> NoteDialog:  # type: ignore[no-untyped-def]
    bench.notes.refresh()
    panel = bench.notes.panel
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(row, 0))
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    dialog = bench.notes.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_an_edit_of_a_note_changed_in_the_other_window_keeps_both(
    qtbot, make_rig, module_folder: Path, tmp_path: Path
) -> None:
    window_a, window_b = two_windows(make_rig, module_folder, tmp_path)
    original = window_a.notes.store.add("test-module", "first", 7_130, "story")
    dialog = edit_dialog(qtbot, window_a)
    dialog.note_field.selectAll()
    qtbot.keyClicks(dialog.note_field, "A: ask about the story")
    window_b.notes.store.edit(original.id, note="B: the story starts", seen=original)
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    assert dialog.isVisible(), "refused, and the dialog keeps A's words"
    assert dialog.note_field.text() == "A: ask about the story"
    problem = dialog.problem()
    assert "changed in another window" in problem and "B: the story starts" in problem
    assert dialog.save_button.text().replace("&", "") == "Save as a new note"
    assert window_a.notes.store.get(original.id).note == "B: the story starts"
    panel = window_a.notes.panel
    assert panel.model.bookmark(0).note == "B: the story starts", "list refreshed"
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    run_deferred_deletes()
    notes = [(b.at_ms, b.note) for b in window_b.notes.store.list()]
    assert sorted(notes) == [
        (7_130, "A: ask about the story"),
        (7_130, "B: the story starts"),
    ]


def test_an_edit_of_a_note_deleted_in_the_other_window_is_not_lost(
    qtbot, make_rig, module_folder: Path, tmp_path: Path
) -> None:
    window_a, window_b = two_windows(make_rig, module_folder, tmp_path)
    store_b = window_b.notes.store
    store_b.add("test-module", "first", 1_000, "older")
    newest = store_b.add("test-module", "first", 2_000, "to be deleted in B")
    dialog = edit_dialog(qtbot, window_a, row=1)
    assert store_b.delete(newest.id)
    other = store_b.add("test-module", "first", 9_000, "B's newer note")
    dialog.note_field.selectAll()
    qtbot.keyClicks(dialog.note_field, "A's words")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    assert dialog.isVisible() and "deleted in another window" in dialog.problem()
    assert store_b.get(other.id).note == "B's newer note", "never overwritten"
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    run_deferred_deletes()
    notes = sorted((b.at_ms, b.note) for b in store_b.list())
    assert notes == [(1_000, "older"), (2_000, "A's words"), (9_000, "B's newer note")]


def test_a_delete_of_a_note_changed_meanwhile_is_refused(
    qtbot, make_rig, module_folder: Path, tmp_path: Path
) -> None:
    window_a, window_b = two_windows(make_rig, module_folder, tmp_path)
    bookmark = window_a.notes.store.add("test-module", "first", 4_270, "listen")
    window_a.notes.refresh()

    def b_edits_while_a_is_asked(_box: QMessageBox) -> bool:
        window_b.notes.store.edit(bookmark.id, note="listen first, then ask")
        return True

    window_a.notes.ask = b_edits_while_a_is_asked
    window_a.notes.panel.delete_button.click()
    assert window_a.notes.store.get(bookmark.id).note == "listen first, then ask"
    said = window_a.notes.panel.result_label.text()
    assert "changed in another window" in said and "not deleted" in said
    assert window_a.notes.panel.model.bookmark(0).note == "listen first, then ask"


@pytest.fixture
def read_only_data(monkeypatch, isolated_data_folder: Path):  # type: ignore[no-untyped-def]
    """Notes written earlier, in a data folder that os.access now calls read-only."""
    folder = isolated_data_folder / "transcript-player"
    with NotesStore(folder / "notes.sqlite3") as store:
        store.add("test-module", "first", 2_530, "written last week")
    real_access = os.access

    def access(path, mode, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and Path(path).resolve() == folder.resolve():
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    return folder


def test_read_only_notes_are_listed_and_b_and_f2_say_why(
    qtbot, notes_bench, read_only_data: Path
) -> None:
    before = {p.name: p.read_bytes() for p in read_only_data.iterdir()}
    notes = notes_bench.notes
    notes.refresh()
    assert notes.panel.model.rowCount() == 1
    assert notes.panel.model.bookmark(0).note == "written last week"
    (problem,) = notes_bench.status.messages("notes")
    assert str(read_only_data) in problem and "cannot be saved there" in problem
    qtbot.keyClick(notes_bench.video_view, Qt.Key.Key_B)
    assert notes.dialog is None, "no note typed that could not be kept"
    notes.panel.list.setFocus()
    notes.panel.list.setCurrentIndex(notes.panel.model.index(0, 0))
    qtbot.keyClick(notes.panel.list, Qt.Key.Key_F2)
    assert notes.dialog is None
    said = notes_bench.rig.ctx.notify.shown()
    assert said.startswith("Not possible: ") and "read-only" in said
    assert notes_bench.status.messages("notes") == [problem], "said, not repeated"
    notes.ask = lambda _box: pytest.fail("nothing to confirm")  # type: ignore[assignment]
    notes.panel.delete_button.click()
    assert {p.name: p.read_bytes() for p in read_only_data.iterdir()} == before


def test_closing_the_window_leaves_the_notes_file_whole(
    qtbot, notes_main_window
) -> None:
    """No write-ahead log left beside it: the file alone can be copied or backed up."""
    store = notes_main_window.notes.store
    store.add("test-module", "first", 1_000, "in the log until closed")
    log = Path(f"{store.path}-wal")
    assert log.exists()
    notes_main_window.close()
    assert not log.exists()
    with NotesStore(store.path) as reopened:
        assert [b.note for b in reopened.list()] == ["in the log until closed"]


@pytest.mark.parametrize("kind", ["fifo", "folder", "foreign", "text"])
def test_a_notes_path_that_is_not_a_notes_file_is_said_and_kept(
    qtbot, notes_bench, tmp_path: Path, kind: str
) -> None:
    import sqlite3

    path = tmp_path / "hostile" / "notes.sqlite3"
    path.parent.mkdir()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "foreign":
        with sqlite3.connect(path) as other:
            other.execute("CREATE TABLE accounts (name TEXT)")
    else:
        path.write_text("my shopping list\n", encoding="utf-8")
    before = path.read_bytes() if path.is_file() else None
    notes_bench.notes.use_store(NotesStore(path))  # reads it: must not block
    (problem,) = notes_bench.status.messages("notes")
    assert problem.startswith("Your notes could not be read: ") and str(path) in problem
    qtbot.keyClick(notes_bench.video_view, Qt.Key.Key_B)
    assert notes_bench.notes.dialog is None
    assert "Not possible" in notes_bench.rig.ctx.notify.shown() + " ".join(
        notes_bench.status.messages("notes")
    )
    assert (path.read_bytes() if path.is_file() else None) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["notes.sqlite3"]
