"""A transcript as one accessible HTML document: language, headings, times, speakers.

Cue text is data: it passes through captions.markup, so only WebVTT spans survive and
every other character is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from captions.export_excerpt import cues_of, plan_export, scope_paragraphs
from captions.markup import cue_to_html, is_sound_cue, speaker_label
from captions.model import Cue, Track
from captions.paragraphs import Paragraph, SegmentInput, SegmentSpan
from captions.timefmt import format_clock

RTL_LANGUAGES = frozenset({"ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"})

_STYLE = """\
body { font-family: sans-serif; line-height: 1.6; max-width: 46em; margin: 1em auto;
  padding: 0 1em; color: #111; background: #fff; }
.notice { border-left: 0.3em solid #555; padding-left: 0.6em; }
.storytelling { border: 0.15em solid #333; padding: 0 1em; margin: 1.5em 0; }
.attribution { font-weight: bold; }
.time { color: #333; font-variant-numeric: tabular-nums; }
.speaker { font-weight: bold; }
.sound { font-style: italic; }"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _time(ms: int) -> str:
    iso = f"PT{ms // 1000}.{ms % 1000:03d}S"
    return f'<time class="time" datetime="{iso}">{format_clock(ms)}</time>'


def _cue_html(cue: Cue) -> str:
    inner = cue_to_html(cue.text, newline=" ")
    css = "cue sound" if is_sound_cue(cue.plain) else "cue"
    return f'<span class="{css}" data-start-ms="{cue.start_ms}">{inner}</span>'


def _paragraph_html(cues: Sequence[Cue], paragraph: Paragraph) -> str:
    speaker = speaker_label(paragraph.speaker)
    who = f' <span class="speaker">{_e(speaker)}</span>' if speaker else ""
    text = " ".join(_cue_html(cues[i]) for i in paragraph.cue_indices)
    return f'<p class="paragraph">{_time(paragraph.start_ms)}{who}<br/>\n{text}</p>'


def _segment_open(span: SegmentSpan, number: int) -> list[str]:
    heading_id = f"segment-{number}"
    title = span.title or "Untitled"
    when = f"{_time(span.start_ms)} to {_time(span.end_ms)}"
    attribution = span.attribution or "(no attribution given)"
    return [
        f'<section class="storytelling" aria-labelledby="{heading_id}">',
        f'<h2 id="{heading_id}">Storytelling segment: {_e(title)}</h2>',
        f'<p class="attribution">{_e(attribution)}</p>',
        f"<p>{when}</p>",
    ]


def _body(cues: Sequence[Cue], found: list[Paragraph]) -> list[str]:
    parts: list[str] = []
    current: SegmentSpan | None = None
    count = 0
    for paragraph in found:
        if paragraph.segment != current:
            if current is not None:
                parts.append("</section>")
            current = paragraph.segment
            if current is not None:
                count += 1
                parts.extend(_segment_open(current, count))
        parts.append(_paragraph_html(cues, paragraph))
    if current is not None:
        parts.append("</section>")
    return parts


def _language(language: str, cues: Track | Sequence[Cue]) -> str:
    chosen = language or (cues.language if isinstance(cues, Track) else "")
    return chosen.strip() or "und"


def _header(
    module_title: str, video_title: str, credit: str, notices: Sequence[str]
) -> tuple[str, list[str]]:
    """The page title and the header: one h1, module, credit and excerpt notices."""
    heading = video_title or module_title or "Transcript"
    page_title = f"Transcript: {heading}" if heading != "Transcript" else heading
    head = [f"<h1>{_e(heading)}</h1>"]
    if module_title and module_title != heading:
        head.append(f'<p class="module">Module: {_e(module_title)}</p>')
    if credit:
        head.append(f'<p class="credit">{_e(credit)}</p>')
    head.extend(f'<p class="notice">{_e(notice)}</p>' for notice in notices)
    return page_title, head


def _document(lang: str, page_title: str, head: list[str], body: list[str]) -> str:
    direction = ' dir="rtl"' if lang.split("-")[0].lower() in RTL_LANGUAGES else ""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{_e(lang)}"{direction}>',
            "<head>",
            '<meta charset="utf-8"/>',
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
            f"<title>{_e(page_title)}</title>",
            f"<style>\n{_STYLE}\n</style>",
            "</head>",
            "<body>",
            "<header>",
            *head,
            "</header>",
            '<main aria-label="Transcript">',
            *body,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def to_html(
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
    """A complete HTML5 transcript; `language` (else the track's) sets `lang`."""
    all_cues = cues_of(cues)
    scope = plan_export(all_cues, segments, start_ms, end_ms)
    page_title, head = _header(module_title, video_title, credit, scope.notices)
    body = _body(all_cues, scope_paragraphs(all_cues, scope))
    return _document(_language(language, cues), page_title, head, body)
