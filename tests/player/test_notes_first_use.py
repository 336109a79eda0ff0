"""The private notes are built on first use (issue 16's start-up): a learner's window
never builds them, and each way a facilitator reaches them works the first time."""

from __future__ import annotations

from pathlib import Path

from notes_rig import open_note_dialog
from PySide6.QtCore import Qt

from player.facilitator.notes_store import NotesStore


def test_a_learner_window_has_the_notes_entry_but_not_the_notes(window) -> None:
    assert window.layouts.current == "learner"
    assert not window.placement.docks["notes"].isVisible()
    assert window.keymap["notes_panel"].isEnabled()
    assert not window.features.notes.is_built()


def test_b_builds_the_notes_and_asks_for_the_note(qtbot, window) -> None:
    notes = window.features.notes
    window.playback.advance_to(7_500)
    qtbot.keyClick(window.video_view, Qt.Key.Key_B)
    assert notes.is_built(), "B built the notes"
    dialog = notes.controller().dialog
    assert dialog is not None and dialog.windowTitle() == "Bookmark at 0:07"
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not window.placement.docks["notes"].isVisible(), "nothing kept, no panel"


def test_showing_the_panel_builds_it_with_the_video_s_bookmarks(
    qtbot, window, isolated_data_folder: Path
) -> None:
    """The notes file is the one a start opens (the data folder's), read at first
    show; the panel comes with its dock, its list ready for the keyboard."""
    store = NotesStore()
    store.add("test-module", "first", 3_000, "ask about the circle")
    store.close()
    assert isolated_data_folder in store.path.parents
    window.keymap["notes_panel"].trigger()
    dock = window.placement.docks["notes"]
    qtbot.waitUntil(dock.isVisible)
    notes = window.features.notes
    assert notes.is_built()
    panel = notes.controller().panel
    assert panel.isVisible() and dock.isAncestorOf(panel)
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data() == "0:03  ask about the circle"


def test_a_bookmark_made_before_the_panel_ever_showed_is_listed(
    qtbot, window, tmp_path: Path
) -> None:
    notes = window.features.notes.controller()
    notes.use_store(NotesStore(tmp_path / "notes.sqlite3"))
    window.notes = notes
    window.playback.advance_to(4_000)
    dialog = open_note_dialog(qtbot, window)
    qtbot.keyClicks(dialog.note_field, "first words")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    dock = window.placement.docks["notes"]
    qtbot.waitUntil(dock.isVisible)  # a new bookmark shows the panel
    assert notes.panel.isVisible() and notes.panel.model.rowCount() == 1


def test_a_notes_path_that_is_a_folder_is_reported_on_first_use(qtbot, window) -> None:
    """Read when the notes are first used, a hostile notes path is still said and
    shown, no dialog opens to type into, and the folder is left as it is."""
    from player.facilitator.notes_store import default_notes_path

    path = default_notes_path()
    path.mkdir(parents=True)
    (path / "kept.txt").write_text("not notes")
    qtbot.keyClick(window.video_view, Qt.Key.Key_B)
    notes = window.features.notes.controller()
    assert notes.dialog is None
    problems = " ".join(window.ctx.notify.problems("notes"))
    assert str(path) in problems, problems
    window.ctx.notify.voice.flush()
    assert str(path) in window.ctx.notify.voice.said[-1]
    assert path.is_dir() and (path / "kept.txt").read_text() == "not notes"


def test_a_window_closed_without_using_the_notes_leaves_no_notes_file(window) -> None:
    from player.facilitator.notes_store import default_notes_path

    window.close()
    assert not window.features.notes.is_built()
    assert not default_notes_path().exists()
