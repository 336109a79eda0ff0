"""Transcript paragraphs: cues grouped by speaker and pauses, story segments whole.

A storytelling segment is one block in the transcript (design.md 4.1): its cues are
never split off, merged with neighbours or interleaved with other text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from captions.model import Cue
from captions.story_credit import attribution_line


@dataclass(frozen=True, slots=True)
class SegmentSpan:
    """A storytelling segment as captions/ needs it (captions/ never imports media/)."""

    start_ms: int
    end_ms: int
    title: str = ""
    attribution: str = ""

    def contains(self, ms: int) -> bool:
        return self.start_ms <= ms < self.end_ms


class SegmentLike(Protocol):
    """Anything shaped like a segment, such as media.model.Segment."""

    @property
    def start_ms(self) -> int: ...

    @property
    def end_ms(self) -> int: ...

    @property
    def title(self) -> str: ...

    @property
    def attribution(self) -> str: ...


SegmentInput = SegmentSpan | SegmentLike | tuple[int, int]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Consecutive cues under one speaker heading; `segment` marks a story block."""

    speaker: str
    cue_indices: tuple[int, ...]
    segment: SegmentSpan | None
    start_ms: int
    end_ms: int


def to_span(segment: SegmentInput) -> SegmentSpan:
    """A SegmentSpan from a span, a (start_ms, end_ms) pair or a media Segment.

    A segment that declares `stand_in` gets the stand-in's attribution line.
    """
    if isinstance(segment, SegmentSpan):
        return segment
    if isinstance(segment, tuple):
        return SegmentSpan(int(segment[0]), int(segment[1]))
    stand_in = bool(getattr(segment, "stand_in", False))
    credit = attribution_line(segment.attribution, stand_in)
    return SegmentSpan(segment.start_ms, segment.end_ms, segment.title, credit)


def to_spans(segments: Iterable[SegmentInput]) -> tuple[SegmentSpan, ...]:
    return tuple(to_span(segment) for segment in segments)


def segment_of_cue(
    cues: Sequence[Cue], segments: Iterable[SegmentInput]
) -> list[SegmentSpan | None]:
    """Per cue, the segment whose [start, end) holds the cue's start (first wins)."""
    spans = to_spans(segments)
    owners: list[SegmentSpan | None] = []
    for cue in cues:
        owners.append(next((s for s in spans if s.contains(cue.start_ms)), None))
    return owners


def transcript_order(owners: Sequence[SegmentSpan | None]) -> list[int]:
    """File order, except that a segment's cues all follow its first cue, as one block.

    For a well-formed file (cues in start order) this is plain file order.
    """
    members: dict[SegmentSpan, list[int]] = {}
    for index, owner in enumerate(owners):
        if owner is not None:
            members.setdefault(owner, []).append(index)
    order: list[int] = []
    for index, owner in enumerate(owners):
        if owner is None:
            order.append(index)
        elif members[owner][0] == index:
            order.extend(members[owner])
    return order


class _Builder:
    """Accumulates one paragraph at a time while `paragraphs` walks the cues."""

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = cues
        self.done: list[Paragraph] = []
        self.indices: list[int] = []
        self.speaker = ""
        self.segment: SegmentSpan | None = None
        self.end_ms = 0

    def start(self, index: int, speaker: str, segment: SegmentSpan | None) -> None:
        self.flush()
        self.speaker, self.segment = speaker, segment
        self.end_ms = self.cues[index].end_ms
        self.indices = [index]

    def add(self, index: int) -> None:
        self.indices.append(index)
        self.end_ms = max(self.end_ms, self.cues[index].end_ms)

    def flush(self) -> None:
        if not self.indices:
            return
        chosen = [self.cues[i] for i in self.indices]
        self.done.append(
            Paragraph(
                self.speaker,
                tuple(self.indices),
                self.segment,
                min(c.start_ms for c in chosen),
                max(c.end_ms for c in chosen),
            )
        )
        self.indices = []


def paragraphs(
    cues: Sequence[Cue],
    segments: Iterable[SegmentInput] = (),
    gap_ms: int = 2000,
    max_cues: int = 8,
) -> list[Paragraph]:
    """Group cues into transcript paragraphs.

    A new paragraph starts when a cue names a different voice, after a pause of at least
    `gap_ms`, after `max_cues` cues, and at every storytelling segment edge. A cue
    without a voice continues the current speaker; after a pause or a segment edge
    nobody is known to be speaking, so such a paragraph has speaker "". A paragraph
    split only for length keeps its speaker.
    """
    if max_cues < 1:
        raise ValueError("max_cues must be at least 1")
    owners = segment_of_cue(cues, segments)
    builder = _Builder(cues)
    for index in transcript_order(owners):
        cue, owner = cues[index], owners[index]
        if not builder.indices:
            builder.start(index, cue.voice, owner)
            continue
        edge = owner != builder.segment or cue.start_ms - builder.end_ms >= gap_ms
        new_voice = bool(cue.voice) and cue.voice != builder.speaker
        if edge or new_voice:
            builder.start(index, cue.voice, owner)
        elif len(builder.indices) >= max_cues:
            builder.start(index, builder.speaker, owner)
        else:
            builder.add(index)
    builder.flush()
    return builder.done
