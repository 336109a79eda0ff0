"""Cue text as data: WebVTT spans become safe rich text, everything else is escaped.

Qt rich text would happily load `<img src=...>` from a caption file, so cue text never
reaches a widget unescaped: only the WebVTT spans (b i u c v lang ruby rt) survive, as
tags Qt's rich text subset understands. Every function here runs in time linear in
the cue's length, and spans nest at most MAX_TAG_DEPTH deep (deeper tags show as
text), so a hostile cue cannot freeze the window or fill memory.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

WEBVTT_TAGS = frozenset({"b", "i", "u", "c", "v", "lang", "ruby", "rt"})
MAX_TAG_DEPTH = 32
_START_TAG = re.compile(r"([^\s.]*)((?:\.[^\s.]*)*)(?:\s+(.*))?", re.DOTALL)
_CLASS_CHARS = re.compile(r"[^A-Za-z0-9_-]")
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_SPACE_RUN = re.compile(r"\s*")
_MUSIC_NOTES = "♪♫"


def decode_entities(text: str) -> str:
    """HTML character references decoded, as `html.unescape`, without its crash.

    `html.unescape` raises ValueError on a numeric reference of more than 4,300
    digits; any reference past U+10FFFF decodes to U+FFFD, so long ones become that.
    """
    if "&" not in text:
        return text
    if "&#" in text:
        text = _NUMERIC_REFERENCE.sub(_shorten_numeric_reference, text)
    return html.unescape(text)


def _shorten_numeric_reference(match: re.Match[str]) -> str:
    hex_digits, digits = match.groups()
    if hex_digits is not None:
        too_big = len(hex_digits.lstrip("0")) > 6  # 0x10FFFF has six hex digits
    else:
        too_big = len(digits.lstrip("0")) > 7  # 1114111 has seven digits
    return "\ufffd" if too_big else match.group(0)


@dataclass(frozen=True, slots=True)
class Text:
    """A run of cue text with its character references already decoded."""

    text: str


@dataclass(frozen=True, slots=True)
class StartTag:
    """`<name.class1.class2 annotation>`; the annotation is entity-decoded."""

    name: str
    classes: tuple[str, ...] = ()
    annotation: str = ""


@dataclass(frozen=True, slots=True)
class EndTag:
    name: str


Token = Text | StartTag | EndTag


def tokenize(raw: str) -> Iterator[Token]:
    """WebVTT cue text tokens; timestamp tags are dropped.

    Unlike the spec, a `<` that no `>` ever closes is kept as text, so a caption
    reading "3 < 5" loses nothing.
    """
    for token, _source in _tokens_with_source(raw):
        yield token


def _tokens_with_source(raw: str) -> Iterator[tuple[Token, str]]:
    """Each token with the text it was read from (tags shown as text need it)."""
    pos = 0
    while pos < len(raw):
        lt = raw.find("<", pos)
        gt = raw.find(">", lt) if lt >= 0 else -1
        if lt < 0 or gt < 0:
            yield Text(decode_entities(raw[pos:])), ""
            return
        if lt > pos:
            yield Text(decode_entities(raw[pos:lt])), ""
        tag = _parse_tag(raw[lt + 1 : gt])
        if tag is not None:
            yield tag, raw[lt : gt + 1]
        pos = gt + 1


def _parse_tag(content: str) -> StartTag | EndTag | None:
    if content.startswith("/"):
        return EndTag(content[1:].strip().split(".")[0])
    if content[:1].isdigit():
        return None
    match = _START_TAG.fullmatch(content)
    if match is None:  # pragma: no cover - the pattern matches any string
        return None
    name, classes, annotation = match.groups()
    return StartTag(
        name,
        tuple(c for c in classes.split(".") if c),
        decode_entities(" ".join((annotation or "").split())),
    )


def _escape(text: str, newline: str) -> str:
    escaped = html.escape(text, quote=True)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)


def _span(css_classes: list[str], attributes: str = "") -> str:
    names = [c for c in (_CLASS_CHARS.sub("", name) for name in css_classes) if c]
    class_attr = f' class="{" ".join(names)}"' if names else ""
    return f"<span{class_attr}{attributes}>"


def _open_html(tag: StartTag) -> tuple[str, str]:
    """The opening and closing rich text for one WebVTT start tag."""
    if tag.name in ("b", "i", "u"):
        return f"<{tag.name}>", f"</{tag.name}>"
    if tag.name == "v":
        title = f' title="{html.escape(tag.annotation, quote=True)}"'
        return _span(["voice", *tag.classes], title), "</span>"
    if tag.name == "lang":
        lang = html.escape(tag.annotation, quote=True)
        return _span(list(tag.classes), f' lang="{lang}"' if lang else ""), "</span>"
    if tag.name == "ruby":
        return _span(["ruby", *tag.classes]), "</span>"
    if tag.name == "rt":  # Qt has no ruby layout: the reading follows in brackets.
        return "<small>(", ")</small>"
    return _span(list(tag.classes)), "</span>"


def cue_to_html(raw_text: str, *, newline: str = "<br/>") -> str:
    """Safe rich text for a raw cue: WebVTT spans kept, every other character escaped.

    Unknown tags vanish (their text stays, escaped), mismatched end tags are ignored,
    open tags are closed at the end, and entities are decoded exactly once. Spans
    nested deeper than MAX_TAG_DEPTH are shown as the text of their tags.
    """
    return _render_html(raw_text, newline)[0]


def nesting_too_deep(raw_text: str) -> bool:
    """True when `cue_to_html` shows some of this cue's tags as text (too deep)."""
    if raw_text.count("<") <= MAX_TAG_DEPTH:
        return False
    return _render_html(raw_text, "\n")[1]


def _render_html(raw_text: str, newline: str) -> tuple[str, bool]:
    out: list[str] = []
    stack: list[tuple[str, str]] = []
    too_deep: list[str] = []  # names of the open tags shown as text
    overflowed = False
    for token, source in _tokens_with_source(raw_text):
        if isinstance(token, Text):
            out.append(_escape(token.text, newline))
        elif isinstance(token, StartTag):
            if token.name not in WEBVTT_TAGS:
                continue
            if too_deep or len(stack) >= MAX_TAG_DEPTH:
                too_deep.append(token.name)
                out.append(_escape(source, newline))
                overflowed = True
                continue
            if token.name == "rt" and (not stack or stack[-1][0] != "ruby"):
                continue
            opening, closing = _open_html(token)
            out.append(opening)
            stack.append((token.name, closing))
        elif too_deep:
            if too_deep[-1] == token.name:
                too_deep.pop()
                out.append(_escape(source, newline))
        else:
            out.extend(_close(stack, token.name))
    out.extend(closing for _, closing in reversed(stack))
    return "".join(out), overflowed


def _close(stack: list[tuple[str, str]], name: str) -> list[str]:
    """Pop what an end tag closes (WebVTT: only the current node, or ruby over rt)."""
    if stack and stack[-1][0] == name:
        return [stack.pop()[1]]
    if (
        name == "ruby"
        and len(stack) >= 2
        and stack[-1][0] == "rt"
        and stack[-2][0] == "ruby"
    ):
        return [stack.pop()[1], stack.pop()[1]]
    return []


def cue_to_simple_markup(raw_text: str) -> str:
    """Cue text for SRT: entities decoded, only b, i and u kept, properly nested.

    Tags nested deeper than MAX_TAG_DEPTH are dropped (their text stays): an SRT
    reader would take them for tags again if they were written out as text.
    """
    out: list[str] = []
    stack: list[tuple[str, str]] = []
    too_deep: list[str] = []
    for token in tokenize(raw_text):
        if isinstance(token, Text):
            out.append(token.text.replace("\r\n", "\n").replace("\r", "\n"))
        elif isinstance(token, StartTag):
            if token.name in ("b", "i", "u"):
                if too_deep or len(stack) >= MAX_TAG_DEPTH:
                    too_deep.append(token.name)
                    continue
                out.append(f"<{token.name}>")
                stack.append((token.name, f"</{token.name}>"))
        elif token.name in ("b", "i", "u"):
            if too_deep:
                if too_deep[-1] == token.name:
                    too_deep.pop()
            else:
                out.extend(_close(stack, token.name))
    out.extend(closing for _, closing in reversed(stack))
    return "".join(out)


def is_sound_cue(plain: str) -> bool:
    """True when every line is a [sound] or (sound) description or only music notes."""
    lines = [line for line in plain.splitlines() if line.strip()]
    return bool(lines) and all(
        _is_sound_line(line) or _is_music_line(line) for line in lines
    )


def _is_sound_line(line: str) -> bool:
    """`[door] (laughter)`: bracket groups apart by white space, each with a word.

    A square group holds no square bracket and a round group no round one; the scan
    moves forward only, so a 64 KB line costs one pass.
    """
    pos, end, groups = 0, len(line), 0
    while True:
        pos = _SPACE_RUN.match(line, pos).end()  # type: ignore[union-attr]
        if pos == end:
            return groups > 0
        opening = line[pos]
        if opening == "[":
            closing = "]"
        elif opening == "(":
            closing = ")"
        else:
            return False
        close_at = line.find(closing, pos + 1)
        if close_at < 0:
            return False
        inside = line[pos + 1 : close_at]
        if opening in inside or not inside.strip():
            return False
        groups += 1
        pos = close_at + 1


def _is_music_line(line: str) -> bool:
    """Only music notes and white space, at least one note."""
    rest = line.replace(_MUSIC_NOTES[0], "").replace(_MUSIC_NOTES[1], "")
    return len(rest) < len(line) and (not rest or rest.isspace())


def speaker_label(voice: str) -> str:
    """A voice name as a heading shows it: white space folded, "" when there is none."""
    return " ".join(voice.split())
