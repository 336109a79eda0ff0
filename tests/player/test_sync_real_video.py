"""Real decoding (QtMultimedia, FFmpeg backend, offscreen): captions follow the frames."""

from __future__ import annotations

from pathlib import Path

from player.playback import Playback

FRAME_MS = 40  # the test video runs at 25 frames a second


def test_every_caption_change_lands_within_one_frame_of_its_cue(qtbot, make_window, real_module: Path) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(real_module)
    track = window.current_track()
    assert track is not None and len(track) == 9
    sink = window.video_view.video_item.videoSink()
    frame_times: list[int] = []
    sink.videoFrameChanged.connect(lambda frame: frame_times.append(frame.startTime() // 1000))
    changes: list[tuple[int, int, tuple[int, ...]]] = []
    window.video_view.captions_shown.connect(
        lambda ms, indices: changes.append((ms, frame_times[-1] if frame_times else -1, tuple(indices)))
    )
    with qtbot.waitSignal(playback.playing_changed, timeout=10_000):
        playback.play()
    qtbot.waitUntil(lambda: playback.position() >= 16_500, timeout=40_000)
    playback.pause()

    boundaries = sorted({c.start_ms for c in track.cues} | {c.end_ms for c in track.cues})
    played = [b for b in boundaries if 200 <= b <= 16_000]
    assert len(played) >= 8
    for boundary in played:
        expected = tuple(track.active_indices_at(boundary))
        change = next(c for c in changes if c[0] >= boundary)
        shown_at, caused_by_frame, indices = change
        assert indices == expected, (boundary, change)
        assert shown_at == caused_by_frame, "the caption changed on a frame's own time"
        assert 0 <= shown_at - boundary < FRAME_MS, (boundary, shown_at)
    assert frame_times[-1] >= 16_000


def test_seek_into_the_story_shows_the_attribution(qtbot, make_window, real_module: Path) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(real_module)
    segment = window.video.segments[0]
    with qtbot.waitSignal(playback.media_loaded, timeout=10_000):
        pass
    assert window.video_view.attribution_text() is None
    window.seek(8_000)
    playback.play()
    qtbot.waitUntil(lambda: playback.position() >= 8_500, timeout=20_000)
    view = window.video_view
    assert view.attribution_text() == segment.attribution
    assert view.attribution.isVisible()
    assert view.displayed_cues()[0].voice == "Storyteller"
    for box in view.caption_boxes():
        assert box.bottom() <= view.attribution_rect().top()
    grabbed = view.grab().toImage()
    assert grabbed.width() > 0
    assert "Storyteller" in window.transcript.model.speaker_heading(
        window.transcript.model.current_rows()[0]
    ) or window.transcript.model.segment(window.transcript.model.current_rows()[0]) is not None


def test_play_the_story_starts_at_the_segment_start(qtbot, make_window, real_module: Path) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(real_module)
    qtbot.waitUntil(lambda: playback.duration() > 0, timeout=10_000)
    window.seek(2_000)
    window.keymap["play_story"].trigger()
    segment = window.video.segments[0]
    qtbot.waitUntil(lambda: playback.is_playing() and playback.position() >= segment.start_ms + 200, timeout=20_000)
    assert window.video_view.attribution_text() == segment.attribution
    assert segment.start_ms <= playback.position() < segment.start_ms + 3_000
