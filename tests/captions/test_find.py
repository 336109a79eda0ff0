"""Find in transcript: case- and accent-insensitive spans in the cues' plain text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captions.find import Match, TrackFinder, find_in_cues, find_in_track
from captions.fold import fold
from captions.model import Cue, Track

PLAINS = [
    "We met in the café, déjà vu.",
    "DEJA VU again\nand again",
    "Nothing here.",
    "左に見えるのは…",
    "Die Straße ist lang",
]


def spans(plains: list[str], query: str) -> list[str]:
    return [plains[m.cue_index][m.start : m.end] for m in find_in_cues(plains, query)]


def test_find_is_case_and_accent_insensitive_and_returns_original_spans() -> None:
    assert find_in_cues(PLAINS, "deja") == [Match(0, 20, 24), Match(1, 0, 4)]
    assert spans(PLAINS, "Déjà") == ["déjà", "DEJA"]
    assert spans(PLAINS, "cafe") == ["café"]


def test_find_matches_words_across_line_breaks_and_repeated_spaces() -> None:
    assert spans(PLAINS, "again   and") == ["again\nand"]
    assert spans(PLAINS, "vu.") == ["vu."]


def test_find_never_crosses_from_one_cue_into_the_next() -> None:
    assert find_in_cues(["one two", "three"], "two three") == []


def test_find_all_matches_in_a_cue_in_order() -> None:
    assert find_in_cues(["a ha ha", "ha"], "ha") == [
        Match(0, 2, 4),
        Match(0, 5, 7),
        Match(1, 0, 2),
    ]


def test_blank_query_finds_nothing() -> None:
    assert find_in_cues(PLAINS, "") == []
    assert find_in_cues(PLAINS, "  \t\n") == []


def test_find_in_other_scripts_and_expanding_folds() -> None:
    assert spans(PLAINS, "見える") == ["見える"]
    assert spans(PLAINS, "strasse") == ["Straße"]
    assert spans(PLAINS, "STRAẞE") == ["Straße"]


def test_decomposed_accents_are_included_in_the_span() -> None:
    plains = [unicodedata.normalize("NFD", "un café noir")]
    [match] = find_in_cues(plains, "cafe")
    assert plains[0][match.start : match.end] == unicodedata.normalize("NFD", "café")


def test_regex_characters_in_the_query_are_literal() -> None:
    assert spans(["a.b (c) [d] *e*", "axb"], "a.b") == ["a.b"]
    assert spans(["a.b (c) [d] *e*"], "(c) [d] *e*") == ["(c) [d] *e*"]


def test_track_finder_answers_each_keystroke_of_an_incremental_search() -> None:
    finder = TrackFinder(PLAINS)
    assert len(finder) == len(PLAINS)
    typed = ("a", "ag", "aga", "agai", "again and")
    for query in typed:
        assert list(finder.find(query)) == find_in_cues(PLAINS, query)
    assert [len(finder.find(query)) for query in typed] == [10, 2, 2, 2, 1]
    assert (
        finder.find("again")
        == finder.find("again")
        == [
            Match(1, 8, 13),
            Match(1, 18, 23),
        ]
    )


def test_matches_are_a_sequence_made_on_demand() -> None:
    matches = TrackFinder(["ha ha", "café ha", "ha"]).matches("HA")
    assert len(matches) == 4
    assert matches[1] == Match(0, 3, 5)
    assert matches[-1] == Match(2, 0, 2)
    assert matches[1:3] == [Match(0, 3, 5), Match(1, 5, 7)]
    assert Match(1, 5, 7) in matches
    assert matches != [Match(0, 0, 2)]
    assert matches.cue_indices() == [0, 0, 1, 2]
    assert TrackFinder(["x"]).matches("y") == []
    assert TrackFinder(["x"]).matches("y").cue_indices() == []


JUMPS = ["ha ha ha", "no", "café", "Ha", "ha ha"]


@pytest.mark.parametrize("query", ["ha", "ha ha"])
def test_at_or_after_finds_the_match_to_jump_to(query: str) -> None:
    every = find_in_cues(JUMPS, query)
    for cue in range(len(JUMPS)):
        expected = next(
            ((n, m) for n, m in enumerate(every) if m.cue_index >= cue), None
        )
        fresh = TrackFinder(JUMPS).matches(query)  # positions not worked out yet
        assert fresh.at_or_after(cue) == expected
        read = TrackFinder(JUMPS).matches(query)
        assert list(read) == every  # positions worked out
        assert read.at_or_after(cue) == expected
    assert TrackFinder(JUMPS).matches(query).at_or_after(len(JUMPS)) is None
    assert TrackFinder(JUMPS).matches("zz").at_or_after(0) is None


def test_find_in_track_uses_the_cues_plain_text() -> None:
    cue = Cue(0, 1000, "<v Ana>Bonjour &amp; d&eacute;j&agrave;", "Bonjour & déjà")
    track = Track((cue,))
    assert find_in_track(track, "& deja") == [Match(0, 8, 14)]
    assert find_in_track(["Bonjour"], "jour") == [Match(0, 3, 7)]


@given(st.lists(st.text(max_size=30), max_size=6), st.text(max_size=6))
def test_every_match_is_a_folded_occurrence_of_the_query(
    plains: list[str], query: str
) -> None:
    words = fold(query).split()
    for match in find_in_cues(plains, query):
        found = fold(plains[match.cue_index][match.start : match.end])
        assert " ".join(words) in " ".join(found.split())
        assert 0 <= match.start < match.end <= len(plains[match.cue_index])
