"""Real decoding: the sign-language video stays within a frame of the main video."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtMultimediaWidgets import QGraphicsVideoItem

from media.manifest import load_module
from media.samples import sample_module_path
from player.playback.facade import Playback
from player.playback.sign_follow import SignFollower

FRAME_MS = 40  # both videos run at 25 frames a second
SETTLE_MS = 1_200  # after play, a seek or a rate change, the drift is measured


def test_sign_video_frames_stay_within_one_frame_of_the_main_video(qtbot) -> None:
    video = load_module(sample_module_path()).videos[0]
    sign_track = video.default_sign_track()
    assert sign_track is not None
    main, sign = Playback(), Playback(audio=False)
    main_item, sign_item = QGraphicsVideoItem(), QGraphicsVideoItem()
    main.set_video_output(main_item)
    sign.set_video_output(sign_item)
    main.set_muted(True)
    main.set_source(video.file)
    follower = SignFollower(main, sign)
    follower.set_source(sign_track.file)
    qtbot.waitUntil(lambda: main.duration() > 0 and sign.duration() > 0, timeout=10_000)
    pairs: list[tuple[int, int]] = []

    def record(frame: object) -> None:
        sign_frame = sign_item.videoSink().videoFrame()
        if sign_frame.isValid() and main.is_playing():
            main_ms = frame.startTime() // 1000  # type: ignore[attr-defined]
            pairs.append((main_ms, sign_frame.startTime() // 1000))

    main_item.videoSink().videoFrameChanged.connect(record)

    def drifts_after(start: Callable[[], None], from_ms: int) -> list[int]:
        pairs.clear()
        start()
        until = from_ms + SETTLE_MS + 1_500 * main.rate()
        qtbot.waitUntil(lambda: main.position() >= until, timeout=20_000)
        return [s - m for m, s in pairs if m >= from_ms + SETTLE_MS * main.rate()]

    played = drifts_after(main.play, 0)
    sought = drifts_after(lambda: main.seek(120_000), 120_000)
    faster = drifts_after(lambda: main.set_rate(1.5), main.position())
    main.pause()
    qtbot.waitUntil(lambda: not sign.is_playing(), timeout=5_000)
    for name, drifts in (("play", played), ("seek", sought), ("rate", faster)):
        assert len(drifts) >= 20, name
        assert max(abs(d) for d in drifts) <= FRAME_MS, (name, drifts)
    assert sign.is_muted() and sign.volume() == 0
    assert main.volume() == 80 and main.rate() == 1.5  # the main video untouched
