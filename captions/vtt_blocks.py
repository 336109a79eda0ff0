"""The WebVTT parser: the spec's algorithm in one pass, filling a `CueStore` directly.

It follows W3C WebVTT section 6.1 ("WebVTT parser algorithm", "collect a WebVTT
block") over the file's lines, with 6.3 (cue timings) done by one regular expression
for the common exact form and by the spec's own steps otherwise, so a rejected timing
line can say why. Regions and settings get their `VTTRegion`/`VTTCue` meanings in
captions.settings. Beyond the spec: lines over MAX_LINE_CHARS and cues over
MAX_CUE_LINES are cut, and hours over MAX_HOUR_DIGITS digits are refused, each with a
warning naming the line.
"""

from __future__ import annotations

import re

from captions.convert import plain_text, voice_of
from captions.cue import DEFAULT_SETTINGS, CueSettings
from captions.cue_store import CueStore, CueStoreBuilder
from captions.markup import MAX_TAG_DEPTH, nesting_too_deep
from captions.settings import RegionTable, parse_cue_settings, parse_region_block
from captions.warning_log import WarningLog

MAX_LINE_CHARS = 64 * 1024
MAX_CUE_LINES = 10_000
MAX_HOUR_DIGITS = 10

SIGNATURE_REASON = 'not a WebVTT file: the first line must be "WEBVTT"'
EMPTY_REASON = 'not a WebVTT file: it is empty (the first line must be "WEBVTT")'

_BLANK = "[ \t\f\r]*"  # the spec's ASCII white space; a line holds no LF
_STAMP = "(?:([0-9]{1,10}):)?([0-5][0-9]):([0-5][0-9])[.]([0-9]{3})"
# A match is exactly a timing line the spec accepts; group 9 is the settings text.
_EXACT_TIMING = re.compile(
    f"{_BLANK}{_STAMP}{_BLANK}-->{_BLANK}{_STAMP}(?![0-9])(.*)", re.DOTALL
)
_DIGITS = re.compile("[0-9]*")
# Two-digit minute and second fields in milliseconds: a lookup beats int() per cue.
_MINUTES = {f"{n:02d}": n * 60_000 for n in range(60)}
_SECONDS = {f"{n:02d}": n * 1000 for n in range(60)}
_BAD_TIMING = "is not a valid cue timing line"
_OVER_59 = "has minutes or seconds over 59"
_TOO_LARGE = "has a time too large to play"


def has_signature(first_line: str) -> bool:
    """The spec's signature: "WEBVTT" alone, or followed by a space or a tab."""
    return first_line == "WEBVTT" or (
        first_line.startswith("WEBVTT") and first_line[6] in " \t"
    )


def split_lines(text: str) -> list[str]:
    """The spec's preprocessing: CRLF and CR become LF (form feeds stay in a line)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def cut_long_lines(lines: list[str], log: WarningLog) -> list[str]:
    """Lines cut to MAX_LINE_CHARS, each cut named in a warning."""
    if max(map(len, lines), default=0) <= MAX_LINE_CHARS:
        return lines
    return [cut_line(line, number, log) for number, line in enumerate(lines, 1)]


def cut_line(line: str, number: int, log: WarningLog) -> str:
    """The line, cut to MAX_LINE_CHARS with a warning naming it when longer."""
    if len(line) <= MAX_LINE_CHARS:
        return line
    log.add(
        f"line {number}: {len(line)} characters; cut to {MAX_LINE_CHARS} characters"
    )
    return line[:MAX_LINE_CHARS]


def parse_webvtt(lines: list[str], log: WarningLog) -> CueStore:
    """The cues of a WebVTT file whose signature line was checked; see module doc."""
    parser = _Parser(cut_long_lines(lines, log), log)
    parser.run()
    return parser.cues.finish()


class _Parser:
    """The spec's parser state: position (a line index), seen cue, regions, cues."""

    def __init__(self, lines: list[str], log: WarningLog) -> None:
        self.lines = lines
        self.log = log
        self.cues = CueStoreBuilder()
        self.regions = RegionTable()
        self.seen_cue = False
        self._settings: dict[str, CueSettings] = {}
        self._voices: dict[str, str] = {}

    def run(self) -> None:
        lines, n = self.lines, len(self.lines)
        i = 1
        if i < n and lines[i]:  # the header block, in-header flag set
            while i < n and lines[i] and "-->" not in lines[i]:
                i += 1
        while i < n:
            line = lines[i]
            if not line:
                i += 1
            elif "-->" in line:
                i = self._cue_block(i, i, "")
            elif i + 1 < n and "-->" in lines[i + 1]:
                i = self._cue_block(i + 1, i + 1, line)
            else:
                i = self._collect_block(i)

    def _cue_block(self, i: int, timing_at: int, identifier: str) -> int:
        """A block whose first or second line holds "-->": the spec's steps for it.

        Its text runs to an empty line or a line with "-->"; a block of any other
        shape (NOTE, STYLE, REGION, stray text) takes the general path.
        """
        lines, n = self.lines, len(self.lines)
        end = timing_at + 1
        while end < n and lines[end] and "-->" not in lines[end]:
            end += 1
        timing = self._timing(lines[timing_at], timing_at + 1)
        if timing is not None:
            self.seen_cue = True
            self._add_cue(timing, identifier, lines[timing_at + 1 : end], timing_at + 1)
        return end

    def _collect_block(self, i: int) -> int:
        """Spec "collect a WebVTT block" from line i; returns the next line's index."""
        lines, n = self.lines, len(self.lines)
        line_count, previous = 0, i
        buffer: list[str] = []
        seen_arrow = False
        timing: tuple[int, int, str] | None = None
        timing_line = 0
        identifier = ""
        kind = ""  # "region" or "style" once the block's first line says so
        while i < n:
            line = lines[i]
            i += 1
            line_count += 1
            if "-->" in line:
                if line_count == 1 or (line_count == 2 and not seen_arrow):
                    seen_arrow = True
                    previous = i
                    timing = self._timing(line, i)
                    if timing is not None:
                        identifier = buffer[0] if buffer else ""
                        buffer = []
                        timing_line = i
                        self.seen_cue = True
                else:
                    i = previous
                    break
            elif not line:
                break
            else:
                if line_count == 2 and not self.seen_cue and buffer:
                    kind = _block_kind(buffer[0])
                    if kind:
                        buffer = []
                buffer.append(line)
                previous = i
        if timing is not None:
            self._add_cue(timing, identifier, buffer, timing_line)
        elif kind == "region":
            self.regions.add(parse_region_block("\n".join(buffer)))
        return i

    def _timing(self, line: str, number: int) -> tuple[int, int, str] | None:
        """(start ms, end ms, settings text), or None with a warning naming the line."""
        match = _EXACT_TIMING.match(line)
        if match is not None:
            h1, m1, s1, f1, h2, m2, s2, f2, rest = match.groups()
            start = _MINUTES[m1] + _SECONDS[s1] + int(f1)
            end = _MINUTES[m2] + _SECONDS[s2] + int(f2)
            if h1 is not None:
                start += int(h1) * 3_600_000
            if h2 is not None:
                end += int(h2) * 3_600_000
            return start, end, rest
        problem = timing_line_problem(line) or _BAD_TIMING
        if self.log.full:
            self.log.skip()
        else:
            self.log.add(f"line {number}: {line[:60]!r} {problem}; cue skipped")
        return None

    def _add_cue(
        self, timing: tuple[int, int, str], identifier: str, text: list[str], line: int
    ) -> None:
        start, end, rest = timing
        if len(text) > MAX_CUE_LINES:
            self.log.add(
                f"line {line}: cue has {len(text)} lines of text; "
                f"cut to {MAX_CUE_LINES}"
            )
            del text[MAX_CUE_LINES:]
        raw = "\n".join(text)
        voice = ""
        plain = raw
        if "<" in raw:
            found = voice_of(raw)
            voice = self._voices.setdefault(found, found)
            plain = plain_text(raw)
            if raw.count("<") > MAX_TAG_DEPTH and nesting_too_deep(raw):
                self.log.add(
                    f"line {line}: tags nested too deep; the deepest are shown as text"
                )
        elif "&" in raw:
            plain = plain_text(raw)
        settings = self._settings_of(rest) if rest else DEFAULT_SETTINGS
        self.cues.add(start, end, raw, plain, identifier, voice, settings, line)
        if end <= start:
            self.log.add(f"line {line}: cue ends before it starts; it will never show")

    def _settings_of(self, text: str) -> CueSettings:
        if not text or text.isspace():
            return DEFAULT_SETTINGS
        settings = self._settings.get(text)
        if settings is None:
            settings = parse_cue_settings(text, self.regions)
            self._settings[text] = settings
        return settings


def _block_kind(first_line: str) -> str:
    """ "style" or "region" when a block's first line opens one (then only blanks)."""
    for word in ("STYLE", "REGION"):
        if first_line.startswith(word):
            rest = first_line[len(word) :]
            if not rest.strip(" \t\f\r\n"):
                return word.lower()
    return ""


def timing_line_problem(line: str) -> str:
    """Why the spec's "collect WebVTT cue timings and settings" fails on `line`."""
    pos = _skip_blank(line, 0)
    start = _timestamp(line, pos)
    if isinstance(start, str):
        return start
    pos = _skip_blank(line, start)
    if not line.startswith("-->", pos):
        return _BAD_TIMING
    end = _timestamp(line, _skip_blank(line, pos + 3))
    return end if isinstance(end, str) else ""


def _skip_blank(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in " \t\f\r\n":
        pos += 1
    return pos


def _timestamp(line: str, pos: int) -> int | str:
    """Spec "collect a WebVTT timestamp": the position after it, or the problem."""
    first, pos = _digits(line, pos)
    if not first or not line.startswith(":", pos):
        return _BAD_TIMING
    hours_first = len(first) != 2 or first > "59"
    second, pos = _digits(line, pos + 1)
    if len(second) != 2:
        return _BAD_TIMING
    if hours_first or line.startswith(":", pos):
        if not line.startswith(":", pos):
            return _BAD_TIMING
        third, pos = _digits(line, pos + 1)
        if len(third) != 2:
            return _BAD_TIMING
        hours, minutes, seconds = first, second, third
    else:
        hours, minutes, seconds = "0", first, second
    if not line.startswith(".", pos):
        return _BAD_TIMING
    fraction, pos = _digits(line, pos + 1)
    if len(fraction) != 3:
        return _BAD_TIMING
    if minutes > "59" or seconds > "59":
        return _OVER_59
    if len(hours) > MAX_HOUR_DIGITS:
        return _TOO_LARGE
    return pos


def _digits(line: str, pos: int) -> tuple[str, int]:
    end = _DIGITS.match(line, pos).end()  # type: ignore[union-attr]
    return line[pos:end], end
