"""The sign video follows the main video: play, pause, seek, rate, end, source."""

from __future__ import annotations

from pathlib import Path

import pytest

from player.playback.fake import FakePlayback
from player.playback.sign_follow import SETTLE_S, SignFollower


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pair(tmp_path: Path, qapp: object) -> tuple[FakePlayback, FakePlayback, Clock]:
    video = tmp_path / "talk.mp4"
    video.write_bytes(b"main")
    main, sign = FakePlayback(), FakePlayback()
    main.set_source(video)
    return main, sign, Clock()


def follow(pair: tuple[FakePlayback, FakePlayback, Clock], tmp_path: Path):
    main, sign, clock = pair
    follower = SignFollower(main, sign, clock=clock)
    file = tmp_path / "talk.sign.ase.mp4"
    file.write_bytes(b"sign")
    follower.set_source(file)
    return follower, main, sign, clock


def test_sign_video_is_silent_and_main_audio_untouched(pair, tmp_path) -> None:
    main, _sign, _clock = pair
    main.set_volume(65)
    _follower, main, sign, _ = follow(pair, tmp_path)
    assert sign.is_muted() and sign.volume() == 0
    assert not main.is_muted() and main.volume() == 65
    assert not any(name in ("set_volume", "set_muted") for name, _ in main.calls)


def test_loading_takes_the_main_time_rate_and_play_state(pair, tmp_path) -> None:
    main, _sign, _clock = pair
    main.seek(12_000)
    main.set_rate(1.5)
    main.play()
    _follower, main, sign, _ = follow(pair, tmp_path)
    assert sign.position() == 12_000 and sign.rate() == 1.5 and sign.is_playing()


def test_play_pause_seek_and_rate_follow(pair, tmp_path) -> None:
    _follower, main, sign, clock = follow(pair, tmp_path)
    main.play()
    assert sign.is_playing()
    main.seek(30_000)
    assert sign.position() == 30_000
    main.set_rate(0.75)
    assert sign.rate() == 0.75
    main.pause()
    assert not sign.is_playing() and sign.position() == 30_000
    clock.now += SETTLE_S + 0.1
    main.seek(31_000)  # paused: the still frame follows too
    assert sign.position() == 31_000


def test_drift_while_playing_is_taken_up_by_the_rate(pair, tmp_path) -> None:
    _follower, main, sign, clock = follow(pair, tmp_path)
    main.play()
    sign.advance_to(1_000)
    clock.now += 0.05
    sign.advance_to(1_000)  # a frame after the seek: settled
    main.advance_to(1_100)  # the sign video is 100 ms behind, its frame just shown
    assert sign.rate() > main.rate()
    sign.advance_to(1_220)
    main.advance_to(1_140)
    assert sign.rate() < main.rate()
    sign.advance_to(1_161)
    main.advance_to(1_141)
    assert sign.rate() == main.rate()  # back in step: the main rate again


def test_a_stall_is_a_seek_once_settled(pair, tmp_path) -> None:
    _follower, main, sign, _clock = follow(pair, tmp_path)
    main.play()
    sign.advance_to(2_000)
    main.advance_to(4_000)
    assert ("seek", 4_000) in sign.calls


def test_end_of_the_main_video_pauses_the_sign_video(pair, tmp_path) -> None:
    _follower, main, sign, _clock = follow(pair, tmp_path)
    main.play()
    main.advance_to(60_000)
    main.pause()  # as the real facade does at the end of media
    assert not sign.is_playing() and sign.position() == 60_000


def test_next_video_without_sign_track_stops_the_sign_video(pair, tmp_path) -> None:
    follower, main, sign, _clock = follow(pair, tmp_path)
    sources: list[object] = []
    follower.source_changed.connect(sources.append)
    main.play()
    follower.set_source(None)
    assert sign.source is None and not sign.is_playing() and sources == [None]
    main.seek(5_000)
    assert ("seek", 5_000) not in sign.calls
