"""The storytelling seal (design.md 4.2): what it covers, and finding the sealed cues.

Pure: the manifest side (media/storytelling.py) and the exports both use it, so an
export can refuse an altered story without knowing about manifests.

A track's seal covers its story cues in time order, one line per cue,
`voice + "\\t" + plain text with white space folded`; the segment's own seal covers
its title, speaker, attribution and stand-in flag. A seal value is
`sha256:<hex of the whole text> cues:<one 12-hex digest per cue, "." between>`
(`fields:` for the segment's own seal): the full hash decides, the short digests
only let `check` say which cue or field changed.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from captions.model import Cue

EDGE_TOLERANCE_MS = 2000
STRETCH_TOLERANCE_DIVISOR = 20  # plus 5 % of the edge's time: a frame-rate change
CUE_WORDS_DIGITS, CUE_VOICE_DIGITS, FIELD_DIGITS = 8, 4, 8
SEALED_KINDS = ("captions", "subtitles")
FIELD_NAMES = ("title", "speaker", "attribution", "stand_in")
_SEAL_VALUE = re.compile(r"sha256:([0-9a-f]{64})(?: (cues|fields):([0-9a-f.]*))?")
MAX_CANDIDATE_RUNS = 400


def fold_spaces(text: str) -> str:
    """Runs of white space (newlines included) become one space; ends are stripped."""
    return " ".join(text.split())


def text_digest(text: str) -> str:
    """The sha256 hex digest of UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cue_line(cue: Cue) -> str:
    """The sealed line of one cue: its voice, a tab, its words with spaces folded."""
    return f"{cue.voice}\t{fold_spaces(cue.plain)}"


def cue_digest(cue: Cue) -> str:
    """12 hex digits: 8 for the cue's words, 4 for its voice."""
    words = text_digest(fold_spaces(cue.plain))[:CUE_WORDS_DIGITS]
    return words + text_digest(cue.voice)[:CUE_VOICE_DIGITS]


def time_order(cues: Sequence[Cue]) -> list[int]:
    """File-order indices sorted as the screen shows them: by start, then end."""
    return sorted(range(len(cues)), key=lambda i: (cues[i].start_ms, cues[i].end_ms, i))


def story_indices(cues: Sequence[Cue], start_ms: int, end_ms: int) -> list[int]:
    """The cues starting in [start, end), in time order: what `seal` seals."""
    return [i for i in time_order(cues) if start_ms <= cues[i].start_ms < end_ms]


def seal_text(cues: Sequence[Cue], indices: Sequence[int]) -> str:
    return "".join(cue_line(cues[i]) + "\n" for i in indices)


def track_seal(cues: Sequence[Cue], indices: Sequence[int]) -> str:
    """The seal value of these cues (in the order given: time order)."""
    digests = ".".join(cue_digest(cues[i]) for i in indices)
    return f"sha256:{text_digest(seal_text(cues, indices))} cues:{digests}"


def legacy_checksum(cues: Sequence[Cue], start_ms: int, end_ms: int) -> str:
    """The old single `checksum`: the cues starting inside, in file order."""
    inside = [i for i, c in enumerate(cues) if start_ms <= c.start_ms < end_ms]
    return "sha256:" + text_digest(seal_text(cues, inside))


def field_values(
    title: str, speaker: str, attribution: str, stand_in: bool
) -> tuple[str, ...]:
    flag = "true" if stand_in else "false"
    return (fold_spaces(title), fold_spaces(speaker), fold_spaces(attribution), flag)


def fields_seal(title: str, speaker: str, attribution: str, stand_in: bool) -> str:
    """The segment's own seal: title, speaker, attribution and stand-in flag."""
    values = field_values(title, speaker, attribution, stand_in)
    text = "".join(f"{n}\t{v}\n" for n, v in zip(FIELD_NAMES, values, strict=True))
    digests = ".".join(text_digest(value)[:FIELD_DIGITS] for value in values)
    return f"sha256:{text_digest(text)} fields:{digests}"


@dataclass(frozen=True, slots=True)
class SealValue:
    """A parsed seal: the deciding digest, and the per-cue or per-field digests."""

    digest: str
    parts: tuple[str, ...] | None


def parse_seal(value: str, label: str = "cues") -> SealValue | None:
    """The parts of `sha256:<hex> <label>:<d>.<d>`; None when it is not a seal."""
    match = _SEAL_VALUE.fullmatch(value.strip())
    if match is None:
        return None
    digest, found_label, digests = match.groups()
    if found_label is None:
        return SealValue(digest, None)
    if found_label != label:
        return None
    parts = tuple(p for p in digests.split(".") if p) if digests else ()
    return SealValue(digest, parts)


def edge_tolerance_ms(edge_ms: int) -> int:
    """How far a timing fix may move a story's first or last cue from its edge."""
    return EDGE_TOLERANCE_MS + max(edge_ms, 0) // STRETCH_TOLERANCE_DIVISOR


@dataclass(frozen=True, slots=True)
class StoryRun:
    """The cues that tell the story in one track (file-order indices, time order)."""

    indices: tuple[int, ...]
    start_ms: int
    end_ms: int


def _run(cues: Sequence[Cue], indices: Sequence[int], start: int, end: int) -> StoryRun:
    if not indices:
        return StoryRun((), start, end)
    first = cues[indices[0]].start_ms
    last = max(cues[i].end_ms for i in indices)
    return StoryRun(tuple(indices), first, max(last, first))


def candidate_windows(
    cues: Sequence[Cue],
    order: Sequence[int],
    start_ms: int,
    end_ms: int,
    count: int | None = None,
) -> Iterator[tuple[int, int]]:
    """(first, past-last) positions in time order that could hold the story.

    The strict window (cues starting in [start, end)) comes first. Then each window
    whose first cue is the strict one or starts within the tolerance of `start`, and
    whose last cue is the strict one or ends within the tolerance of `end`, nearest
    first: where the sealed cues may have gone after a timing fix. With `count`,
    only windows of that many cues.
    """
    starts = [cues[i].start_ms for i in order]
    strict = (bisect_left(starts, start_ms), bisect_left(starts, end_ms))
    yield strict
    tol_start, tol_end = edge_tolerance_ms(start_ms), edge_tolerance_ms(end_ms)
    low = bisect_left(starts, start_ms - tol_start)
    firsts = sorted(
        {strict[0], *range(low, bisect_left(starts, start_ms + tol_start + 1))},
        key=lambda a: (abs(a - strict[0]), a),
    )
    pasts = {strict[1]}
    for position in range(low, bisect_left(starts, end_ms + tol_end)):
        if abs(cues[order[position]].end_ms - end_ms) <= tol_end:
            pasts.add(position + 1)
    if count is not None:
        yield from (
            (a, a + count)
            for a in firsts
            if a + count in pasts and (a, a + count) != strict
        )
        return
    pairs = [(a, b) for a in firsts for b in pasts if a <= b and (a, b) != strict]
    pairs.sort(key=lambda p: (abs(p[0] - strict[0]) + abs(p[1] - strict[1]), p))
    yield from pairs[:MAX_CANDIDATE_RUNS]


def moved_run(
    cues: Sequence[Cue], start_ms: int, end_ms: int, parts: Sequence[str]
) -> StoryRun | None:
    """The sealed cues, all there and in order, but further from the edges than a
    timing fix may move them; None when they are not all there."""
    if not parts:
        return None
    order = time_order(cues)
    digests = [cue_digest(cues[i]) for i in order]
    wanted = list(parts)
    for first in range(len(digests) - len(wanted) + 1):
        if digests[first : first + len(wanted)] == wanted:
            return _run(cues, order[first : first + len(wanted)], start_ms, end_ms)
    return None


def find_sealed_run(
    cues: Sequence[Cue],
    start_ms: int,
    end_ms: int,
    seal: SealValue,
    *,
    file_order: bool = False,
) -> StoryRun | None:
    """The run of cues whose sealed text gives `seal`, near the segment's edges.

    Cues moved or stretched with their words, speakers and order unchanged are
    still found, so a timing fix needs no new seal; `file_order` hashes a run in
    file order, as the old single checksum did.
    """
    order = time_order(cues)
    count = None if seal.parts is None else len(seal.parts)
    for first, past in candidate_windows(cues, order, start_ms, end_ms, count):
        if count is not None and past - first != count:
            continue
        indices = order[first:past]
        hashed = sorted(indices) if file_order else indices
        if text_digest(seal_text(cues, hashed)) == seal.digest:
            return _run(cues, indices, start_ms, end_ms)
    return None


def closest_run(
    cues: Sequence[Cue], start_ms: int, end_ms: int, parts: Sequence[str]
) -> StoryRun:
    """The candidate run most like the sealed digests (the strict one on a tie)."""
    from difflib import SequenceMatcher

    order = time_order(cues)
    digests = [cue_digest(cues[i]) for i in order]
    best: tuple[float, int, int] | None = None
    for first, past in candidate_windows(cues, order, start_ms, end_ms):
        ratio = SequenceMatcher(None, list(parts), digests[first:past]).ratio()
        if best is None or ratio > best[0]:
            best = (ratio, first, past)
    assert best is not None  # the strict window is always a candidate
    return _run(cues, order[best[1] : best[2]], start_ms, end_ms)
