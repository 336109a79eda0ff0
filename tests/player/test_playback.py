"""The playback facade: millisecond signals, frame times, and plain errors."""

from __future__ import annotations

from pathlib import Path

import pytest

import player.playback.facade as playback_module
from player.playback.facade import NO_BACKEND_MESSAGE, Playback, PlaybackBase
from player.playback.fake import FakePlayback


def test_fake_and_real_facades_share_the_contract() -> None:
    for name in (
        "position_changed",
        "duration_changed",
        "playing_changed",
        "error_occurred",
        "media_loaded",
    ):
        assert getattr(Playback, name) is getattr(PlaybackBase, name)
        assert getattr(FakePlayback, name) is getattr(PlaybackBase, name)


def test_a_missing_file_is_reported_plainly(qtbot, tmp_path: Path) -> None:
    playback = Playback()
    with qtbot.waitSignal(playback.error_occurred, timeout=5_000) as blocker:
        playback.set_source(tmp_path / "gone.mp4")
    assert blocker.args == [
        "Video cannot play: the file gone.mp4 is missing. "
        "The transcript, captions and search still work."
    ]
    playback.play()
    assert not playback.is_playing()


def test_corrupt_video_bytes_are_reported_plainly(qtbot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)
    playback = Playback()
    with qtbot.waitSignal(playback.error_occurred, timeout=15_000) as blocker:
        playback.set_source(broken)
    assert blocker.args[0].startswith("Video cannot play")


def test_positions_while_playing_are_the_frames_own_times(
    qtbot, real_module: Path
) -> None:
    playback = Playback()
    positions: list[int] = []
    playback.position_changed.connect(positions.append)
    with qtbot.waitSignal(playback.duration_changed, timeout=10_000):
        playback.set_source(real_module / "first.mp4")
    assert playback.duration() == pytest.approx(20_000, abs=100)
    playback.play()
    qtbot.waitUntil(lambda: playback.position() >= 1_500, timeout=15_000)
    playback.pause()
    after_start = [ms for ms in positions if ms > 200]
    assert after_start and all(ms % 40 == 0 for ms in after_start), after_start[:10]
    assert after_start == sorted(after_start)


def test_seek_while_paused_moves_the_position(qtbot, real_module: Path) -> None:
    playback = Playback()
    with qtbot.waitSignal(playback.media_loaded, timeout=10_000):
        playback.set_source(real_module / "first.mp4")
    with qtbot.waitSignal(playback.position_changed, timeout=5_000) as blocker:
        playback.seek(7_500)
    assert blocker.args == [7_500]
    assert playback.position() == 7_500


def test_seek_before_the_media_loads_is_kept_for_later(
    qtbot, real_module: Path
) -> None:
    playback = Playback()
    playback.set_source(real_module / "first.mp4")
    playback.seek(9_000)
    playback.play()
    qtbot.waitUntil(lambda: playback.position() >= 9_200, timeout=15_000)
    assert playback.position() < 12_000


def test_volume_and_mute_are_reported_in_whole_numbers(qtbot) -> None:
    playback = Playback()
    with qtbot.waitSignal(playback.volume_changed) as blocker:
        playback.set_volume(130)
    assert blocker.args == [100]
    with qtbot.waitSignal(playback.muted_changed) as blocker:
        playback.set_muted(True)
    assert blocker.args == [True] and playback.is_muted()
    playback.set_rate(3.0)
    assert playback.rate() == 2.0


def test_without_a_multimedia_backend_the_facade_degrades(
    qtbot, monkeypatch, real_module: Path
) -> None:
    monkeypatch.setattr(playback_module, "QMediaPlayer", None)
    playback = Playback()
    assert not playback.available()
    with qtbot.waitSignal(playback.error_occurred) as blocker:
        playback.set_source(real_module / "first.mp4")
    assert blocker.args == [NO_BACKEND_MESSAGE]
    playback.play()
    playback.seek(4_000)
    assert playback.position() == 4_000 and not playback.is_playing()


def test_setting_the_loaded_file_again_keeps_its_place(
    qtbot, real_module: Path
) -> None:
    """The app starts loading before its window exists; the window then sets the
    same file again, which must not restart it but tell the window where it is."""
    playback = Playback()
    video = real_module / "first.mp4"
    with qtbot.waitSignal(playback.media_loaded, timeout=10_000):
        playback.set_source(video)
    playback.seek(5_000)
    durations: list[int] = []
    playback.duration_changed.connect(durations.append)
    with qtbot.waitSignal(playback.position_changed) as blocker:
        playback.set_source(video)
    assert blocker.args == [5_000] and durations == [playback.duration()]
    assert durations[0] == pytest.approx(20_000, abs=100)
