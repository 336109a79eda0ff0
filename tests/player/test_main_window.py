"""The composition root on the fake playback: opening, choosing, and broken inputs.

These build the whole window, to check that the parts are wired to each other;
what one feature does alone is tested on a context in the feature's own file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from rig import tracks_read

import player.playback.facade as playback_module
from player.playback.controls import CAPTIONS_OFF, Controls
from player.playback.facade import NO_BACKEND_MESSAGE, Playback
from player.playback.fake import FakePlayback
from player.shell.module_check import ModuleCheck
from player.shell.transport import Transport
from player.video.navigation_feature import ModuleNavigation


def navigation(rig, module_folder: Path):  # type: ignore[no-untyped-def]
    """The module's videos and chapters on a context, the test module open."""
    parts = rig.add(ModuleNavigation(rig.ctx))
    rig.video_list, rig.chapters = rig.place(parts.videos), rig.place(parts.chapters)
    rig.showing = rig.ctx.showing
    rig.open_path = rig.ctx.showing.open_path
    rig.open(module_folder)
    return rig


def test_opening_a_module_shows_its_parts(qtbot, window) -> None:
    assert window.showing.video.id == "first"
    assert window.video_list.list.count() == 2
    assert window.video_list.current_id() == "first"
    assert window.chapters.count() == 3, "the story's chapter carries the attribution"
    story = window.chapters.list.item(1)
    assert story.toolTip() == window.showing.video.segments[0].attribution
    chooser = window.controls.caption_chooser
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "Captions off",
        "English (CC)",
        "Français",
    ]
    assert chooser.currentText() == "English (CC)"
    assert window.transcript.model.rowCount() == 9
    assert "First video" in window.windowTitle()


def test_the_storytelling_check_runs_off_start_up_and_its_finding_shows(
    qtbot, make_window, unsealed_module_folder
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.open_path(unsealed_module_folder)
    assert not any("not sealed" in m for m in window.status.messages("module"))
    qtbot.waitUntil(
        lambda: any("not sealed" in m for m in window.status.messages("module"))
    )


def test_positions_drive_captions_time_and_transcript(window) -> None:
    window.playback.advance_to(2_600)
    assert [c.plain for c in window.video_view.displayed_cues()] == [
        "Trust takes time & patience."
    ]
    assert window.controls.time_label.text() == "0:02 / 0:20"
    slider = window.controls.seek_slider
    assert slider.sliderPosition() == 2_600
    assert slider.value_text() == "2 seconds of 20 seconds"
    assert window.transcript.model.current_rows == (1,)


def test_choosing_another_language_and_captions_off(window) -> None:
    chooser = window.controls.caption_chooser
    chooser.activated.emit(chooser.findData(1))
    tracks_read(window.showing)
    window.playback.advance_to(1_500)
    assert [c.plain for c in window.video_view.displayed_cues()] == [
        "Bienvenue dans le module."
    ]
    chooser.activated.emit(chooser.findData(CAPTIONS_OFF))
    assert window.video_view.displayed_cues() == []
    assert window.transcript.model.rowCount() == 1, (
        "the transcript keeps the last language"
    )


def test_chapter_and_seek_slider_requests_reach_the_playback(window) -> None:
    window.chapters.list.setCurrentRow(2)
    window.chapters.list.itemActivated.emit(window.chapters.list.item(2))
    assert window.playback.position() == 12_330
    window.controls.seek_slider.setFocus()
    window.controls.seek_slider.triggerAction(
        window.controls.seek_slider.SliderAction.SliderSingleStepAdd
    )
    assert window.playback.position() == 17_330


def test_seek_slider_held_by_the_user_is_not_moved_by_playback(
    rig, module_folder
) -> None:
    window = rig
    window.controls = rig.place(rig.add(Transport(rig.ctx)).controls)
    rig.open(module_folder)
    slider = window.controls.seek_slider
    slider.setSliderDown(True)
    slider.setSliderPosition(9_000)
    window.playback.advance_to(3_000)
    assert slider.sliderPosition() == 9_000
    slider.setSliderDown(False)
    assert window.playback.position() == 9_000


def test_a_missing_video_is_said_and_the_transcript_still_works(
    make_window, module_folder: Path
) -> None:
    (module_folder / "first.mp4").unlink()
    window = make_window()
    assert window.open_path(module_folder)
    tracks_read(window.showing)
    (message,) = window.status.messages("video")
    assert message.startswith("Video cannot play: the file first.mp4 is missing.")
    assert window.status.isVisible() and "first.mp4" in window.status.text()
    assert window.transcript.model.rowCount() == 9
    window.transcript.seek_requested.emit(5_000)
    assert window.video_view.displayed_cues(), "captions follow the transcript's seeks"


def test_a_corrupt_video_is_said_plainly(
    qtbot, make_window, module_folder: Path
) -> None:
    (module_folder / "first.mp4").write_bytes(
        b"\x00\x00\x00\x18ftypmp42" + b"\x13\x37" * 5000
    )
    window = make_window(Playback())
    assert window.open_path(module_folder)
    tracks_read(window.showing)
    qtbot.waitUntil(lambda: bool(window.status.messages("video")), timeout=15_000)
    assert window.status.messages("video")[0].startswith("Video cannot play")
    assert window.transcript.model.rowCount() == 9


def test_a_track_that_fails_to_load_is_said_and_others_still_work(
    make_window, module_folder: Path
) -> None:
    (module_folder / "first.en.vtt").write_bytes(b"this is not WebVTT\n\n1 --> 2\n")
    window = make_window()
    assert window.open_path(module_folder)
    tracks_read(window.showing)
    messages = window.status.messages("captions")
    assert (
        len(messages) == 1
        and "English (CC)" in messages[0]
        and "cannot be shown" in messages[0]
    )
    assert window.showing.caption_index == CAPTIONS_OFF
    window.keymap["next_language"].trigger()
    tracks_read(window.showing)
    assert window.showing.caption_index == 1
    window.playback.advance_to(1_500)
    assert window.video_view.displayed_cues()[0].plain == "Bienvenue dans le module."


def test_a_module_that_cannot_be_read_leaves_the_window_usable(
    rig, tmp_path: Path
) -> None:
    (tmp_path / "module.toml").write_text(
        "schema = 1\nid = [unclosed\n", encoding="utf-8"
    )
    window = rig
    rig.add(Transport(rig.ctx))
    assert not rig.ctx.showing.open_path(tmp_path)
    assert window.status.messages("module")[0].startswith("Cannot open")
    window.keymap["play_pause"].trigger()
    assert not window.playback.is_playing()


def test_without_a_multimedia_backend_the_window_says_so(
    monkeypatch, make_window, module_folder: Path
) -> None:
    monkeypatch.setattr(playback_module, "QMediaPlayer", None)
    window = make_window(Playback())
    assert window.open_path(module_folder)
    tracks_read(window.showing)
    assert window.status.messages("video") == [NO_BACKEND_MESSAGE]
    window.transcript.seek_requested.emit(3_000)
    assert window.video_view.displayed_cues()[0].plain == "Trust takes time & patience."


def test_switching_videos_and_the_video_list(rig, module_folder) -> None:
    window = navigation(rig, module_folder)
    window.video_list.next_button.click()
    assert window.showing.video.id == "second"
    assert window.playback.source.name == "second.mp4"
    assert (
        not window.chapters.isVisible() and not window.keymap["play_story"].isEnabled()
    )
    assert (
        window.video_list.previous_button.isEnabled()
        and not window.video_list.next_button.isEnabled()
    )


def test_every_focusable_control_has_an_accessible_name(window) -> None:
    focusable = [
        w
        for w in window.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(window)
        and w.focusProxy() is None
    ]
    assert len(focusable) >= 12
    unnamed = [
        (type(w).__name__, w.objectName())
        for w in focusable
        if not w.accessibleName()
        and not (hasattr(w, "text") and callable(w.text) and w.text())
    ]
    assert unnamed == []


def test_tooltips_name_the_shortcuts(window) -> None:
    controls = window.controls
    assert (
        "K" in controls.play_button.toolTip()
        and "Space" in controls.play_button.toolTip()
    )
    assert "(M)" in controls.mute_button.toolTip()
    assert "F11" in controls.full_screen_button.toolTip()
    assert "Shift+C" in controls.caption_chooser.toolTip()
    assert "Shift+N" in window.video_list.previous_button.toolTip()
    for action in window.keymap.actions.values():
        if action.shortcut().toString():
            assert (
                action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
                in action.toolTip()
            )


def test_fake_playback_records_the_play_requests(rig, module_folder) -> None:
    window = rig
    window.controls = rig.place(rig.add(Transport(rig.ctx)).controls)
    rig.open(module_folder)
    assert isinstance(window.playback, FakePlayback)
    window.controls.play_button.click()
    assert window.playback.is_playing()
    assert window.controls.play_button.text() == "Pause"


def test_a_seek_before_the_length_is_known_still_shows_its_time(qtbot) -> None:
    controls = Controls()
    qtbot.addWidget(controls)
    controls.set_duration(0)
    controls.set_position(45_000)
    controls.set_duration(199_000)
    assert controls.seek_slider.sliderPosition() == 45_000
    assert controls.time_label.text() == "0:45 / 3:19"


def test_the_command_line_opens_seeks_plays_and_saves_a_screenshot(
    tmp_path: Path, real_module: Path
) -> None:
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "player.cli", str(real_module), "--video", "first",
         "--at", "0:08", "--quit-after", "0.5", "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(shot))
    assert image.width() >= 700 and image.height() >= 500
    missing = subprocess.run(
        [sys.executable, "-m", "player.cli", str(tmp_path / "nowhere")],
        capture_output=True, text=True, timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )  # fmt: skip
    assert missing.returncode == 2 and "nowhere" in missing.stderr


def test_tab_order_follows_the_reading_order(qtbot, make_window, module_folder) -> None:
    (module_folder / "first.mp4").unlink()
    window = make_window()
    window.open_path(module_folder)
    tracks_read(window.showing)
    window.status.label.setFocus()
    qtbot.waitUntil(lambda: window.status.label.hasFocus())
    order = [window.status.label]
    for _ in range(8):
        window.focusNextChild()
        order.append(window.focusWidget())
    controls = window.controls
    assert order[:8] == [
        window.status.label,
        window.video_view,
        controls.seek_slider,
        controls.play_button,
        controls.mute_button,
        controls.volume_slider,
        controls.caption_chooser,
        controls.full_screen_button,
    ]
    transcript = window.placement.docks["transcript"]
    assert order[8] is transcript.panel.widget.view, "then the transcript, beside"


def test_a_single_video_opens_with_the_tracks_beside_it(rig, module_folder) -> None:
    window = navigation(rig, module_folder)
    rig.video()
    assert window.open_path(module_folder / "first.mp4")
    tracks_read(window.showing)
    assert [v.id for v in window.showing.module.videos] == [window.showing.video.id]
    labels = window.showing.session.labels()
    assert (
        len(labels) == 2
        and window.showing.caption_index == window.showing.session.default_index()
    )
    assert window.chapters.count() == 3
    window.playback.advance_to(2_600)
    assert rig.shown()


def test_a_manifest_path_opens_its_module(rig, module_folder) -> None:
    window = navigation(rig, module_folder)
    assert window.open_path(module_folder / "module.toml", "second")
    tracks_read(window.showing)
    assert window.showing.video.id == "second"
    assert window.video_list.current_id() == "second"


def test_a_check_that_finishes_after_another_module_opened_is_dropped(
    rig, module_folder
) -> None:
    check = ModuleCheck(rig.ctx)
    rig.open(module_folder)
    first = rig.ctx.showing.module
    rig.open(module_folder / "first.mp4")
    check.show(first, ["Module check error: stale"])
    assert "Module check error: stale" not in rig.status.messages("module")
    check.show(rig.ctx.showing.module, ["Module check error: current"])
    assert "Module check error: current" in rig.status.messages("module")
