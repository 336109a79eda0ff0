"""Caption file export: WebVTT (by hand: only the loader imports webvtt) and SRT.

A storytelling segment in the export travels with its attribution: a cue shown over
the whole segment, as the player's lower third shows it (WebVTT also gets a NOTE).
Nothing a field holds can become markup or a new cue: `&`, `<` and `>` are written as
character references, line breaks are folded, and no line ever holds "-->".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from captions.export_excerpt import cues_of, plan_export
from captions.markup import EndTag, StartTag, Text, speaker_label, tokenize
from captions.model import Cue, CueSettings, Region, Track
from captions.paragraphs import SegmentInput, SegmentSpan, segment_of_cue
from captions.timefmt import format_clock, format_srt, format_vtt


def vtt_number(value: float) -> str:
    """A float as WebVTT writes it: positional digits, no exponent, no ".0"."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _safe_line(text: str) -> str:
    """One NOTE line that cannot end the NOTE or start a cue ("-->" is never
    written) and holds no markup (`&` and `<` as character references)."""
    line = " ".join(text.replace("-->", "->").split())
    return line.replace("&", "&amp;").replace("<", "&lt;")


def escape_text(text: str) -> str:
    """Text as cue text: `&`, `<`, `>` as character references, white space folded."""
    folded = " ".join(text.split())
    return folded.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attribution_cue_text(span: SegmentSpan) -> str:
    """The visible attribution of a story, as a cue over the whole segment."""
    title = f"{span.title}: " if span.title.strip() else ""
    credit = span.attribution or "(no attribution given)"
    return escape_text(f"[Storytelling segment: {title}{credit}]")


ATTRIBUTION_CUE_ID = "storytelling-attribution"


def region_block(region: Region) -> str:
    settings = [
        f"id:{region.id}",
        f"width:{vtt_number(region.width)}%",
        f"lines:{region.lines}",
        f"regionanchor:{vtt_number(region.region_anchor_x)}%,"
        f"{vtt_number(region.region_anchor_y)}%",
        f"viewportanchor:{vtt_number(region.viewport_anchor_x)}%,"
        f"{vtt_number(region.viewport_anchor_y)}%",
    ]
    if region.scroll:
        settings.append(f"scroll:{region.scroll}")
    return "REGION\n" + " ".join(settings)


def _usable_region(region: Region | None) -> bool:
    return (
        region is not None
        and bool(region.id)
        and not any(ch.isspace() for ch in region.id)
        and "-->" not in region.id
    )


def cue_settings_text(settings: CueSettings) -> str:
    """The settings list of a timing line, re-serialised from the VTTCue values."""
    parts: list[str] = []
    if settings.vertical:
        parts.append(f"vertical:{settings.vertical}")
    if settings.line is not None:
        line = vtt_number(settings.line) + ("" if settings.snap_to_lines else "%")
        if settings.line_align != "start":
            line += f",{settings.line_align}"
        parts.append(f"line:{line}")
    if settings.position is not None:
        position = f"{vtt_number(settings.position)}%"
        if settings.position_align != "auto":
            position += f",{settings.position_align}"
        parts.append(f"position:{position}")
    if settings.size != 100:
        parts.append(f"size:{vtt_number(settings.size)}%")
    if settings.align != "center":
        parts.append(f"align:{settings.align}")
    if settings.region is not None and _usable_region(settings.region):
        parts.append(f"region:{settings.region.id}")
    return " ".join(parts)


def vtt_cue_block(cue: Cue) -> str:
    """One cue: id (when writable), timings with settings, then the raw text."""
    lines: list[str] = []
    identifier = cue.identifier.strip()
    if identifier and "-->" not in identifier and "\n" not in identifier:
        lines.append(identifier)
    timing = f"{format_vtt(cue.start_ms)} --> {format_vtt(cue.end_ms)}"
    settings = cue_settings_text(cue.settings)
    lines.append(f"{timing} {settings}" if settings else timing)
    text = cue.text.replace("\r\n", "\n").replace("\r", "\n")
    lines.extend(line.replace("-->", "--&gt;") for line in text.split("\n") if line)
    return "\n".join(lines)


def _header_note(
    module_title: str, video_title: str, credit: str, notices: Sequence[str]
) -> str:
    named = [("Module", module_title), ("Video", video_title), ("Credit", credit)]
    lines = [f"{label}: {_safe_line(value)}" for label, value in named if value.strip()]
    lines.extend(_safe_line(notice) for notice in notices)
    return "NOTE\n" + "\n".join(lines) if lines else ""


def _segment_note(span: SegmentSpan) -> str:
    title = f' "{span.title}"' if span.title else ""
    when = f"{format_clock(span.start_ms)} to {format_clock(span.end_ms)}"
    lines = [f"Storytelling segment{title}, {when}. Keep it whole and attributed."]
    lines.append(f"Attribution: {span.attribution or '(none given)'}")
    return "NOTE\n" + "\n".join(_safe_line(line) for line in lines)


def to_vtt(
    cues: Track | Sequence[Cue],
    *,
    module_title: str = "",
    video_title: str = "",
    credit: str = "",
    segments: Iterable[SegmentInput] = (),
    start_ms: int | None = None,
    end_ms: int | None = None,
) -> str:
    """A valid WebVTT file: header, REGION blocks for regions in use, NOTEs, cues."""
    all_cues = cues_of(cues)
    scope = plan_export(all_cues, segments, start_ms, end_ms)
    chosen = [all_cues[i] for i in scope.cue_indices]
    blocks = ["WEBVTT"]
    regions: dict[str, Region] = {}
    for cue in chosen:
        region = cue.settings.region
        if region is not None and _usable_region(region):
            regions.setdefault(region.id, region)
    blocks.extend(region_block(region) for region in regions.values())
    note = _header_note(module_title, video_title, credit, scope.notices)
    if note:
        blocks.append(note)
    announced: list[SegmentSpan] = []
    for cue, owner in zip(chosen, segment_of_cue(chosen, scope.segments), strict=True):
        if owner is not None and owner not in announced:
            announced.append(owner)
            blocks.append(_segment_note(owner))
            blocks.append(_attribution_block(owner, len(announced)))
        blocks.append(vtt_cue_block(cue))
    return "\n\n".join(blocks) + "\n"


def _attribution_block(span: SegmentSpan, number: int) -> str:
    """A cue at the top of the picture for the whole segment: who tells the story."""
    timing = f"{format_vtt(span.start_ms)} --> {format_vtt(span.end_ms)}"
    return (
        f"{ATTRIBUTION_CUE_ID}-{number}\n{timing} line:0\n{attribution_cue_text(span)}"
    )


def srt_markup(raw_text: str) -> str:
    """Cue text for SRT: b, i and u kept, properly nested; every other character
    written so that no SRT reader takes it for a tag (`&lt;script&gt;` stays text)."""
    out: list[str] = []
    stack: list[str] = []
    for token in tokenize(raw_text):
        if isinstance(token, Text):
            text = token.text.replace("\r\n", "\n").replace("\r", "\n")
            out.append(
                text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            )
        elif isinstance(token, StartTag) and token.name in ("b", "i", "u"):
            out.append(f"<{token.name}>")
            stack.append(token.name)
        elif isinstance(token, EndTag) and stack and stack[-1] == token.name:
            out.append(f"</{stack.pop()}>")
    out.extend(f"</{name}>" for name in reversed(stack))
    return "".join(out)


def _srt_texts(chosen: Sequence[Cue], name_speakers: bool) -> list[str]:
    """SRT text per cue; the speaker's name leads the cue where the voice changes."""
    texts: list[str] = []
    previous = ""
    for cue in chosen:
        lines = [line for line in srt_markup(cue.text).split("\n") if line.strip()]
        text = "\n".join(lines)
        name = speaker_label(cue.voice)
        if name_speakers and name and name != previous:
            text = f"{escape_text(name)}: {text}"
        previous = name or previous
        texts.append(text)
    return texts


def to_srt(
    cues: Track | Sequence[Cue],
    *,
    segments: Iterable[SegmentInput] = (),
    start_ms: int | None = None,
    end_ms: int | None = None,
    name_speakers: bool = True,
) -> str:
    """SubRip: numbered cues, SRT times, text with only b/i/u kept, entities decoded."""
    all_cues = cues_of(cues)
    scope = plan_export(all_cues, segments, start_ms, end_ms)
    chosen = [all_cues[i] for i in scope.cue_indices]
    entries = [
        (cue.start_ms, 1, cue.end_ms, text)
        for cue, text in zip(chosen, _srt_texts(chosen, name_speakers), strict=True)
    ]
    for span in scope.segments:
        entries.append((span.start_ms, 0, span.end_ms, attribution_cue_text(span)))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    blocks = [
        f"{number}\n{format_srt(start)} --> {format_srt(end)}\n{text}"
        for number, (start, _, end, text) in enumerate(entries, start=1)
    ]
    return "\n\n".join(blocks) + "\n" if blocks else ""
