"""Reading aids on the fake playback: speed, caption navigation, pause after each
caption, caption delay, a second language, resume, and remembered single keys.

Each test builds the reading aids on a context (tests/player/rig.py) with the video,
the transcript and the transport bar they act on, not a whole main window; a
"restart" is a fresh context on the same settings file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from rig import tracks_read

from player.core.settings import application_settings as reading_settings
from player.playback.caption_navigation import RESTART_AFTER_MS
from player.reading.aids import build_reading_aids
from player.shell.transport import Transport
from player.transcript.transcript_feature import TranscriptFeature

FIRST_END = 2_530  # "Welcome to the module." 1010-2530, then "Trust ..." 2530-4270


@pytest.fixture
def settings_folder(isolated_settings: Path) -> Path:
    """The test's own QSettings folder (tests/player/conftest.py isolates it)."""
    return isolated_settings


class Aids:
    """The reading aids on one context, with the parts they act on."""

    def __init__(self, rig, guard) -> None:  # type: ignore[no-untyped-def]
        self.rig, ctx = rig, rig.ctx
        transport = rig.add(Transport(ctx))
        self.video_view = rig.video().view
        self.transcript = rig.add(TranscriptFeature(ctx)).panel
        self.reading_aids = build_reading_aids(ctx, guard)
        for contribution in self.reading_aids.contributions():
            ctx.actions.connect_all(contribution.commands)
        transport.controls.add_indicators(
            [w for c in self.reading_aids.contributions() for w in c.indicators]
        )
        self.controls = rig.place(transport.controls)
        rig.place(self.transcript, 1)
        self.playback, self.keymap = ctx.playback, ctx.actions
        self.caption_clock, self.showing = ctx.clock, ctx.showing

    def show_video(self, video_id: str) -> bool:
        return self.showing.show_video(video_id)

    def close(self) -> None:
        self.rig.host.close()
        self.reading_aids.resume.save()  # what the window does when it closes

    def said(self) -> str:
        return self.rig.ctx.notify.shown()


@pytest.fixture
def make_aids(qtbot, make_rig, guard, module_folder):  # type: ignore[no-untyped-def]
    def build(read: bool = True) -> Aids:
        """`read`: wait for the tracks (else return the moment the module opens)."""
        aids = Aids(make_rig(), guard)
        qtbot.waitUntil(aids.video_view.isVisible)
        aids.video_view.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is aids.video_view)
        assert aids.rig.ctx.showing.open_path(module_folder)  # at once, as the window
        if read:
            aids.rig.read()
        return aids

    return build


@pytest.fixture
def window(make_aids) -> Aids:  # type: ignore[no-untyped-def]
    return make_aids()


def shown(window) -> list[str]:
    return [cue.plain for cue in window.video_view.displayed_cues()]


def press(qtbot, window, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window.video_view, key, modifier)


def reopen(qtbot, make_aids, module_folder: Path, old):
    """Close `old` and build the aids again on the same settings, as after a restart."""
    old.close()
    return make_aids()


def play_in_frames(window, start: int, stop: int, frame_ms: int = 40) -> None:
    """Show frames from `start` to `stop` while playing, until something pauses."""
    playback = window.playback
    ms = start
    while ms <= stop and playback.is_playing():
        playback.advance_to(ms)
        ms += frame_ms


# -- speed -------------------------------------------------------------------------


def test_speed_steps_clamp_reset_show_and_persist(
    qtbot, window, make_aids, module_folder, settings_folder
) -> None:
    label = window.reading_aids.rate.label
    assert label.text() == "Speed 1×" and label.accessibleName() == "Normal speed"
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert window.playback.rate() == 1.1
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert window.playback.rate() == 1.25
    assert label.text() == "Speed 1.25×"
    assert label.accessibleName() == "Speed 1.25 times"
    for _ in range(8):
        press(qtbot, window, Qt.Key.Key_BracketRight)
    assert window.playback.rate() == 2.0, "clamped at the fastest"
    press(qtbot, window, Qt.Key.Key_Backspace)
    assert window.playback.rate() == 1.0 and label.text() == "Speed 1×"
    for _ in range(8):
        press(qtbot, window, Qt.Key.Key_BracketLeft)
    assert window.playback.rate() == 0.5, "clamped at the slowest"
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert reading_settings().value("reading/rate") in (0.75, "0.75")
    where = Path(reading_settings().fileName())
    assert where.is_relative_to(settings_folder), (
        "the test's own folder, not the user's"
    )
    fresh = reopen(qtbot, make_aids, module_folder, window)
    assert fresh.playback.rate() == 0.75
    assert fresh.reading_aids.rate.label.text() == "Speed 0.75×"


# -- previous, next, replay --------------------------------------------------------


def test_previous_caption_goes_to_this_start_then_the_one_before(window) -> None:
    playback, keymap = window.playback, window.keymap
    playback.advance_to(2_530 + RESTART_AFTER_MS + 300)
    keymap["previous_caption"].trigger()
    assert playback.position() == 2_530, "well into a caption: back to its start"
    keymap["previous_caption"].trigger()
    assert playback.position() == 1_010, "at its start: the caption before"
    playback.advance_to(2_530 + 400)
    keymap["previous_caption"].trigger()
    assert playback.position() == 1_010, "just into a caption: the one before"
    keymap["previous_caption"].trigger()
    assert playback.position() == 0, "before the first caption: the start"


def test_next_caption_and_replay(window) -> None:
    playback, keymap = window.playback, window.keymap
    playback.advance_to(3_000)
    keymap["next_caption"].trigger()
    assert playback.position() == 4_270
    assert shown(window) == ["Listen first."]
    playback.advance_to(16_500)
    keymap["next_caption"].trigger()
    assert playback.position() == 16_500, "after the last caption it stays"
    playback.advance_to(3_900)
    keymap["replay_caption"].trigger()
    assert playback.position() == 2_530 and playback.is_playing()
    assert shown(window) == ["Trust takes time & patience."]


# -- pause after each caption ------------------------------------------------------


def test_pause_after_each_caption_pauses_at_each_end_and_continues(
    qtbot, window, make_aids, module_folder
) -> None:
    action = window.keymap["pause_after_caption"]
    assert not action.isChecked(), "off by default"
    assert action in window.keymap.menus["Playback"].actions()
    action.trigger()
    playback = window.playback
    playback.seek(1_000)
    playback.play()
    play_in_frames(window, 1_040, 6_000)
    assert not playback.is_playing()
    assert FIRST_END - 40 <= playback.position() < FIRST_END, "on the last frame"
    assert shown(window) == ["Welcome to the module."], "still there to be read"
    paused_at = playback.position()
    playback.play()
    play_in_frames(window, paused_at + 40, 6_000)
    assert not playback.is_playing(), "paused again, at the next caption's end"
    assert 4_270 - 40 <= playback.position() < 4_270
    assert shown(window) == ["Trust takes time & patience."]
    fresh = reopen(qtbot, make_aids, module_folder, window)
    assert fresh.keymap["pause_after_caption"].isChecked(), "remembered"


def test_pause_after_caption_steps_back_when_a_frame_overshoots(window) -> None:
    window.keymap["pause_after_caption"].trigger()
    playback = window.playback
    playback.seek(2_400)
    playback.play()
    playback.advance_to(2_440)
    playback.advance_to(2_560)  # a late frame, already past the end
    assert not playback.is_playing()
    assert playback.position() == FIRST_END - 1
    assert shown(window) == ["Welcome to the module."]


def test_pause_after_caption_off_and_seeks_never_pause(window) -> None:
    playback = window.playback
    playback.seek(1_000)
    playback.play()
    play_in_frames(window, 1_040, 3_000)
    assert playback.is_playing(), "off: plays through"
    window.keymap["pause_after_caption"].trigger()
    window.keymap["forward"].trigger()  # a 5 s jump crosses two ends
    assert playback.is_playing()


# -- caption delay -----------------------------------------------------------------


def test_z_and_shift_z_move_captions_and_are_remembered_per_video(
    qtbot, window, make_aids, module_folder
) -> None:
    playback, label = window.playback, window.reading_aids.delay.label
    rows = window.keymap.rows()
    assert ("Z", "Captions 100 ms earlier") in rows, "listed in Help > Keyboard"
    assert ("Shift+Z", "Captions 100 ms later") in rows
    playback.advance_to(2_600)
    assert shown(window) == ["Trust takes time & patience."]
    assert not label.isVisible()
    for _ in range(3):
        press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ShiftModifier)
    assert shown(window) == ["Welcome to the module."], "captions 300 ms later"
    assert window.transcript.model.current_rows == (0,)
    assert label.isVisible() and label.text() == "Captions +300 ms"
    assert label.accessibleName() == "Captions 300 milliseconds later"
    playback.advance_to(2_829)
    assert shown(window) == ["Welcome to the module."]
    playback.advance_to(2_830)
    assert shown(window) == ["Trust takes time & patience."], "the cue time + 300"
    assert window.controls.time_label.text().startswith("0:02"), "video time kept"
    window.keymap["next_caption"].trigger()
    assert playback.position() == 4_270 + 300
    assert shown(window) == ["Listen first."]

    fresh = reopen(qtbot, make_aids, module_folder, window)
    assert fresh.caption_clock.delay_ms() == 300
    fresh.playback.advance_to(2_600)
    assert shown(fresh) == ["Welcome to the module."]
    assert fresh.reading_aids.delay.label.text() == "Captions +300 ms"
    fresh.show_video("second")
    tracks_read(fresh.showing)
    assert fresh.caption_clock.delay_ms() == 0, "another video has its own timing"
    fresh.show_video("first")
    tracks_read(fresh.showing)
    for _ in range(5):
        press(qtbot, fresh, Qt.Key.Key_Z)
    assert fresh.caption_clock.delay_ms() == -200
    assert fresh.reading_aids.delay.label.text() == "Captions -200 ms"
    fresh.keymap["reset_caption_delay"].trigger()
    assert fresh.caption_clock.delay_ms() == 0
    assert not fresh.reading_aids.delay.label.isVisible()
    assert reading_settings().value("reading/delay/test-module/first") is None


def test_transcript_click_plays_the_line_with_its_caption_under_a_delay(
    window,
) -> None:
    window.caption_clock.set_delay(500)
    window.transcript.seek_requested.emit(2_530)
    assert window.playback.position() == 3_030
    assert shown(window) == ["Trust takes time & patience."]


# -- second language ---------------------------------------------------------------


def test_second_language_shows_two_captions_apart_and_is_remembered(
    qtbot, window, make_aids, module_folder
) -> None:
    aids = window.reading_aids.second_language
    assert aids.menu.menuAction() in window.keymap.menus["View"].actions()
    assert aids.menu.accessibleName() == "Second caption language"
    choices = {action.text(): action for action in aids.group.actions()}
    assert list(choices) == ["None", "English (CC)", "Français"]
    choices["Français"].trigger()
    window.rig.read()
    window.playback.advance_to(1_500)
    assert shown(window) == ["Welcome to the module.", "Bienvenue dans le module."]
    second = window.video_view.displayed_cues()[1]
    assert second.text.startswith("<i>"), "the second language in italics"
    first_box, second_box = window.video_view.caption_boxes()
    assert not first_box.intersects(second_box)
    assert second_box.bottom() <= first_box.top(), "above the first"
    window.keymap["captions"].trigger()
    assert shown(window) == [], "C turns all captions off"
    window.keymap["captions"].trigger()
    assert len(shown(window)) == 2

    fresh = reopen(qtbot, make_aids, module_folder, window)
    fresh.playback.advance_to(1_500)
    assert shown(fresh) == ["Welcome to the module.", "Bienvenue dans le module."]
    assert fresh.reading_aids.second_language.current_choice() == "Français"
    none = fresh.reading_aids.second_language.group.actions()[0]
    none.trigger()
    assert shown(fresh) == ["Welcome to the module."]


def test_second_language_same_as_first_shows_once(window) -> None:
    aids = window.reading_aids.second_language
    aids.choose(0)
    window.playback.advance_to(1_500)
    assert shown(window) == ["Welcome to the module."]


# -- resume and single keys --------------------------------------------------------


def test_each_video_resumes_where_it_was_left(
    qtbot, window, make_aids, module_folder
) -> None:
    playback = window.playback
    playback.play()
    playback.advance_to(8_000)
    playback.pause()
    window.show_video("second")
    tracks_read(window.showing)
    assert playback.position() == 0, "the second video was never played"
    playback.advance_to(12_000)
    fresh = reopen(qtbot, make_aids, module_folder, window)
    qtbot.waitUntil(lambda: fresh.playback.position() == 8_000, timeout=2000)
    assert fresh.said() == "Resumed at 0:08"
    assert fresh.transcript.model.current_rows == (4,), "the transcript follows"
    fresh.show_video("second")
    tracks_read(fresh.showing)
    qtbot.waitUntil(lambda: fresh.playback.position() == 12_000, timeout=2000)  # closed
    fresh.playback.advance_to(17_000)  # within 5 s of the end: start again next time
    fresh.show_video("first")
    tracks_read(fresh.showing)
    fresh.show_video("second")
    tracks_read(fresh.showing)
    QApplication.processEvents()  # the deferred resume, had there been one
    assert fresh.playback.position() == 0


def test_a_position_asked_for_wins_over_the_resumed_one(
    qtbot, window, make_aids, module_folder
) -> None:
    window.playback.advance_to(9_000)
    window.close()
    fresh = make_aids(read=False)
    fresh.playback.seek(3_000)  # what --at and search hits do right after opening
    QApplication.processEvents()  # the deferred resume, had there been one
    assert fresh.playback.position() == 3_000
    assert "Resumed" not in fresh.said()


def test_asking_for_the_very_start_also_wins_over_the_resumed_one(
    qtbot, window, make_aids, module_folder
) -> None:
    window.playback.advance_to(9_000)
    window.close()
    fresh = make_aids(read=False)
    fresh.playback.seek(
        0
    )  # --at 0:00: the position does not move, yet it was asked for
    fresh.reading_aids.resume.cancel_pending()
    QApplication.processEvents()  # the deferred resume, had there been one
    assert fresh.playback.position() == 0
    assert "Resumed" not in fresh.said()


def test_single_key_setting_survives_a_restart(
    qtbot, window, make_aids, module_folder, guard
) -> None:
    action = window.keymap["single_keys"]
    assert action.isChecked() and guard.enabled
    action.trigger()
    assert not guard.enabled
    press(qtbot, window, Qt.Key.Key_L)
    assert window.playback.position() == 0, "single keys are off"
    guard.enabled = True  # the next start reads the setting, not this state
    fresh = reopen(qtbot, make_aids, module_folder, window)
    assert not fresh.keymap["single_keys"].isChecked()
    assert not guard.enabled
    press(qtbot, fresh, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert fresh.playback.position() == 1_010, "Ctrl shortcuts still work"
