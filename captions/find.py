"""Find in transcript: incremental, case- and accent-insensitive matching over cues.

The folded cue texts are joined once into one string, so each keystroke costs a single
regular-expression scan in C, whatever the number of cues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from captions.fold import fold, fold_with_map, original_span
from captions.model import Track

_WHITESPACE = re.compile(r"\s")
# Cue texts are joined with a character that no query pattern can match.
_CUE_SEPARATOR = "\n"


class Match(NamedTuple):
    """One match: the cue's file-order index and the span in that cue's plain text."""

    cue_index: int
    start: int
    end: int


def query_pattern(query: str) -> re.Pattern[str] | None:
    """The folded pattern for `query` (words match across any run of spaces), or None."""
    words = fold(query).split()
    if not words:
        return None
    return re.compile(" +".join(map(re.escape, words)))


class TrackFinder:
    """Folds a track's plain texts once so each `find` is fast enough per keystroke."""

    def __init__(self, plains: Sequence[str]) -> None:
        self._plains = list(plains)
        folded_texts: list[str] = []
        self._offsets: list[list[int] | None] = []
        for plain in self._plains:
            if plain.isascii():
                folded, offsets = plain.lower(), None
            else:
                folded, offsets = fold_with_map(plain)
            folded_texts.append(_WHITESPACE.sub(" ", folded))
            self._offsets.append(offsets)
        self._starts: list[int] = []
        position = 0
        for folded in folded_texts:
            self._starts.append(position)
            position += len(folded) + len(_CUE_SEPARATOR)
        self._haystack = _CUE_SEPARATOR.join(folded_texts)
        self._last_query: str | None = None
        self._last_matches: list[Match] = []

    def __len__(self) -> int:
        return len(self._plains)

    def find(self, query: str) -> list[Match]:
        """Every non-overlapping match of `query`, in cue order; [] for a blank query."""
        if query == self._last_query:
            return list(self._last_matches)
        pattern = query_pattern(query)
        matches = [] if pattern is None else self._scan(pattern)
        self._last_query, self._last_matches = query, matches
        return list(matches)

    def _scan(self, pattern: re.Pattern[str]) -> list[Match]:
        starts, offsets, plains = self._starts, self._offsets, self._plains
        last_cue = len(starts) - 1
        cue = 0
        next_start = starts[1] if last_cue >= 1 else len(self._haystack) + 1
        matches: list[Match] = []
        for found in pattern.finditer(self._haystack):
            begin, finish = found.span()
            if begin >= next_start:
                while cue < last_cue and starts[cue + 1] <= begin:
                    cue += 1
                next_start = (
                    starts[cue + 1] if cue < last_cue else len(self._haystack) + 1
                )
            base = starts[cue]
            cue_offsets = offsets[cue]
            if cue_offsets is None:
                matches.append(Match(cue, begin - base, finish - base))
            else:
                start, end = original_span(
                    cue_offsets, begin - base, finish - base, len(plains[cue])
                )
                matches.append(Match(cue, start, end))
        return matches


def find_in_cues(plains: Sequence[str], query: str) -> list[Match]:
    """One-off find over plain cue texts (build a `TrackFinder` to search repeatedly)."""
    return TrackFinder(plains).find(query)


def find_in_track(track_or_texts: Track | Sequence[str], query: str) -> list[Match]:
    """One-off find over a track's cues (their plain text) or over plain texts."""
    if isinstance(track_or_texts, Track):
        return find_in_cues([cue.plain for cue in track_or_texts.cues], query)
    return find_in_cues(track_or_texts, query)
