"""Real decoding (QtMultimedia, FFmpeg, offscreen): captions follow the frames."""

from __future__ import annotations

from pathlib import Path

import pytest
from rig import tracks_read

from media.samples import sample_module_path
from player.playback.facade import Playback

FRAME_MS = 40  # both videos run at 25 frames a second


@pytest.fixture(params=["sample", "generated"])
def played_module(request: pytest.FixtureRequest) -> Path:
    """The bundled sample module, and a generated one with overlapping cues."""
    if request.param == "sample":
        return sample_module_path()
    return request.getfixturevalue("real_module")  # type: ignore[no-any-return]


def test_every_caption_change_lands_within_one_frame_of_its_cue(
    qtbot, make_window, played_module: Path
) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(played_module)
    tracks_read(window.showing)
    track = window.showing.current_track()
    assert track is not None
    sink = window.video_view.video_item.videoSink()
    frame_times: set[int] = set()
    sink.videoFrameChanged.connect(
        lambda frame: frame_times.add(frame.startTime() // 1000)
    )
    changes: list[tuple[int, tuple[int, ...]]] = []
    window.video_view.captions_shown.connect(
        lambda ms, indices: changes.append((ms, tuple(indices)))
    )
    with qtbot.waitSignal(playback.playing_changed, timeout=10_000):
        playback.play()
    qtbot.waitUntil(lambda: playback.position() >= 16_500, timeout=40_000)
    playback.pause()

    boundaries = sorted(
        {c.start_ms for c in track.cues} | {c.end_ms for c in track.cues}
    )
    played = [b for b in boundaries if 200 <= b <= 16_000]
    assert len(played) >= 8
    for boundary in played:
        expected = tuple(track.active_indices_at(boundary))
        change = next(c for c in changes if c[0] >= boundary)
        shown_at, indices = change
        assert indices == expected, (boundary, change)
        assert shown_at in frame_times, "the caption changed on a frame's own time"
        assert 0 <= shown_at - boundary < FRAME_MS, (boundary, shown_at)


def test_seek_into_the_story_shows_the_attribution(
    qtbot, make_window, played_module: Path
) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(played_module)
    tracks_read(window.showing)
    segment = window.showing.video.segments[0]
    qtbot.waitUntil(lambda: playback.duration() > 0, timeout=10_000)
    assert window.video_view.attribution_text() is None
    window.seek(segment.start_ms + 900)
    playback.play()
    qtbot.waitUntil(
        lambda: playback.position() >= segment.start_ms + 1_400, timeout=20_000
    )
    view = window.video_view
    assert view.attribution_text() == segment.attribution_line
    assert view.attribution.isVisible()
    assert view.displayed_cues()[0].voice == segment.speaker
    for box in view.caption_boxes():
        assert box.bottom() <= view.attribution_rect().top()
    model = window.transcript.model
    current = model.current_rows
    assert current, "the transcript marks the cue now playing"
    block = model.segment(current[0])
    assert block is not None and block.attribution == segment.attribution_line


def test_play_the_story_starts_at_the_segment_start(
    qtbot, make_window, real_module: Path
) -> None:
    playback = Playback()
    window = make_window(playback)
    assert window.open_path(real_module)
    tracks_read(window.showing)
    qtbot.waitUntil(lambda: playback.duration() > 0, timeout=10_000)
    window.seek(2_000)
    window.chapters.story_button.click()
    segment = window.showing.video.segments[0]
    qtbot.waitUntil(
        lambda: playback.is_playing() and playback.position() >= segment.start_ms + 200,
        timeout=20_000,
    )
    assert window.video_view.attribution_text() == segment.attribution_line
    assert segment.start_ms <= playback.position() < segment.start_ms + 3_000
