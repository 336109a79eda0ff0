"""Real decoding: a paused video still shows its picture after a switch and a seek.

Switching video while paused left the video black, even after a seek, until Play:
QMediaPlayer reports the old source "loaded" again while it swaps sources, and
pausing it then left the new source in a paused state that decodes nothing.
"""

from __future__ import annotations

from PySide6.QtMultimedia import QVideoFrame
from rig import tracks_read

from media.samples import sample_module_path
from player.playback.facade import Playback


def frame_times(sink) -> list[int]:  # type: ignore[no-untyped-def]
    """Start times (ms) of the valid frames `sink` receives from now on."""
    times: list[int] = []

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid():
            times.append(frame.startTime() // 1000)

    sink.videoFrameChanged.connect(on_frame)
    return times


def test_switching_and_seeking_while_paused_show_a_frame(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(sample_module_path())
    tracks_read(window.showing)
    sink = window.video_view.video_item.videoSink()
    qtbot.waitUntil(lambda: sink.videoFrame().isValid(), timeout=10_000)
    assert not playback.is_playing()
    videos = [video.id for video in window.showing.module.videos]
    assert len(videos) >= 2
    after_switch = frame_times(sink)
    assert window.showing.show_video(videos[1])
    tracks_read(window.showing)
    qtbot.waitUntil(lambda: bool(after_switch), timeout=10_000)
    assert after_switch[0] < 1_000, "the new video's first frame"
    assert not playback.is_playing(), "still paused"
    after_seek = frame_times(sink)
    window.seek(5_000)
    qtbot.waitUntil(
        lambda: any(abs(ms - 5_000) < 1_000 for ms in after_seek), timeout=10_000
    )
    assert not playback.is_playing()
    assert sink.videoFrame().isValid()
