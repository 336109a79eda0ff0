"""The bundled sample module: complete, clean, honest about its stand-in, in sync."""

from __future__ import annotations

import math
import subprocess
import sys
from array import array
from functools import cache
from pathlib import Path

import imageio_ffmpeg
import pytest

from captions.lint import lint_track
from captions.loader import load_track
from captions.model import Track
from media import sample_script
from media.build_timeline import caption_lines
from media.discover import video_duration_ms
from media.manifest import load_module
from media.model import Module, TrackRef, Video
from media.samples import sample_module_path
from media.storytelling import check_module

ATTRIBUTION = "Rose Henry, Aboriginal community consultant, Coast Salish territory"
PCM_RATE = 16_000
FRAME = PCM_RATE // 100  # 10 ms of samples
LOUD_RMS = 300  # about -40 dBFS: speech is far above, the gaps are digital silence
ONSET_TOLERANCE_MS = 80


@cache
def module() -> Module:
    return load_module(sample_module_path())


def load(ref: TrackRef) -> Track:
    return load_track(ref.file, kind=ref.kind, language=ref.language, label=ref.label)


def track_of(video: Video, kind: str, language: str) -> Track:
    ref = next(t for t in video.tracks if (t.kind, t.language) == (kind, language))
    return load(ref)


def test_manifest_names_the_module_and_every_file_exists() -> None:
    sample = module()
    assert (sample.id, sample.title, sample.language) == (
        "trusting-relationship",
        "Building a Trusting Relationship",
        "en",
    )
    assert "sample" in sample.credit
    assert "training module on trafficked persons" in sample.credit
    assert [v.id for v in sample.videos] == ["building-trust", "duty-to-report"]
    for video in sample.videos:
        assert video.file.is_file() and video.file.stat().st_size > 100_000
        kinds = {(t.kind, t.language) for t in video.tracks}
        assert kinds == {
            ("captions", "en"),
            ("subtitles", "fr"),
            ("chapters", "en"),
            ("chapters", "fr"),
            ("descriptions", "en"),
        }
        assert all(t.file.is_file() for t in video.tracks)
        default = video.default_track()
        assert default is not None and (default.kind, default.language) == (
            "captions",
            "en",
        )


def test_module_stays_small() -> None:
    folder = sample_module_path()
    total = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    assert total < 12_000_000


def test_video_lengths_match_the_brief() -> None:
    building, duty = module().videos
    building_ms, duty_ms = (
        video_duration_ms(building.file),
        video_duration_ms(duty.file),
    )
    assert building_ms is not None and 150_000 <= building_ms <= 210_000
    assert duty_ms is not None and 45_000 <= duty_ms <= 90_000


def test_every_track_loads_without_warnings_and_passes_the_lint() -> None:
    for video in module().videos:
        for ref in video.tracks:
            track = load(ref)
            assert len(track) > 0, ref.file.name
            assert track.warnings == (), ref.file.name
            assert lint_track(track) == [], ref.file.name


def test_check_passes_with_no_problem_at_all() -> None:
    assert check_module(module()) == []


def test_stand_in_is_labelled_as_one_and_attributed() -> None:
    video = module().video("building-trust")
    (segment,) = video.segments
    assert segment.kind == "storytelling"
    assert segment.attribution == ATTRIBUTION
    assert segment.end_ms - segment.start_ms >= 45_000
    captions = track_of(video, "captions", "en")
    inside = [c for c in captions.cues if segment.contains(c.start_ms)]
    assert {c.voice for c in inside} == {"Stand-in narrator"}
    words = " ".join(" ".join(c.plain.split()) for c in inside)
    assert words.startswith("This segment stands in for a recorded story.")
    assert "Rose Henry tells her story in her own words" in words
    assert "These are not her words." in words
    assert "tell their own stories, in their own way" in words
    french = track_of(video, "subtitles", "fr")
    inside_fr = [c for c in french.cues if segment.contains(c.start_ms)]
    assert {c.voice for c in inside_fr} == {"Narrateur de remplacement"}
    assert inside_fr[0].plain.replace("\n", " ").startswith("Ce segment remplace")


def test_no_cue_anywhere_puts_words_in_rose_henrys_mouth() -> None:
    for video in module().videos:
        for ref in video.tracks:
            voices = {cue.voice for cue in load(ref).cues}
            assert not any("Rose" in v or "Henry" in v for v in voices), ref.file


def test_pauses_and_chapters_leave_the_story_whole() -> None:
    videos = module().videos
    assert 2 <= sum(len(v.pauses) for v in videos) <= 3
    assert all(p.prompt.strip().endswith("?") for v in videos for p in v.pauses)
    video = module().video("building-trust")
    (segment,) = video.segments
    assert not any(segment.start_ms < p.at_ms < segment.end_ms for p in video.pauses)
    for language in ("en", "fr"):
        starts = [c.start_ms for c in track_of(video, "chapters", language).cues]
        assert segment.start_ms in starts  # the chapter list jumps to its start
        assert not any(segment.start_ms < s < segment.end_ms for s in starts)


def test_french_subtitles_and_english_captions_share_their_timing() -> None:
    for video in module().videos:
        english = track_of(video, "captions", "en").cues
        french = track_of(video, "subtitles", "fr").cues
        assert [(c.start_ms, c.end_ms) for c in english] == [
            (c.start_ms, c.end_ms) for c in french
        ]


def test_built_captions_hold_the_scripts_words_in_order() -> None:
    """Editing media/sample_script.py without rebuilding the module fails here."""
    for script in sample_script.VIDEOS:
        lines = [
            " ".join(line.en.split())
            for chapter in script.chapters
            for slide in chapter.slides
            for line in slide.lines
        ]
        video = module().video(script.id)
        spoken = [
            " ".join(c.plain.split())
            for c in track_of(video, "captions", "en").cues
            if c.voice
        ]
        assert spoken == lines


def test_caption_lines_refuses_text_that_cannot_fit() -> None:
    assert caption_lines("Be patient.") == ("Be patient.",)
    assert caption_lines("Let the person speak at their own pace.") == (
        "Let the person speak",
        "at their own pace.",
    )
    with pytest.raises(ValueError, match="2 lines of 32"):
        caption_lines("This first line is far too long to fit\non screen")
    with pytest.raises(ValueError, match="2 lines of 32"):
        caption_lines("One\ntwo\nthree")


@cache
def narration(path: Path) -> array[int]:
    """The video's soundtrack as 16 kHz mono 16-bit samples, decoded by ffmpeg."""
    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(path)]
    command += ["-vn", "-ac", "1", "-ar", str(PCM_RATE), "-f", "s16le", "-"]
    samples = array("h")
    samples.frombytes(subprocess.run(command, capture_output=True, check=True).stdout)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def loud(samples: array[int], ms: int) -> bool:
    """Whether the 10 ms frame starting at `ms` holds sound above the threshold."""
    first = ms * PCM_RATE // 1000
    frame = samples[first : first + FRAME]
    return math.sqrt(sum(x * x for x in frame) / max(len(frame), 1)) > LOUD_RMS


def speech_onset_ms(samples: array[int], near_ms: int) -> int | None:
    """First loud 10 ms frame from 250 ms before `near_ms` to 250 ms after."""
    for ms in range(near_ms - 250, near_ms + 250, 10):
        if loud(samples, ms):
            return ms
    return None


@pytest.mark.parametrize("video_id", ["building-trust", "duty-to-report"])
def test_sound_starts_where_each_caption_starts(video_id: str) -> None:
    video = module().video(video_id)
    samples = narration(video.file)
    cues = track_of(video, "captions", "en").cues
    assert len(cues) > 10
    for cue in cues:
        onset = speech_onset_ms(samples, cue.start_ms)
        assert onset is not None, f"no sound near {cue.start_ms} ms: {cue.plain!r}"
        late_or_early = onset - cue.start_ms
        assert abs(late_or_early) <= ONSET_TOLERANCE_MS, (cue.start_ms, cue.plain)


@pytest.mark.parametrize("video_id", ["building-trust", "duty-to-report"])
def test_silence_separates_the_cues_so_the_onsets_mean_something(
    video_id: str,
) -> None:
    video = module().video(video_id)
    samples = narration(video.file)
    for cue in track_of(video, "captions", "en").cues:
        before = range(cue.start_ms - 240, cue.start_ms - ONSET_TOLERANCE_MS, 10)
        assert not any(loud(samples, ms) for ms in before), cue.start_ms


def test_main_video_has_a_labelled_stand_in_sign_video_of_its_length() -> None:
    building, duty = module().videos
    sign = building.default_sign_track()
    assert sign is not None
    assert (sign.kind, sign.language, sign.label) == ("sign", "ase", "ASL (stand-in)")
    assert sign.file.name == "building-trust.sign.ase.mp4"
    assert video_duration_ms(sign.file) == video_duration_ms(building.file)
    assert sign.file.stat().st_size < 1_500_000  # small: a low-bitrate placeholder
    assert duty.sign_tracks == ()
    probe = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(sign.file)],
        capture_output=True,
        text=True,
    )
    streams = [line for line in probe.stderr.splitlines() if "Stream #" in line]
    assert len(streams) == 1 and "Video:" in streams[0] and "25 fps" in streams[0]


def test_stand_in_sign_frames_say_so_and_carry_their_own_time(qapp: object) -> None:
    from media.build_slides import (  # Qt: build only
        SIGN_TEXT,
        draw_sign_frame,
        timecode,
    )

    assert "Stand-in" in SIGN_TEXT and "interpreter" in SIGN_TEXT
    assert timecode(45_120) == "00:45.12"
    assert draw_sign_frame(0) != draw_sign_frame(40)  # the time and hands move
