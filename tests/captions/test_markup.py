"""Cue text is data: only WebVTT spans become rich text; everything else is escaped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captions.markup import (
    MAX_TAG_DEPTH,
    EndTag,
    StartTag,
    Text,
    cue_to_html,
    cue_to_simple_markup,
    is_sound_cue,
    speaker_label,
    tokenize,
)

ALLOWED_TAG = re.compile(r"</?(?:b|i|u|span|small|br)(?:\s[^<>]*)?/?>")


def tags_in(html_text: str) -> list[str]:
    return re.findall(r"<[^>]*>", html_text)


def test_plain_text_is_unchanged() -> None:
    assert cue_to_html("Hello there") == "Hello there"


def test_bold_italic_underline_are_kept() -> None:
    assert cue_to_html("<b>bold</b> <i>it</i> <u>under</u>") == (
        "<b>bold</b> <i>it</i> <u>under</u>"
    )


def test_img_tag_is_dropped_and_loads_nothing() -> None:
    out = cue_to_html('<img src="http://x/y.png" onerror="alert(1)">Look')
    assert out == "Look"
    assert "img" not in out and "src" not in out


def test_script_tag_is_dropped_and_its_text_escaped() -> None:
    out = cue_to_html("<script>alert('<b>')</script>")
    assert "<script" not in out and "</script" not in out
    assert out.startswith("alert(&#x27;")


def test_link_is_not_a_link() -> None:
    out = cue_to_html('<a href="https://example.com">click</a>')
    assert out == "click"


def test_raw_angle_brackets_as_entities_are_shown_as_characters() -> None:
    out = cue_to_html("&lt;img src=x onerror=alert(1)&gt;")
    assert out == "&lt;img src=x onerror=alert(1)&gt;"
    assert all(ALLOWED_TAG.fullmatch(tag) for tag in tags_in(out))


def test_entities_are_decoded_exactly_once() -> None:
    # "&amp;lt;" is the text "&lt;" and must show as those four characters.
    assert cue_to_html("&amp;lt;") == "&amp;lt;"
    assert cue_to_html("Tom &amp; Jerry") == "Tom &amp; Jerry"
    assert cue_to_html("a&nbsp;b") == "a\u00a0b"
    assert cue_to_html("&quot;hi&quot;") == "&quot;hi&quot;"


def test_newlines_become_breaks() -> None:
    assert cue_to_html("one\ntwo") == "one<br/>two"
    assert cue_to_html("one\ntwo", newline=" ") == "one two"


def test_unclosed_tags_are_closed_at_the_end() -> None:
    assert cue_to_html("<b>bold <i>both") == "<b>bold <i>both</i></b>"


def test_mismatched_end_tags_are_ignored() -> None:
    assert cue_to_html("<b>x</i>y</b>") == "<b>xy</b>"
    assert cue_to_html("</b>stray") == "stray"


def test_nested_spans() -> None:
    out = cue_to_html("<v Rose Henry><c.loud>Hear <b>this</b></c></v>")
    assert out == (
        '<span class="voice" title="Rose Henry"><span class="loud">Hear '
        "<b>this</b></span></span>"
    )


def test_voice_annotation_is_escaped_in_the_attribute() -> None:
    out = cue_to_html('<v A"><img src=x>>hi')
    assert out == '<span class="voice" title="A&quot;">&gt;hi</span>'


def test_class_names_cannot_break_out_of_the_attribute() -> None:
    out = cue_to_html('<c.a"onclick=x>t</c>')
    assert out == '<span class="aonclickx">t</span>'


def test_lang_span() -> None:
    assert cue_to_html("<lang fr>déjà vu</lang>") == '<span lang="fr">déjà vu</span>'


def test_ruby_reading_follows_in_brackets() -> None:
    out = cue_to_html("<ruby>漢字<rt>かんじ</rt></ruby>")
    assert out == '<span class="ruby">漢字<small>(かんじ)</small></span>'


def test_ruby_end_tag_closes_an_open_rt() -> None:
    out = cue_to_html("<ruby>漢<rt>かん</ruby>after")
    assert out == '<span class="ruby">漢<small>(かん)</small></span>after'


def test_rt_outside_ruby_is_dropped() -> None:
    assert cue_to_html("<rt>x</rt>") == "x"


def test_timestamp_tags_are_dropped() -> None:
    assert cue_to_html("one <00:00:01.000>two") == "one two"


def test_unterminated_less_than_is_text() -> None:
    assert cue_to_html("3 < 5") == "3 &lt; 5"


@pytest.mark.parametrize(
    "raw",
    [
        "<b><i><u>x",
        "<iframe src=//evil></iframe>",
        "<style>body{}</style>",
        '<v x onmouseover="alert(1)">y',
        "<<b>>",
        "&lt;script&gt;",
        '<c."><script>alert(1)</script>',
    ],
)
def test_only_safe_tags_ever_come_out(raw: str) -> None:
    out = cue_to_html(raw)
    assert all(ALLOWED_TAG.fullmatch(tag) for tag in tags_in(out)), out
    assert "<script" not in out and "<iframe" not in out and "<style" not in out


def test_tokenizer_decodes_annotations_and_classes() -> None:
    tokens = list(tokenize("<v.a.b Ann &amp; Bo>x</v>"))
    assert tokens == [StartTag("v", ("a", "b"), "Ann & Bo"), Text("x"), EndTag("v")]


def test_simple_markup_keeps_b_i_u_only_and_decodes() -> None:
    raw = "<v Ann><b>Hi</b> &amp; <c.x>bye</c> <i>now"
    assert cue_to_simple_markup(raw) == "<b>Hi</b> & bye <i>now</i>"


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("[music]", True),
        ("(door slams)", True),
        ("[music]\n[applause]", True),
        ("  [laughter] [applause] ", True),
        ("♪ ♪", True),
        ("[music] and then she said", False),
        ("He said (quietly) no", False),
        ("Hello", False),
        ("", False),
        ("[]", False),
        ("♪ la la la ♪", False),
    ],
)
def test_is_sound_cue(plain: str, expected: bool) -> None:
    assert is_sound_cue(plain) is expected


def test_speaker_label_folds_white_space() -> None:
    assert speaker_label("  Rose   Henry ") == "Rose Henry"
    assert speaker_label("") == ""


@given(
    st.text(
        alphabet=st.sampled_from(list("<>/&;.ab iuvcrt=\"'\nlang#x3C")), max_size=60
    )
)
def test_any_input_yields_only_safe_tags_and_escaped_text(raw: str) -> None:
    out = cue_to_html(raw)
    tags = tags_in(out)
    assert all(ALLOWED_TAG.fullmatch(tag) for tag in tags), out
    outside = re.sub(r"<[^>]*>", "", out)
    assert "<" not in outside and ">" not in outside and '"' not in outside


def test_html_nesting_stops_at_the_depth_limit_and_shows_deeper_tags_as_text() -> None:
    out = cue_to_html("<b>" * (MAX_TAG_DEPTH + 3) + "x" + "</b>" * (MAX_TAG_DEPTH + 3))
    assert out == (
        "<b>" * MAX_TAG_DEPTH
        + "&lt;b&gt;" * 3
        + "x"
        + "&lt;/b&gt;" * 3
        + "</b>" * MAX_TAG_DEPTH
    )


def test_simple_markup_drops_tags_past_the_depth_limit() -> None:
    out = cue_to_simple_markup("<i>" * (MAX_TAG_DEPTH + 5) + "x")
    assert out == "<i>" * MAX_TAG_DEPTH + "x" + "</i>" * MAX_TAG_DEPTH
