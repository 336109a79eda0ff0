"""Presentation mode: the room's window mirrors the console's video and captions.

Most tests build presentation mode on a context with the video (tests/player/rig.py);
the ones about Esc, full screen, closing and the whole console use the main window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)
from rig import Console, tracks_read

from media.samples import sample_module_path
from player.core.settings import application_settings
from player.facilitator.presentation import DEFAULT_CAPTION_PERCENT, choose_screen
from player.facilitator.presentation_feature import CAPTION_PERCENT_KEY
from player.playback.facade import Playback
from player.video.video_view import VideoView

FRAME_MS = 40


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert target is not None, "some widget of the console has the keyboard"
    qtbot.keyClick(target, key, modifier)


def focused(qtbot, console):  # type: ignore[no-untyped-def]
    console.activateWindow()
    qtbot.waitUntil(console.video_view.isVisible)
    console.video_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is console.video_view)
    return console


@pytest.fixture
def console(rig, module_folder, qtbot):  # type: ignore[no-untyped-def]
    """Presentation mode on a context: the console's video, transport, navigation."""
    bench = Console(rig)
    assert bench.open_path(module_folder)
    return focused(qtbot, bench)


@pytest.fixture
def console_window(window, qtbot):  # type: ignore[no-untyped-def]
    """The whole main window as the console."""
    window.presenter = window.features.presenter
    return focused(qtbot, window)


def present(qtbot, console):  # type: ignore[no-untyped-def]
    press(qtbot, Qt.Key.Key_F5)
    room = console.presenter.presentation
    assert room is not None
    qtbot.waitExposed(room)
    console.activateWindow()
    qtbot.waitUntil(console.video_view.isVisible)
    console.video_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is console.video_view)
    return room


def same_picture(console, room) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    return (
        [c.plain for c in console.video_view.displayed_cues()],
        [c.plain for c in room.view.displayed_cues()],
    )


def test_f5_opens_a_second_window_and_esc_ends_it(qtbot, console) -> None:
    room = present(qtbot, console)
    assert room.isWindow() and room.parent() is None and room.isVisible()
    assert console.isVisible() and console.keymap["present"].isChecked()
    assert "Presenting on" in console.presenter.panel.presenting_label.text()
    with qtbot.waitSignal(room.destroyed):
        press(qtbot, Qt.Key.Key_Escape)
    assert console.presenter.presentation is None
    assert not console.keymap["present"].isChecked()
    assert not console.presenter.panel.presenting_label.isVisible()
    again = present(qtbot, console)
    assert again.isVisible()
    press(qtbot, Qt.Key.Key_F5)
    assert console.presenter.presentation is None, "F5 again ends it too"


def test_esc_closes_find_then_ends_the_presentation_then_leaves_full_screen(
    qtbot, console_window
) -> None:
    press(qtbot, Qt.Key.Key_F)
    assert console_window.isFullScreen()
    present(qtbot, console_window)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    press(qtbot, Qt.Key.Key_Escape)
    assert console_window.presenter.is_presenting(), "Esc in the find field closed find"
    qtbot.waitUntil(lambda: not isinstance(QApplication.focusWidget(), QLineEdit))
    press(qtbot, Qt.Key.Key_Escape)
    assert (
        not console_window.presenter.is_presenting() and console_window.isFullScreen()
    )
    press(qtbot, Qt.Key.Key_Escape)
    assert not console_window.isFullScreen()


def test_going_full_screen_while_presenting_keeps_esc_for_the_presentation(
    qtbot, console_window
) -> None:
    present(qtbot, console_window)
    press(qtbot, Qt.Key.Key_F)
    assert console_window.isFullScreen()
    press(qtbot, Qt.Key.Key_Escape)
    assert (
        not console_window.presenter.is_presenting() and console_window.isFullScreen()
    )


def test_both_windows_show_the_same_captions_while_playing_and_seeking(
    qtbot, console
) -> None:
    room = present(qtbot, console)
    playback = console.playback
    playback.play()
    shown_somewhere = 0
    for ms in range(0, 16_000, FRAME_MS):
        playback.advance_to(ms)
        ours, theirs = same_picture(console, room)
        assert ours == theirs, ms
        shown_somewhere += bool(theirs)
    assert shown_somewhere > 300, "captions were on screen for most of the time"
    for target in (9_700, 1_200, 15_000, 5_600, 0):
        console.seek(target)
        assert same_picture(console, room)[0] == same_picture(console, room)[1]
    console.seek(5_600)
    assert same_picture(console, room)[1] == ["Listen first.", "[soft music]"]


def test_caption_track_changes_reach_the_room(qtbot, console) -> None:
    room = present(qtbot, console)
    console.seek(1_500)
    press(qtbot, Qt.Key.Key_C)
    assert room.view.displayed_cues() == [] == console.video_view.displayed_cues()
    press(qtbot, Qt.Key.Key_C)
    press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    tracks_read(console.showing)
    assert same_picture(console, room) == (
        ["Bienvenue dans le module."],
        ["Bienvenue dans le module."],
    )


def test_the_room_sees_the_attribution_during_the_story(qtbot, console) -> None:
    room = present(qtbot, console)
    console.seek(8_000)
    assert room.view.attribution_text() == (
        "A storyteller, community consultant (test stand-in)"
    )
    console.seek(13_000)
    assert room.view.attribution_text() is None


def test_a_new_video_reaches_the_room(qtbot, console) -> None:
    room = present(qtbot, console)
    press(qtbot, Qt.Key.Key_N)
    tracks_read(console.showing)
    console.seek(1_500)
    assert same_picture(console, room)[1] == ["Second dans le module."]
    console.seek(8_000)
    assert room.view.attribution_text() is None, "the second video has no story"


def test_the_room_never_sees_a_console_widget(qtbot, console_window) -> None:
    room = present(qtbot, console_window)
    console_window.presenter.pauses.add_pause(3_000, "Say hello.")
    console_window.playback.play()
    for ms in range(2_800, 3_200, FRAME_MS):
        console_window.playback.advance_to(ms)
    qtbot.waitUntil(lambda: room.prompt_text() == "Say hello.")
    in_room = set(room.findChildren(QObject))
    console_widgets = set(console_window.findChildren(QWidget))
    assert not in_room & console_widgets
    assert all(w.window() is room for w in in_room if isinstance(w, QWidget))
    controls = (QAbstractButton, QLineEdit, QAbstractItemView, QAbstractSlider)
    visible = [w for w in in_room if isinstance(w, QWidget) and w.isVisible()]
    assert not [w for w in visible if isinstance(w, (*controls, QComboBox))]
    views = [w for w in in_room if isinstance(w, VideoView)]
    assert views == [room.view]
    labels = {w.objectName() for w in in_room if w.metaObject().className() == "QLabel"}
    assert labels == {"presentationPrompt"}


def test_the_room_has_its_own_larger_caption_size(qtbot, console) -> None:
    room = present(qtbot, console)
    assert room.caption_percent() == DEFAULT_CAPTION_PERCENT > 100
    console.seek(1_500)
    ours = console.video_view.caption_boxes()[0].height()
    theirs = room.view.caption_boxes()[0].height()
    scale = theirs / room.view.viewport().height()
    assert scale > ours / console.video_view.viewport().height()
    console.presenter.set_caption_percent(220)
    assert room.caption_percent() == 220
    assert int(application_settings().value(CAPTION_PERCENT_KEY)) == 220
    press(qtbot, Qt.Key.Key_Escape)
    assert present(qtbot, console).caption_percent() == 220, "kept for next time"


def test_closing_either_window_ends_the_presentation(qtbot, console_window) -> None:
    room = present(qtbot, console_window)
    room.close()
    assert not console_window.presenter.is_presenting()
    assert (
        console_window.keymap["leave_full_screen"].isEnabled()
        is console_window.isFullScreen()
    )
    present(qtbot, console_window)
    console_window.close()
    assert not console_window.presenter.is_presenting()


class FakeScreen:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_the_room_goes_on_the_other_screen_or_the_one_chosen() -> None:
    laptop, projector, third = (
        FakeScreen("eDP-1"),
        FakeScreen("HDMI-1"),
        FakeScreen("DP-2"),
    )
    assert choose_screen([laptop, projector], laptop) is projector
    assert choose_screen([projector, laptop], laptop) is projector
    assert choose_screen([laptop], laptop) is laptop, "one screen: present on it"
    assert choose_screen([laptop, projector, third], laptop, "DP-2") is third
    assert choose_screen([laptop, projector], laptop, "gone") is projector
    assert choose_screen([], None) is None


def test_present_on_screen_needs_two_screens(console) -> None:
    several = len(QApplication.screens()) >= 2
    assert console.keymap["present_on_screen"].isEnabled() is several


def test_the_actions_name_their_keys(console) -> None:
    assert console.keymap.tooltip("present") == "Present (F5)"
    assert console.keymap.tooltip("end_presentation") == "End presentation (Esc)"
    rows = dict((what, keys) for keys, what in console.keymap.rows())
    assert rows["Present on/off"] == "F5"
    assert rows["Add a pause here"] == "Ctrl+Shift+P"


def test_real_video_goes_to_the_room_and_the_console_previews_it(
    qtbot, make_window
) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(sample_module_path())
    tracks_read(window.showing)
    window.seek(140_000)  # inside the story: captions and the attribution
    window.keymap["present"].trigger()
    room = window.features.presenter.presentation
    room_frames: list[int] = []
    console_frames: list[int] = []
    room.view.video_item.videoSink().videoFrameChanged.connect(
        lambda f: room_frames.append(f.startTime() // 1000)
    )
    window.video_view.video_item.videoSink().videoFrameChanged.connect(
        lambda f: console_frames.append(f.startTime() // 1000)
    )
    positions: list[int] = []
    pictures: list[tuple[list[str], list[str]]] = []

    def look(ms: int) -> None:
        positions.append(ms)
        pictures.append(same_picture(window, room))

    playback.position_changed.connect(look)
    with qtbot.waitSignal(playback.playing_changed, timeout=10_000):
        playback.play()
    qtbot.waitUntil(lambda: playback.position() >= 142_500, timeout=20_000)
    playback.pause()
    played = [ms for ms in positions if ms > 140_000]
    assert len(played) > 20 and set(played) <= set(room_frames), "timed by the room"
    assert set(room_frames) <= set(console_frames), "the console shows each frame"
    assert all(ours == theirs for ours, theirs in pictures)
    assert any(theirs for _ours, theirs in pictures), "captions were shown"
    assert room.view.attribution_text() == window.video_view.attribution_text()
    assert room.view.attribution_text() is not None
    window.keymap["end_presentation"].trigger()
    console_frames.clear()
    with qtbot.waitSignal(playback.playing_changed, timeout=10_000):
        playback.play()
    qtbot.waitUntil(lambda: len(console_frames) > 5, timeout=10_000)
    playback.pause()


def test_space_and_esc_work_when_the_room_window_has_the_keyboard(
    qtbot, console
) -> None:
    room = present(qtbot, console)
    room.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is room)
    qtbot.keyClick(room, Qt.Key.Key_Space)
    assert console.playback.is_playing()
    qtbot.keyClick(room, Qt.Key.Key_Space)
    assert not console.playback.is_playing()
    with qtbot.waitSignal(room.destroyed):
        qtbot.keyClick(room, Qt.Key.Key_Escape)
    assert not console.presenter.is_presenting()
