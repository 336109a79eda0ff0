"""The one place where milliseconds become text for people, screen readers and files."""

from __future__ import annotations

import re

_TIMESTAMP = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.(\d{1,3}))?")


def format_clock(ms: int) -> str:
    """Short clock time for people: "1:05", "1:02:03"."""
    sign = "-" if ms < 0 else ""
    total = abs(ms) // 1000
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes}:{seconds:02d}"


def _unit(n: int, name: str) -> str:
    return f"{n} {name}" if n == 1 else f"{n} {name}s"


def format_spoken(ms: int) -> str:
    """Time as a screen reader should say it: "1 minute 5 seconds"."""
    total = max(ms, 0) // 1000
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(_unit(hours, "hour"))
    if minutes:
        parts.append(_unit(minutes, "minute"))
    if seconds or not parts:
        parts.append(_unit(seconds, "second"))
    return " ".join(parts)


def format_vtt(ms: int) -> str:
    """A WebVTT timestamp, "00:01:05.250"."""
    hours, rest = divmod(max(ms, 0), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def format_srt(ms: int) -> str:
    """An SRT timestamp, "00:01:05,250"."""
    return format_vtt(ms).replace(".", ",")


def parse_time(text: str) -> int:
    """Milliseconds from "00:00:41.000", "1:05", "0:45.5" or plain seconds "45".

    Raises ValueError with the text when it is none of those.
    """
    value = text.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        if seconds < 0 or seconds != seconds or seconds == float("inf"):
            raise ValueError(f"not a time: {text!r}")
        return round(seconds * 1000)
    match = _TIMESTAMP.fullmatch(value)
    if not match:
        raise ValueError(f"not a time: {text!r}")
    hours, minutes, seconds_s, frac = match.groups()
    if int(seconds_s) > 59 or (hours is not None and int(minutes) > 59):
        raise ValueError(f"not a time: {text!r}")
    millis = int((frac or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds_s)) * 1000 + millis
