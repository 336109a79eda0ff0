"""Captions built from timed words follow the project's caption rules."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from captions.cue_builder import EDGE_TOLERANCE_MS, CueRules, build_cues
from captions.lint import LintLimits, lint_cues, visible_length
from captions.model import Cue
from captions.transcript_text import TranscriptWord
from captions.word_timing import TimedWord


def speech(
    text: str,
    start_ms: int = 0,
    word_ms: int = 300,
    gap_ms: int = 50,
    speaker: str = "",
    paragraph: int = 0,
) -> list[TimedWord]:
    """Words said one after another; a "|" in the text is a 600 ms pause."""
    words: list[TimedWord] = []
    now = start_ms
    for token in text.split():
        if token == "|":
            now += 600
            continue
        sound = token.startswith("[") and token.endswith("]")
        word = TranscriptWord(token, speaker, paragraph, sound)
        words.append(TimedWord(word, now, now + word_ms, heard=not sound))
        now += word_ms + gap_ms
    return words


def cue_words(cues: Sequence[Cue]) -> list[str]:
    return [word for cue in cues for word in cue.plain.split()]


def errors(cues: Sequence[Cue]) -> list[str]:
    return [
        i.message
        for i in lint_cues(cues, "captions", LintLimits())
        if i.severity == "error"
    ]


def test_every_word_is_kept_in_order():
    words = speech("One two, three four five. Six seven eight nine ten eleven twelve.")
    cues = build_cues(words)
    assert cue_words(cues) == [w.text for w in words]


def test_a_cue_starts_on_its_first_words_speech_and_holds_after_the_last():
    words = speech("Be patient. | Let the person speak.", start_ms=1234)
    cues = build_cues(words)
    assert [c.plain for c in cues] == ["Be patient.", "Let the person speak."]
    assert cues[0].start_ms == 1234
    assert cues[1].start_ms == words[2].start_ms
    assert cues[0].end_ms >= words[1].end_ms + CueRules().hold_ms
    assert cues[0].end_ms <= cues[1].start_ms


def test_lines_and_lines_per_cue_stay_within_the_limits():
    text = " ".join(f"word{i}" + ("." if i % 9 == 8 else "") for i in range(120))
    cues = build_cues(speech(text))
    for cue in cues:
        lines = cue.plain.split("\n")
        assert len(lines) <= 2
        assert all(visible_length(line) <= 32 for line in lines)
    assert not errors(cues)


def test_cues_break_at_sentence_ends_where_they_can():
    text = "Trust takes time. These steps can help it grow. Start by explaining."
    cues = build_cues(speech(text))
    for cue in cues[:-1]:
        assert cue.plain.split()[-1].endswith(".")


def test_short_speech_stays_up_a_second_and_long_speech_splits_under_seven():
    lone = build_cues(speech("Yes."))
    assert lone[0].duration_ms == 1000
    slow = build_cues(speech(" ".join(["word"] * 30), word_ms=600, gap_ms=100))
    assert all(cue.duration_ms <= 7000 for cue in slow)
    assert len(slow) >= 3


def test_reading_rate_is_kept_under_180_wpm_when_a_pause_leaves_room():
    words = speech("one two three four five six seven eight.", word_ms=150, gap_ms=0)
    later = speech("Next.", start_ms=8000)
    cues = build_cues(words + later)
    first = cues[0]
    assert len(first.plain.split()) * 60_000 / first.duration_ms <= 180


def test_fast_speech_without_room_never_overlaps_the_next_cue():
    words = speech(" ".join(f"w{i}," for i in range(40)), word_ms=120, gap_ms=0)
    cues = build_cues(words)
    for before, after in itertools.pairwise(cues):
        assert before.end_ms <= after.start_ms
    assert not errors(cues)


def test_speakers_become_voices_and_a_new_speaker_starts_a_new_cue():
    words = speech("Hello there.", speaker="Ann Lee") + speech(
        "Hi.", start_ms=800, speaker="Bob <B>", paragraph=1
    )
    cues = build_cues(words)
    assert [(c.voice, c.plain) for c in cues] == [
        ("Ann Lee", "Hello there."),
        ("Bob <B>", "Hi."),
    ]
    assert cues[0].text == "<v Ann Lee>Hello there."
    assert cues[1].text == "<v Bob &lt;B&gt;>Hi."


def test_a_paragraph_break_starts_a_new_cue():
    words = speech("first part", paragraph=0) + speech(
        "second part", start_ms=700, paragraph=1
    )
    assert [c.plain for c in build_cues(words)] == ["first part", "second part"]


def test_cue_text_is_escaped_and_plain_text_is_not():
    cues = build_cues(speech("Fish & chips <b>now</b>"))
    assert cues[0].plain == "Fish & chips <b>now</b>"
    assert cues[0].text == "Fish &amp; chips &lt;b&gt;now&lt;/b&gt;"


def test_a_sound_with_room_gets_its_own_cue_without_a_voice():
    words = speech("All done.", speaker="Ann")
    chime = speech("[chime]", start_ms=1500, speaker="Ann")
    words += chime + speech("Next part.", start_ms=3000, speaker="Ann")
    cues = build_cues(words)
    assert [(c.voice, c.plain) for c in cues] == [
        ("Ann", "All done."),
        ("", "[chime]"),
        ("Ann", "Next part."),
    ]
    assert cues[1].start_ms == 1500


def test_a_sound_inside_speech_stays_in_the_sentence():
    cues = build_cues(speech("He said [laughs] no.", speaker="Ann"))
    assert [c.plain for c in cues] == ["He said [laughs] no."]
    assert cues[0].voice == "Ann"


def test_no_cue_straddles_a_segment_edge():
    words = speech("Before the story. | The story starts here and goes on.")
    edge = words[3].start_ms
    cues = build_cues(words, edges_ms=[edge])
    assert not any(c.start_ms < edge < c.end_ms for c in cues)
    assert any(c.start_ms == edge for c in cues)


def test_a_cue_just_before_an_edge_moves_onto_it():
    words = speech("Before. | Story words here.")
    edge = words[1].start_ms + EDGE_TOLERANCE_MS // 5
    cues = build_cues(words, edges_ms=[edge])
    story = next(c for c in cues if c.plain.startswith("Story"))
    assert story.start_ms == edge
    assert not any(c.start_ms < edge < c.end_ms for c in cues)


def test_an_edge_mid_sentence_still_splits_there():
    words = speech("one two three four five six seven eight nine ten")
    edge = words[5].start_ms - 20
    cues = build_cues(words, edges_ms=[edge])
    assert not any(c.start_ms < edge < c.end_ms for c in cues)
    assert cue_words(cues) == [w.text for w in words]


def test_an_edge_inside_the_only_word_keeps_the_word():
    """Nowhere to split: the one word stays whole, in one cue (hypothesis found it)."""
    words = speech("Hello.")
    edge = (words[0].start_ms + words[0].end_ms) // 2
    cues = build_cues(words, edges_ms=[edge])
    assert cue_words(cues) == ["Hello."]


def test_an_overlong_word_is_kept_on_its_own_lines():
    long_word = "https://example.org/" + "x" * 50
    cues = build_cues(speech(f"See {long_word} now."))
    assert cue_words(cues) == ["See", long_word, "now."]
    assert not errors(cues)


def test_no_words_no_cues():
    assert build_cues([]) == []


word_text = st.sampled_from(
    ["a", "the", "trust", "time.", "grows,", "[chime]", "Zoë", "x" * 40, "—", "well?"]
)


@st.composite
def timed_speech(draw: st.DrawFn) -> list[TimedWord]:
    count = draw(st.integers(1, 60))
    now, words = 0, []
    for _ in range(count):
        now += draw(st.integers(0, 2500))
        length = draw(st.integers(10, 900))
        speaker = draw(st.sampled_from(["", "Ann", "Bob"]))
        text = draw(word_text)
        word = TranscriptWord(text, speaker, draw(st.integers(0, 2)), text == "[chime]")
        words.append(TimedWord(word, now, now + length, heard=True))
        now += length
    return words


@settings(max_examples=150, deadline=None)
@given(timed_speech(), st.lists(st.integers(0, 60_000), max_size=2))
def test_any_speech_gives_valid_captions_with_every_word(words, edges):
    cues = build_cues(words, edges_ms=edges)
    assert cue_words(cues) == [t for w in words for t in w.text.split()]
    assert not errors(cues)
    for before, after in itertools.pairwise(cues):
        assert before.end_ms <= after.start_ms
    for cue in cues:
        assert cue.end_ms > cue.start_ms
        assert cue.plain.count("\n") <= 1
