"""Transcript text size, line spacing, high contrast: applied, drawn and remembered.

The reading aids are built on a context with the transcript and the video
(tests/player/rig.py); a "restart" is a fresh context on the same settings.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication
from rig import Reader, tracks_read

import player.accessibility.transcript_reading as reading_module
from player.accessibility.themes import DEFAULT, apply_theme
from player.accessibility.transcript_reading import KEY_HIGH_CONTRAST
from player.core.settings import application_settings
from player.transcript.spaced_delegate import SpacedDelegate as ReadingDelegate

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
Role = QPalette.ColorRole


@pytest.fixture(autouse=True)
def default_theme_after(qapp: QApplication) -> Iterator[None]:
    """The application palette is global: put the default back after each test."""
    yield
    apply_theme(DEFAULT)


@pytest.fixture
def make_window(make_rig):  # type: ignore[no-untyped-def]
    return lambda: Reader(make_rig())


@pytest.fixture
def window(make_window, module_folder):  # type: ignore[no-untyped-def]
    reader = make_window()
    assert reader.open_path(module_folder)
    return reader


def row_height(window, row: int) -> int:  # type: ignore[no-untyped-def]
    view = window.transcript.view
    window.transcript.view.transcript_delegate.clear_cache()
    return view.transcript_delegate.geometry(row, view.viewport().width()).text


def press(qtbot, window, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    window.video_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.video_view)
    qtbot.keyClick(window.video_view, key, CTRL_SHIFT)


def test_ctrl_shift_up_and_down_resize_the_transcript_within_75_to_300(
    qtbot, window
) -> None:
    delegate = window.transcript.view.transcript_delegate
    assert isinstance(delegate, ReadingDelegate)
    normal_point_size = delegate.font.pointSizeF()
    normal_height = row_height(window, 0)
    press(qtbot, window, Qt.Key.Key_Up)
    assert window.transcript.text_scale() == 115
    assert delegate.font.pointSizeF() == pytest.approx(normal_point_size * 1.15)
    for _ in range(12):
        press(qtbot, window, Qt.Key.Key_Up)
    assert window.transcript.text_scale() == 300
    assert row_height(window, 0) > 2 * normal_height
    for _ in range(15):
        press(qtbot, window, Qt.Key.Key_Down)
    assert window.transcript.text_scale() == 75
    assert row_height(window, 0) < normal_height


def test_the_view_lays_rows_out_again_at_the_new_size(qtbot, window) -> None:
    view = window.transcript.view
    qtbot.waitUntil(lambda: view.visualRect(view.model().index(1, 0)).height() > 0)
    before = view.visualRect(view.model().index(1, 0)).height()
    window.reading.set_scale(250)
    qtbot.waitUntil(
        lambda: view.visualRect(view.model().index(1, 0)).height() > 2 * before
    )


def test_line_spacing_gives_each_line_more_room_up_to_double(window) -> None:
    delegate = window.transcript.view.transcript_delegate
    single = row_height(window, 1)
    lines = round(single / delegate._metrics.lineSpacing())
    window.keymap["more_line_spacing"].trigger()
    assert window.reading.spacing == 1.25
    for _ in range(6):
        window.keymap["more_line_spacing"].trigger()
    assert window.reading.spacing == 2.0
    assert row_height(window, 1) == lines * delegate.spaced_line()
    assert row_height(window, 1) >= 2 * single - lines
    width = delegate.text_width(window.transcript.view.viewport().width())
    document = delegate.document(1, delegate.font, width)
    block_format = document.begin().blockFormat()
    natural = QFontMetrics(delegate.font).lineSpacing()
    assert block_format.lineHeight() == delegate.spaced_line() - natural > 0
    laid_out = document.size().height()
    assert laid_out <= row_height(window, 1) + 2, "the text fits the row it gets"
    assert not window.transcript.view.grab().isNull()  # paints with spacing
    window.keymap["normal_transcript"].trigger()
    assert (window.reading.spacing, window.reading.scale) == (1.0, 100)
    assert row_height(window, 1) == single


def test_high_contrast_themes_the_whole_window_and_is_remembered(
    make_window, module_folder
) -> None:
    window = make_window()
    window.open_path(module_folder)
    tracks_read(window.showing)
    action = window.keymap["high_contrast"]
    assert action.menu() is None and action in window.keymap.menus["View"].actions()
    assert not action.isChecked()
    action.trigger()
    palette = QApplication.palette()
    assert palette.color(Role.Window).name() == "#000000"
    assert palette.color(Role.Highlight).name() == "#ffff00"
    assert window.transcript.view.palette().color(Role.Base).name() == "#000000"
    assert "#ffff00" in window.styleSheet()
    window.reading.set_scale(150)
    window.reading.set_spacing(1.5)
    window.close()
    apply_theme(DEFAULT)
    again = make_window()
    assert again.keymap["high_contrast"].isChecked()
    assert QApplication.palette().color(Role.Window).name() == "#000000"
    assert again.transcript.text_scale() == 150
    assert again.transcript.view.transcript_delegate.line_spacing == 1.5
    again.keymap["high_contrast"].trigger()
    assert QApplication.palette().color(Role.Window).name() != "#000000"
    assert "#ffff00" not in again.styleSheet()


def test_the_desktops_high_contrast_is_followed_until_the_user_chooses(
    make_window, monkeypatch
) -> None:
    monkeypatch.setattr(reading_module, "system_prefers_high_contrast", lambda: True)
    window = make_window()
    assert window.keymap["high_contrast"].isChecked()
    assert QApplication.palette().color(Role.Window).name() == "#000000"
    window.keymap["high_contrast"].trigger()  # the user turns it off: that wins
    assert application_settings().value(KEY_HIGH_CONTRAST) in (False, "false")
    window.close()
    again = make_window()
    assert not again.keymap["high_contrast"].isChecked()
    again.reading.follow_system()
    assert again.keymap["high_contrast"].isChecked()


def test_bad_saved_values_fall_back_to_usable_ones(make_window) -> None:
    settings = application_settings()
    settings.setValue("transcript/textScale", "huge")
    settings.setValue("transcript/lineSpacing", 9)
    settings.sync()
    window = make_window()
    assert window.transcript.text_scale() == 100
    assert window.reading.spacing == 2.0, "out of range: kept at the nearest bound"


def test_sounds_and_speakers_are_set_apart_by_more_than_colour(window) -> None:
    model = window.transcript.model
    delegate = window.transcript.view.transcript_delegate
    sound = next(r for r in range(model.rowCount()) if model.is_sound(r))
    speech = next(r for r in range(model.rowCount()) if not model.is_sound(r))
    assert model.text(sound) == "[soft music]"
    assert delegate._text_font(sound, False).italic()
    assert not delegate._text_font(speech, False).italic()
    assert model.accessible_text(sound).split(", ", 1)[1].startswith("Sound:")
    assert model.speaker_heading(0) == "Narrator"
    assert delegate.bold.bold()
    storyteller = next(
        r for r in range(model.rowCount()) if model.speaker_heading(r) == "Storyteller"
    )
    assert delegate.geometry(storyteller, 300).speaker > 0  # a heading line above it
    assert "Storyteller: " in model.accessible_text(storyteller)


def test_the_transcript_preferences_page_applies_only_on_apply(qtbot, window) -> None:
    dialog = window.preferences.open("Transcript")
    page = dialog.page("Transcript")
    assert page is not None and dialog.tabs.currentWidget() is page
    assert page.size_field.value() == 100 and page.contrast_field.currentIndex() == 0
    page.size_field.setValue(200)
    page.spacing_field.setCurrentIndex(page.spacing_field.findData(1.5))
    page.contrast_field.setCurrentIndex(1)  # On
    assert window.transcript.text_scale() == 100, "nothing changes before Apply"
    dialog.apply()
    assert window.transcript.text_scale() == 200
    assert window.reading.spacing == 1.5
    assert window.keymap["high_contrast"].isChecked()
    assert application_settings().value("transcript/textScale") in (200, "200")
    page.restore_defaults()
    dialog.reject()  # Cancel: the page shows what is in force again
    assert page.size_field.value() == 200 and page.contrast_field.currentIndex() == 1


def test_the_screen_reader_page_drives_the_same_menu_toggles(
    make_window, module_folder, monkeypatch
) -> None:
    import player.accessibility.descriptions as descriptions_module

    monkeypatch.setattr(descriptions_module, "engine_names", lambda: [])
    window = make_window()
    window.open_path(module_folder)
    tracks_read(window.showing)
    dialog = window.preferences.open("Screen reader")
    page = dialog.page("Screen reader")
    assert page is not None
    assert not page.speak_box.isEnabled(), "no speech engine on this machine"
    page.announce_box.setChecked(True)
    page.show_box.setChecked(True)
    dialog.accept()
    assert window.keymap["announce_captions"].isChecked() and window.announcer.enabled
    assert window.keymap["descriptions"].isChecked() and window.descriptions.showing
