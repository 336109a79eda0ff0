"""The seek and volume sliders as a screen reader meets them: words, and quiet.

Qt sends a slider's value-change event from `setValue`, so "no event while the
video plays on" shows here as a value that stays put while the handle moves;
tests/a11y/test_orca.py counts what Orca really says.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSlider

from player.accessibility.themes import high_contrast_palette
from player.core.voice import NOTIFICATION
from player.playback.accessible import AT_SPI
from player.playback.controls import Controls
from player.shell.transport import Transport


@pytest.fixture
def controls(qtbot) -> Controls:  # type: ignore[no-untyped-def]
    bar = Controls()
    qtbot.addWidget(bar)
    bar.show()
    bar.set_duration(199_000)
    bar.set_position(145_720)
    return bar


def interface(widget):  # type: ignore[no-untyped-def]
    return QAccessible.queryAccessibleInterface(widget)


def test_the_seek_slider_reads_time_in_words_and_whole_seconds(controls) -> None:
    seek = interface(controls.seek_slider)
    assert seek.role() == QAccessible.Role.Slider
    assert seek.text(QAccessible.Text.Name) == "Seek"
    words = "2 minutes 25 seconds of 3 minutes 19 seconds"
    assert seek.text(QAccessible.Text.Value) == words
    value = seek.valueInterface()
    assert (value.currentValue(), value.maximumValue()) == (145, 199)
    assert value.minimumStepSize() == 5  # Orca prints it with no decimals
    if AT_SPI:  # Orca never gets the value text: the description carries it
        assert seek.text(QAccessible.Text.Description).startswith(words)


def test_the_read_value_changes_only_when_the_second_changes(controls) -> None:
    value = interface(controls.seek_slider).valueInterface()
    read = []
    for ms in range(145_720, 148_000, 40):  # frames while playing
        controls.set_position(ms)
        read.append(value.currentValue())
    assert sorted(set(read)) == [145, 146, 147]
    assert read == sorted(read)


def test_playing_on_moves_the_handle_but_sends_no_value_change(controls) -> None:
    slider = controls.seek_slider
    value_before = slider.value()
    for ms in range(145_760, 150_000, 40):
        controls.set_position(ms)
    assert slider.sliderPosition() == 149_960
    assert slider.value() == value_before, "setValue (and its event) never ran"
    controls.set_position(30_000)  # a seek made elsewhere: told to no one unfocused
    assert slider.sliderPosition() == 30_000 and slider.value() == value_before
    assert interface(slider).valueInterface().currentValue() == 30, "read live"


def test_the_learner_s_step_starts_at_the_handle_and_is_said_in_words(
    controls, qtbot
) -> None:
    slider = controls.seek_slider
    for ms in range(145_760, 150_000, 40):
        controls.set_position(ms)
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    said, seeks = [], []
    slider.learner_changed.connect(said.append)
    controls.seek_requested.connect(seeks.append)
    value_before = slider.value()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    assert seeks == [154_960]
    if AT_SPI:  # Orca would say the bare number: only the words are said
        assert slider.value() == value_before
    assert said == ["2 minutes 34 seconds of 3 minutes 19 seconds"]
    controls.set_position(154_960)  # the player arrives: not said again
    assert len(said) == 1
    controls.set_position(10_000)  # a jump from elsewhere while focused: said
    assert said[-1] == "10 seconds of 3 minutes 19 seconds"


def test_a_screen_reader_may_set_the_time(controls) -> None:
    seeks: list[int] = []
    controls.seek_requested.connect(seeks.append)
    interface(controls.seek_slider).valueInterface().setCurrentValue(60)
    assert seeks == [60_000]


def test_the_volume_reads_in_percent(controls) -> None:
    controls.set_volume(80)
    volume = interface(controls.volume_slider)
    assert volume.text(QAccessible.Text.Value) == "80 percent"
    assert volume.valueInterface().currentValue() == 80
    moved: list[int] = []
    controls.volume_requested.connect(moved.append)
    controls.volume_slider.triggerAction(QSlider.SliderAction.SliderSingleStepAdd)
    assert moved == [85]


def test_on_orca_s_route_a_learner_s_seek_is_also_said_in_words(rig) -> None:
    transport = rig.add(Transport(rig.ctx))
    rig.place(transport.controls)
    voice = rig.ctx.notify.voice
    voice.set_route(NOTIFICATION)
    transport.controls.set_duration(20_000)
    transport.controls.seek_slider.triggerAction(QSlider.SliderAction.SliderPageStepAdd)
    voice.flush()
    assert voice.said == ["20 seconds of 20 seconds."]


def colours_drawn(icon: QImage) -> set[str]:
    """The colours of the icon's shape (edges' partial alpha undone)."""
    image = icon.convertToFormat(QImage.Format.Format_ARGB32)
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() > 0
    }


def test_icons_are_drawn_in_the_theme_s_text_colour(controls) -> None:
    controls.setPalette(high_contrast_palette())  # white on black buttons
    for button in (controls.play_button, controls.mute_button):
        image = button.icon().pixmap(24, 24).toImage()
        assert colours_drawn(image) == {"#ffffff"}, button.objectName()
    controls.set_playing(True)
    controls.set_muted(True)
    text = controls.palette().color(QPalette.ColorRole.ButtonText).name()
    image = controls.play_button.icon().pixmap(24, 24).toImage()
    assert colours_drawn(image) == {text}


def test_the_caption_list_is_named_when_it_opens(controls, qtbot) -> None:  # type: ignore[no-untyped-def]
    chooser = controls.caption_chooser
    chooser.addItems(["English (CC)", "Français"])
    chooser.showPopup()
    qtbot.waitUntil(chooser.view().isVisible)
    assert chooser.view().accessibleName() == "Caption tracks"
    chooser.hidePopup()


def test_the_caption_font_box_s_own_text_field_is_named(qtbot) -> None:
    from player.video.caption_style_page import CaptionStylePage
    from player.video.video_view import VideoView

    view = VideoView()
    qtbot.addWidget(view)
    page = CaptionStylePage(view)
    qtbot.addWidget(page)
    field = page.font_combo.lineEdit()
    assert field is not None and field.accessibleName() == "Caption font name"
    assert page.font_combo.view().accessibleName() == "Fonts"


def test_the_video_s_inner_viewport_is_named(qtbot) -> None:
    from player.video.video_view import VideoView

    view = VideoView()
    qtbot.addWidget(view)
    assert view.viewport().accessibleName() == "Video picture"
