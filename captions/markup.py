"""Cue text as data: WebVTT spans become safe rich text, everything else is escaped.

Qt rich text would happily load `<img src=...>` from a caption file, so cue text never
reaches a widget unescaped: only the WebVTT spans (b i u c v lang ruby rt) survive, as
tags Qt's rich text subset understands.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

WEBVTT_TAGS = frozenset({"b", "i", "u", "c", "v", "lang", "ruby", "rt"})
_START_TAG = re.compile(r"([^\s.]*)((?:\.[^\s.]*)*)(?:\s+(.*))?", re.DOTALL)
_CLASS_CHARS = re.compile(r"[^A-Za-z0-9_-]")
_SOUND_LINE = re.compile(
    r"(?:\s*(?:\[[^\[\]]*[^\[\]\s][^\[\]]*\]|\([^()]*[^()\s][^()]*\)))+\s*"
)
_MUSIC_LINE = re.compile(r"[\s♪♫]*[♪♫][\s♪♫]*")


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
    pos = 0
    while pos < len(raw):
        lt = raw.find("<", pos)
        gt = raw.find(">", lt) if lt >= 0 else -1
        if lt < 0 or gt < 0:
            yield Text(_unescape(raw[pos:]))
            return
        if lt > pos:
            yield Text(_unescape(raw[pos:lt]))
        tag = _parse_tag(raw[lt + 1 : gt])
        if tag is not None:
            yield tag
        pos = gt + 1


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


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
        _unescape(" ".join((annotation or "").split())),
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
    open tags are closed at the end, and entities are decoded exactly once.
    """
    out: list[str] = []
    stack: list[tuple[str, str]] = []
    for token in tokenize(raw_text):
        if isinstance(token, Text):
            out.append(_escape(token.text, newline))
        elif isinstance(token, StartTag):
            if token.name not in WEBVTT_TAGS:
                continue
            if token.name == "rt" and (not stack or stack[-1][0] != "ruby"):
                continue
            opening, closing = _open_html(token)
            out.append(opening)
            stack.append((token.name, closing))
        else:
            out.extend(_close(stack, token.name))
    out.extend(closing for _, closing in reversed(stack))
    return "".join(out)


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
    """Cue text for SRT: entities decoded, only b, i and u kept, properly nested."""
    out: list[str] = []
    stack: list[tuple[str, str]] = []
    for token in tokenize(raw_text):
        if isinstance(token, Text):
            out.append(token.text.replace("\r\n", "\n").replace("\r", "\n"))
        elif isinstance(token, StartTag):
            if token.name in ("b", "i", "u"):
                out.append(f"<{token.name}>")
                stack.append((token.name, f"</{token.name}>"))
        elif token.name in ("b", "i", "u"):
            out.extend(_close(stack, token.name))
    out.extend(closing for _, closing in reversed(stack))
    return "".join(out)


def is_sound_cue(plain: str) -> bool:
    """True when every line is a [sound] or (sound) description or only music notes."""
    lines = [line for line in plain.splitlines() if line.strip()]
    return bool(lines) and all(
        _SOUND_LINE.fullmatch(line) or _MUSIC_LINE.fullmatch(line) for line in lines
    )


def speaker_label(voice: str) -> str:
    """A voice name as a heading shows it: white space folded, "" when there is none."""
    return " ".join(voice.split())
