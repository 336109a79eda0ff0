"""Where captions break: phrase-aware line and cue breaks (DCMP Captioning Key)."""

from __future__ import annotations

from captions.cue_lines import (
    break_cost,
    ends_clause,
    ends_sentence,
    inner_sentence_ends,
    wrap_anyway,
    wrap_lines,
)
from captions.lint import visible_length


def test_sentence_and_clause_ends_with_closing_quotes_and_brackets():
    assert all(ends_sentence(w) for w in ("do.", "why?", "now!", "so…", 'end."', "x.)"))
    assert not any(ends_sentence(w) for w in ("Mr", "e.g", "3.5", "[laughs]"))
    assert all(ends_clause(w) for w in ("first,", "then;", "this:", "wait—", "so--"))
    assert not ends_clause("word")


def test_break_costs_rank_sentence_clause_phrase_and_bound_words():
    sentence = break_cost("done.", "Next")
    clause = break_cost("first,", "then")
    phrase = break_cost("tired", "because")
    plain = break_cost("big", "house")
    bound = break_cost("the", "house")
    assert sentence < clause < phrase < plain < bound


def test_short_text_stays_on_one_line():
    assert wrap_lines(["Be", "patient."]) == (["Be patient."], 0.0)


def test_two_lines_break_after_the_comma_not_after_the_article():
    words = ["To", "them,", "the", "trafficker", "may", "be", "a", "partner"]
    lines, _ = wrap_lines(words)  # type: ignore[misc]
    assert lines == ["To them,", "the trafficker may be a partner"]
    assert all(visible_length(line) <= 32 for line in lines)


def test_balanced_lines_when_no_phrase_break_is_better():
    words = [f"word{n}" for n in range(1, 11)]
    lines, _ = wrap_lines(words)  # type: ignore[misc]
    assert abs(len(lines[0]) - len(lines[1])) <= 6


def test_text_that_cannot_fit_two_lines_does_not_wrap():
    assert wrap_lines(["word"] * 20) is None
    assert wrap_lines(["a" * 40]) is None
    assert wrap_lines(["two", "words"], max_lines=1, max_chars=5) is None


def test_combining_marks_do_not_count_as_characters():
    word = "e\u0301" * 15  # 15 visible characters, 30 code points
    assert wrap_lines([word, word]) == ([f"{word} {word}"], 0.0)


def test_wrap_anyway_keeps_every_word_of_an_overlong_cue():
    words = ["https://example.org/" + "x" * 40, "is", "long"]
    lines = wrap_anyway(words)
    assert " ".join(lines).split() == words
    assert len(lines) == 2
    assert wrap_anyway(["a" * 50]) == ["a" * 50]


def test_sentences_ending_inside_a_line_are_counted():
    assert inner_sentence_ends(["Trust takes time. These steps", "can help."]) == 1
    assert inner_sentence_ends(["Trust takes time.", "These steps can help."]) == 0
