"""The project's own immutable caption types, used by every layer above the loader."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
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
    """One caption, converted once at load time; times are integer milliseconds.

    `plain` is the same string object as `text` when the text has no tags or
    character references, so a plain caption is held once.
    """

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
    _order: list[int] | None = field(init=False, repr=False)
    _max_end: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Start times in order for binary search; `_order` is None when the file
        order is already start order (the usual case), which saves a list."""
        cues = self.cues
        starts = [cue.start_ms for cue in cues]
        order: list[int] | None = None
        in_start_order: Iterable[Cue] = cues
        if any(a > b for a, b in pairwise(starts)):
            order = sorted(range(len(cues)), key=starts.__getitem__)
            starts = [starts[i] for i in order]
            in_start_order = [cues[i] for i in order]
        ends = [cue.end_ms for cue in in_start_order]
        object.__setattr__(self, "_order", order)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_max_end", list(accumulate(ends, max)))

    def __len__(self) -> int:
        return len(self.cues)

    def _index(self, j: int) -> int:
        """The file-order index of the j-th cue in start order."""
        return j if self._order is None else self._order[j]

    def active_indices_at(self, ms: int) -> list[int]:
        """File-order indices of every cue showing at `ms` (start <= ms < end).

        A binary search finds the last cue started; the walk back stops as soon as no
        earlier cue can still be showing, so it is O(log n) plus the overlaps.
        """
        j = bisect_right(self._starts, ms) - 1
        found: list[int] = []
        cues, order, max_end = self.cues, self._order, self._max_end
        while j >= 0 and max_end[j] > ms:
            i = j if order is None else order[j]
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
        return self._index(j) if j >= 0 else -1

    def next_start_after(self, ms: int) -> int | None:
        """Start of the first cue starting strictly after `ms`, for "next caption"."""
        j = bisect_right(self._starts, ms)
        return self._starts[j] if j < len(self._starts) else None
