"""Caption styles: the preferences dialog, the caption items, and persistence.

Most tests build the caption style feature alone on a context (tests/player/rig.py);
two go through the whole window to check its wiring.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGraphicsDropShadowEffect,
    QLabel,
    QWidget,
)
from rig import tracks_read

from captions.contrast import caption_contrast, parse_hex
from player.core.contribution import Page
from player.core.settings import application_settings
from player.shell.preferences_dialog import Preferences, PreferencesDialog
from player.video.caption_paint import caption_outline
from player.video.caption_style import (
    DEFAULT_STYLE,
    CaptionStyle,
    load_caption_style,
    save_caption_style,
)
from player.video.caption_style_feature import CaptionStyleFeature
from player.video.caption_style_page import CaptionStylePage

CTRL = Qt.KeyboardModifier.ControlModifier
YELLOW_ON_BLUE = CaptionStyle(
    size_percent=200,
    text_color="#ffff00",
    background_color="#0000ff",
    background_opacity=100,
    edge="outline",
)


@pytest.fixture
def styled(rig, module_folder):  # type: ignore[no-untyped-def]
    """The video and its caption style on a context, with a preferences dialog."""
    video = rig.video()
    feature = rig.add(CaptionStyleFeature(rig.ctx, video.view))
    rig.preferences = Preferences(rig.host, feature.contribution().pages)
    rig.video_view = video.view
    rig.open(module_folder)
    return rig


def open_preferences(where, page: str | None = None) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    return where.preferences.open(page)


def caption_item(window):  # type: ignore[no-untyped-def]
    """The first caption box the video view draws (a caption must be showing)."""
    items = [i for i in window.video_view._caption_items if i.isVisible()]
    assert items, "no caption is showing"
    return items[0]


def showing_caption(window):  # type: ignore[no-untyped-def]
    window.playback.advance_to(1_500)
    return caption_item(window)


def caption_page(dialog: PreferencesDialog) -> CaptionStylePage:
    page = dialog.page("Caption style")
    assert isinstance(page, CaptionStylePage)
    return page


def click(dialog: PreferencesDialog, which: QDialogButtonBox.StandardButton) -> None:
    dialog.buttons.button(which).click()


def test_the_default_style_passes_seven_to_one_over_any_video() -> None:
    assert DEFAULT_STYLE.contrast() >= 7.0
    assert DEFAULT_STYLE.contrast() == caption_contrast(
        parse_hex("#ffffff"), parse_hex("#000000"), 0.8
    )


def test_invalid_stored_values_are_made_usable(isolated_settings) -> None:
    settings = application_settings()
    for key, value in {
        "size_percent": 900,
        "font_family": "  Serif ",
        "text_color": "not a colour",
        "background_color": "#00F",
        "background_opacity": -20,
        "edge": "glow",
        "position": "sideways",
        "honour_cue_placement": "false",
    }.items():
        settings.setValue(f"captionStyle/{key}", value)
    settings.sync()
    assert load_caption_style() == CaptionStyle(
        size_percent=300,  # out of range: kept at the nearest bound, with a message
        font_family="Serif",
        text_color="#ffffff",
        background_color="#0000ff",
        background_opacity=0,
        edge="none",
        position="bottom",
        honour_cue_placement=False,
    )
    settings.setValue("captionStyle/size_percent", "big")
    assert load_caption_style().size_percent == DEFAULT_STYLE.size_percent


def test_save_and_load_round_trip(isolated_settings) -> None:
    save_caption_style(YELLOW_ON_BLUE)
    assert load_caption_style() == YELLOW_ON_BLUE


def test_dialog_changes_the_captions_on_the_video_and_a_fresh_window_keeps_them(
    qtbot, make_window, module_folder
) -> None:
    window = make_window()
    window.open_path(module_folder)
    tracks_read(window.showing)
    before = showing_caption(window)
    small = before.text.font().pixelSize()
    assert before.brush().color().alpha() == round(0.8 * 255)
    dialog = window.preferences.open()
    page = caption_page(dialog)
    page.size_spin.setValue(200)
    page.set_text_color("#ffff00")
    page.set_background_color("#0000ff")
    page.opacity_spin.setValue(100)
    page.edge_combo.setCurrentIndex(page.edge_combo.findData("outline"))
    assert caption_item(window).text.defaultTextColor() == QColor("#ffffff"), (
        "nothing applies before Apply"
    )
    click(dialog, QDialogButtonBox.StandardButton.Ok)
    assert not dialog.isVisible()
    item = caption_item(window)
    assert item.text.font().pixelSize() >= small * 1.9
    assert item.text.defaultTextColor() == QColor("#ffff00")
    assert item.brush().color() == QColor("#0000ff")
    outline = caption_outline(item)
    assert outline is not None and outline.toPlainText() == item.text.toPlainText()
    assert outline.zValue() < item.text.zValue()
    window.close()

    fresh = make_window()
    fresh.open_path(module_folder)
    tracks_read(fresh.showing)
    assert fresh.video_view.caption_style == YELLOW_ON_BLUE
    again = showing_caption(fresh)
    assert again.text.defaultTextColor() == QColor("#ffff00")
    assert again.text.font().pixelSize() == item.text.font().pixelSize()


def test_cancel_discards_and_restore_defaults_needs_apply(styled) -> None:
    styled.video_view.set_caption_style(YELLOW_ON_BLUE)
    dialog = open_preferences(styled)
    page = caption_page(dialog)
    assert page.size_spin.value() == 200, "the dialog shows the style in force"
    page.size_spin.setValue(80)
    click(dialog, QDialogButtonBox.StandardButton.Cancel)
    assert styled.video_view.caption_style == YELLOW_ON_BLUE
    open_preferences(styled)
    assert page.size_spin.value() == 200
    click(dialog, QDialogButtonBox.StandardButton.RestoreDefaults)
    assert page.chosen_style() == DEFAULT_STYLE
    assert styled.video_view.caption_style == YELLOW_ON_BLUE
    click(dialog, QDialogButtonBox.StandardButton.Apply)
    assert styled.video_view.caption_style == DEFAULT_STYLE
    assert dialog.isVisible(), "Apply keeps the dialog open"
    assert load_caption_style() == DEFAULT_STYLE


def test_contrast_is_shown_and_a_low_pair_warns(styled) -> None:
    page = caption_page(open_preferences(styled))
    assert page.contrast_label.text() == (
        "Contrast 12.6:1 over any video — passes AA and AAA"
    )
    assert not page.warning_label.isVisible()
    page.set_text_color("#777777")
    page.set_background_color("#ffffff")
    page.opacity_spin.setValue(100)
    assert page.contrast_label.text().startswith("Contrast 4.4:1 — fails AA")
    assert page.warning_label.isVisible()
    assert "under 4.5:1" in page.warning_label.text()
    assert "under 4.5:1" in page.text_button.accessibleDescription()
    page.set_text_color("#595959")
    assert not page.warning_label.isVisible()


def test_colour_buttons_name_their_colour(styled) -> None:
    page = caption_page(open_preferences(styled))
    page.set_text_color("#ffff00")
    assert page.text_button.accessibleName() == "Text colour: yellow (#ffff00)"
    assert "yellow" in page.text_button.text()
    page.set_background_color("#123456")
    assert page.background_button.accessibleName() == "Background colour: #123456"


def test_the_preview_draws_the_chosen_style_on_a_neutral_frame(styled) -> None:
    page = caption_page(open_preferences(styled))
    assert page.preview_image.pixelColor(10, 10) == QColor("#808080")
    page.set_text_color("#ffff00")
    page.edge_combo.setCurrentIndex(page.edge_combo.findData("drop-shadow"))
    shown = [i for i in page.preview._caption_items if i.isVisible()]
    assert shown and shown[0].text.defaultTextColor() == QColor("#ffff00")
    assert isinstance(shown[0].text.graphicsEffect(), QGraphicsDropShadowEffect)
    assert styled.video_view.caption_style == DEFAULT_STYLE


def test_ctrl_equals_resizes_live_and_persists(qtbot, styled) -> None:
    styled.video_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is styled.video_view)
    small = showing_caption(styled).text.font().pixelSize()
    qtbot.keyClick(styled.video_view, Qt.Key.Key_Equal, CTRL)
    assert styled.video_view.caption_style.size_percent == 125
    assert caption_item(styled).text.font().pixelSize() > small
    assert load_caption_style().size_percent == 125
    assert styled.ctx.notify.shown() == "Caption size 125 %"
    qtbot.keyClick(styled.video_view, Qt.Key.Key_0, CTRL)
    assert load_caption_style().size_percent == 100


def test_view_menu_toggles_are_views_of_the_style(styled) -> None:
    keymap, view = styled.keymap, styled.video_view
    keymap["caption_band"].trigger()
    assert view.caption_style.position == "band"
    assert load_caption_style().position == "band"
    keymap["cue_positions"].trigger()
    assert load_caption_style().honour_cue_placement is False
    view.set_caption_style(CaptionStyle(position="top"))
    assert not keymap["caption_band"].isChecked()
    assert keymap["cue_positions"].isChecked()


def test_band_puts_captions_below_the_video_and_top_at_the_top(styled) -> None:
    view = styled.video_view
    showing_caption(styled)
    video = view.video_item.boundingRect()
    view.set_caption_style(CaptionStyle(position="band"))
    band = view.caption_boxes()[0]
    assert band.top() >= view.video_item.boundingRect().bottom() - 1
    assert not band.intersects(view.video_item.sceneBoundingRect())
    view.set_caption_style(CaptionStyle(position="top"))
    video = view.video_item.sceneBoundingRect()
    top = view.caption_boxes()[0]
    assert video.top() <= top.top() < video.top() + video.height() * 0.15
    view.set_caption_style(CaptionStyle(position="bottom"))
    bottom = view.caption_boxes()[0]
    assert bottom.bottom() > video.top() + video.height() * 0.8


def test_ctrl_comma_opens_preferences_and_every_control_is_named(qtbot, window) -> None:
    qtbot.keyClick(window.video_view, Qt.Key.Key_Comma, CTRL)
    dialog = window.preferences.dialog
    qtbot.waitUntil(dialog.isVisible)
    page = caption_page(dialog)
    focusable = [
        w
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisible()
        and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
    ]
    assert len(focusable) >= 13
    for widget in focusable:
        assert widget.accessibleName(), widget
        assert widget.toolTip(), widget
    page.size_spin.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.size_spin)
    order = [page.size_spin]
    for _ in range(9):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        inner = isinstance(focus.parent(), QAbstractSpinBox | QComboBox)
        order.append(focus.parent() if inner else focus)
    assert order == [
        page.size_spin,
        page.size_slider,
        page.font_combo,
        page.text_button,
        page.background_button,
        page.opacity_spin,
        page.opacity_slider,
        page.edge_combo,
        page.position_combo,
        page.honour_check,
    ]
    qtbot.keyClick(page.honour_check, Qt.Key.Key_Tab)
    assert dialog.buttons.isAncestorOf(QApplication.focusWidget()), (
        "after the page, Tab reaches the dialog's buttons"
    )
    labels = [label for label in page.findChildren(QLabel) if "&" in label.text()]
    assert len(labels) == 7 and all(label.buddy() is not None for label in labels)


def test_other_features_add_pages_that_apply_with_the_dialog(qtbot) -> None:
    applied: list[str] = []

    class ReadingPage(QWidget):
        def apply(self) -> None:
            applied.append("applied")

    host = QWidget()
    qtbot.addWidget(host)
    preferences = Preferences(host)
    preferences.add_page(Page("&Reading", ReadingPage))
    dialog = preferences.open(page="Reading")
    assert dialog.tabs.currentWidget().accessibleName() == "Reading"
    late = ReadingPage()
    assert dialog.add_page("&Later", late) == dialog.tabs.count() - 1
    click(dialog, QDialogButtonBox.StandardButton.Ok)
    assert applied == ["applied", "applied"]


def dark_pixels(page: CaptionStylePage) -> int:
    """Near-black pixels inside the preview's caption box, as drawn on screen."""
    box = page.preview.caption_boxes()[0].toRect()
    image = page.preview.viewport().grab(box).toImage()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < 40
    )


def test_outline_and_drop_shadow_are_really_drawn(styled) -> None:
    page = caption_page(open_preferences(styled))
    page.opacity_spin.setValue(0)
    assert dark_pixels(page) == 0, "white text on a grey frame, no box, no edge"
    page.edge_combo.setCurrentIndex(page.edge_combo.findData("outline"))
    outlined = dark_pixels(page)
    page.edge_combo.setCurrentIndex(page.edge_combo.findData("drop-shadow"))
    shadowed = dark_pixels(page)
    assert outlined > 200 and shadowed > 100, (outlined, shadowed)


def test_band_contrast_is_measured_on_the_black_band(styled) -> None:
    assert CaptionStyle(position="band", background_opacity=0).contrast() == 21.0
    page = caption_page(open_preferences(styled))
    page.position_combo.setCurrentIndex(page.position_combo.findData("band"))
    assert (
        page.contrast_label.text() == "Contrast 21.0:1 in the band — passes AA and AAA"
    )


def test_a_colour_is_chosen_from_the_keyboard(qtbot, styled, monkeypatch) -> None:
    import player.video.caption_style_page as page_module

    asked: list[str] = []

    def choose(initial: QColor, parent: QWidget, title: str) -> QColor:
        asked.append(f"{title}: {initial.name()}")
        return QColor("#00ffff")

    monkeypatch.setattr(page_module.QColorDialog, "getColor", staticmethod(choose))
    page = caption_page(open_preferences(styled))
    page.text_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.text_button)
    qtbot.keyClick(page.text_button, Qt.Key.Key_Space)
    assert asked == ["Text colour: #ffffff"]
    assert page.text_button.accessibleName() == "Text colour: cyan (#00ffff)"
    assert page.chosen_style().text_color == "#00ffff"
    page.position_combo.setCurrentIndex(page.position_combo.findData("band"))
    assert not page.honour_check.isEnabled(), "the band ignores cue positions"
