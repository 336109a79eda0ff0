"""Captions from timed words, by the project's rules (DCMP Captioning Key, design.md 8):
at most 2 lines of 32 characters, breaks at sentence and phrase ends and at pauses,
1 to 7 seconds on screen, at most 180 words a minute where the speech leaves room,
the speaker as a `<v Name>` voice, each cue starting on its first word's speech and
ending a short hold after its last word, never overlapping the next.

The words are never changed: the cues' words, in order, are the transcript's.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from captions.cue_lines import (
    break_cost,
    inner_sentence_ends,
    wrap_anyway,
    wrap_lines,
)
from captions.model import Cue
from captions.word_timing import TimedWord

EDGE_TOLERANCE_MS = 500


@dataclass(frozen=True, slots=True)
class CueRules:
    max_chars: int = 32
    max_lines: int = 2
    min_ms: int = 1000
    max_ms: int = 7000
    max_wpm: float = 180.0
    hold_ms: int = 300
    pause_ms: int = 400
    sound_room_ms: int = 500


DEFAULT_RULES = CueRules()


@dataclass(frozen=True, slots=True)
class _Span:
    """Words first..end-1 of one cue."""

    first: int
    end: int


def build_cues(
    words: Sequence[TimedWord],
    rules: CueRules = DEFAULT_RULES,
    edges_ms: Sequence[int] = (),
) -> list[Cue]:
    """The cues for `words`; no cue straddles a time in `edges_ms` (the edges of a
    storytelling segment) when a break lies within EDGE_TOLERANCE_MS of it."""
    spans: list[_Span] = []
    for first, end in _groups(words, rules, edges_ms):
        spans.extend(_segment(words, first, end, rules))
    return _timed_cues(words, spans, rules, edges_ms)


def _groups(
    words: Sequence[TimedWord], rules: CueRules, edges_ms: Sequence[int]
) -> list[tuple[int, int]]:
    """Runs of words no cue may cross: a new speaker or paragraph, a [sound] with
    room for a cue of its own, a segment edge."""
    cuts = {0, len(words)}
    for i in range(1, len(words)):
        before, after = words[i - 1].word, words[i].word
        if (before.speaker, before.paragraph) != (after.speaker, after.paragraph):
            cuts.add(i)
    for i, word in enumerate(words):
        if word.word.sound and _sound_has_room(words, i, rules):
            cuts.update((i, i + 1))
    for edge in edges_ms:
        nearest = _nearest_break(words, edge)
        if nearest is not None:
            cuts.add(nearest)
    ordered = sorted(cuts)
    return list(itertools.pairwise(ordered))


def _sound_has_room(words: Sequence[TimedWord], i: int, rules: CueRules) -> bool:
    following = words[i + 1].start_ms if i + 1 < len(words) else math.inf
    return following - words[i].start_ms >= rules.sound_room_ms


def _nearest_break(words: Sequence[TimedWord], edge: int) -> int | None:
    """The break (the index of the word after it) whose gap between two words lies
    nearest to `edge`; None when the edge lies outside the words, or inside the only
    word (there is no break to move it to)."""
    if len(words) < 2 or edge <= words[0].start_ms or edge >= words[-1].end_ms:
        return None

    def distance(i: int) -> int:
        gap_start, gap_end = words[i - 1].end_ms, words[i].start_ms
        return max(gap_start - edge, edge - gap_end, 0)

    return min(range(1, len(words)), key=distance)


def _segment(
    words: Sequence[TimedWord], first: int, end: int, rules: CueRules
) -> list[_Span]:
    """The cheapest division of words first..end-1 into cues (dynamic programming
    over break points; a cue holds what fits on its lines)."""
    best: dict[int, tuple[float, int]] = {first: (0.0, first)}
    for stop in range(first + 1, end + 1):
        choice: tuple[float, int] | None = None
        for start in range(stop - 1, first - 1, -1):
            cost = _cue_cost(words, start, stop, end, rules)
            if cost is None:
                break
            total = best[start][0] + cost
            if choice is None or total < choice[0]:
                choice = (total, start)
        best[stop] = choice if choice is not None else (math.inf, stop - 1)
    spans: list[_Span] = []
    stop = end
    while stop > first:
        start = best[stop][1]
        spans.append(_Span(start, stop))
        stop = start
    return spans[::-1]


def _cue_cost(
    words: Sequence[TimedWord], start: int, stop: int, group_end: int, rules: CueRules
) -> float | None:
    """The cost of one cue of words start..stop-1; None when it cannot hold them
    (and no longer run from the same end can either)."""
    texts = [w.text for w in words[start:stop]]
    lines = wrap_lines(texts, rules.max_chars, rules.max_lines)
    single = stop - start == 1
    speech_ms = words[stop - 1].end_ms - words[start].start_ms
    if not single and (lines is None or speech_ms > rules.max_ms):
        return None
    cost = 1.0 + (lines[1] / 2 + 3 * inner_sentence_ends(lines[0]) if lines else 10.0)
    cost += 1.5 * sum(
        1
        for before, after in itertools.pairwise(words[start:stop])
        if after.start_ms - before.end_ms >= rules.pause_ms
    )
    if stop < group_end:
        gap = words[stop].start_ms - words[stop - 1].end_ms
        pause = 2.0 if gap >= rules.pause_ms else 0.0
        cost += 3 * max(0.0, break_cost(texts[-1], words[stop].text) - pause)
    room = _room_ms(words, start, stop, rules)
    count = sum(len(text.split()) for text in texts)
    rate = count * 60_000 / max(room, 1)
    if rate > rules.max_wpm:
        cost += (rate / rules.max_wpm - 1) * 10
    if room < rules.min_ms:
        cost += 3.0
    return cost


def _room_ms(words: Sequence[TimedWord], start: int, stop: int, rules: CueRules) -> int:
    """How long the cue can stay up: until the next word starts, at most max_ms."""
    begin = words[start].start_ms
    limit = words[stop].start_ms if stop < len(words) else begin + rules.max_ms
    return min(limit - begin, rules.max_ms)


def _timed_cues(
    words: Sequence[TimedWord],
    spans: Sequence[_Span],
    rules: CueRules,
    edges_ms: Sequence[int],
) -> list[Cue]:
    starts = [_start_ms(words, span, edges_ms) for span in spans]
    cues: list[Cue] = []
    for index, span in enumerate(spans):
        start = starts[index]
        following = starts[index + 1] if index + 1 < len(spans) else None
        end = _end_ms(words, span, start, following, rules, edges_ms)
        cues.append(_cue(words[span.first : span.end], start, end, rules))
    return cues


def _start_ms(words: Sequence[TimedWord], span: _Span, edges_ms: Sequence[int]) -> int:
    """The first word's start; moved onto a segment edge just after it."""
    start = words[span.first].start_ms
    for edge in edges_ms:
        if start < edge <= start + EDGE_TOLERANCE_MS:
            end_of_first = words[span.first].end_ms
            start = min(edge, end_of_first - 1)
    return start


def _end_ms(
    words: Sequence[TimedWord],
    span: _Span,
    start: int,
    following: int | None,
    rules: CueRules,
    edges_ms: Sequence[int],
) -> int:
    """After the last word plus a hold, long enough to read, never past the next
    cue's start or a segment edge."""
    last_end = words[span.end - 1].end_ms
    count = sum(len(w.text.split()) for w in words[span.first : span.end])
    readable = max(rules.min_ms, math.ceil(count * 60_000 / rules.max_wpm))
    end = max(last_end + rules.hold_ms, start + readable)
    end = max(min(end, start + rules.max_ms), last_end)
    if following is not None:
        end = min(end, following)
    for edge in edges_ms:
        if start < edge < end:
            end = edge
    return max(end, start + 1)


def _cue(words: Sequence[TimedWord], start: int, end: int, rules: CueRules) -> Cue:
    texts = [w.text for w in words]
    lines = wrap_anyway(texts, rules.max_chars)
    plain = "\n".join(lines)
    sound_only = all(w.word.sound for w in words)
    voice = "" if sound_only else words[0].word.speaker
    body = "\n".join(html.escape(line, quote=False) for line in lines)
    text = f"<v {_voice_annotation(voice)}>{body}" if voice else body
    return Cue(start, end, text=text, plain=plain, voice=voice)


def _voice_annotation(name: str) -> str:
    """A speaker's name as a `<v ...>` annotation: folded, no tag characters."""
    return html.escape(" ".join(name.split()).rstrip("-"), quote=False)
