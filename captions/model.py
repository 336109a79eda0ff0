"""The project's own immutable caption types, used by every layer above the loader."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Literal

from captions.cue import DEFAULT_SETTINGS, Cue, CueSettings, Region
from captions.cue_store import CueStore

__all__ = [
    "DEFAULT_SETTINGS",
    "TRACK_KINDS",
    "CaptionError",
    "Cue",
    "CueSettings",
    "Region",
    "Track",
    "TrackKind",
    "kind_from_file_name",
]

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


@dataclass(frozen=True, eq=False)
class Track:
    """A loaded track: cues in file order plus what the loader had to warn about.

    `cues` may be given as any sequence of `Cue`; it is kept packed as a `CueStore`
    (captions.cue_store), which reads like a tuple and makes each `Cue` on access.
    """

    cues: Sequence[Cue]
    kind: str = "captions"
    language: str = ""
    label: str = ""
    source: str = ""
    warnings: tuple[str, ...] = ()
    _starts: array[int] = field(init=False, repr=False)
    _order: array[int] | None = field(init=False, repr=False)
    _max_end: array[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Start times in order for binary search; `_order` is None when the file
        order is already start order (the usual case), which saves a column."""
        store = CueStore.build(self.cues)
        object.__setattr__(self, "cues", store)
        starts, ends = store.starts, store.ends
        order: array[int] | None = None
        if any(a > b for a, b in pairwise(starts)):
            order = array("q", sorted(range(len(starts)), key=starts.__getitem__))
            starts = array("q", [starts[i] for i in order])
            ends = array("q", [ends[i] for i in order])
        object.__setattr__(self, "_order", order)
        object.__setattr__(self, "_starts", starts)
        object.__setattr__(self, "_max_end", array("q", accumulate(ends, max)))

    @property
    def store(self) -> CueStore:
        """The cues as columns, for passes over the whole track."""
        cues = self.cues
        assert isinstance(cues, CueStore)
        return cues

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
        ends, order, max_end = self.store.ends, self._order, self._max_end
        while j >= 0 and max_end[j] > ms:
            i = j if order is None else order[j]
            if ends[i] > ms:
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
