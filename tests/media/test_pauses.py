"""Where discussion pauses may go, which one playback reaches, how they are saved."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from media.model import Pause, Segment, Video
from media.pauses import (
    all_pauses,
    next_pause,
    pause_problem,
    pause_reached,
    pauses_from_json,
    pauses_to_json,
)

STORY = Segment(
    "own-stories",
    "storytelling",
    "Telling their own stories",
    7_130,
    12_330,
    "Storyteller",
    "A storyteller, community consultant",
)
VIDEO = Video(
    "first",
    "First",
    Path("first.mp4"),
    segments=(STORY,),
    pauses=(Pause(4_000, "Talk about trust."), Pause(14_500, "Talk about safety.")),
)


def test_a_pause_strictly_inside_the_story_is_refused_with_the_reason() -> None:
    problem = pause_problem(9_000, VIDEO)
    assert "inside the story “Telling their own stories”" in problem
    assert "A storyteller, community consultant" in problem
    assert "at or before 0:07.130, or at or after 0:12.330" in problem


def test_a_pause_inside_a_stand_in_says_stand_in_and_not_told_by() -> None:
    from dataclasses import replace

    stand_in = replace(STORY, stand_in=True)
    video = Video("first", "First", Path("first.mp4"), segments=(stand_in,))
    problem = pause_problem(9_000, video)
    assert "Stand-in for the story of A storyteller, community consultant" in problem
    assert "told by" not in problem


def test_a_pause_at_the_story_edges_or_outside_is_allowed() -> None:
    assert pause_problem(7_130, VIDEO) == ""
    assert pause_problem(12_330, VIDEO) == ""
    assert pause_problem(7_129, VIDEO) == ""
    assert pause_problem(7_131, VIDEO) != ""
    assert pause_problem(12_329, VIDEO) != ""


def test_a_second_pause_at_the_same_time_or_before_the_start_is_refused() -> None:
    assert "already a pause at 0:04" in pause_problem(4_000, VIDEO)
    assert "already" in pause_problem(5_000, VIDEO, [Pause(5_000, "mine")])
    assert "before the start" in pause_problem(-1, VIDEO)


def test_all_pauses_merges_the_facilitators_in_time_order() -> None:
    merged = all_pauses(VIDEO, [Pause(13_000, "mine"), Pause(4_000, "duplicate")])
    assert [p.at_ms for p in merged] == [4_000, 13_000, 14_500]
    assert merged[0].prompt == "Talk about trust.", "the manifest's pause wins a tie"


def test_next_pause_is_strictly_ahead() -> None:
    pauses = VIDEO.pauses
    assert next_pause(pauses, 0) == pauses[0]
    assert next_pause(pauses, 4_000) == pauses[1], "the pause landed on is behind"
    assert next_pause(pauses, 14_500) is None


def test_a_playing_step_reaches_the_pause_it_crosses_or_lands_on() -> None:
    pauses = VIDEO.pauses
    assert pause_reached(pauses, 3_960, 4_000) == pauses[0]
    assert pause_reached(pauses, 3_980, 4_020) == pauses[0]
    assert pause_reached(pauses, 4_000, 4_040) is None, "continuing from it"
    assert pause_reached(pauses, 3_900, 3_940) is None


def test_seeks_and_backward_moves_reach_no_pause() -> None:
    pauses = VIDEO.pauses
    assert pause_reached(pauses, 1_000, 10_000) is None, "a seek over it"
    assert pause_reached(pauses, 4_040, 3_960) is None
    assert pause_reached(pauses, 3_500, 4_400, max_step_ms=1_000) == pauses[0]


def test_saved_pauses_load_back() -> None:
    pauses = [Pause(1_500, "Pourquoi ? “quotes”"), Pause(20_000, "")]
    assert pauses_from_json(pauses_to_json(pauses)) == pauses


def test_unreadable_saved_pauses_are_skipped_not_raised() -> None:
    assert pauses_from_json(None) == []
    assert pauses_from_json("{not json") == []
    assert pauses_from_json('{"at_ms": 1}') == []
    text = '[{"at_ms": -5}, {"at_ms": true}, "x", {"at_ms": 7, "prompt": 3}]'
    assert pauses_from_json(text) == [Pause(7, "")]


@given(st.text())
def test_any_text_loads_without_raising(text: str) -> None:
    assert all(isinstance(p, Pause) for p in pauses_from_json(text))
