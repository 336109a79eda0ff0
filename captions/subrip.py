"""SubRip (.srt) and SubViewer (.sbv) files, read by webvtt-py, checked here.

webvtt-py splits these loose formats well (cues without blank lines between them,
blank lines inside cue text, lenient times such as `0:0:1,5`), so it keeps that job.
It drops a cue whose times it cannot read without a word, and raises more than its
own errors on some garbage; this module finds each timing line itself, warns about
every cue webvtt-py skipped (naming its number and line), and turns any failure into
a CaptionError naming the file.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

from captions.convert import convert_srt_caption
from captions.markup import MAX_TAG_DEPTH, nesting_too_deep
from captions.model import CaptionError, Cue
from captions.vtt_blocks import cut_line, split_lines
from captions.warning_log import WarningLog

# As webvtt-py: hours of at most 10 digits, and no field with more significant
# digits than the largest time could need.
_MAX_MS = 10**10 * 3_600_000 - 1
_MAX_FIELD_DIGITS = 17
_FIELDS = re.compile("[:,.]")
_NEGATIVE = re.compile(r"(?:^|[\s>,])-[ \t]*[0-9]")
_LABELS = {"srt": "SubRip (.srt)", "sbv": "SubViewer (.sbv)"}


@dataclass(frozen=True, slots=True)
class _TimingLine:
    """A line that starts a cue: where, which cue, and its times (or the problem)."""

    line: int
    label: str
    start_ms: int = 0
    end_ms: int = 0
    problem: str = ""


def load_subrip_like(text: str, name: str, fmt: str, log: WarningLog) -> list[Cue]:
    """The cues of an SRT or SBV text; warnings for every cue that could not load."""
    lines = [cut_line(line, n, log) for n, line in enumerate(_lines(text), 1)]
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if first == len(lines):
        log.add("the file is empty; it holds no captions")
        return []
    body = [lines[first].strip(), *lines[first + 1 :]]
    captions = _parse(body, name, fmt)
    if fmt == "srt":
        timings = _srt_timing_lines(lines, first)
    else:
        timings = _sbv_timing_lines(lines, first)
    return _matched_cues(captions, timings, log)


def _lines(text: str) -> list[str]:
    lines = split_lines(text.lstrip("\ufeff"))
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _parse(body: list[str], name: str, fmt: str) -> list[Any]:
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    parse = webvtt.srt.parse if fmt == "srt" else webvtt.sbv.parse
    try:
        return list(parse(body))
    except (MalformedFileError, MalformedCaptionError):
        raise CaptionError(name, f"not a {_LABELS[fmt]} caption file") from None
    except Exception as error:  # webvtt-py on garbage: never a traceback for users
        raise CaptionError(
            name,
            f"could not be read as {_LABELS[fmt]} ({type(error).__name__})",
        ) from None


def _matched_cues(
    captions: list[Any], timings: list[_TimingLine], log: WarningLog
) -> list[Cue]:
    """Cues with their lines; a timing line webvtt-py made no cue of is warned about.

    Both lists are in file order, so each caption is matched to the next timing line
    with its times (found through a table by times, so the pass stays linear); the
    timing lines passed over are the cues webvtt-py skipped.
    """
    by_times: dict[tuple[int, int], deque[int]] = defaultdict(deque)
    for j, expected in enumerate(timings):
        if not expected.problem:
            by_times[expected.start_ms, expected.end_ms].append(j)
    cues: list[Cue] = []
    k = 0
    for caption in captions:
        start = caption.start_time.in_milliseconds()
        end = caption.end_time.in_milliseconds()
        candidates = by_times.get((start, end))
        while candidates and candidates[0] < k:
            candidates.popleft()
        timing: _TimingLine | None = None
        if candidates:
            j = candidates.popleft()
            timing = timings[j]
            for skipped in timings[k:j]:
                _warn_skipped(skipped, log)
            k = j + 1
        cue = convert_srt_caption(caption, timing.line if timing else 0)
        cues.append(cue)
        _check_cue(cue, timing, log)
    for skipped in timings[k:]:
        _warn_skipped(skipped, log)
    return cues


def _check_cue(cue: Cue, timing: _TimingLine | None, log: WarningLog) -> None:
    backwards = cue.end_ms <= cue.start_ms
    too_deep = cue.text.count("<") > MAX_TAG_DEPTH and nesting_too_deep(cue.text)
    if not (backwards or too_deep):
        return
    where = f"line {timing.line} ({timing.label})" if timing else "a cue"
    if backwards:
        log.add(f"{where}: cue ends before it starts; it will never show")
    if too_deep:
        log.add(f"{where}: tags nested too deep; the deepest are shown as text")


def _warn_skipped(timing: _TimingLine, log: WarningLog) -> None:
    if log.full:
        log.skip()
        return
    problem = timing.problem or "has no text"
    log.add(f"line {timing.line} ({timing.label}): {problem}; cue skipped")


def _srt_timing_lines(lines: list[str], first: int) -> list[_TimingLine]:
    """Lines with "-->" that start a cue as webvtt-py reads SRT: after a cue number,
    or after a blank line (where webvtt-py asks for a number and skips the cue)."""
    from webvtt.srt import SRTCueBlock

    pattern = SRTCueBlock.CUE_TIMINGS_PATTERN
    found: list[_TimingLine] = []
    for index in range(first, len(lines)):
        line = lines[index]
        if "-->" not in line:
            continue
        number = _cue_number_before(lines, index, first)
        if number is None:
            continue
        label = f"cue {number}" if number else f"cue {len(found) + 1}"
        match = pattern.match(line)
        if not number:
            found.append(_TimingLine(index + 1, label, problem="has no cue number"))
        elif match is None:
            found.append(_TimingLine(index + 1, label, problem=_unreadable(line)))
        else:
            found.append(_timed(index + 1, label, match.group(1), match.group(2)))
    return found


def _cue_number_before(lines: list[str], index: int, first: int) -> str | None:
    """The cue number before a timing line; "" when only blank lines are; None when
    text is (webvtt-py then reads the line as text of the cue before)."""
    before = lines[index - 1].strip() if index > first else ""
    if before.isdigit():
        return before
    if before:
        return None
    j = index - 1
    while j >= first and not lines[j].strip():
        j -= 1
    lone_number = j == first or (j > first and not lines[j - 1].strip())
    if j >= first and lines[j].strip().isdigit() and lone_number:
        return lines[j].strip()
    return ""


def _sbv_timing_lines(lines: list[str], first: int) -> list[_TimingLine]:
    """The first line of every block, which SBV makes the cue's timing line."""
    from webvtt.sbv import SBVCueBlock

    pattern = SBVCueBlock.CUE_TIMINGS_PATTERN
    found: list[_TimingLine] = []
    for index in range(first, len(lines)):
        line = lines[index]
        if not line.strip() or (index > first and lines[index - 1].strip()):
            continue
        label = f"cue {len(found) + 1}"
        match = pattern.match(line)
        if match is None:
            problem = _unreadable(line) if "," in line else "is not a timing line"
            found.append(_TimingLine(index + 1, label, problem=problem))
        elif index + 1 >= len(lines) or not lines[index + 1].strip():
            found.append(_TimingLine(index + 1, label, problem="has no text"))
        else:
            found.append(_timed(index + 1, label, match.group(1), match.group(2)))
    return found


def _unreadable(line: str) -> str:
    shown = repr(line.strip()[:60])
    if _NEGATIVE.search(line):
        return f"has a negative time ({shown})"
    return f"has times that cannot be read ({shown})"


def _timed(line: int, label: str, start: str, end: str) -> _TimingLine:
    start_ms, end_ms = _milliseconds(start), _milliseconds(end)
    if start_ms is None or end_ms is None:
        return _TimingLine(line, label, problem="has a time too large to play")
    return _TimingLine(line, label, start_ms, end_ms)


def _milliseconds(value: str) -> int | None:
    """An SRT/SBV time as webvtt-py reads it (fields carry over); None past range."""
    fields = _FIELDS.split(value)
    too_long = len(value) > _MAX_FIELD_DIGITS  # only then can a field be too long
    if too_long and any(len(f.lstrip("0")) > _MAX_FIELD_DIGITS for f in fields):
        return None
    hours, minutes, seconds, millis = map(int, fields)
    total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
    return total if total <= _MAX_MS else None
