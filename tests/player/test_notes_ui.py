"""Private notes: B, the note dialog, the list, delete all, export.

Most tests build the notes on a context with the video (tests/player/rig.py,
tests/player/notes_rig.py); the ones about the dock, full screen and the
presentation use the main window.
"""

from __future__ import annotations

from pathlib import Path

from notes_rig import open_note_dialog
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from player.facilitator.notes_store import NotesStore


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
