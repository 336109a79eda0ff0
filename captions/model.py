"""The project's own immutable caption types, used by every layer above the loader."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

TrackKind = Literal["captions", "subtitles", "descriptions", "chapters", "metadata"]
TRACK_KINDS: tuple[str, ...] = (
    "captions",
    "subtitles",
    "descriptions",
    "chapters",
    "metadata",
)

_KIND_WORDS = {
    "captions": "captions",
    "subtitles": "subtitles",
    "description": "descriptions",
    "descriptions": "descriptions",
    "chapters": "chapters",
    "meta": "metadata",
    "metadata": "metadata",
}


def kind_from_file_name(name: str) -> str:
    """The track kind a file name suggests ("talk.chapters.vtt", "x_meta.vtt")."""
    words = re.split(r"[._\-\s]+", Path(name).name.lower())
    for word in words:
        if word in _KIND_WORDS:
            return _KIND_WORDS[word]
    return "captions"


class CaptionError(Exception):
    """A caption file that cannot be read at all: names the file and the reason."""

    def __init__(self, path: str | Path | None, reason: str) -> None:
        self.path = str(path) if path is not None else None
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path else reason)


@dataclass(frozen=True, slots=True)
class Region:
    """A WebVTT region, with the `VTTRegion` meanings (percentages as floats)."""

    id: str = ""
    width: float = 100.0
    lines: int = 3
    region_anchor_x: float = 0.0
    region_anchor_y: float = 100.0
    viewport_anchor_x: float = 0.0
    viewport_anchor_y: float = 100.0
    scroll: str = ""


@dataclass(frozen=True, slots=True)
class CueSettings:
    """Cue settings with the `VTTCue` meanings; `None` stands for "auto"."""

    vertical: str = ""
    snap_to_lines: bool = True
    line: float | None = None
    line_align: str = "start"
    position: float | None = None
    position_align: str = "auto"
    size: float = 100.0
    align: str = "center"
    region: Region | None = None


DEFAULT_SETTINGS = CueSettings()


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption, converted once from webvtt-py; times are integer milliseconds."""

    start_ms: int
    end_ms: int
    text: str
    plain: str
    identifier: str = ""
    voice: str = ""
    settings: CueSettings = DEFAULT_SETTINGS
    line_number: int = 0

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True, eq=False)
class Track:
    """A loaded track: cues in file order plus what the loader had to warn about."""

    cues: tuple[Cue, ...]
    kind: str = "captions"
    language: str = ""
    label: str = ""
    source: str = ""
    warnings: tuple[str, ...] = ()
    _starts: list[int] = field(init=False, repr=False)
    _order: list[int] = field(init=False, repr=False)
    _max_end: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        order = sorted(range(len(self.cues)), key=lambda i: self.cues[i].start_ms)
        starts = [self.cues[i].start_ms for i in order]
        max_end: list[int] = []
        running = -1
        for i in order:
            running = max(running, self.cues[i].end_ms)
            max_end.append(running)
        object.__setattr__(self, "_order", order)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_max_end", max_end)

    def __len__(self) -> int:
        return len(self.cues)

    def active_indices_at(self, ms: int) -> list[int]:
        """File-order indices of every cue showing at `ms` (start <= ms < end).

        A binary search finds the last cue started; the walk back stops as soon as no
        earlier cue can still be showing, so it is O(log n) plus the overlaps.
        """
        j = bisect_right(self._starts, ms) - 1
        found: list[int] = []
        cues, order, max_end = self.cues, self._order, self._max_end
        while j >= 0 and max_end[j] > ms:
            i = order[j]
            if cues[i].end_ms > ms:
                found.append(i)
            j -= 1
        found.reverse()
        return found

    def active_at(self, ms: int) -> list[Cue]:
        """Every cue showing at `ms`, overlaps included, earliest start first."""
        return [self.cues[i] for i in self.active_indices_at(ms)]

    def index_at_or_before(self, ms: int) -> int:
        """File-order index of the latest cue starting at or before `ms`, else -1."""
        j = bisect_right(self._starts, ms) - 1
        return self._order[j] if j >= 0 else -1

    def next_start_after(self, ms: int) -> int | None:
        """Start of the first cue starting strictly after `ms`, for "next caption"."""
        j = bisect_right(self._starts, ms)
        return self._starts[j] if j < len(self._starts) else None
