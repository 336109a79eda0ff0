"""Pause after each caption and the speed on real decoding (QtMultimedia, FFmpeg)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rig import tracks_read

from player.playback.facade import Playback

FRAME_MS = 40  # the generated videos run at 25 frames a second


def test_pause_after_each_caption_on_real_frames(
    qtbot, make_window, real_module: Path
) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(real_module)
    tracks_read(window.showing)
    qtbot.waitUntil(lambda: playback.duration() > 0, timeout=10_000)
    window.keymap["pause_after_caption"].trigger()
    window.seek(1_500)
    ends = []
    for expected_end in (2_530, 4_270):
        with qtbot.waitSignal(playback.playing_changed, timeout=10_000):
            playback.play()
        qtbot.waitUntil(lambda: not playback.is_playing(), timeout=10_000)
        qtbot.wait(300)  # a frame still in flight must not move it on
        ends.append(playback.position())
        assert expected_end - 2 * FRAME_MS <= playback.position() < expected_end
        shown = window.video_view.displayed_cues()
        assert shown and shown[0].end_ms == expected_end, "still on screen to read"
    assert ends[1] > ends[0], "playing again went on to the next caption"


def test_speed_reaches_the_player_with_pitch_kept(
    qtbot, make_window, real_module: Path
) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(real_module)
    tracks_read(window.showing)
    window.keymap["faster"].trigger()
    player = playback._player
    assert player is not None and player.playbackRate() == pytest.approx(1.1)
    if hasattr(player, "pitchCompensationAvailability"):
        available = player.PitchCompensationAvailability.Available
        if player.pitchCompensationAvailability() == available:
            assert player.pitchCompensation()
    qtbot.waitUntil(lambda: playback.duration() > 0, timeout=10_000)
    window.showing.show_video("second")
    tracks_read(window.showing)
    assert player.playbackRate() == pytest.approx(1.1), "a new video keeps the speed"
