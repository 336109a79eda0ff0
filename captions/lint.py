"""Caption quality lint (DCMP Captioning Key, WCAG): warnings an author can act on.

Which rules apply depends on the track kind:

* captions, subtitles (and unknown kinds): every rule -- lines per cue, characters per
  line, reading rate, time on screen, speaker identification, overlapping cues.
* descriptions: overlapping cues (two descriptions would be voiced at once) and cues
  whose end is not after their start. Line and reading rules are for readers, and a
  description is spoken.
* chapters: cues whose end is not after their start (chapters may nest, so overlap is
  allowed).
* metadata: nothing; it is never shown.

The lint only reports; it never changes a cue (storytelling words stay verbatim).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from captions.markup import is_sound_cue
from captions.model import Cue, Track
from captions.timefmt import format_clock

Severity = Literal["warning", "error"]
READER_KINDS = frozenset({"captions", "subtitles"})
_NAMED_LINE = re.compile(
    r"\s*(?:>>\s*|-\s*)?"
    r"(?:[^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){0,2}:|\([^()\n]{1,40}\))\s"
)


@dataclass(frozen=True, slots=True)
class LintIssue:
    """One problem with one cue, said in plain English with the cue's time."""

    cue_index: int
    start_ms: int
    rule: str
    message: str
    severity: Severity = "warning"


@dataclass(frozen=True, slots=True)
class LintLimits:
    max_chars_per_line: int = 32
    max_lines: int = 2
    max_wpm: float = 180.0
    min_duration_ms: int = 1000
    speaker_gap_ms: int = 2000


def _where(index: int, cue: Cue) -> str:
    return f"Caption {index + 1} at {format_clock(cue.start_ms)}"


def visible_length(line: str) -> int:
    """Characters a reader sees: combining and zero-width format marks not counted."""
    if line.isascii():
        return len(line)
    return sum(1 for ch in line if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))


def _check_lines(index: int, cue: Cue, limits: LintLimits) -> Iterator[LintIssue]:
    lines = [line.strip() for line in cue.plain.splitlines() if line.strip()]
    if len(lines) > limits.max_lines:
        yield LintIssue(
            index,
            cue.start_ms,
            "too-many-lines",
            f"{_where(index, cue)} has {len(lines)} lines; "
            f"at most {limits.max_lines} are easy to read.",
        )
    for number, line in enumerate(lines, start=1):
        length = visible_length(line)
        if length > limits.max_chars_per_line:
            yield LintIssue(
                index,
                cue.start_ms,
                "line-too-long",
                f"{_where(index, cue)}: line {number} has {length} characters; "
                f"the limit is {limits.max_chars_per_line}.",
            )


def _check_timing(index: int, cue: Cue, limits: LintLimits) -> Iterator[LintIssue]:
    duration = cue.duration_ms
    if duration <= 0:
        yield _never_shown(index, cue)
        return
    if duration < limits.min_duration_ms:
        yield LintIssue(
            index,
            cue.start_ms,
            "too-short",
            f"{_where(index, cue)} is on screen for {duration / 1000:.1f} seconds; "
            f"give it at least {limits.min_duration_ms / 1000:.1f}.",
        )
    words = len(cue.plain.split())
    wpm = words * 60_000 / duration
    if words and wpm > limits.max_wpm:
        yield LintIssue(
            index,
            cue.start_ms,
            "reading-rate",
            f"{_where(index, cue)} asks for {round(wpm)} words a minute; "
            f"aim for at most {round(limits.max_wpm)}.",
        )


def _never_shown(index: int, cue: Cue) -> LintIssue:
    return LintIssue(
        index,
        cue.start_ms,
        "no-duration",
        f"{_where(index, cue)} ends at or before its start, so it is never shown.",
        "error",
    )


def _overlaps(cues: Sequence[Cue]) -> Iterator[LintIssue]:
    """A cue starting before an earlier-starting cue has ended (start order)."""
    order = sorted(range(len(cues)), key=lambda i: cues[i].start_ms)
    latest_end, latest = -1, -1
    for index in order:
        cue = cues[index]
        if cue.duration_ms <= 0:
            continue
        if cue.start_ms < latest_end:
            yield LintIssue(
                index,
                cue.start_ms,
                "overlap",
                f"{_where(index, cue)} starts before caption {latest + 1} ends "
                f"at {format_clock(latest_end)}; overlaps are hard to follow.",
            )
        if cue.end_ms > latest_end:
            latest_end, latest = cue.end_ms, index


def names_speaker(plain: str) -> bool:
    """Whether the text names who talks: "ROSE: hi", ">> Ann Lee: hi", "(Rose) hi"."""
    return bool(_NAMED_LINE.match(plain))


def _unnamed_speakers(cues: Sequence[Cue], gap_ms: int) -> Iterator[LintIssue]:
    """Speaker identification, for tracks that name speakers with voices at all.

    A voiceless cue continues the previous speaker, as in print. A reader cannot
    assume that when the cue is the first speech of the track or follows a pause of
    at least `gap_ms`: such a cue is flagged unless it is a sound ([music]) or its
    text names the speaker ("ROSE: ..."). Tracks with no voices are not checked.
    """
    if not any(cue.voice for cue in cues):
        return
    previous_end: int | None = None
    for index, cue in enumerate(cues):
        quiet = previous_end is None or cue.start_ms - previous_end >= gap_ms
        previous_end = cue.end_ms
        if (
            cue.voice
            or not quiet
            or is_sound_cue(cue.plain)
            or names_speaker(cue.plain)
        ):
            continue
        if not cue.plain.strip():
            continue
        reason = "first words" if index == 0 else "words after a pause"
        yield LintIssue(
            index,
            cue.start_ms,
            "speaker-unidentified",
            f"{_where(index, cue)}: the speaker is not identified for these {reason}; "
            "this track names speakers elsewhere, so mark the voice here too.",
        )


def lint_cues(cues: Sequence[Cue], kind: str, limits: LintLimits) -> list[LintIssue]:
    """Every issue in `cues` for a track of `kind`, by cue then rule."""
    issues: list[LintIssue] = []
    if kind == "metadata":
        return issues
    readable = kind not in ("descriptions", "chapters")
    for index, cue in enumerate(cues):
        if readable:
            issues.extend(_check_lines(index, cue, limits))
            issues.extend(_check_timing(index, cue, limits))
        elif cue.duration_ms <= 0:
            issues.append(_never_shown(index, cue))
    if readable:
        issues.extend(_unnamed_speakers(cues, limits.speaker_gap_ms))
    if kind != "chapters":
        issues.extend(_overlaps(cues))
    issues.sort(key=lambda issue: (issue.cue_index, issue.rule))
    return issues


def lint_track(
    track: Track,
    max_chars_per_line: int = 32,
    max_lines: int = 2,
    max_wpm: float = 180.0,
    min_duration_ms: int = 1000,
    speaker_gap_ms: int = 2000,
) -> list[LintIssue]:
    """Caption quality issues of a track; `max_chars_per_line=42` for adult content."""
    limits = LintLimits(
        max_chars_per_line, max_lines, max_wpm, min_duration_ms, speaker_gap_ms
    )
    return lint_cues(track.cues, track.kind, limits)
