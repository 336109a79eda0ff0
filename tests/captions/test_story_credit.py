"""The one attribution line, and what counts as a credit nobody can see."""

from __future__ import annotations

import pytest

from captions.paragraphs import SegmentSpan, to_span
from captions.story_credit import (
    attribution_line,
    credit_problem,
    hidden_characters,
    is_visible,
)

ROSE = "Rose Henry, Aboriginal community consultant, Coast Salish territory"


def test_a_stand_in_says_whose_story_it_stands_in_for():
    assert attribution_line(ROSE, stand_in=True) == (
        "Stand-in for the story of Rose Henry, Aboriginal community consultant, "
        "Coast Salish territory"
    )
    assert attribution_line(ROSE) == ROSE
    assert "told by" not in attribution_line(ROSE, True).lower()


def test_the_line_folds_white_space_so_no_surface_gets_a_line_break():
    assert attribution_line("A.\nTeller,\t of  here") == "A. Teller, of here"


def test_to_span_gives_a_stand_in_its_line():
    class Story:
        start_ms, end_ms, title, attribution, stand_in = 1, 2, "T", ROSE, True

    assert to_span(Story()) == SegmentSpan(1, 2, "T", attribution_line(ROSE, True))


@pytest.mark.parametrize(
    "text",
    ["", " \t\n", "\u200b", "\u200c\u200d\u2060\ufeff", "\u00ad", "\u034f",
     "\u3164", "\u2800", "\u115f\u1160", "\u180e", "\u202e", "\x00\x1b"],
)  # fmt: skip
def test_invisible_texts(text):
    assert not is_visible(text)
    assert credit_problem("attribution", text)


@pytest.mark.parametrize("text", ["Rose", "\u05e8\u05d5\u05d6", "漢", "é", "A\u200bB"])
def test_visible_texts(text):
    assert is_visible(text)
    assert credit_problem("speaker", text) == ""


def test_reordering_and_control_characters_are_named():
    assert hidden_characters("Rose \u202eyrneH\x1b") == [
        "U+202E RIGHT-TO-LEFT OVERRIDE",
        "U+001B control character",
    ]
    assert credit_problem("speaker", "Rose\u2066Henry").startswith(
        "speaker holds characters that hide or reorder text: U+2066"
    )
    assert hidden_characters("Rose\tHenry\n") == []
