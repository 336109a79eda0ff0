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
from itertools import pairwise
from typing import Literal, NamedTuple

from captions.cue_store import CueStore
from captions.markup import is_sound_cue
from captions.model import Cue, Track
from captions.timefmt import format_clock

Severity = Literal["warning", "error"]
READER_KINDS = frozenset({"captions", "subtitles"})
_NAMED_LINE = re.compile(
    r"\s*(?:>>\s*|-\s*)?"
    r"(?:[^\W\d_][\w.'’-]*(?:[ \t]+[^\W\d_][\w.'’-]*){0,2}:|\([^()\n]{1,40}\))\s"
)


_MESSAGES = {
    "too-many-lines": "{where} has {0} lines; at most {1} are easy to read.",
    "line-too-long": "{where}: line {0} has {1} characters; the limit is {2}.",
    "too-short": "{where} is on screen for {0:.1f} seconds; give it at least {1:.1f}.",
    "reading-rate": "{where} asks for {0} words a minute; aim for at most {1}.",
    "no-duration": "{where} ends at or before its start, so it is never shown.",
    "overlap": "{where} starts before caption {0} ends at {1}; "
    "overlaps are hard to follow.",
    "speaker-unidentified": "{where}: the speaker is not identified for these {0}; "
    "this track names speakers elsewhere, so mark the voice here too.",
}


class LintIssue(NamedTuple):
    """One problem with one cue, said in plain English with the cue's time.

    The sentence is made when `message` is read: a ten-hour track can have tens of
    thousands of issues, of which a terminal shows a hundred.
    """

    cue_index: int
    start_ms: int
    rule: str
    values: tuple[object, ...] = ()
    severity: Severity = "warning"

    @property
    def message(self) -> str:
        where = f"Caption {self.cue_index + 1} at {format_clock(self.start_ms)}"
        return _MESSAGES[self.rule].format(*self.values, where=where)


@dataclass(frozen=True, slots=True)
class LintLimits:
    max_chars_per_line: int = 32
    max_lines: int = 2
    max_wpm: float = 180.0
    min_duration_ms: int = 1000
    speaker_gap_ms: int = 2000


def visible_length(line: str) -> int:
    """Characters a reader sees: combining and zero-width format marks not counted."""
    if line.isascii():
        return len(line)
    return sum(1 for ch in line if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))


class _Columns(NamedTuple):
    """What the rules read of each cue, column by column (no Cue objects made)."""

    starts: Sequence[int]
    ends: Sequence[int]
    plains: Sequence[str]
    voices: Sequence[str]


def _columns(cues: Sequence[Cue]) -> _Columns:
    if isinstance(cues, CueStore):
        return _Columns(cues.starts, cues.ends, cues.plains(), cues.voices())
    listed = list(cues)
    return _Columns(
        [cue.start_ms for cue in listed],
        [cue.end_ms for cue in listed],
        [cue.plain for cue in listed],
        [cue.voice for cue in listed],
    )


def _check_readable(
    index: int,
    start: int,
    end: int,
    plain: str,
    limits: LintLimits,
    issues: list[LintIssue],
) -> None:
    """The line and timing rules for one cue, appended in rule-name order."""
    max_chars, max_lines = limits.max_chars_per_line, limits.max_lines
    line_count = 0
    if len(plain) > max_chars or not plain.isprintable() or max_lines < 1:
        lines = [line for line in map(str.strip, plain.splitlines()) if line]
        line_count = len(lines)
        for number, line in enumerate(lines, start=1):
            length = len(line) if line.isascii() else visible_length(line)
            if length > max_chars:
                values: tuple[object, ...] = (number, length, max_chars)
                issues.append(LintIssue(index, start, "line-too-long", values))
    duration = end - start
    if duration <= 0:
        issues.append(_never_shown(index, start))
    else:
        words = len(plain.split())
        wpm = words * 60_000 / duration
        if words and wpm > limits.max_wpm:
            values = (round(wpm), round(limits.max_wpm))
            issues.append(LintIssue(index, start, "reading-rate", values))
    if line_count > max_lines:
        values = (line_count, max_lines)
        issues.append(LintIssue(index, start, "too-many-lines", values))
    if 0 < duration < limits.min_duration_ms:
        values = (duration / 1000, limits.min_duration_ms / 1000)
        issues.append(LintIssue(index, start, "too-short", values))


def _never_shown(index: int, start: int) -> LintIssue:
    return LintIssue(index, start, "no-duration", (), "error")


def _overlaps(starts: Sequence[int], ends: Sequence[int]) -> Iterator[LintIssue]:
    """A cue starting before an earlier-starting cue has ended (start order)."""
    in_order = all(a <= b for a, b in pairwise(starts))
    order = (
        range(len(starts))
        if in_order
        else sorted(range(len(starts)), key=starts.__getitem__)
    )
    latest_end, latest = -1, -1
    for index in order:
        start, end = starts[index], ends[index]
        if end <= start:
            continue
        if start < latest_end:
            values = (latest + 1, format_clock(latest_end))
            yield LintIssue(index, start, "overlap", values)
        if end > latest_end:
            latest_end, latest = end, index


def names_speaker(plain: str) -> bool:
    """Whether the text names who talks: "ROSE: hi", ">> Ann Lee: hi", "(Rose) hi"."""
    return bool(_NAMED_LINE.match(plain))


def _unnamed_speakers(columns: _Columns, gap_ms: int) -> Iterator[LintIssue]:
    """Speaker identification, for tracks that name speakers with voices at all.

    A voiceless cue continues the previous speaker, as in print. A reader cannot
    assume that when the cue is the first speech of the track or follows a pause of
    at least `gap_ms`: such a cue is flagged unless it is a sound ([music]) or its
    text names the speaker ("ROSE: ..."). Tracks with no voices are not checked.
    """
    if not any(columns.voices):
        return
    previous_end: int | None = None
    for index, (start, end, plain, voice) in enumerate(zip(*columns, strict=True)):
        quiet = previous_end is None or start - previous_end >= gap_ms
        previous_end = end
        if voice or not quiet or is_sound_cue(plain) or names_speaker(plain):
            continue
        if not plain.strip():
            continue
        reason = "first words" if index == 0 else "words after a pause"
        yield LintIssue(index, start, "speaker-unidentified", (reason,))


def lint_cues(cues: Sequence[Cue], kind: str, limits: LintLimits) -> list[LintIssue]:
    """Every issue in `cues` for a track of `kind`, by cue then rule."""
    issues: list[LintIssue] = []
    if kind == "metadata":
        return issues
    columns = _columns(cues)
    starts, ends = columns.starts, columns.ends
    readable = kind not in ("descriptions", "chapters")
    if readable:
        for index, (start, end, plain) in enumerate(
            zip(starts, ends, columns.plains, strict=True)
        ):
            _check_readable(index, start, end, plain, limits, issues)
    else:
        for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
            if end <= start:
                issues.append(_never_shown(index, start))
    across: list[LintIssue] = []  # rules over several cues
    if readable:
        across.extend(_unnamed_speakers(columns, limits.speaker_gap_ms))
    if kind != "chapters":
        across.extend(_overlaps(starts, ends))
    if across:
        # Fields run cue index, its start, rule: tuple order is by cue, then rule,
        # and each list is nearly in that order, so the sort is little more than a
        # merge.
        issues.extend(across)
        issues.sort()
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
