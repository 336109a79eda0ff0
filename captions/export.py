"""Transcript and caption export: text here; HTML, WebVTT and SRT in sibling modules.

Every function takes plain arguments (cues or a Track, titles, SegmentSpan-like
segments, an optional excerpt range in milliseconds), never media objects. Times in an
excerpt keep their place in the video.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from captions.export_cues import to_srt, to_vtt
from captions.export_excerpt import (
    ExportScope,
    cues_of,
    excerpt_range,
    plan_export,
    scope_paragraphs,
)
from captions.export_html import to_html
from captions.markup import speaker_label
from captions.model import Cue, Track
from captions.paragraphs import Paragraph, SegmentInput, SegmentSpan
from captions.story_check import StoryAlteredError, checked_spans
from captions.timefmt import format_clock

__all__ = [
    "TEXT_FORMATS",
    "ExportScope",
    "StoryAlteredError",
    "excerpt_range",
    "export_as",
    "paragraph_text",
    "plan_export",
    "segment_heading",
    "story_export_refusal",
    "story_spans",
    "to_html",
    "to_srt",
    "to_txt",
    "to_vtt",
]


def paragraph_text(cues: Sequence[Cue], paragraph: Paragraph) -> str:
    """A paragraph's words as running text: cue lines joined, white space folded."""
    return " ".join(
        " ".join(cues[i].plain.split()) for i in paragraph.cue_indices
    ).strip()


def segment_heading(span: SegmentSpan) -> str:
    title = span.title or "Untitled"
    when = f"{format_clock(span.start_ms)} to {format_clock(span.end_ms)}"
    return f"Storytelling segment: {title} ({when})"


def _txt_paragraphs(cues: Sequence[Cue], found: list[Paragraph]) -> list[str]:
    lines: list[str] = []
    current: SegmentSpan | None = None
    for paragraph in found:
        if paragraph.segment != current:
            if current is not None:
                lines += ["== End of the storytelling segment ==", ""]
            current = paragraph.segment
            if current is not None:
                lines.append(f"== {segment_heading(current)} ==")
                lines += [current.attribution or "(no attribution given)", ""]
        heading = f"[{format_clock(paragraph.start_ms)}]"
        speaker = speaker_label(paragraph.speaker)
        lines.append(f"{heading} {speaker}" if speaker else heading)
        lines += [paragraph_text(cues, paragraph), ""]
    if current is not None:
        lines += ["== End of the storytelling segment ==", ""]
    return lines


def to_txt(
    cues: Track | Sequence[Cue],
    *,
    module_title: str = "",
    video_title: str = "",
    credit: str = "",
    segments: Iterable[SegmentInput] = (),
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> str:
    """A plain-text transcript: titles, credit, excerpt notices, then paragraphs."""
    all_cues = cues_of(cues)
    scope = plan_export(all_cues, segments, start_ms, end_ms)
    head = [line for line in (module_title, video_title, credit) if line]
    lines = [*head, *([""] if head else [])]
    if scope.notices:
        lines += [*scope.notices, ""]
    lines += _txt_paragraphs(all_cues, scope_paragraphs(all_cues, scope))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


TEXT_FORMATS = ("txt", "html", "vtt", "srt")


def export_as(
    fmt: str,
    cues: Track | Sequence[Cue],
    *,
    module_title: str = "",
    video_title: str = "",
    credit: str = "",
    segments: Iterable[SegmentInput] = (),
    start_ms: int | None = None,
    end_ms: int | None = None,
    language: str = "",
) -> str:
    """The export in one of TEXT_FORMATS: the one place that picks the writer.

    A sealed story that differs from its reviewed version is refused with
    StoryAlteredError (its reason names the story, the track and what changed).
    SRT has no place for titles or a credit line, so only its cues are written.
    """
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    segments = story_spans(cues, segments, start_ms, end_ms)
    if fmt == "srt":
        return to_srt(cues, segments=segments, start_ms=start_ms, end_ms=end_ms)
    writer = {"vtt": to_vtt, "txt": to_txt}.get(fmt)
    if writer is not None:
        return writer(
            cues,
            module_title=module_title,
            video_title=video_title,
            credit=credit,
            segments=segments,
            start_ms=start_ms,
            end_ms=end_ms,
        )
    return to_html(
        cues,
        module_title=module_title,
        video_title=video_title,
        credit=credit,
        segments=segments,
        start_ms=start_ms,
        end_ms=end_ms,
        language=language,
    )


def story_spans(
    cues: Track | Sequence[Cue],
    segments: Iterable[SegmentInput],
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> tuple[SegmentSpan, ...]:
    """The segments as exports write them: a sealed story checked against this
    track, its edges following its sealed cues, its attribution the one line every
    surface shows. StoryAlteredError when the export would hand out an altered
    story: the whole track, or an excerpt that takes any of it."""
    if isinstance(cues, Track):
        source, kind = cues.source, cues.kind or "captions"
    else:
        source, kind = "", "captions"
    all_cues = cues_of(cues)
    checked = checked_spans(all_cues, segments, source=source, kind=kind)
    spans = tuple(span for span, _ in checked)
    refused = [(span, reason) for span, reason in checked if reason]
    if refused:
        whole = start_ms is None and end_ms is None
        taken = () if whole else plan_export(all_cues, spans, start_ms, end_ms).segments
        for span, reason in refused:
            if whole or span in taken:
                raise StoryAlteredError(reason)
    return spans


def story_export_refusal(
    cues: Track | Sequence[Cue],
    segments: Iterable[SegmentInput],
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> str:
    """Why this export is refused ("" when it is not), for a dialog to show before
    anything is written."""
    try:
        story_spans(cues, segments, start_ms, end_ms)
    except StoryAlteredError as error:
        return error.reason
    return ""
