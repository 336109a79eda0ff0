"""Private notes: B, the note dialog, the list, delete all, export.

Most tests build the notes on a context with the video (tests/player/rig.py); the
ones about the dock, full screen and the presentation use the main window.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from player.facilitator.notes_feature import NotesController
from player.facilitator.notes_panel import NoteDialog
from player.facilitator.notes_store import NotesStore


class Notes:
    """The notes on a context, with the video they bookmark."""

    def __init__(self, rig) -> None:  # type: ignore[no-untyped-def]
        self.rig, ctx = rig, rig.ctx
        self.video_view = rig.video().view
        self.notes = rig.add(NotesController(ctx))
        rig.place(self.notes.panel)
        self.playback, self.keymap, self.status = ctx.playback, ctx.actions, rig.status

    def show_video(self, video_id: str) -> bool:
        return self.rig.ctx.showing.show_video(video_id)


@pytest.fixture
def notes_bench(rig, guard, module_folder, qtbot):  # type: ignore[no-untyped-def]
    """The test module open, on a context with the guard of single keys."""
    bench = Notes(rig)
    rig.open(module_folder)
    qtbot.waitUntil(bench.video_view.isVisible)
    bench.video_view.setFocus()
    return bench


@pytest.fixture
def notes_window(notes_bench, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The notes of the test module in a store under tmp_path."""
    notes_bench.notes.use_store(NotesStore(tmp_path / "notes" / "notes.sqlite3"))
    return notes_bench


@pytest.fixture
def notes_main_window(window, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The whole window in the facilitator's layout, its notes in a store under
    tmp_path."""
    window.layouts.choose("facilitator")
    window.notes = window.features.notes
    window.notes.use_store(NotesStore(tmp_path / "notes" / "notes.sqlite3"))
    window.video_view.setFocus()
    return window


def open_note_dialog(qtbot, window) -> NoteDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: window.notes.dialog is not None)
    dialog = window.notes.dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.note_field)
    return dialog


def test_b_bookmarks_here_and_enter_saves_the_note(qtbot, notes_window) -> None:
    notes_window.playback.advance_to(7_500)
    dialog = open_note_dialog(qtbot, notes_window)
    assert dialog.windowTitle() == "Bookmark at 0:07"
    notes_window.playback.advance_to(9_000)  # the bookmark keeps the time of B
    qtbot.keyClicks(dialog.note_field, "Bob asks about trust")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    store = notes_window.notes.store
    (saved,) = store.list("test-module", "first")
    assert (saved.at_ms, saved.note) == (7_500, "Bob asks about trust")
    panel = notes_window.notes.panel
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data() == "0:07  Bob asks about trust"


def test_escape_cancels_and_typed_b_never_bookmarks_again(qtbot, notes_window) -> None:
    dialog = open_note_dialog(qtbot, notes_window)
    qtbot.keyClicks(dialog.note_field, "bbb")
    assert dialog.note_field.text() == "bbb"
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert notes_window.notes.store.count() == 0
    assert notes_window.notes.panel.model.rowCount() == 0


def test_single_key_b_does_not_fire_in_a_text_field(qtbot, notes_window) -> None:
    field = QLineEdit(notes_window.rig.host)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert field.text() == "b"
    assert notes_window.notes.dialog is None


def test_click_and_enter_jump_f2_edits(qtbot, notes_window) -> None:
    store = notes_window.notes.store
    store.add("test-module", "first", 12_330, "thank you")
    store.add("test-module", "first", 2_530, "trust")
    store.add("test-module", "second", 1_000, "other video")
    notes_window.notes.refresh()
    panel = notes_window.notes.panel
    assert [panel.model.bookmark(r).note for r in range(2)] == ["trust", "thank you"]
    rect = panel.list.visualRect(panel.model.index(1, 0))
    qtbot.mouseClick(
        panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert notes_window.playback.position() == 12_330
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert notes_window.playback.position() == 2_530
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    dialog = notes_window.notes.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.windowTitle() == "Edit note at 0:02"
    assert dialog.note_field.text() == "trust"
    dialog.note_field.selectAll()
    qtbot.keyClicks(dialog.note_field, "trust takes time")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    notes = [b.note for b in store.list("test-module", "first")]
    assert notes == ["trust takes time", "thank you"]
    assert panel.model.bookmark(panel.current_row()).note == "trust takes time"


def test_the_list_follows_the_video_on_show(notes_window) -> None:
    store = notes_window.notes.store
    store.add("test-module", "second", 1_000, "on the second video")
    panel = notes_window.notes.panel
    assert panel.model.rowCount() == 0 and panel.empty_label.isVisibleTo(panel)
    assert notes_window.show_video("second")
    assert panel.model.rowCount() == 1 and not panel.empty_label.isVisibleTo(panel)


def test_delete_asks_first(notes_window) -> None:
    store = notes_window.notes.store
    bookmark = store.add("test-module", "first", 4_270, "listen first")
    notes_window.notes.refresh()
    asked: list[str] = []
    answers = [False, True]

    def answer(box: QMessageBox) -> bool:
        asked.append(box.text())
        return answers.pop(0)

    notes_window.notes.ask = answer
    panel = notes_window.notes.panel
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert store.count() == 1
    notes_window.notes.panel.delete_button.click()
    assert store.get(bookmark.id) is None
    assert asked == ["Delete the bookmark at 0:04 and its note “listen first”?"] * 2
    assert notes_window.notes.panel.model.rowCount() == 0


def test_delete_all_says_how_many_then_deletes_every_module(notes_window) -> None:
    store = notes_window.notes.store
    for at in (1_000, 2_000):
        store.add("test-module", "first", at)
    store.add("another-module", "intro", 3_000, "elsewhere")
    notes_window.notes.refresh()
    boxes: list[QMessageBox] = []

    def refuse(box: QMessageBox) -> bool:
        boxes.append(box)
        return False

    notes_window.notes.ask = refuse
    notes_window.keymap["delete_all_notes"].trigger()
    assert store.count() == 3
    (box,) = boxes
    assert "3 notes" in box.text() and "every module" in box.text()
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Delete 3 notes"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    notes_window.notes.ask = lambda _box: True
    notes_window.keymap["delete_all_notes"].trigger()
    assert store.count() == 0
    assert notes_window.notes.panel.model.rowCount() == 0
    assert notes_window.notes.panel.result_label.text() == "Deleted 3 notes."


def test_delete_all_through_the_real_message_box(notes_window) -> None:
    store = notes_window.notes.store
    store.add("test-module", "first", 1_000, "one")
    seen: list[str] = []

    def press_delete_when_shown() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press_delete_when_shown)
            return
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, press_delete_when_shown)
    assert notes_window.notes.delete_all() == 1
    assert store.count() == 0
    assert seen and "(1 note, in every module)" in seen[0]


def test_export_notes_writes_this_modules_notes(notes_window, tmp_path: Path) -> None:
    store = notes_window.notes.store
    store.add("test-module", "first", 7_130, "The story starts")
    store.add("test-module", "second", 1_000)
    store.add("another-module", "intro", 3_000, "not this module")
    target = tmp_path / "out" / "my-notes.txt"
    target.parent.mkdir()
    suggested: list[str] = []

    def choose(_parent, _title, suggestion, _filters):  # type: ignore[no-untyped-def]
        suggested.append(suggestion)
        return str(target)

    notes_window.notes.save_path = choose
    notes_window.keymap["export_notes"].trigger()
    assert suggested[0].endswith("test-module-notes.txt")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("My notes: Test Module\n")
    assert "First video\n      0:07  The story starts\n" in text
    assert "Second video\n      0:01  (bookmark, no note)\n" in text
    assert "not this module" not in text
    assert "Exported 2 notes" in notes_window.notes.panel.result_label.text()


def test_the_notes_file_is_in_the_data_folder_not_the_module(
    qtbot, notes_bench, module_folder: Path, isolated_data_folder: Path
) -> None:
    """With no store given, B writes to XDG_DATA_HOME/transcript-player."""
    dialog = open_note_dialog(qtbot, notes_bench)
    qtbot.keyClicks(dialog.note_field, "in the data folder")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: notes_bench.notes.store.count() == 1)
    expected = isolated_data_folder / "transcript-player" / "notes.sqlite3"
    assert notes_bench.notes.store.path == expected and expected.is_file()
    assert not [p for p in module_folder.rglob("*") if "sqlite" in p.name]


def test_notes_leave_the_screen_in_full_screen(qtbot, notes_main_window) -> None:
    dock = notes_main_window.placement.docks["notes"]
    assert dock.isVisible() and dock.window() is notes_main_window
    notes_main_window.keymap["full_screen"].trigger()
    assert not dock.isVisible()
    notes_main_window.keymap["leave_full_screen"].trigger()
    qtbot.waitUntil(dock.isVisible)


def test_notes_are_never_in_the_presentation_window(qtbot, notes_main_window) -> None:
    notes_main_window.notes.store.add("test-module", "first", 1_000, "private")
    notes_main_window.notes.refresh()
    notes_main_window.keymap["present"].trigger()
    room = notes_main_window.features.presenter.presentation
    assert room is not None
    panel = notes_main_window.notes.panel
    assert panel.window() is notes_main_window
    assert not room.findChildren(type(panel)) and not room.isAncestorOf(panel)
    notes_main_window.keymap["end_presentation"].trigger()


def test_notes_panel_toggle_and_accessible_names(notes_main_window) -> None:
    dock = notes_main_window.placement.docks["notes"]
    action = notes_main_window.keymap["notes_panel"]
    assert action.isChecked()
    action.trigger()
    assert dock.isHidden() and not action.isChecked()
    action.trigger()
    assert not dock.isHidden() and action.isChecked()
    panel = notes_main_window.notes.panel
    assert panel.list.accessibleName() == "My notes"
    assert "(B)" in panel.add_button.toolTip()
    assert "F2" in panel.edit_button.toolTip()
    assert "Delete" in panel.delete_button.toolTip()
    assert "(B)" in notes_main_window.keymap.tooltip("bookmark")


def test_b_says_at_once_when_no_note_can_be_saved(
    qtbot, notes_window, tmp_path
) -> None:
    """No dialog to type a note into that would be lost; the reason names the file."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    notes_window.notes.use_store(NotesStore(blocker / "notes.sqlite3"))
    qtbot.keyClick(notes_window.video_view, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: bool(notes_window.status.messages("notes")))
    (message,) = notes_window.status.messages("notes")
    assert message.startswith("Not possible: ") and str(blocker) in message
    assert "is a file where the notes folder should be" in message
    assert notes_window.notes.dialog is None
    assert blocker.read_text(encoding="utf-8").startswith("a file where")


def test_a_failed_save_keeps_the_dialog_and_the_note(qtbot, notes_window) -> None:
    """The file turned into something else while the note was typed: the dialog
    says why and keeps the words; nothing is written over that file."""
    path = notes_window.notes.store.path
    dialog = open_note_dialog(qtbot, notes_window)
    qtbot.keyClicks(dialog.note_field, "do not lose me")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("somebody else's text\n", encoding="utf-8")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.note_field.text() == "do not lose me"
    assert dialog.problem().startswith("The bookmark could not be saved: ")
    assert "not a transcript-player notes file" in dialog.problem()
    assert path.read_text(encoding="utf-8") == "somebody else's text\n"
    assert notes_window.notes.panel.model.rowCount() == 0


# -- the note dialog's life (issue 11), two windows and read-only (issue 10) --------


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
