"""Chapters as places to go (no Qt): the list, the one playing, previous and next."""

from __future__ import annotations

from dataclasses import replace

from captions.model import Cue, Track
from media.chapters import (
    Chapter,
    chapter_description,
    chapter_index_at,
    next_chapter_start,
    previous_chapter_start,
    video_chapters,
)
from media.model import Segment

STORY = Segment(
    "story", "storytelling", "Own stories", 20_000, 30_000, "Teller", "A teller",
    stand_in=True,
)  # fmt: skip
CHAPTERS = (
    Chapter(0, "Welcome"),
    Chapter(10_000, "Trust"),
    Chapter(20_000, "The story"),
    Chapter(30_000, "Closing"),
)


def chapter_track(*starts_and_titles: tuple[int, str]) -> Track:
    cues = [
        Cue(start, start + 1_000, title, title) for start, title in starts_and_titles
    ]
    return Track(tuple(cues), kind="chapters")


def test_a_story_at_a_chapter_start_credits_that_chapter() -> None:
    track = chapter_track((0, "Welcome"), (20_000, "The story"))
    chapters = video_chapters(track, (STORY,))
    assert chapters == (
        Chapter(0, "Welcome"),
        Chapter(20_000, "The story", STORY.attribution_line),
    )
    assert chapters[1].attribution.startswith("Stand-in for the story of A teller")


def test_a_story_without_its_chapter_is_a_chapter_of_its_own() -> None:
    chapters = video_chapters(chapter_track((0, "Welcome")), (STORY,))
    assert [c.title for c in chapters] == ["Welcome", "Story: Own stories"]
    assert video_chapters(None, (STORY,))[0].start_ms == 20_000


def test_the_story_chapter_starts_where_its_cues_play_after_a_timing_fix() -> None:
    moved = replace(STORY, start_ms=20_600, end_ms=30_600)
    track = chapter_track((0, "Welcome"), (20_000, "The story"), (31_000, "End"))
    chapters = video_chapters(track, (STORY,), (moved,))
    assert [c.start_ms for c in chapters] == [0, 20_600, 31_000]


def test_the_chapter_playing_is_the_last_one_started() -> None:
    assert chapter_index_at(CHAPTERS, 0) == 0
    assert chapter_index_at(CHAPTERS, 9_999) == 0
    assert chapter_index_at(CHAPTERS, 10_000) == 1
    assert chapter_index_at(CHAPTERS, 99_000) == 3
    late = (Chapter(5_000, "Late"),)
    assert chapter_index_at(late, 1_000) == -1
    assert chapter_index_at((), 1_000) == -1


def test_previous_goes_to_this_chapters_start_when_more_than_3_s_into_it() -> None:
    assert previous_chapter_start(CHAPTERS, 13_001) == 10_000
    assert previous_chapter_start(CHAPTERS, 13_000) == 0, "3 s in: the one before"
    assert previous_chapter_start(CHAPTERS, 10_500) == 0
    assert previous_chapter_start(CHAPTERS, 1_000) == 0, "the first: its start"
    assert previous_chapter_start((Chapter(5_000, "Late"),), 1_000) is None


def test_next_goes_to_the_next_chapter_and_stops_after_the_last() -> None:
    assert next_chapter_start(CHAPTERS, 0) == 10_000
    assert next_chapter_start(CHAPTERS, 10_000) == 20_000
    assert next_chapter_start(CHAPTERS, 31_000) is None
    assert next_chapter_start((Chapter(5_000, "Late"),), 1_000) == 5_000


def test_a_chapter_is_described_with_its_number() -> None:
    assert chapter_description(CHAPTERS, 2) == "Chapter 3 of 4: The story"
    assert chapter_description(CHAPTERS, -1) == ""
    assert chapter_description((), 0) == ""
