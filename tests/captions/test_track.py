"""Track lookups: every showing cue at a time, overlaps included, in O(log n)."""

from __future__ import annotations

import random

from captions.model import Cue, Track
from captions.timefmt import (
    format_clock,
    format_spoken,
    format_srt,
    format_vtt,
    parse_time,
)


def _cue(start: int, end: int, text: str = "") -> Cue:
    return Cue(
        start_ms=start, end_ms=end, text=text or f"{start}", plain=text or f"{start}"
    )


def test_active_at_includes_overlaps_and_excludes_end() -> None:
    track = Track((_cue(0, 5000), _cue(1000, 2000), _cue(3000, 4000), _cue(5000, 6000)))
    assert [c.start_ms for c in track.active_at(1500)] == [0, 1000]
    assert [c.start_ms for c in track.active_at(2000)] == [0]
    assert [c.start_ms for c in track.active_at(5000)] == [5000]
    assert track.active_at(6000) == []
    assert track.active_at(-1) == []


def test_active_at_matches_brute_force_on_unsorted_overlapping_cues() -> None:
    rng = random.Random(7)
    cues = []
    for _ in range(400):
        start = rng.randrange(0, 100_000)
        cues.append(_cue(start, start + rng.randrange(-500, 8000)))
    track = Track(tuple(cues))
    for ms in range(0, 110_000, 137):
        expected = sorted(
            (i for i, c in enumerate(cues) if c.start_ms <= ms < c.end_ms),
            key=lambda i: (cues[i].start_ms, i),
        )
        assert track.active_indices_at(ms) == expected


def test_navigation_helpers() -> None:
    track = Track((_cue(1000, 2000), _cue(3000, 4000)))
    assert track.index_at_or_before(500) == -1
    assert track.index_at_or_before(3500) == 1
    assert track.next_start_after(1000) == 3000
    assert track.next_start_after(3000) is None


def test_time_formats() -> None:
    assert format_clock(65_000) == "1:05"
    assert format_clock(3_723_000) == "1:02:03"
    assert format_spoken(65_000) == "1 minute 5 seconds"
    assert format_spoken(3_600_000) == "1 hour"
    assert format_spoken(0) == "0 seconds"
    assert format_vtt(3_723_004) == "01:02:03.004"
    assert format_srt(1_500) == "00:00:01,500"


def test_parse_time_accepts_people_and_webvtt_forms() -> None:
    assert parse_time("00:00:41.000") == 41_000
    assert parse_time("0:45") == 45_000
    assert parse_time("1:05.5") == 65_500
    assert parse_time("45") == 45_000
    for bad in ("", "abc", "1:75", "-3", "nan"):
        try:
            parse_time(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_kind_from_file_name() -> None:
    from captions.model import kind_from_file_name

    assert kind_from_file_name("talk.chapters.vtt") == "chapters"
    assert kind_from_file_name("wwa_description_en.vtt") == "descriptions"
    assert kind_from_file_name("/x/paulallen_meta.vtt") == "metadata"
    assert kind_from_file_name("talk.fr.vtt") == "captions"
