"""Find in transcript: incremental, case- and accent-insensitive matching over cues.

The folded cue texts are joined once into one string. A keystroke then costs one scan
of it in C; the matches are kept as positions and become `Match` objects only when
read, so even a one-letter query over a 10-hour transcript answers within a frame.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, chain, islice, repeat
from operator import add
from typing import NamedTuple, overload

from captions.fold import fold, fold_with_map, original_span
from captions.model import Track

_WHITESPACE = re.compile(r"\s")
# Cue texts are joined with a character that no query can match.
_CUE_SEPARATOR = "\n"


class Match(NamedTuple):
    """One match: the cue's file-order index and the span in that cue's plain text."""

    cue_index: int
    start: int
    end: int


def query_words(query: str) -> list[str]:
    """The folded words of `query`; matches allow any run of spaces between them."""
    return fold(query).split()


class _FoldedTrack(NamedTuple):
    haystack: str
    starts: list[int]  # where each cue begins in the haystack
    offsets: list[list[int] | None]  # folded -> original index; None: the same
    lengths: list[int]  # each plain text's length


class Matches(Sequence[Match]):
    """The matches of one query, in cue order, made into `Match` objects on demand."""

    def __init__(self, track: _FoldedTrack, begins: list[int], ends: list[int]) -> None:
        self._track = track
        self._begins = begins
        self._ends = ends

    def __len__(self) -> int:
        return len(self._begins)

    @overload
    def __getitem__(self, index: int) -> Match: ...

    @overload
    def __getitem__(self, index: slice) -> list[Match]: ...

    def __getitem__(self, index: int | slice) -> Match | list[Match]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        begin, end = self._begins[index], self._ends[index]
        track = self._track
        cue = bisect_right(track.starts, begin) - 1
        base = track.starts[cue]
        offsets = track.offsets[cue]
        if offsets is None:
            return Match(cue, begin - base, end - base)
        start, stop = original_span(offsets, begin - base, end - base, track.lengths[cue])
        return Match(cue, start, stop)

    def __iter__(self) -> Iterator[Match]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Matches({list(self)!r})"


class TrackFinder:
    """Folds a track's plain texts once so each `find` is fast enough per keystroke."""

    def __init__(self, plains: Sequence[str]) -> None:
        folded_texts: list[str] = []
        offsets: list[list[int] | None] = []
        for plain in plains:
            if plain.isascii():
                folded_texts.append(_WHITESPACE.sub(" ", plain.lower()))
                offsets.append(None)
            else:
                folded, mapping = fold_with_map(plain)
                folded_texts.append(_WHITESPACE.sub(" ", folded))
                offsets.append(mapping)
        steps = (len(text) + len(_CUE_SEPARATOR) for text in folded_texts)
        starts = list(accumulate(chain([0], steps)))[: len(folded_texts)]
        self._track = _FoldedTrack(
            _CUE_SEPARATOR.join(folded_texts),
            starts,
            offsets,
            [len(plain) for plain in plains],
        )
        self._last: tuple[str, Matches] | None = None

    def __len__(self) -> int:
        return len(self._track.starts)

    def find(self, query: str) -> Matches:
        """Every non-overlapping match of `query` in cue order; none for a blank query."""
        if self._last is not None and self._last[0] == query:
            return self._last[1]
        words = query_words(query)
        if not words:
            matches = Matches(self._track, [], [])
        elif len(words) == 1:
            matches = self._find_word(words[0])
        else:
            matches = self._find_words(words)
        self._last = (query, matches)
        return matches

    def _find_word(self, word: str) -> Matches:
        """All places of one word, computed by C loops (split, accumulate, map)."""
        pieces = self._track.haystack.split(word)
        count = len(pieces) - 1
        if count == 0:
            return Matches(self._track, [], [])
        gaps = map(add, map(len, islice(pieces, 1, count)), repeat(len(word)))
        begins = list(accumulate(chain([len(pieces[0])], gaps)))
        ends = list(map(add, begins, repeat(len(word))))
        return Matches(self._track, begins, ends)

    def _find_words(self, words: list[str]) -> Matches:
        pattern = re.compile(" +".join(map(re.escape, words)))
        spans = [found.span() for found in pattern.finditer(self._track.haystack)]
        return Matches(self._track, [s for s, _ in spans], [e for _, e in spans])


def find_in_cues(plains: Sequence[str], query: str) -> list[Match]:
    """One-off find over plain cue texts (a `TrackFinder` serves repeated finds)."""
    return list(TrackFinder(plains).find(query))


def find_in_track(track_or_texts: Track | Sequence[str], query: str) -> list[Match]:
    """One-off find over a track's cues (their plain text) or over plain texts."""
    if isinstance(track_or_texts, Track):
        return find_in_cues([cue.plain for cue in track_or_texts.cues], query)
    return find_in_cues(track_or_texts, query)
