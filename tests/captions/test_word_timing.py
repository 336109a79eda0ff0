"""Every word gets a time: placed words keep theirs, the rest fit the gaps."""

from __future__ import annotations

import itertools
from array import array

from captions.transcript_text import TranscriptWord, parse_transcript
from captions.word_timing import (
    MIN_WORD_MS,
    QUIET_FLOOR,
    loud_threshold,
    timed_words,
)


def levels(*runs: tuple[int, int, int]) -> array[int]:
    """Frame peaks from (start ms, end ms, level) runs; silence elsewhere."""
    end = max(stop for _, stop, _ in runs)
    peaks = array("H", [0] * (end // 10))
    for start, stop, level in runs:
        for frame in range(start // 10, stop // 10):
            peaks[frame] = level
    return peaks


def words(text: str) -> list[TranscriptWord]:
    return list(parse_transcript(text).words)


def test_placed_words_keep_their_times_without_audio_levels():
    timed = timed_words(words("one two"), [(100, 400), (500, 800)])
    assert [(w.start_ms, w.end_ms, w.heard) for w in timed] == [
        (100, 400, True),
        (500, 800, True),
    ]


def test_a_start_moves_onto_the_sound_that_rises_just_after_it():
    peaks = levels((1_030, 1_400, 9000))
    timed = timed_words(words("hello"), [(990, 1400)], peaks)
    assert timed[0].start_ms == 1030


def test_a_start_moves_back_onto_a_rise_just_before_it():
    peaks = levels((960, 1_400, 9000))
    timed = timed_words(words("hello"), [(1030, 1400)], peaks)
    assert timed[0].start_ms == 960


def test_a_start_inside_continuous_sound_is_left_alone():
    peaks = levels((0, 3_000, 9000))
    timed = timed_words(words("hello"), [(1500, 1900)], peaks)
    assert timed[0].start_ms == 1500


def test_unplaced_words_share_the_gap_by_length():
    timed = timed_words(words("a bb cccc d"), [(0, 100), None, None, (1100, 1200)])
    middle = timed[1:3]
    assert not any(w.heard for w in middle)
    assert middle[0].start_ms == 100 and middle[1].end_ms == 1100
    assert middle[1].end_ms - middle[1].start_ms > middle[0].end_ms - middle[0].start_ms


def test_unplaced_words_go_where_the_gap_is_loud():
    peaks = levels((0, 500, 9000), (2_000, 2_600, 9000), (4_000, 4_500, 9000))
    timed = timed_words(
        words("before not heard after"), [(0, 500), None, None, (4000, 4500)], peaks
    )
    assert timed[1].start_ms == 2000
    assert timed[2].end_ms == 2600


def test_a_sound_between_sentences_starts_where_it_is_heard():
    peaks = levels((0, 1_000, 8000), (2_330, 2_900, 12000), (4_000, 5_000, 8000))
    text = "Done. [chime] Next."
    timed = timed_words(words(text), [(0, 1000), None, (4000, 5000)], peaks)
    chime = timed[1]
    assert chime.word.sound and not chime.heard
    assert (chime.start_ms, chime.end_ms) == (2330, 2900)


def test_the_tail_of_a_word_is_not_taken_for_a_sound():
    peaks = levels((0, 1_200, 8000), (2_000, 2_500, 12000), (4_000, 5_000, 8000))
    timed = timed_words(words("a [bang] b"), [(0, 1000), None, (4000, 5000)], peaks)
    assert timed[1].start_ms == 2000


def test_words_after_the_last_placed_one_fill_to_the_end_of_the_audio():
    timed = timed_words(words("one two three"), [(0, 500), None, None], audio_ms=2500)
    assert timed[1].start_ms == 500 and timed[2].end_ms == 2500


def test_nothing_placed_at_all_still_gives_ordered_times():
    timed = timed_words(words("one two three"), [None, None, None])
    assert [w.heard for w in timed] == [False] * 3
    for before, after in itertools.pairwise(timed):
        assert before.end_ms <= after.start_ms


def test_no_room_between_placed_words_still_gives_every_word_a_time():
    timed = timed_words(words("a b c d"), [(0, 500), None, None, (500, 900)])
    for word in timed:
        assert word.end_ms - word.start_ms >= MIN_WORD_MS
    for before, after in itertools.pairwise(timed):
        assert before.end_ms <= after.start_ms


def test_threshold_sits_above_the_background_noise():
    assert loud_threshold(array("H")) == QUIET_FLOOR
    noisy = array("H", [1000] * 900 + [20000] * 100)
    assert loud_threshold(noisy) == 4000
    assert loud_threshold(array("H", [0] * 1000)) == QUIET_FLOOR
