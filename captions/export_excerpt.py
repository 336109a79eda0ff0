"""What an export covers: the whole track, or an excerpt widened to whole segments.

design.md 4.1 point 2: every export that includes any words of a storytelling segment
includes the whole segment and its attribution, and an excerpt says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from captions.model import Cue, Track
from captions.paragraphs import (
    Paragraph,
    SegmentInput,
    SegmentSpan,
    paragraphs,
    segment_of_cue,
    to_spans,
)
from captions.timefmt import format_clock

OPEN_END = 2**62


def cues_of(cues: Track | Sequence[Cue]) -> Sequence[Cue]:
    """Export functions take a Track or a plain sequence of cues."""
    return cues.cues if isinstance(cues, Track) else tuple(cues)


def _in_range(cue: Cue, start_ms: int, end_ms: int) -> bool:
    """A cue is in [start, end) when it starts there or is still showing at `start`."""
    return cue.start_ms < end_ms and (cue.start_ms >= start_ms or cue.end_ms > start_ms)


def _touches(span: SegmentSpan, start_ms: int, end_ms: int) -> bool:
    return span.start_ms < end_ms and start_ms < span.end_ms


def excerpt_range(
    cues: Sequence[Cue],
    segments: Iterable[SegmentInput],
    start_ms: int,
    end_ms: int,
) -> tuple[int, int]:
    """[start, end) widened until each segment it touches or takes cues of is whole."""
    if start_ms > end_ms:
        raise ValueError(
            f"the excerpt starts ({format_clock(start_ms)}) after it ends "
            f"({format_clock(end_ms)})"
        )
    spans = to_spans(segments)
    owners = segment_of_cue(cues, spans)
    low, high = start_ms, end_ms
    while True:
        touched = {s for s in spans if _touches(s, low, high)}
        touched.update(
            owner
            for cue, owner in zip(cues, owners, strict=True)
            if owner is not None and _in_range(cue, low, high)
        )
        new_low = min([low, *(s.start_ms for s in touched)])
        new_high = max([high, *(s.end_ms for s in touched)])
        if (new_low, new_high) == (low, high):
            return low, high
        low, high = new_low, new_high


@dataclass(frozen=True, slots=True)
class ExportScope:
    """The cues an export holds (file-order indices), its segments, what it must say."""

    cue_indices: tuple[int, ...]
    segments: tuple[SegmentSpan, ...]
    requested: tuple[int, int | None] | None
    excerpt: tuple[int, int] | None
    notices: tuple[str, ...]


def _segment_notice(span: SegmentSpan) -> str:
    title = f' "{span.title}"' if span.title else ""
    who = f" ({span.attribution})" if span.attribution else ""
    return (
        f"The excerpt includes the whole storytelling segment{title}, "
        f"{format_clock(span.start_ms)} to {format_clock(span.end_ms)}, "
        f"with its attribution{who}, as the module requires."
    )


def _range_text(start_ms: int, end_ms: int | None) -> str:
    end = "the end" if end_ms is None or end_ms >= OPEN_END else format_clock(end_ms)
    return f"{format_clock(start_ms)} to {end}"


def plan_export(
    cues: Sequence[Cue],
    segments: Iterable[SegmentInput] = (),
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> ExportScope:
    """The cues and segments of an export; an excerpt is widened and explained."""
    spans = to_spans(segments)
    owners = segment_of_cue(cues, spans)
    if start_ms is None and end_ms is None:
        used = [s for s in spans if s in owners]
        return ExportScope(tuple(range(len(cues))), tuple(used), None, None, ())
    low, high = excerpt_range(
        cues, spans, start_ms or 0, OPEN_END if end_ms is None else end_ms
    )
    indices = tuple(i for i, cue in enumerate(cues) if _in_range(cue, low, high))
    included = tuple(s for s in spans if _touches(s, low, high))
    notices = [f"Excerpt: {_range_text(low, high)}."]
    if (low, high) != (start_ms or 0, OPEN_END if end_ms is None else end_ms):
        notices.append(
            f"The requested excerpt, {_range_text(start_ms or 0, end_ms)}, "
            f"was widened to {_range_text(low, high)}."
        )
    notices.extend(_segment_notice(s) for s in included)
    return ExportScope(
        indices, included, (start_ms or 0, end_ms), (low, high), tuple(notices)
    )


def scope_paragraphs(
    cues: Sequence[Cue],
    scope: ExportScope,
    gap_ms: int = 2000,
    max_cues: int = 8,
) -> list[Paragraph]:
    """Transcript paragraphs of the exported cues, with indices into the whole track."""
    chosen = [cues[i] for i in scope.cue_indices]
    found = paragraphs(chosen, scope.segments, gap_ms, max_cues)
    return [
        Paragraph(
            p.speaker,
            tuple(scope.cue_indices[i] for i in p.cue_indices),
            p.segment,
            p.start_ms,
            p.end_ms,
        )
        for p in found
    ]
