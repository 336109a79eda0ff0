"""The keyboard map, pressed for real on the window, and the single-key guard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from rig import tracks_read

from player.shell.help_dialog import HelpDialog

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(
    qtbot,
    window,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press a key where the keyboard focus is, as a user would."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


@pytest.fixture
def keyed(window, qtbot):  # type: ignore[no-untyped-def]
    window.video_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.video_view)
    return window


def test_k_and_space_play_and_pause(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_K)
    assert keyed.playback.is_playing()
    press(qtbot, keyed, Qt.Key.Key_Space)
    assert not keyed.playback.is_playing()


def test_j_l_and_arrows_on_the_video_step_five_seconds(qtbot, keyed) -> None:
    keyed.seek(10_000)
    press(qtbot, keyed, Qt.Key.Key_L)
    assert keyed.playback.position() == 15_000
    press(qtbot, keyed, Qt.Key.Key_J)
    press(qtbot, keyed, Qt.Key.Key_J)
    assert keyed.playback.position() == 5_000
    press(qtbot, keyed, Qt.Key.Key_Right)
    assert keyed.playback.position() == 10_000
    press(qtbot, keyed, Qt.Key.Key_Left)
    assert keyed.playback.position() == 5_000


def test_arrows_elsewhere_belong_to_the_focused_control(qtbot, keyed) -> None:
    keyed.controls.volume_slider.setFocus()
    before = keyed.playback.position()
    press(qtbot, keyed, Qt.Key.Key_Right)
    assert keyed.playback.position() == before
    assert keyed.playback.volume() == 85, "Right moved the volume slider, not the video"


def test_caption_navigation_and_replay(qtbot, keyed) -> None:
    keyed.seek(3_000)
    press(qtbot, keyed, Qt.Key.Key_Right, CTRL)
    assert keyed.playback.position() == 4_270
    press(qtbot, keyed, Qt.Key.Key_Left, CTRL)
    assert keyed.playback.position() == 2_530
    keyed.seek(3_900)
    press(qtbot, keyed, Qt.Key.Key_R)
    assert keyed.playback.position() == 2_530 and keyed.playback.is_playing()


def test_captions_toggle_and_next_language(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_C)
    assert keyed.controls.caption_chooser.currentText() == "Captions off"
    press(qtbot, keyed, Qt.Key.Key_C)
    assert keyed.controls.caption_chooser.currentText() == "English (CC)"
    press(qtbot, keyed, Qt.Key.Key_C, SHIFT)
    tracks_read(keyed.showing)
    assert keyed.controls.caption_chooser.currentText() == "Français"


def test_transcript_panel_toggle(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_T)
    assert not keyed.transcript.isVisible()
    press(qtbot, keyed, Qt.Key.Key_T)
    assert keyed.transcript.isVisible()


def test_mute_and_volume_on_the_video(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_M)
    assert keyed.playback.is_muted() and keyed.controls.mute_button.isChecked()
    press(qtbot, keyed, Qt.Key.Key_Up)
    assert keyed.playback.volume() == 85 and keyed.controls.volume_slider.value() == 85
    press(qtbot, keyed, Qt.Key.Key_Down)
    press(qtbot, keyed, Qt.Key.Key_Down)
    assert keyed.playback.volume() == 75


def test_next_and_previous_video(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_N)
    assert keyed.showing.video.id == "second"
    press(qtbot, keyed, Qt.Key.Key_N, SHIFT)
    assert keyed.showing.video.id == "first"


def test_full_screen_and_escape(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_F)
    assert keyed.isFullScreen() and not keyed.transcript.isVisible()
    press(qtbot, keyed, Qt.Key.Key_Escape)
    assert not keyed.isFullScreen() and keyed.transcript.isVisible()
    press(qtbot, keyed, Qt.Key.Key_F11)
    assert keyed.isFullScreen()
    press(qtbot, keyed, Qt.Key.Key_F11)
    assert not keyed.isFullScreen()


def test_speed_and_caption_size(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_BracketRight)
    assert keyed.playback.rate() == 1.1
    press(qtbot, keyed, Qt.Key.Key_BracketLeft)
    press(qtbot, keyed, Qt.Key.Key_BracketLeft)
    assert keyed.playback.rate() == 0.9
    press(qtbot, keyed, Qt.Key.Key_Backspace)
    assert keyed.playback.rate() == 1.0
    press(qtbot, keyed, Qt.Key.Key_Equal, CTRL)
    assert keyed.video_view.caption_scale == 1.25
    press(qtbot, keyed, Qt.Key.Key_0, CTRL)
    assert keyed.video_view.caption_scale == 1.0


def test_f1_lists_the_shortcuts(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_F1)
    dialog = keyed.commands.help_dialog
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    rows = {
        dialog.table.item(r, 1).text(): dialog.table.item(r, 0).text()
        for r in range(dialog.table.rowCount())
    }
    assert rows["Play / pause"] == "K, Space"
    assert rows["Search all modules"] == "Ctrl+Shift+F"
    dialog.close()


def test_ctrl_f_opens_find_and_single_keys_then_type_into_it(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    field = QApplication.focusWidget()
    keyed.seek(10_000)
    typed = ["K", "Space", "J", "L", "T", "C", "N", "M", "R", "F", "BracketRight"]
    for name in typed:
        press(qtbot, keyed, getattr(Qt.Key, f"Key_{name}"))
    assert field.text() == "k jltcnmrf]"
    assert not keyed.playback.is_playing() and keyed.playback.position() == 10_000
    assert (
        keyed.transcript.isVisible()
        and keyed.showing.video.id == "first"
        and not keyed.playback.is_muted()
    )
    assert not keyed.isFullScreen() and keyed.playback.rate() == 1.0
    press(qtbot, keyed, Qt.Key.Key_N, SHIFT)
    assert field.text().lower().endswith("n") and keyed.showing.video.id == "first"


def test_any_text_field_silences_single_keys_but_not_ctrl_shortcuts(
    qtbot, keyed
) -> None:
    field = QLineEdit(keyed.status)
    field.setAccessibleName("A note")
    field.show()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    press(qtbot, keyed, Qt.Key.Key_K)
    press(qtbot, keyed, Qt.Key.Key_Space)
    assert field.text() == "k " and not keyed.playback.is_playing()
    press(qtbot, keyed, Qt.Key.Key_Right, CTRL)
    assert keyed.playback.position() == 0, "Ctrl+Right moves the text cursor in a field"
    press(qtbot, keyed, Qt.Key.Key_F1)
    assert (
        keyed.commands.help_dialog is not None
        and keyed.commands.help_dialog.isVisible()
    )
    keyed.commands.help_dialog.close()


def test_space_on_a_focused_button_presses_the_button(qtbot, keyed) -> None:
    keyed.video_list.next_button.setFocus()
    press(qtbot, keyed, Qt.Key.Key_Space)
    assert keyed.showing.video.id == "second" and not keyed.playback.is_playing()


def test_single_key_shortcuts_can_be_turned_off(qtbot, keyed) -> None:
    keyed.keymap["single_keys"].trigger()
    assert not keyed.guard.enabled
    press(qtbot, keyed, Qt.Key.Key_K)
    press(qtbot, keyed, Qt.Key.Key_N)
    assert not keyed.playback.is_playing() and keyed.showing.video.id == "first"
    press(qtbot, keyed, Qt.Key.Key_Right, CTRL)
    assert keyed.playback.position() == 1_010
    keyed.keymap["single_keys"].trigger()
    press(qtbot, keyed, Qt.Key.Key_K)
    assert keyed.playback.is_playing()


def test_every_keyboard_action_is_in_a_menu_or_scoped_to_the_video(keyed) -> None:
    in_menus = {a for menu in keyed.keymap.menus.values() for a in menu.actions()}
    video_scoped = set(keyed.video_view.actions())
    for name, action in keyed.keymap.actions.items():
        assert (
            action in in_menus or action in video_scoped or name == "leave_full_screen"
        ), name


def test_f3_and_shift_f3_reach_the_transcript_find(qtbot, keyed, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(keyed.transcript, "find_next", lambda: calls.append("next"))
    monkeypatch.setattr(
        keyed.transcript, "find_previous", lambda: calls.append("previous")
    )
    press(qtbot, keyed, Qt.Key.Key_F3)
    press(qtbot, keyed, Qt.Key.Key_F3, SHIFT)
    assert calls == ["next", "previous"]


def test_ctrl_shift_f_searches_all_modules_and_a_hit_opens_its_video(
    qtbot, keyed, tmp_path
) -> None:
    keyed.features.library.index_path = tmp_path / "index.sqlite3"
    press(qtbot, keyed, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = keyed.features.library.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.indexing, timeout=30_000)
    qtbot.waitUntil(lambda: dialog.query_field.hasFocus())
    qtbot.keyClicks(dialog.query_field, '"second dans le module"')
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 1, timeout=5_000)
    qtbot.keyClick(dialog.query_field, Qt.Key.Key_Return)
    assert keyed.showing.video.id == "second" and keyed.playback.position() == 1_010
    assert not keyed.playback.is_playing(), "typing into search played nothing"
    keyed.close()
    assert dialog._thread is None, "closing the window stops the indexing thread"


def test_escape_in_the_find_field_closes_find_not_full_screen(qtbot, keyed) -> None:
    press(qtbot, keyed, Qt.Key.Key_F)
    assert keyed.isFullScreen()
    press(qtbot, keyed, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    assert keyed.transcript.isVisible(), "find shows the transcript panel"
    press(qtbot, keyed, Qt.Key.Key_Escape)
    assert keyed.isFullScreen(), "Esc closed the find bar first"
    qtbot.waitUntil(lambda: not isinstance(QApplication.focusWidget(), QLineEdit))
    press(qtbot, keyed, Qt.Key.Key_Escape)
    assert not keyed.isFullScreen()


def test_view_menu_moves_captions_below_the_video_and_ignores_cue_positions(
    keyed,
) -> None:
    view = keyed.video_view
    keyed.playback.advance_to(1_500)
    over = view.caption_boxes()[0]
    assert over.bottom() <= view.video_item.boundingRect().bottom()
    keyed.keymap["caption_band"].trigger()
    assert view.caption_mode == "band"
    assert view.caption_boxes()[0].top() >= view.video_item.boundingRect().bottom() - 1
    keyed.keymap["caption_band"].trigger()
    keyed.keymap["cue_positions"].trigger()
    assert view.caption_mode == "overlay" and not view.honour_cue_settings


def _access_key(text: str) -> str | None:
    """The letter after a single "&" in a menu text, lower case ("&&" is a literal)."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def test_every_menu_item_has_its_own_access_key(keyed) -> None:
    """Alt+letter reaches each item of a menu; no menu holds one letter twice."""
    pending = [keyed.menuBar()]
    checked = 0
    while pending:
        menu = pending.pop()
        letters: dict[str | None, list[str]] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            if action.menu() is not None:
                pending.append(action.menu())
            if action.objectName().startswith("action_") or action.menu() is not None:
                letters.setdefault(_access_key(action.text()), []).append(action.text())
        clashes = {k: t for k, t in letters.items() if k is None or len(t) > 1}
        assert not clashes, clashes
        checked += 1
    assert checked >= 9, "the menu bar, its five menus and the View submenus"
