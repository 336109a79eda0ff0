"""Every dialog of the window opened twice in one session, deferred deletes run between.

The note dialog once failed the second time ("Internal C++ object already deleted"):
the tests never let Qt's deferred deletes run, so they never met a deleted dialog.
Here each dialog is opened, closed, Qt deletes what it was asked to delete, and the
dialog is opened again; while open, keys typed in it never reach the window's
single-key shortcuts ("n" is Next video, "k" play / pause).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QWidget

from player.core.setting_keys import PRESENTATION_SCREEN


def run_deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def keys_stay_in(qtbot, window, dialog: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Typing n and k where the dialog has focus changes nothing in the window."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog.window())
    focus = QApplication.focusWidget()
    assert focus is not None and (focus is dialog or dialog.isAncestorOf(focus))
    for key in (Qt.Key.Key_N, Qt.Key.Key_K, Qt.Key.Key_T):
        QTest.keyClick(focus, key)
    assert window.showing.video.id == "first", "n did not switch the video"
    assert not window.playback.is_playing(), "k did not play"
    assert window.keymap["transcript"].isChecked(), "t did not hide the transcript"


def open_twice(qtbot, window, open_dialog: Callable[[], QDialog]) -> list[QDialog]:  # type: ignore[no-untyped-def]
    """Open, check the keys, close with Esc, delete, and again; both dialogs shown."""
    shown = []
    for _ in range(2):
        dialog = open_dialog()
        assert shiboken6.isValid(dialog)
        qtbot.waitUntil(dialog.isVisible)
        keys_stay_in(qtbot, window, dialog)
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        run_deferred_deletes()
        shown.append(dialog)
    return shown


def test_export_dialog_twice(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    export = window.features.export

    def open_export() -> QDialog:
        window.keymap["export_transcript"].trigger()
        assert export.dialog is not None
        return export.dialog

    first, second = open_twice(qtbot, window, open_export)
    assert first is not second and not shiboken6.isValid(first)
    assert export.dialog is None


def test_preferences_twice(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    def open_preferences() -> QDialog:
        window.keymap["preferences"].trigger()
        return window.preferences.dialog

    first, second = open_twice(qtbot, window, open_preferences)
    assert first is second and shiboken6.isValid(second)  # one dialog, kept


def test_help_twice(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    def open_help() -> QDialog:
        window.keymap["help"].trigger()
        return window.commands.help_dialog

    first, second = open_twice(qtbot, window, open_help)
    assert first is second and shiboken6.isValid(second)


def test_library_search_twice(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    library = window.features.library
    library.index_path = tmp_path / "index.sqlite3"

    def open_search() -> QDialog:
        window.keymap["search_all"].trigger()
        return library.dialog

    try:
        first, second = open_twice(qtbot, window, open_search)
        assert first is second and shiboken6.isValid(second)
    finally:
        library.shutdown()


def test_discussion_pause_dialog_twice_then_adds(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    presenter = window.features.presenter
    window.playback.advance_to(3_000)

    def open_add_pause() -> QDialog:
        window.keymap["add_pause"].trigger()
        assert presenter.add_dialog is not None
        return presenter.add_dialog

    first, second = open_twice(qtbot, window, open_add_pause)
    assert not shiboken6.isValid(first) and not shiboken6.isValid(second)
    assert presenter.add_dialog is None
    third = open_add_pause()
    qtbot.keyClicks(third.prompt_field, "What does trust need?")
    third.accept()
    run_deferred_deletes()
    assert "What does trust need?" in [p.prompt for p in presenter.pauses.pauses]


def answer_modal(qtbot, window, answer: Callable[[QInputDialog], None]) -> list[str]:  # type: ignore[no-untyped-def]
    """When the blocking input dialog shows: check the keys, then `answer` it."""
    seen: list[str] = []

    def when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, when_shown)
            return
        seen.append(dialog.labelText())
        keys_stay_in(qtbot, window, dialog)
        answer(dialog)

    QTimer.singleShot(0, when_shown)
    return seen


def test_projector_caption_size_twice(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    presenter = window.features.presenter
    for value in (120, 160):

        def set_value(dialog: QInputDialog, value: int = value) -> None:
            dialog.setIntValue(value)
            dialog.accept()

        seen = answer_modal(qtbot, window, set_value)
        window.keymap["presentation_captions"].trigger()
        run_deferred_deletes()
        assert seen and "Caption size on the projector" in seen[0]
        assert presenter.caption_percent() == value


def test_presentation_screen_chooser_twice(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    presenter = window.features.presenter
    for _ in range(2):
        seen = answer_modal(qtbot, window, lambda dialog: dialog.accept())
        presenter.ask_screen()
        run_deferred_deletes()
        assert seen == ["Show the room's window on:"]
    screen = QApplication.primaryScreen()
    assert window.ctx.settings.get(PRESENTATION_SCREEN) == screen.name()


def test_note_dialog_twice_in_the_whole_window(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from player.facilitator.notes_store import NotesStore

    notes = window.features.notes.controller()
    notes.use_store(NotesStore(tmp_path / "notes.sqlite3"))

    def open_note() -> QDialog:
        window.video_view.setFocus()
        qtbot.waitUntil(window.video_view.hasFocus)
        QTest.keyClick(window.video_view, Qt.Key.Key_B)
        assert notes.dialog is not None, "B opened the note dialog"
        return notes.dialog

    first, second = open_twice(qtbot, window, open_note)
    assert not shiboken6.isValid(first) and not shiboken6.isValid(second)
    assert notes.store.list() == []  # Esc keeps nothing; the typed n k t neither
