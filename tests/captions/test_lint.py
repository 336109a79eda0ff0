"""Caption quality lint: each rule fires on what it names, and only there."""

from __future__ import annotations

import pytest

from captions.lint import LintIssue, lint_track, names_speaker, visible_length
from captions.model import Cue, Track


def cue(start: int, end: int, plain: str = "Fine words here", voice: str = "") -> Cue:
    raw = f"<v {voice}>{plain}" if voice else plain
    return Cue(start, end, raw, plain, voice=voice)


def rules(issues: list[LintIssue]) -> list[tuple[int, str]]:
    return [(issue.cue_index, issue.rule) for issue in issues]


def lint(*cues: Cue, kind: str = "captions", **limits: int) -> list[LintIssue]:
    return lint_track(Track(tuple(cues), kind=kind), **limits)


def test_a_good_track_has_no_issues() -> None:
    assert lint(cue(0, 2000), cue(2000, 4000, "Two lines\nof text")) == []


def test_more_than_two_lines() -> None:
    issues = lint(cue(0, 4000, "one\ntwo\nthree"))
    assert rules(issues) == [(0, "too-many-lines")]
    assert (
        issues[0].message
        == "Caption 1 at 0:00 has 3 lines; at most 2 are easy to read."
    )


def test_blank_lines_do_not_count() -> None:
    assert lint(cue(0, 4000, "one\n\ntwo")) == []


def test_line_longer_than_32_characters() -> None:
    line = "x" * 33
    issues = lint(cue(65_000, 70_000, f"short\n{line}"))
    assert rules(issues) == [(0, "line-too-long")]
    assert (
        "1:05" in issues[0].message and "line 2 has 33 characters" in issues[0].message
    )
    assert lint(cue(0, 5000, "x" * 32)) == []


def test_line_limit_is_a_setting() -> None:
    assert lint(cue(0, 5000, "x" * 40), max_chars_per_line=42) == []
    assert rules(lint(cue(0, 5000, "x" * 43), max_chars_per_line=42)) == [
        (0, "line-too-long")
    ]


def test_combining_marks_are_not_extra_characters() -> None:
    decomposed = "e\u0301" * 32  # 32 visible letters, 64 code points
    assert visible_length(decomposed) == 32
    assert lint(cue(0, 8000, decomposed)) == []


def test_reading_rate_over_180_words_a_minute() -> None:
    # 7 words in 2 s = 210 wpm; 6 words in 2 s = 180 wpm exactly (allowed).
    issues = lint(cue(0, 2000, "one two three four\nfive six seven"))
    assert rules(issues) == [(0, "reading-rate")]
    assert "210 words a minute" in issues[0].message
    assert lint(cue(0, 2000, "one two three\nfour five six")) == []


def test_too_short_on_screen() -> None:
    issues = lint(cue(5000, 5999, "Hi"))
    assert rules(issues) == [(0, "too-short")]
    assert issues[0].message.startswith(
        "Caption 1 at 0:05 is on screen for 1.0 seconds"
    )
    assert lint(cue(5000, 6000, "Hi")) == []


def test_a_cue_ending_before_it_starts_is_an_error() -> None:
    (issue,) = lint(cue(5000, 5000, "Hi"))
    assert (issue.rule, issue.severity) == ("no-duration", "error")


def test_overlapping_captions_are_flagged_once_per_late_cue() -> None:
    issues = lint(cue(0, 3000), cue(2000, 4000), cue(4000, 6000))
    assert rules(issues) == [(1, "overlap")]
    assert "starts before caption 1 ends at 0:03" in issues[0].message


def test_overlap_is_found_in_start_order_even_when_the_file_is_not() -> None:
    issues = lint(cue(10_000, 12_000), cue(0, 11_000))
    assert rules(issues) == [(0, "overlap")]


def test_voiceless_cue_after_a_pause_in_a_voiced_track() -> None:
    issues = lint(
        cue(0, 2000, voice="Ann"),
        cue(2000, 4000),  # continues Ann: fine
        cue(6000, 8000),  # after a 2 s pause: who is this?
        cue(8000, 10_000, voice="Bo"),
    )
    assert rules(issues) == [(2, "speaker-unidentified")]
    assert "0:06" in issues[0].message


def test_first_cue_without_voice_in_a_voiced_track() -> None:
    issues = lint(cue(0, 2000), cue(2000, 4000, voice="Ann"))
    assert rules(issues) == [(0, "speaker-unidentified")]


def test_sounds_and_named_speakers_need_no_voice() -> None:
    assert lint(cue(0, 2000, "[music]"), cue(2000, 4000, voice="Ann")) == []
    assert lint(cue(0, 2000, "ANN: Hello"), cue(5000, 7000, voice="Bo")) == []


def test_tracks_without_voices_are_not_checked_for_speakers() -> None:
    assert lint(cue(0, 2000), cue(9000, 11_000)) == []


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("ROSE: Hello there", True),
        (">> Ann Lee: hi", True),
        ("- Bo: yes", True),
        ("(Rose) Hello", True),
        ("Hello there", False),
        ("At 3:30 we met", False),
    ],
)
def test_names_speaker(plain: str, expected: bool) -> None:
    assert names_speaker(plain) is expected


def test_descriptions_only_get_overlap_and_no_duration() -> None:
    long_text = "word " * 40
    issues = lint(
        cue(0, 500, long_text),
        cue(400, 900, "a\nb\nc"),
        cue(1000, 1000),
        kind="descriptions",
    )
    assert rules(issues) == [(1, "overlap"), (2, "no-duration")]


def test_chapters_may_nest_but_need_a_duration() -> None:
    issues = lint(
        cue(0, 60_000, "Part 1"), cue(0, 10_000, "1a"), cue(9, 9), kind="chapters"
    )
    assert rules(issues) == [(2, "no-duration")]


def test_metadata_is_never_linted() -> None:
    assert lint(cue(0, 0, "{}"), cue(0, 10, "x" * 99), kind="metadata") == []


def test_subtitles_get_every_reader_rule() -> None:
    assert rules(lint(cue(0, 500, "Hi"), kind="subtitles")) == [(0, "too-short")]


def test_issue_carries_cue_start() -> None:
    (issue,) = lint(cue(41_000, 41_500, "Hi"))
    assert (issue.cue_index, issue.start_ms, issue.severity) == (0, 41_000, "warning")
