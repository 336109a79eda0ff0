"""Transcript paragraphs: speakers, pauses, length; storytelling segments kept whole."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captions.model import Cue
from captions.paragraphs import (
    Paragraph,
    SegmentSpan,
    paragraphs,
    segment_of_cue,
    to_span,
    transcript_order,
)


def cue(start: int, end: int, text: str = "words", voice: str = "") -> Cue:
    raw = f"<v {voice}>{text}" if voice else text
    return Cue(start, end, raw, text, voice=voice)


def groups(found: list[Paragraph]) -> list[tuple[int, ...]]:
    return [p.cue_indices for p in found]


def test_no_cues_no_paragraphs() -> None:
    assert paragraphs([]) == []


def test_one_speaker_without_pauses_is_one_paragraph() -> None:
    cues = [cue(0, 1000, voice="Ann"), cue(1000, 2000), cue(2500, 3000)]
    found = paragraphs(cues)
    assert found == [Paragraph("Ann", (0, 1, 2), None, 0, 3000)]


def test_a_new_voice_starts_a_new_paragraph() -> None:
    cues = [
        cue(0, 1000, voice="Ann"),
        cue(1000, 2000, voice="Bo"),
        cue(2000, 3000),
        cue(3000, 4000, voice="Bo"),
        cue(4000, 5000, voice="Ann"),
    ]
    found = paragraphs(cues)
    assert groups(found) == [(0,), (1, 2, 3), (4,)]
    assert [p.speaker for p in found] == ["Ann", "Bo", "Ann"]


def test_a_pause_starts_a_new_paragraph_and_forgets_the_speaker() -> None:
    cues = [cue(0, 1000, voice="Ann"), cue(2999, 4000), cue(6000, 7000)]
    found = paragraphs(cues, gap_ms=2000)
    assert groups(found) == [(0, 1), (2,)]
    assert [p.speaker for p in found] == ["Ann", ""]


def test_the_gap_threshold_is_inclusive() -> None:
    cues = [cue(0, 1000), cue(3000, 4000)]
    assert groups(paragraphs(cues, gap_ms=2000)) == [(0,), (1,)]
    assert groups(paragraphs(cues, gap_ms=2001)) == [(0, 1)]


def test_a_long_speech_is_split_and_keeps_its_speaker() -> None:
    cues = [
        cue(i * 1000, i * 1000 + 1000, voice="Ann" if i == 0 else "") for i in range(7)
    ]
    found = paragraphs(cues, max_cues=3)
    assert groups(found) == [(0, 1, 2), (3, 4, 5), (6,)]
    assert {p.speaker for p in found} == {"Ann"}


def test_paragraph_times_cover_its_cues() -> None:
    cues = [cue(0, 5000), cue(1000, 2000)]
    (found,) = paragraphs(cues)
    assert (found.start_ms, found.end_ms) == (0, 5000)


def test_max_cues_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_cues"):
        paragraphs([cue(0, 1)], max_cues=0)


STORY = SegmentSpan(10_000, 20_000, "Own stories", "A. Teller, consultant")


def story_cues() -> list[Cue]:
    return [
        cue(8_000, 9_500, voice="Host"),  # 0 before
        cue(9_500, 10_000),  # 1 before, same speaker, no pause
        cue(10_000, 12_000, voice="Teller"),  # 2 inside (start == segment start)
        cue(12_000, 14_000),  # 3 inside
        cue(14_000, 19_999, voice="Teller"),  # 4 inside
        cue(20_000, 21_000),  # 5 after (start == segment end)
    ]


def test_paragraphs_never_cross_a_segment_edge() -> None:
    found = paragraphs(story_cues(), [STORY])
    assert groups(found) == [(0, 1), (2, 3, 4), (5,)]
    assert [p.segment for p in found] == [None, STORY, None]


def test_voiceless_cue_after_a_segment_does_not_inherit_the_storyteller() -> None:
    found = paragraphs(story_cues(), [STORY])
    assert found[-1].speaker == ""


def test_a_long_segment_is_several_paragraphs_in_one_contiguous_block() -> None:
    cues = story_cues()
    found = paragraphs(cues, [STORY], max_cues=2)
    tagged = [i for i, p in enumerate(found) if p.segment == STORY]
    assert tagged == list(range(tagged[0], tagged[-1] + 1))
    inside = [i for p in found if p.segment == STORY for i in p.cue_indices]
    assert inside == [2, 3, 4]


def test_a_pause_inside_a_segment_splits_but_keeps_the_block() -> None:
    cues = [cue(10_000, 11_000, voice="T"), cue(15_000, 16_000), cue(21_000, 22_000)]
    found = paragraphs(cues, [STORY])
    assert groups(found) == [(0,), (1,), (2,)]
    assert [p.segment for p in found] == [STORY, STORY, None]


def test_out_of_order_file_keeps_the_segment_as_one_block() -> None:
    cues = [
        cue(10_000, 11_000, voice="T"),  # inside
        cue(5_000, 6_000, voice="H"),  # outside, misplaced in the file
        cue(11_000, 12_000),  # inside
    ]
    found = paragraphs(cues, [STORY])
    assert groups(found) == [(0, 2), (1,)]
    assert transcript_order(segment_of_cue(cues, [STORY])) == [0, 2, 1]


def test_adjacent_segments_are_separate_blocks() -> None:
    first = SegmentSpan(0, 5000, "One", "A")
    second = SegmentSpan(5000, 9000, "Two", "B")
    cues = [cue(0, 2000, voice="A"), cue(2000, 5000), cue(5000, 6000, voice="A")]
    found = paragraphs(cues, [first, second])
    assert groups(found) == [(0, 1), (2,)]
    assert [p.segment for p in found] == [first, second]


def test_segment_of_cue_uses_the_cue_start() -> None:
    cues = [
        cue(9_000, 11_000),
        cue(10_000, 25_000),
        cue(19_999, 20_000),
        cue(20_000, 1),
    ]
    assert segment_of_cue(cues, [STORY]) == [None, STORY, STORY, None]


@dataclass(frozen=True)
class MediaLikeSegment:
    start_ms: int
    end_ms: int
    title: str
    attribution: str
    speaker: str = "x"


def test_segments_may_be_pairs_or_media_segments() -> None:
    assert to_span((1, 2)) == SegmentSpan(1, 2)
    media = MediaLikeSegment(1, 2, "T", "A")
    assert to_span(media) == SegmentSpan(1, 2, "T", "A")
    found = paragraphs(story_cues(), [(10_000, 20_000)])
    assert groups(found) == [(0, 1), (2, 3, 4), (5,)]


cue_lists = st.lists(
    st.tuples(
        st.integers(0, 60_000),
        st.integers(0, 5_000),
        st.sampled_from(["", "", "Ann", "Bo"]),
    ),
    max_size=40,
).map(lambda rows: [cue(s, s + d, voice=v) for s, d, v in rows])
span_lists = st.lists(
    st.tuples(st.integers(0, 60_000), st.integers(1, 20_000)), max_size=3
).map(lambda rows: [SegmentSpan(s, s + d, f"S{s}", "who") for s, d in rows])


@given(cue_lists, span_lists, st.integers(1, 5))
def test_every_cue_once_and_each_segment_one_block(
    cues: list[Cue], spans: list[SegmentSpan], max_cues: int
) -> None:
    found = paragraphs(cues, spans, max_cues=max_cues)
    flat = [i for p in found for i in p.cue_indices]
    assert sorted(flat) == list(range(len(cues)))
    owners = segment_of_cue(cues, spans)
    for p in found:
        assert 1 <= len(p.cue_indices) <= max_cues
        assert all(owners[i] == p.segment for i in p.cue_indices)
    for span in set(owners) - {None}:
        tagged = [k for k, p in enumerate(found) if p.segment == span]
        assert tagged == list(range(tagged[0], tagged[-1] + 1))
