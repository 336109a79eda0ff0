"""Cue text helpers, run once per cue at load time: plain text, voice, SRT text.

webvtt-py's `start_in_seconds` drops the milliseconds, its `text` keeps entities
undecoded and recomputes on every access, and its `voice` only looks at the first line;
the `Cue` fields are computed here instead. Every function is linear in the text.
"""

from __future__ import annotations

import re
from typing import Any

from captions.markup import decode_entities
from captions.model import Cue

_KEPT_SRT_TAGS = frozenset({"b", "i", "u", "/b", "/i", "/u"})
_ASCII_WHITESPACE = " \t\n\f\r"
_WHITESPACE = re.compile(r"\s")
_TAG = re.compile("<[^>]*>")


def strip_tags(text: str) -> str:
    """Remove every `<...>` tag in linear time; a `<` with no `>` after it stays.

    The pattern only runs up to the last `>`: from a `<` after it, `<[^>]*>` would
    scan to the end of the text and fail, once per `<` (quadratic).
    """
    if "<" not in text:
        return text
    last = text.rfind(">") + 1
    if not last:
        return text
    return _TAG.sub("", text[:last]) + text[last:]


def plain_text(raw: str) -> str:
    """Cue text without tags and with character references decoded."""
    return decode_entities(strip_tags(raw))


def voice_of(raw: str) -> str:
    """The annotation of the first voice span, as the speaker's name ("" if none).

    A voice tag is `<v`, optional `.classes` (no white space), ASCII white space, the
    annotation, `>`. The next `>` and the next white space are found once and reused
    while the scan moves on, so a line full of `<v` costs one pass.
    """
    pos = raw.find("<v")
    close_at = space_at = -1
    while pos >= 0:
        after = pos + 2
        if close_at < after:
            close_at = raw.find(">", after)
            if close_at < 0:
                return ""
        if after < close_at:
            first = raw[after]
            if first in _ASCII_WHITESPACE:
                return decode_entities(raw[after:close_at].strip())
            if first == ".":
                if space_at < after:
                    found = _WHITESPACE.search(raw, after)
                    space_at = found.start() if found else len(raw)
                if space_at < close_at and raw[space_at] in _ASCII_WHITESPACE:
                    return decode_entities(raw[space_at:close_at].strip())
        pos = raw.find("<v", pos + 1)
    return ""


_SRT_REFERENCES = re.compile(r"&(amp|lt|gt);")
_SRT_DECODED = {"amp": "&", "lt": "<", "gt": ">"}


def decode_srt_references(text: str) -> str:
    """`&amp;`, `&lt;` and `&gt;`, the references our SRT export writes, decoded;
    any other `&` stays as written (SRT has no entities of its own)."""
    if "&" not in text:
        return text
    return _SRT_REFERENCES.sub(lambda m: _SRT_DECODED[m.group(1)], text)


def convert_srt_caption(caption: Any, line_number: int = 0) -> Cue:
    """SRT/SBV text is not WebVTT: keep b/i/u, drop other tags, escape the rest."""
    raw = "\n".join(caption.lines)
    return Cue(
        start_ms=caption.start_time.in_milliseconds(),
        end_ms=caption.end_time.in_milliseconds(),
        text=_srt_to_vtt_text(raw),
        plain=decode_srt_references(strip_tags(raw)),
        line_number=line_number,
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
