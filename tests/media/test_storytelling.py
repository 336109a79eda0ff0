"""Every storytelling check of design.md 4.2, one change at a time.

Each module is written into tmp_path by the make_module fixture, sealed as written,
then changed: the committed sample is never touched.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from story_helpers import check, errors

from captions.model import Cue
from captions.story_seal import (
    fields_seal,
    parse_seal,
    seal_text,
    story_indices,
    track_seal,
)
from media.manifest import load_module
from media.storytelling import Problem

# -- what the seal covers, exactly as documented ------------------------------------


def test_sealed_text_is_voice_tab_folded_words_in_time_order():
    cues = (
        Cue(9_999, 12_000, "<v A>before", "before", voice="A"),
        Cue(11_000, 13_000, "plain", " plain\t words "),
        Cue(10_000, 12_000, "<v A>one  two\nthree ", "one  two\nthree ", voice="A"),
        Cue(18_999, 30_000, "<v B>last", "last", voice="B"),
        Cue(19_000, 20_000, "<v A>after", "after", voice="A"),
    )
    indices = story_indices(cues, 10_000, 19_000)
    assert indices == [2, 1, 3], "time order, not file order"
    assert seal_text(cues, indices) == "A\tone two three\n\tplain words\nB\tlast\n"


def test_a_track_seal_is_the_sha256_of_that_text_with_one_digest_per_cue(texts):
    cues = (
        Cue(
            10_000,
            14_000,
            "",
            "This cue stands in for the recorded story.",
            "",
            "Storyteller",
        ),
        Cue(
            14_000,
            18_000,
            "",
            "It is the second line\nof   the story.",
            "",
            "Storyteller",
        ),
    )
    value = track_seal(cues, [0, 1])
    assert value.startswith(texts.sealed + " cues:")
    parsed = parse_seal(value)
    assert parsed is not None and parsed.parts is not None and len(parsed.parts) == 2


def test_the_segment_seal_covers_title_speaker_attribution_and_stand_in(texts):
    expected = hashlib.sha256(texts.sealed_fields_text.encode()).hexdigest()
    value = fields_seal(
        "The story",
        "Storyteller",
        "Storyteller, a stand-in for the recorded story",
        False,
    )
    assert value.startswith(f"sha256:{expected} fields:")
    flipped = fields_seal(
        "The story",
        "Storyteller",
        "Storyteller, a stand-in for the recorded story",
        True,
    )
    assert flipped.split()[0] != value.split()[0]


def test_the_written_seal_names_every_captions_and_subtitles_track(make_module, texts):
    segment = load_module(make_module()).video("talk").segments[0]
    sealed = {path.name: value for path, value in segment.track_seals}
    assert set(sealed) == {"talk.en.vtt", "talk.fr.vtt"}, "chapters are not sealed"
    french = hashlib.sha256(texts.sealed_fr_text.encode()).hexdigest()
    assert sealed["talk.fr.vtt"].startswith(f"sha256:{french} cues:")
    assert segment.seal.startswith("sha256:")


def test_a_sealed_module_passes(make_module):
    assert check(make_module()) == []


# -- the story in every track -------------------------------------------------------


def test_a_changed_word_in_the_french_subtitles_fails(make_module, texts):
    subtitles = texts.subtitles.replace("remplace", "résume")
    (message,) = errors(make_module(subtitles=subtitles))
    assert message == (
        "track talk.fr.vtt: the words of the cue at 0:10.000 changed since the review "
        "(now “Ce passage résume le récit enregistré.”)"
    )


def test_a_deleted_french_cue_fails(make_module, texts):
    subtitles = texts.subtitles.replace(
        "00:00:10.000 --> 00:00:18.000\n<v Storyteller>Ce passage remplace le récit "
        "enregistré.\n\n",
        "",
    )
    (message,) = errors(make_module(subtitles=subtitles))
    assert message == (
        "track talk.fr.vtt: reviewed cue 1 of 1 is missing: the story has no cues "
        "in this track any more"
    )


def test_a_deleted_english_cue_names_where_it_was(make_module, texts):
    captions = texts.captions.replace(
        "00:00:14.000 --> 00:00:18.000\n"
        "<v Storyteller>It is the second line\nof   the story.\n\n",
        "",
    )
    (message,) = errors(make_module(captions=captions))
    assert message == (
        "track talk.en.vtt: reviewed cue 2 of 2 is missing, after the cue at "
        "0:10.000 (“This cue stands in for the recorded story.”)"
    )


def test_an_extra_cue_inside_the_story_fails(make_module, texts):
    captions = texts.captions.replace(
        "00:00:14.000 --> 00:00:18.000",
        "00:00:13.000 --> 00:00:14.000\n<v Storyteller>Invented words.\n\n"
        "00:00:14.000 --> 00:00:18.000",
    )
    (message,) = errors(make_module(captions=captions))
    assert message == (
        "track talk.en.vtt: the cue at 0:13.000 (“Invented words.”) is an extra cue, "
        "not in the reviewed story"
    )


def test_a_changed_speaker_in_a_cue_fails(make_module, texts):
    captions = texts.captions.replace("<v Storyteller>It is", "<v Someone>It is")
    (message,) = errors(make_module(captions=captions))
    assert message.startswith("track talk.en.vtt: the speaker of the cue at 0:14.000")
    assert message.endswith("changed since the review (now Someone)")


def test_swapped_timings_change_the_order_on_screen_and_fail(make_module, texts):
    captions = (
        texts.captions.replace("00:00:10.000 --> 00:00:14.000", "00:00:1X")
        .replace("00:00:14.000 --> 00:00:18.000", "00:00:10.000 --> 00:00:14.000")
        .replace("00:00:1X", "00:00:14.000 --> 00:00:18.000")
    )
    found = errors(make_module(captions=captions))
    assert found == [
        "track talk.en.vtt: the cue at 0:10.000 (“It is the second line of the "
        "story.”) is out of its reviewed order: it was cue 2 of the story, it is "
        "now cue 1"
    ]


def test_a_cue_hidden_inside_the_story_is_an_error(make_module, texts):
    captions = texts.captions.replace(
        "00:00:14.000 --> 00:00:18.000", "00:00:14.000 --> 00:00:13.000"
    )
    found = errors(make_module(captions=captions))
    assert found == [
        "track talk.en.vtt: the cue at 0:14.000 (“It is the second line of the "
        "story.”) is hidden: it ends (00:00:13.000) before it starts"
    ]


def test_a_new_captions_track_that_was_never_sealed_fails(make_module):
    folder = make_module()
    manifest = folder / "module.toml"
    (folder / "talk.de.vtt").write_text(
        "WEBVTT\n\n00:00:10.000 --> 00:00:18.000\n<v Storyteller>Erfunden.\n",
        encoding="utf-8",
    )
    text = manifest.read_text(encoding="utf-8").replace(
        "\n  [[videos.segments]]",
        '\n  [[videos.tracks]]\n  kind = "subtitles"\n  language = "de"\n'
        '  file = "talk.de.vtt"\n\n  [[videos.segments]]',
    )
    manifest.write_text(text, encoding="utf-8")
    assert errors(folder) == [
        "track talk.de.vtt: the story in this track (1 cues) was never sealed: "
        "after review, run `transcript-player seal --write` on the module"
    ]


# -- the segment's own fields -----------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "what", "now"),
    [
        ("title", "Another story", "the title", "“Another story”"),
        ("speaker", "Someone", "the teller (speaker)", "“Someone”"),
        ("attribution", "Someone else", "the attribution", "“Someone else”"),
        ("stand_in", True, "the stand-in flag", "stand_in = true"),
    ],
)
def test_a_changed_segment_field_fails(make_module, key, value, what, now):
    expected = f"segment: {what} changed since the review (now {now})"
    assert expected in errors(make_module(segment={key: value}))


@pytest.mark.parametrize(
    "invisible",
    ["  ", "\u200b", "\u200b\u200d\ufeff", "\u2800", "\u3164", "\u034f", "\u00ad"],
)
@pytest.mark.parametrize("key", ["attribution", "speaker"])
def test_a_blank_or_invisible_credit_is_an_error(make_module, key, invisible):
    found = errors(make_module(segment={key: invisible}, sealed="none"))
    assert any(
        message == f"{key} is empty" or message.startswith(f"{key} shows nothing")
        for message in found
    ), found


def test_a_credit_that_reorders_its_text_is_an_error(make_module):
    found = errors(make_module(segment={"attribution": "Rose \u202eyrneH"}))
    assert (
        "attribution holds characters that hide or reorder text: "
        "U+202E RIGHT-TO-LEFT OVERRIDE"
    ) in found


@pytest.mark.parametrize("key", ["attribution", "speaker"])
def test_a_missing_credit_is_an_error(make_module, key):
    assert f"{key} is empty" in errors(make_module(drop=(key,), sealed="none"))


def test_an_unsealed_story_is_an_error_that_says_what_to_do(make_module):
    assert errors(make_module(sealed="none")) == [
        "the story is not sealed: after review, run `transcript-player seal "
        "--write` on the module"
    ]


# -- segments that overlap or nest --------------------------------------------------


def second_segment(folder: Path, start: str, end: str) -> None:
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8").replace(
        "\n  [[videos.pauses]]",
        '\n  [[videos.segments]]\n  id = "other"\n  kind = "storytelling"\n'
        f'  title = "Other"\n  start = "{start}"\n  end = "{end}"\n'
        '  speaker = "B"\n  attribution = "B, a teller"\n\n  [[videos.pauses]]',
        1,
    )
    manifest.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("start", "end", "how"),
    [
        ("00:00:12.000", "00:00:16.000", "lies inside"),
        ("00:00:15.000", "00:00:22.000", "overlaps"),
    ],
)
def test_overlapping_or_nested_segments_are_errors(make_module, start, end, how):
    folder = make_module()
    second_segment(folder, start, end)
    problems = [p for p in check(folder) if p.segment_id == "other"]
    assert (
        Problem(
            "error",
            f"it {how} the segment 'story' (00:00:10.000 to 00:00:19.000): stories "
            "never overlap or nest",
            "talk",
            "other",
        )
        in problems
    )
