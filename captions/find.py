"""Find in transcript: incremental, case- and accent-insensitive matching over cues.

The folded cue texts are joined once into one string. A keystroke then costs a scan
of it in C; the matches are kept as positions and become `Match` objects only when
read, so even a one-letter query over a 10-hour transcript answers quickly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import partial
from itertools import accumulate, chain, islice, repeat
from operator import add, sub
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
    """The matches of one query, in cue order, made into `Match` objects on demand.

    For a one-word query only the count is taken up front (one C call); the match
    positions are worked out on first access, and `at_or_after` finds the match to
    jump to without them.
    """

    def __init__(
        self,
        track: _FoldedTrack,
        word: str = "",
        spans: tuple[list[int], list[int]] | None = None,
    ) -> None:
        self._track = track
        self._word = word
        self._spans = spans
        self._count = len(spans[0]) if spans is not None else track.haystack.count(word)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Match: ...

    @overload
    def __getitem__(self, index: slice) -> list[Match]: ...

    def __getitem__(self, index: int | slice) -> Match | list[Match]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        begins, ends = self._positions()
        return self._match(begins[index], ends[index])

    def __iter__(self) -> Iterator[Match]:
        track = self._track
        starts, offsets, lengths = track.starts, track.offsets, track.lengths
        cue, next_start, beyond = -1, -1, len(track.haystack) + 1
        for begin, end in zip(*self._positions(), strict=True):
            if begin >= next_start:
                cue = bisect_right(starts, begin) - 1
                next_start = starts[cue + 1] if cue + 1 < len(starts) else beyond
            base, mapping = starts[cue], offsets[cue]
            if mapping is None:
                yield Match(cue, begin - base, end - base)
            else:
                span = original_span(mapping, begin - base, end - base, lengths[cue])
                yield Match(cue, *span)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Matches({list(self)!r})"

    def at_or_after(self, cue_index: int) -> tuple[int, Match] | None:
        """(number, match) of the first match in cue `cue_index` or later, if any."""
        starts = self._track.starts
        if not 0 <= cue_index < len(starts) or not self._count:
            return None
        if self._spans is None:
            haystack, word = self._track.haystack, self._word
            begin = haystack.find(word, starts[cue_index])
            if begin < 0:
                return None
            return haystack.count(word, 0, begin), self._match(begin, begin + len(word))
        number = bisect_left(self._spans[0], starts[cue_index])
        return (number, self[number]) if number < self._count else None

    def cue_indices(self) -> list[int]:
        """The cue index of every match, in order (for marking rows that match)."""
        begins = self._positions()[0]
        cue_at = partial(bisect_right, self._track.starts)
        return list(map(sub, map(cue_at, begins), repeat(1)))

    def _positions(self) -> tuple[list[int], list[int]]:
        """Begin and end of every match in the haystack, computed by C loops."""
        if self._spans is None and not self._count:
            self._spans = ([], [])
        if self._spans is None:
            word = self._word
            pieces = self._track.haystack.split(word)
            gaps = map(add, map(len, islice(pieces, 1, self._count)), repeat(len(word)))
            begins = list(accumulate(chain([len(pieces[0])], gaps)))
            self._spans = (begins, list(map(add, begins, repeat(len(word)))))
        return self._spans

    def _match(self, begin: int, end: int) -> Match:
        track = self._track
        cue = bisect_right(track.starts, begin) - 1
        base = track.starts[cue]
        offsets = track.offsets[cue]
        if offsets is None:
            return Match(cue, begin - base, end - base)
        start, stop = original_span(
            offsets, begin - base, end - base, track.lengths[cue]
        )
        return Match(cue, start, stop)


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

    def find(self, query: str) -> list[Match]:
        """Every non-overlapping match of `query`, in cue order (none if blank).

        A one-letter query can match a hundred thousand times in a long transcript;
        `matches` answers such keystrokes faster by making `Match` objects lazily.
        """
        return list(self.matches(query))

    def matches(self, query: str) -> Matches:
        """The matches of `query` as a lazy sequence (same content as `find`)."""
        if self._last is not None and self._last[0] == query:
            return self._last[1]
        words = query_words(query)
        if not words:
            matches = Matches(self._track, spans=([], []))
        elif len(words) == 1:
            matches = Matches(self._track, word=words[0])
        else:
            matches = self._find_words(words)
        self._last = (query, matches)
        return matches

    def _find_words(self, words: list[str]) -> Matches:
        pattern = re.compile(" +".join(map(re.escape, words)))
        spans = [found.span() for found in pattern.finditer(self._track.haystack)]
        return Matches(
            self._track, spans=([s for s, _ in spans], [e for _, e in spans])
        )


def find_in_cues(plains: Sequence[str], query: str) -> list[Match]:
    """One-off find over plain cue texts (a `TrackFinder` serves repeated finds)."""
    return TrackFinder(plains).find(query)


def find_in_track(track_or_texts: Track | Sequence[str], query: str) -> list[Match]:
    """One-off find over a track's cues (their plain text) or over plain texts."""
    if isinstance(track_or_texts, Track):
        return find_in_cues(track_or_texts.store.plains(), query)
    return find_in_cues(track_or_texts, query)
