"""The WebVTT block rules webvtt-py applies loosely, applied exactly before it parses.

This walks the lines the way the spec's "collect a WebVTT block" does, so that a cue
block whose timing line the spec rejects is removed whole (webvtt-py would accept
some of them, and would let their arrows hide later REGION blocks), and so that every
kept cue knows the line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

MAX_LINE_CHARS = 64 * 1024
MAX_CUE_LINES = 10_000
MAX_HOUR_DIGITS = 10

SIGNATURE_REASON = 'not a WebVTT file: the first line must be "WEBVTT"'

_WS = "[ \t\f\n\r]*"
_TIMESTAMP = r"(?:(\d+):)?(\d{2}):(\d{2})\.\d{3}"
_TIMING_LINE = re.compile(f"{_WS}{_TIMESTAMP}{_WS}-->{_WS}{_TIMESTAMP}(?!\\d)")
# The same grammar with the range checks folded in: one match says "valid".
_EXACT_TIMESTAMP = r"(?:\d{1,10}:)?[0-5]\d:[0-5]\d\.\d{3}"
_VALID_TIMING_LINE = re.compile(
    f"{_WS}{_EXACT_TIMESTAMP}{_WS}-->{_WS}{_EXACT_TIMESTAMP}(?!\\d)"
)


def has_signature(lines: list[str]) -> bool:
    """The spec's signature: "WEBVTT" alone, or followed by a space or a tab."""
    if not lines:
        return False
    first = lines[0]
    return first == "WEBVTT" or (first.startswith("WEBVTT") and first[6] in " \t")


def timing_line_problem(line: str) -> str:
    """Why the spec's "collect WebVTT cue timings and settings" fails, or ""."""
    if _VALID_TIMING_LINE.match(line):
        return ""
    match = _TIMING_LINE.match(line)
    if match is None:
        return "is not a valid cue timing line"
    hours_a, min_a, sec_a, hours_b, min_b, sec_b = match.groups()
    if any(int(v) > 59 for v in (min_a, sec_a, min_b, sec_b)):
        return "has minutes or seconds over 59"
    if any(h is not None and len(h) > MAX_HOUR_DIGITS for h in (hours_a, hours_b)):
        return "has a time too large to play"
    return ""


@dataclass
class ScreenedLines:
    lines: list[str]
    cue_line_numbers: list[int] = field(default_factory=list)


def screen_vtt_lines(lines: list[str], warnings: list[str]) -> ScreenedLines:
    """Drop cue blocks the spec rejects, cut over-long lines and cues; warn of each."""
    if max(map(len, lines), default=0) > MAX_LINE_CHARS:
        lines = [cut_line(line, i + 1, warnings) for i, line in enumerate(lines)]
    # Every line holding "-->" after the signature is read as a cue timing line.
    arrows = [i for i, line in enumerate(lines) if "-->" in line and i]
    valid = _VALID_TIMING_LINE.match
    if all(valid(lines[i]) for i in arrows) and _cues_short(arrows, len(lines)):
        return ScreenedLines(lines, [i + 1 for i in arrows])  # webvtt-py reads it right
    out: list[str] = [lines[0]]
    result = ScreenedLines(out)
    i = _copy_header(lines, out)
    n = len(lines)
    while i < n:
        if lines[i] == "":
            out.append("")
            i += 1
            continue
        end, timing_at = _block_extent(lines, i)
        _keep_or_drop_block(lines, i, end, timing_at, result, warnings)
        i = end
    return result


def _cues_short(arrows: list[int], line_count: int) -> bool:
    """No cue can hold more than MAX_CUE_LINES lines of text (arrows bound each cue)."""
    bounds = [*arrows, line_count]
    return all(b - a - 1 <= MAX_CUE_LINES for a, b in pairwise(bounds))


def _copy_header(lines: list[str], out: list[str]) -> int:
    """Copy the header block (up to an empty line or an arrow); return what follows."""
    i = 1
    while i < len(lines) and lines[i] != "" and "-->" not in lines[i]:
        i += 1
    out.extend(lines[1:i])
    return i


def _block_extent(lines: list[str], start: int) -> tuple[int, int]:
    """End of the block starting at `start`, and its timing line's index (or -1)."""
    i, count, timing_at, n = start, 0, -1, len(lines)
    while i < n:
        line = lines[i]
        count += 1
        if "-->" in line:
            if count == 1 or (count == 2 and timing_at < 0):
                timing_at = i
            else:
                break
        elif line == "":
            break
        i += 1
    return i, timing_at


def _keep_or_drop_block(
    lines: list[str],
    start: int,
    end: int,
    timing_at: int,
    result: ScreenedLines,
    warnings: list[str],
) -> None:
    out = result.lines
    if timing_at >= 0:
        problem = timing_line_problem(lines[timing_at])
        if problem:
            shown = lines[timing_at][:60]
            warnings.append(f"line {timing_at + 1}: {shown!r} {problem}; cue skipped")
            out.append("")
            return
        result.cue_line_numbers.append(timing_at + 1)
        if end - timing_at - 1 > MAX_CUE_LINES:
            warnings.append(
                f"line {timing_at + 1}: cue has {end - timing_at - 1} lines of text; "
                f"cut to {MAX_CUE_LINES}"
            )
            end = timing_at + 1 + MAX_CUE_LINES
    out.extend(lines[start:end])


def cut_line(line: str, number: int, warnings: list[str]) -> str:
    """The line, cut to MAX_LINE_CHARS with a warning naming it when longer."""
    if len(line) <= MAX_LINE_CHARS:
        return line
    warnings.append(
        f"line {number}: {len(line)} characters; cut to {MAX_LINE_CHARS} characters"
    )
    return line[:MAX_LINE_CHARS]
