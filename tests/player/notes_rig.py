"""The notes on a test context, shared by the notes tests (tests/player/rig.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from player.facilitator.notes_feature import NotesFeature
from player.facilitator.notes_panel import NoteDialog
from player.facilitator.notes_store import NotesStore


class Notes:
    """The notes on a context, with the video they bookmark."""

    def __init__(self, rig) -> None:  # type: ignore[no-untyped-def]
        self.rig, ctx = rig, rig.ctx
        self.video_view = rig.video().view
        self.feature = rig.add(NotesFeature(ctx))
        rig.place(self.feature.host)
        self.notes = self.feature.controller()
        self.playback, self.keymap, self.status = ctx.playback, ctx.actions, rig.status

    def show_video(self, video_id: str) -> bool:
        shown = self.rig.ctx.showing.show_video(video_id)
        self.rig.read()
        return shown


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
    window.notes = window.features.notes.controller()
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
