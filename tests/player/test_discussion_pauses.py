"""Discussion pauses: playback stops on the frame reaching each one; Space goes on.

Built on a context with the console's video and transport (tests/player/rig.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from rig import Console, tracks_read

from media.samples import sample_module_path
from player.core.settings import application_settings
from player.facilitator.discussion import AddPauseDialog
from player.facilitator.pause_control import ENABLED_KEY, added_key
from player.playback.facade import Playback

FRAME_MS = 40
PAUSES = """
  [[videos.pauses]]
  at = "00:00:04.000"
  prompt = "What does trust take?"

  [[videos.pauses]]
  at = "00:00:14.500"
  prompt = "What makes a place safe?"

[[videos]]
id = "second"
"""


@pytest.fixture
def paused_folder(module_folder: Path) -> Path:
    manifest = module_folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(
        text.replace('\n[[videos]]\nid = "second"\n', PAUSES), encoding="utf-8"
    )
    return module_folder


@pytest.fixture
def make_window(make_rig, qtbot):  # type: ignore[no-untyped-def]
    """A fresh console (as after a restart), its video focused."""

    def build(playback=None) -> Console:  # type: ignore[no-untyped-def]
        console = Console(make_rig(playback))
        qtbot.waitUntil(console.video_view.isVisible)
        console.video_view.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is console.video_view)
        return console

    return build


@pytest.fixture
def console(make_window, paused_folder: Path):  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.open_path(paused_folder)
    tracks_read(window.showing)
    assert [p.at_ms for p in window.presenter.pauses.pauses] == [4_000, 14_500]
    return window


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def play_until_stopped(playback, start: int, end: int) -> int | None:  # type: ignore[no-untyped-def]
    """Show frames every 40 ms from `start`; the last frame shown before it stopped."""
    playback.play()
    for ms in range(start, end, FRAME_MS):
        playback.advance_to(ms)
        if not playback.is_playing():
            return ms
    return None


def panel_text(window) -> str:  # type: ignore[no-untyped-def]
    return window.presenter.panel.prompt_label.text()


def test_playback_stops_at_each_pause_within_one_frame(qtbot, console) -> None:
    playback = console.playback
    room_window = None
    for start, pause_ms, prompt, then in (
        (0, 4_000, "What does trust take?", "Next pause at 0:14"),
        (4_000, 14_500, "What makes a place safe?", "No more discussion pauses"),
    ):
        last_frame = play_until_stopped(playback, start + 20, 20_000)
        assert last_frame is not None and 0 <= last_frame - pause_ms < FRAME_MS
        qtbot.waitUntil(lambda p=pause_ms: playback.position() == p)
        assert not playback.is_playing()
        assert f"Paused for discussion at 0:{pause_ms // 1000:02d}" in panel_text(
            console
        )
        assert prompt in panel_text(console)
        if room_window is None:
            press(qtbot, Qt.Key.Key_F5)
            room_window = console.presenter.presentation
            console.activateWindow()
            console.video_view.setFocus()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is console.video_view)
        assert room_window.prompt_text() == prompt
        press(qtbot, Qt.Key.Key_Space)
        assert playback.is_playing(), "Space continues"
        assert room_window.prompt_text() == ""
        assert panel_text(console).startswith(then)
        playback.pause()


def test_continuing_does_not_stop_at_the_same_pause_again(qtbot, console) -> None:
    playback = console.playback
    play_until_stopped(playback, 3_820, 5_000)
    qtbot.waitUntil(lambda: playback.position() == 4_000)
    press(qtbot, Qt.Key.Key_Space)
    # The frame holding 4.000 s starts before it: a real decoder shows it first.
    assert play_until_stopped(playback, 3_960, 14_000) is None
    assert "Next pause at 0:14: What makes a place safe?" in panel_text(console)


def test_going_back_well_before_a_pause_stops_there_again(qtbot, console) -> None:
    playback = console.playback
    play_until_stopped(playback, 3_820, 5_000)
    qtbot.waitUntil(lambda: playback.position() == 4_000)
    console.seek(1_000)
    assert "Next pause at 0:04" in panel_text(console), "the stop was left"
    assert play_until_stopped(playback, 1_000, 6_000) == 4_000


def test_seeking_over_a_pause_does_not_stop(qtbot, console) -> None:
    playback = console.playback
    playback.play()
    console.seek(3_000)
    console.seek(9_000)
    assert playback.is_playing()
    assert panel_text(console).startswith("Next pause at 0:14: What makes a place")
    console.seek(2_000)
    assert panel_text(console).startswith("Next pause at 0:04: What does trust")


def test_pauses_switched_off_do_not_stop_and_stay_off(qtbot, console, make_window):  # type: ignore[no-untyped-def]
    console.keymap["discussion_pauses"].trigger()
    assert panel_text(console) == "Discussion pauses are off."
    assert play_until_stopped(console.playback, 0, 19_000) is None
    assert application_settings().value(ENABLED_KEY) in (False, "false")
    fresh = make_window()
    assert not fresh.keymap["discussion_pauses"].isChecked()
    assert not fresh.presenter.pauses.enabled


def test_skip_the_next_pause_runs_through_it_once(qtbot, console) -> None:
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert "Next pause at 0:04 (will be skipped)" in panel_text(console)
    last = play_until_stopped(console.playback, 0, 20_000)
    assert last is not None and 14_500 <= last < 14_500 + FRAME_MS
    console.seek(0)
    assert play_until_stopped(console.playback, 0, 5_000) == 4_000, "skipped once"


def add_pause(qtbot, console, at_ms: int, prompt: str) -> AddPauseDialog:  # type: ignore[no-untyped-def]
    console.seek(at_ms)
    press(
        qtbot,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = console.presenter.add_dialog
    assert isinstance(dialog, AddPauseDialog) and dialog.isVisible()
    assert dialog.at_ms == at_ms
    qtbot.keyClicks(dialog.prompt_field, prompt)
    dialog.accept()
    return dialog


def test_a_pause_inside_the_story_is_refused_with_the_reason(qtbot, console) -> None:
    dialog = add_pause(qtbot, console, 9_000, "Interrupt the story?")
    assert dialog.isVisible(), "the dialog stays open to say why"
    assert "inside the story “Telling their own stories”" in dialog.problem()
    assert "never interrupted" in dialog.problem()
    assert [p.at_ms for p in console.presenter.pauses.pauses] == [4_000, 14_500]
    assert application_settings().value(added_key("test-module", "first")) is None
    dialog.reject()


def test_an_added_pause_stops_playback_and_persists(
    qtbot, console, make_window, paused_folder: Path
) -> None:
    dialog = add_pause(qtbot, console, 13_000, "Our own question.")
    assert not dialog.isVisible() and dialog.problem() == ""
    assert console.rig.ctx.notify.shown() == "Pause added at 0:13"
    assert [p.at_ms for p in console.presenter.pauses.pauses] == [4_000, 13_000, 14_500]
    fresh = make_window()
    fresh.open_path(paused_folder)
    tracks_read(fresh.showing)
    assert [p.prompt for p in fresh.presenter.pauses.pauses][1] == "Our own question."
    last = play_until_stopped(fresh.playback, 12_000, 14_000)
    assert last is not None and 0 <= last - 13_000 < FRAME_MS
    qtbot.waitUntil(lambda: fresh.playback.position() == 13_000)
    assert "Our own question." in panel_text(fresh)


def test_an_empty_prompt_is_refused(qtbot, console) -> None:
    dialog = add_pause(qtbot, console, 2_000, "   ")
    assert dialog.isVisible() and "Write the question" in dialog.problem()
    dialog.reject()


def test_the_console_tools_are_buttons_with_their_keys(console) -> None:
    tips = {b.accessibleName(): b.toolTip() for b in console.presenter.panel.buttons}
    assert tips["Present"] == "Present (F5)"
    assert tips["Skip the next pause"] == "Skip the next pause (Shift+P)"
    assert tips["Add a pause here"] == "Add a pause here (Ctrl+Shift+P)"
    assert console.presenter.panel.prompt_label.accessibleName() == "Discussion"


def test_the_sample_video_stops_on_its_pause_within_one_frame(qtbot, make_window):  # type: ignore[no-untyped-def]
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(sample_module_path())
    tracks_read(window.showing)
    pause = window.presenter.pauses.pauses[0]
    assert pause.at_ms == 81_366
    frames: list[int] = []
    window.seek(pause.at_ms - 1_200)
    playback.position_changed.connect(frames.append)
    with qtbot.waitSignal(playback.playing_changed, timeout=10_000):
        playback.play()
    qtbot.waitUntil(lambda: window.presenter.pauses.current == pause, timeout=15_000)
    qtbot.waitUntil(lambda: playback.position() == pause.at_ms, timeout=5_000)
    assert not playback.is_playing()
    assert 0 <= max(frames) - pause.at_ms < FRAME_MS
    assert pause.prompt in panel_text(window)
    with qtbot.waitSignal(playback.playing_changed, timeout=10_000):
        playback.play()
    qtbot.waitUntil(lambda: playback.position() > pause.at_ms + 400, timeout=10_000)
    assert playback.is_playing(), "continuing did not stop at the same pause"
    playback.pause()
