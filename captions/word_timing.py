"""Times for every word of a transcript, from what the aligner placed.

Words the aligner placed keep its times; a word's start is moved onto the sound's
onset when a pause comes before it (the aligner's frames start a little early). The
rest -- words not heard, [sound] phrases -- get times between their placed
neighbours: in the loud part of the gap when there is one (a [chime] between two
sentences starts where the chime does), else spread by length. Pure Python; the
audio arrives as the peak level of each 10 ms frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from captions.transcript_text import TranscriptWord

FRAME_MS = 10
MIN_WORD_MS = 10
QUIET_FLOOR = 300  # a peak of about -40 dBFS
ONSET_SEARCH_MS = 150
UNPLACED_TAIL_MS = 400
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class TimedWord:
    """A transcript word with its time; `heard` is False for estimated times."""

    word: TranscriptWord
    start_ms: int
    end_ms: int
    heard: bool

    @property
    def text(self) -> str:
        return self.word.text


def loud_threshold(peaks: Sequence[int]) -> int:
    """A level above the recording's background: 4x its quiet frames, at least
    QUIET_FLOOR (frames are sampled, so a ten-hour file stays quick)."""
    if not peaks:
        return QUIET_FLOOR
    step = max(1, len(peaks) // 50_000)
    sample = sorted(peaks[::step])
    quiet = sample[len(sample) // 10]
    return max(QUIET_FLOOR, 4 * quiet)


def timed_words(
    words: Sequence[TranscriptWord],
    times: Sequence[Span | None],
    peaks: Sequence[int] = (),
    audio_ms: int | None = None,
) -> list[TimedWord]:
    """Every word with a time, in order, never overlapping, each at least 10 ms."""
    threshold = loud_threshold(peaks)
    spans: list[Span | None] = list(times)
    heard = [span is not None for span in spans]
    _refine_onsets(spans, peaks, threshold)
    index = 0
    while index < len(spans):
        if spans[index] is not None:
            index += 1
            continue
        end = index
        while end < len(spans) and spans[end] is None:
            end += 1
        _fill_run(words, spans, index, end, peaks, threshold, audio_ms)
        index = end
    return _ordered(words, spans, heard)


def _refine_onsets(spans: list[Span | None], peaks: Sequence[int], level: int) -> None:
    """Start a placed word where its sound rises out of a quiet moment nearby."""
    if not peaks:
        return
    previous_end = 0
    for i, span in enumerate(spans):
        if span is None:
            continue
        start, end = span
        onset = _nearest_rise(peaks, start, previous_end, level)
        if onset is not None and onset < end - MIN_WORD_MS:
            spans[i] = (onset, end)
        previous_end = end


def _nearest_rise(
    peaks: Sequence[int], start_ms: int, earliest_ms: int, level: int
) -> int | None:
    """The time of the quiet-to-loud step nearest to `start_ms`, looked for from
    ONSET_SEARCH_MS before it (not before `earliest_ms`) to as far after it."""
    low = max(1, earliest_ms // FRAME_MS + 1, (start_ms - ONSET_SEARCH_MS) // FRAME_MS)
    high = min(len(peaks), (start_ms + ONSET_SEARCH_MS) // FRAME_MS)
    target = start_ms // FRAME_MS
    best: int | None = None
    for frame in range(low, high):
        rises = peaks[frame - 1] < level <= peaks[frame]
        if rises and (best is None or abs(frame - target) < abs(best - target)):
            best = frame
    return None if best is None else best * FRAME_MS


def _fill_run(
    words: Sequence[TranscriptWord],
    spans: list[Span | None],
    first: int,
    end: int,
    peaks: Sequence[int],
    level: int,
    audio_ms: int | None,
) -> None:
    """Times for the unplaced words first..end-1 inside the gap around them."""
    before = spans[first - 1] if first > 0 else None
    after = spans[end] if end < len(spans) else None
    gap_start = before[1] if before else 0
    if after is not None:
        gap_end = after[0]
    elif audio_ms is not None and audio_ms > gap_start:
        gap_end = audio_ms
    else:
        gap_end = gap_start + UNPLACED_TAIL_MS * (end - first)
    loud = _loud_part(peaks, gap_start, gap_end, level)
    low, high = loud if loud is not None else (gap_start, gap_end)
    weights = [len(words[i].text) + 1 for i in range(first, end)]
    total = sum(weights)
    position = float(low)
    for offset, weight in enumerate(weights):
        share = (high - low) * weight / total
        spans[first + offset] = (round(position), round(position + share))
        position += share


def _loud_part(
    peaks: Sequence[int], start_ms: int, end_ms: int, level: int
) -> Span | None:
    """The loud stretch of a gap between words, leaving out the tail of the word
    before and the head of the word after: from the first rise out of quiet to the
    last fall into quiet."""
    first = max(0, start_ms // FRAME_MS)
    last = min(len(peaks), end_ms // FRAME_MS)
    quiet = next((f for f in range(first, last) if peaks[f] < level), None)
    if quiet is None:
        return None
    rise = next((f for f in range(quiet, last) if peaks[f] >= level), None)
    if rise is None:
        return None
    calm = next((f for f in range(last - 1, rise, -1) if peaks[f] < level), None)
    if calm is None:
        return None
    fall = next((f for f in range(calm, rise - 1, -1) if peaks[f] >= level), rise)
    return rise * FRAME_MS, min(end_ms, (fall + 1) * FRAME_MS)


def _ordered(
    words: Sequence[TranscriptWord], spans: list[Span | None], heard: list[bool]
) -> list[TimedWord]:
    """Times nudged so that each word starts after the one before it ends."""
    timed: list[TimedWord] = []
    previous_end = 0
    for word, span, was_heard in zip(words, spans, heard, strict=True):
        start, end = span if span is not None else (previous_end, previous_end)
        start = max(start, previous_end)
        end = max(end, start + MIN_WORD_MS)
        timed.append(TimedWord(word, start, end, was_heard))
        previous_end = end
    return timed
