"""What the app is told about a story, and tamper tests on a copy of the sample.

The committed sample is never edited: each test copies it into tmp_path first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from captions.loader import load_track
from captions.timefmt import format_vtt, parse_time
from media.manifest import load_module
from media.samples import sample_module_path
from media.story_status import (
    ALTERED,
    INTACT,
    UNSEALED,
    following_segments,
    story_notice,
    story_statuses,
)
from media.storytelling import check_module

STORY_TITLE = "Telling their own stories (stand-in)"
CONTACT = "the transcript-player project, which made this sample"


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(sample_module_path(), target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def shifted(path: Path, ms: int) -> None:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if "-->" in line:
            start, end = (parse_time(p.strip()) for p in line.split("-->"))
            line = f"{format_vtt(start + ms)} --> {format_vtt(end + ms)}\n"
        lines.append(line)
    path.write_text("".join(lines), encoding="utf-8")


def errors(folder: Path) -> list[str]:
    return [
        p.message for p in check_module(load_module(folder)) if p.severity == "error"
    ]


def building_trust(folder: Path):  # type: ignore[no-untyped-def]
    module = load_module(folder)
    return module, module.video("building-trust")


def test_the_sample_story_is_intact_and_credited_as_a_stand_in():
    module, video = building_trust(sample_module_path())
    (status,) = story_statuses(video, module)
    assert (status.state, status.notice, status.reasons) == (INTACT, "", ())
    assert status.attribution_line == (
        "Stand-in for the story of Rose Henry, Aboriginal community consultant, "
        "Coast Salish territory"
    )
    assert (status.start_ms, status.end_ms) == (127_648, 179_789)


def test_a_changed_french_word_in_the_sample_fails_and_the_app_is_told_whom_to_ask(
    sample_copy,
):
    edit(sample_copy / "building-trust.fr.vtt", "ses propres mots", "ses mots")
    assert errors(sample_copy) == [
        "track building-trust.fr.vtt: the words of the cue at 2:14.249 changed since "
        "the review (now “avec ses mots.”)"
    ]
    module, video = building_trust(sample_copy)
    (status,) = story_statuses(video, module)
    assert status.state == ALTERED
    assert status.notice == (
        f"The words of the story “{STORY_TITLE}” differ from the version that was "
        f"reviewed. Ask {CONTACT} before you show it or hand it out."
    )
    assert status.notice == story_notice(status.segment, module)
    assert status.attribution_line.startswith("Stand-in for the story of Rose Henry")


@pytest.mark.parametrize("ms", [100, 500, -100, -500])
@pytest.mark.parametrize(
    "names",
    [
        ("building-trust.en.vtt",),
        ("building-trust.fr.vtt",),
        (
            "building-trust.en.vtt",
            "building-trust.fr.vtt",
            "building-trust.chapters.en.vtt",
            "building-trust.chapters.fr.vtt",
            "building-trust.descriptions.en.vtt",
        ),
    ],
)
def test_a_timing_fix_of_the_sample_passes_without_a_new_seal(sample_copy, ms, names):
    for name in names:
        shifted(sample_copy / name, ms)
    assert errors(sample_copy) == []
    module, video = building_trust(sample_copy)
    (status,) = story_statuses(video, module)
    assert status.state == INTACT
    if "building-trust.en.vtt" in names:
        assert (status.start_ms, status.end_ms) == (127_648 + ms, 179_789 + ms)


def test_segments_follow_their_sealed_cues_after_a_timing_fix(sample_copy):
    shifted(sample_copy / "building-trust.en.vtt", -500)
    _, video = building_trust(sample_copy)
    path = sample_copy.resolve() / "building-trust.en.vtt"
    track = load_track(path, kind="captions")
    (moved,) = following_segments(video.segments, track, path)
    assert (moved.start_ms, moved.end_ms) == (127_148, 179_289)
    inside = [c for c in track.cues if moved.contains(c.start_ms)]
    assert len(inside) == 18, "the whole story, and nothing after it"
    assert moved.attribution_line == video.segments[0].attribution_line


def test_an_altered_track_keeps_the_manifest_edges(sample_copy):
    edit(sample_copy / "building-trust.en.vtt", "in her own words.", "in her words.")
    _, video = building_trust(sample_copy)
    path = sample_copy.resolve() / "building-trust.en.vtt"
    (kept,) = following_segments(video.segments, load_track(path), path)
    assert kept == video.segments[0]


def test_a_renamed_teller_in_the_sample_manifest_fails(sample_copy):
    edit(
        sample_copy / "module.toml",
        'speaker = "Stand-in narrator"',
        'speaker = "Rose Henry"',
    )
    found = errors(sample_copy)
    assert (
        "segment: the teller (speaker) changed since the review (now “Rose Henry”)"
        in found
    )
    assert any("its speaker is Rose Henry" in message for message in found)


def test_an_unsealed_story_is_reported_as_not_reviewed(make_module):
    folder = make_module(sealed="none")
    module = load_module(folder)
    (status,) = story_statuses(module.video("talk"), module)
    assert status.state == UNSEALED
    assert status.notice == (
        "The story “The story” has not been sealed after a review of its words. Ask "
        "whoever gave you this module before you show it or hand it out."
    )


def test_a_segment_contact_wins_over_the_module_contact(make_module, texts):
    folder = make_module(
        segment={"contact": "the Learning Team, learning@example.org"},
        subtitles=texts.subtitles.replace("remplace", "résume"),
    )
    module = load_module(folder)
    (status,) = story_statuses(module.video("talk"), module)
    assert status.state == ALTERED
    assert status.notice.endswith(
        "Ask the Learning Team, learning@example.org before you show it or hand it out."
    )
    assert status.reasons == (
        "track talk.fr.vtt: the words of the cue at 0:10.000 changed since the review "
        "(now “Ce passage résume le récit enregistré.”)",
    )
