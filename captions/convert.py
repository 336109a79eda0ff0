"""Conversion of webvtt-py captions into `Cue`, done once per cue at load time.

webvtt-py's `start_in_seconds` drops the milliseconds, its `text` keeps entities
undecoded and recomputes on every access, and its `voice` only looks at the first line;
the `Cue` fields are computed here instead.
"""

from __future__ import annotations

import html
import re
from typing import Any

from captions.model import DEFAULT_SETTINGS, Cue
from captions.settings import RegionTable, parse_cue_settings

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t\n\f\r]+([^>]*)>")
_KEPT_SRT_TAGS = frozenset({"b", "i", "u", "/b", "/i", "/u"})


def strip_tags(text: str) -> str:
    """Remove every `<...>` tag in linear time; a `<` with no `>` after it stays."""
    if "<" not in text:
        return text
    parts: list[str] = []
    pos = 0
    while True:
        start = text.find("<", pos)
        if start < 0:
            break
        end = text.find(">", start + 1)
        if end < 0:
            break
        parts.append(text[pos:start])
        pos = end + 1
    parts.append(text[pos:])
    return "".join(parts)


def plain_text(raw: str) -> str:
    """Cue text without tags and with character references decoded."""
    plain = strip_tags(raw)
    return html.unescape(plain) if "&" in plain else plain


def voice_of(raw: str) -> str:
    """The annotation of the first voice span, as the speaker's name ("" if none)."""
    if "<v" not in raw:
        return ""
    match = _VOICE.search(raw)
    return html.unescape(match.group(1).strip()) if match else ""


def convert_vtt_caption(caption: Any, regions: RegionTable, line_number: int) -> Cue:
    raw = "\n".join(caption.lines)
    settings = caption.settings
    return Cue(
        start_ms=caption.start_time.in_milliseconds(),
        end_ms=caption.end_time.in_milliseconds(),
        text=raw,
        plain=plain_text(raw),
        identifier=caption.identifier or "",
        voice=voice_of(raw),
        settings=parse_cue_settings(str(settings), regions)
        if settings
        else DEFAULT_SETTINGS,
        line_number=line_number,
    )


_SRT_REFERENCES = re.compile(r"&(amp|lt|gt);")
_SRT_DECODED = {"amp": "&", "lt": "<", "gt": ">"}


def decode_srt_references(text: str) -> str:
    """`&amp;`, `&lt;` and `&gt;`, the references our SRT export writes, decoded;
    any other `&` stays as written (SRT has no entities of its own)."""
    if "&" not in text:
        return text
    return _SRT_REFERENCES.sub(lambda m: _SRT_DECODED[m.group(1)], text)


def convert_srt_caption(caption: Any) -> Cue:
    """SRT/SBV text is not WebVTT: keep b/i/u, drop other tags, escape the rest."""
    raw = "\n".join(caption.lines)
    plain = decode_srt_references(strip_tags(raw))
    return Cue(
        start_ms=caption.start_time.in_milliseconds(),
        end_ms=caption.end_time.in_milliseconds(),
        text=_srt_to_vtt_text(raw),
        plain=plain,
    )


def _srt_to_vtt_text(raw: str) -> str:
    if "<" not in raw and "&" not in raw:
        return raw
    parts: list[str] = []
    pos = 0
    while True:
        start = raw.find("<", pos)
        end = raw.find(">", start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            break
        parts.append(_escape(raw[pos:start]))
        tag = raw[start + 1 : end].strip().lower()
        if tag in _KEPT_SRT_TAGS:
            parts.append(f"<{tag}>")
        pos = end + 1
    parts.append(_escape(raw[pos:]))
    return "".join(parts)


def _escape(text: str) -> str:
    text = decode_srt_references(text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
