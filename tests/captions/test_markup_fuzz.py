"""Cue markup under random and hostile text: never raises, bounded, never invents tags.

The regular expressions the markup used before (quadratic on long lines) are kept
here as the reference for short inputs: the linear code must agree with them.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from captions.convert import plain_text, strip_tags, voice_of
from captions.markup import (
    MAX_TAG_DEPTH,
    cue_to_html,
    cue_to_simple_markup,
    decode_entities,
    is_sound_cue,
)

OLD_SOUND_LINE = re.compile(
    r"(?:\s*(?:\[[^\[\]]*[^\[\]\s][^\[\]]*\]|\([^()]*[^()\s][^()]*\)))+\s*"
)
OLD_MUSIC_LINE = re.compile(r"[\s♪♫]*[♪♫][\s♪♫]*")
OLD_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t\n\f\r]+([^>]*)>")
HTML_TAG = re.compile(r"<(/?)([a-z]+)(?:\s[^<>]*)?(/?)>")
ALLOWED = {"b", "i", "u", "span", "small", "br"}

PIECES = [
    "<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<c.x.y>", "</c>", "<v Ann>",
    "<v.loud Bo &amp; Cy>", "</v>", "<v", "<v ", "<ruby>", "<rt>", "</rt>",
    "</ruby>", "<lang fr>", "</lang>", "<00:00:01.000>", "<img src=x>", "<script>",
    "<", ">", "&", "&amp;", "&lt;", "&gt;", "&#60;", "&#x3C;", "&#99999999999;",
    "&nbsp;", "&amp", "[", "]", "(", ")", "♪", " ", "\t", "\n", "\r\n", "x", "é",
    '"', "'", ".",
]  # fmt: skip
cue_texts = st.lists(st.sampled_from(PIECES), max_size=400).map("".join)


def old_is_sound_cue(plain: str) -> bool:
    lines = [line for line in plain.splitlines() if line.strip()]
    return bool(lines) and all(
        OLD_SOUND_LINE.fullmatch(line) or OLD_MUSIC_LINE.fullmatch(line)
        for line in lines
    )


def old_voice_of(raw: str) -> str:
    if "<v" not in raw:
        return ""
    match = OLD_VOICE.search(raw)
    return html.unescape(match.group(1).strip()) if match else ""


def old_strip_tags(text: str) -> str:
    parts: list[str] = []
    pos = 0
    while True:
        start = text.find("<", pos)
        end = text.find(">", start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            break
        parts.append(text[pos:start])
        pos = end + 1
    parts.append(text[pos:])
    return "".join(parts)


def visible_text(rich: str) -> str:
    """What a reader sees of rich text: tags gone, character references decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", rich))


def check_well_formed(rich: str, allowed: set[str], max_depth: int) -> None:
    """Only allowed tags, properly nested, at most `max_depth` deep."""
    stack: list[str] = []
    for closing, name, self_closing in HTML_TAG.findall(rich):
        assert name in allowed, rich
        if self_closing:
            continue
        if closing:
            assert stack and stack[-1] == name, rich
            stack.pop()
        else:
            stack.append(name)
            assert len(stack) <= max_depth, rich
    assert not stack, rich
    outside = HTML_TAG.sub("", rich)
    assert "<" not in outside and ">" not in outside, rich


def no_invented_characters(shown: str, raw: str, extra: str = "") -> None:
    """Every character shown was in the cue as text (or is `extra` punctuation)."""
    available = Counter(decode_entities(raw)) + Counter(raw) + Counter(extra * 10_000)
    assert not Counter(shown) - available, (shown, raw)


@settings(max_examples=400, deadline=1000)
@given(cue_texts)
def test_html_is_well_formed_bounded_and_invents_nothing(raw: str) -> None:
    rich = cue_to_html(raw)
    check_well_formed(rich, ALLOWED, MAX_TAG_DEPTH)
    no_invented_characters(visible_text(rich), raw, extra="()")


@settings(max_examples=400, deadline=1000)
@given(cue_texts)
def test_simple_markup_keeps_only_balanced_b_i_u(raw: str) -> None:
    simple = cue_to_simple_markup(raw)
    tags = re.findall(r"</?[biu]>", simple)
    depth = 0
    for tag in tags:
        depth += -1 if tag.startswith("</") else 1
        assert 0 <= depth <= MAX_TAG_DEPTH
    assert depth == 0
    without_tags = re.sub(r"</?[biu]>", "", simple)
    no_invented_characters(without_tags, raw.replace("\r\n", "\n"))


@settings(max_examples=400, deadline=1000)
@given(cue_texts)
def test_plain_text_holds_no_tag_the_input_had_as_a_tag(raw: str) -> None:
    stripped = strip_tags(raw)
    first_lt = stripped.find("<")
    assert first_lt < 0 or ">" not in stripped[first_lt:]
    no_invented_characters(plain_text(raw), raw)


@settings(max_examples=300, deadline=1000)
@given(cue_texts)
def test_linear_voice_and_strip_agree_with_the_old_patterns(raw: str) -> None:
    assert voice_of(raw) == old_voice_of(raw)
    assert strip_tags(raw) == old_strip_tags(raw)


@settings(max_examples=500, deadline=1000)
@given(st.text(alphabet=list("[]() \t\nx♪♫\u00a0"), max_size=30))
def test_linear_sound_cue_agrees_with_the_old_patterns(plain: str) -> None:
    assert is_sound_cue(plain) is old_is_sound_cue(plain)


@settings(max_examples=40, deadline=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join))
def test_long_hostile_cues_stay_fast(pattern: str) -> None:
    # One 64 KB line repeating a random mix: where quadratic patterns used to hang.
    unit = pattern.replace("\n", " ").replace("\r", " ") or "x"
    long_line = (unit * (65_536 // len(unit) + 1))[:65_536]
    start = time.perf_counter()
    cue_to_html(long_line)
    cue_to_simple_markup(long_line)
    plain = plain_text(long_line)
    voice_of(long_line)
    is_sound_cue(plain)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "line",
    [
        "(" + " a" * 32_000 + "x",  # old sound pattern: about 4 s
        "[" + "a " * 32_000,
        "♪" * 64_000 + "x",  # old music pattern: about 8 s
    ],
    ids=["open-paren-64k", "open-square-64k", "notes-64k"],
)
def test_sound_cue_on_a_64k_line_is_linear(line: str) -> None:
    start = time.perf_counter()
    assert is_sound_cue(line) is False
    assert time.perf_counter() - start < 0.5


def test_sound_cue_still_recognises_a_64k_line_of_sounds() -> None:
    assert is_sound_cue("[door] (laughter) ♪ " * 3000 + "[x]") is False
    assert is_sound_cue("[door] (laughter) " * 3000)


@pytest.mark.parametrize(
    "text",
    ["<" * 64_000 + ">" + "<" * 64_000, "<a" * 32_000 + ">", "<" * 128_000],
    ids=["open-close-open", "open-then-close", "only-open"],
)
def test_strip_tags_stays_linear_however_the_brackets_fall(text: str) -> None:
    # The tag pattern runs only up to the last ">"; past it, it would be quadratic.
    start = time.perf_counter()
    stripped = strip_tags(text)
    assert time.perf_counter() - start < 0.5
    assert stripped == old_strip_tags(text)
