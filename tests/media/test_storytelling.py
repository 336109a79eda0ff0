"""Every storytelling check of design.md 4.2, one change at a time.

Each module is written into tmp_path by the make_module fixture, sealed as written,
then changed: the committed sample is never touched.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from captions.model import Cue
from captions.story_seal import (
    fields_seal,
    parse_seal,
    seal_text,
    story_indices,
    track_seal,
)
from captions.timefmt import format_vtt, parse_time
from media.manifest import load_module
from media.storytelling import Problem, check_module


def check(folder: Path) -> list[Problem]:
    return check_module(load_module(folder))


def errors(folder: Path) -> list[str]:
    return [p.message for p in check(folder) if p.severity == "error"]


def warnings(folder: Path) -> list[str]:
    return [p.message for p in check(folder) if p.severity == "warning"]


def retime(vtt: str, change) -> str:  # type: ignore[no-untyped-def]
    """Every timestamp passed through change(ms); the words stay."""
    out = []
    for line in vtt.splitlines(keepends=True):
        if "-->" in line:
            start, end = (parse_time(part.strip()) for part in line.split("-->"))
            line = f"{format_vtt(change(start))} --> {format_vtt(change(end))}\n"
        out.append(line)
    return "".join(out)


def shift(vtt: str, ms: int) -> str:
    return retime(vtt, lambda t: t + ms)


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


# -- timing fixes need no new seal --------------------------------------------------


@pytest.mark.parametrize("ms", [100, 500, -100, -500])
@pytest.mark.parametrize("tracks", ["captions", "subtitles", "all"])
def test_a_track_moved_as_a_timing_fix_passes(make_module, texts, ms, tracks):
    moved = {
        "captions": {"captions": shift(texts.captions, ms)},
        "subtitles": {"subtitles": shift(texts.subtitles, ms)},
        "all": {
            "captions": shift(texts.captions, ms),
            "subtitles": shift(texts.subtitles, ms),
            "chapters": shift(texts.chapters, ms),
        },
    }[tracks]
    assert check(make_module(**moved)) == []


@pytest.mark.parametrize("factor", [1.02, 0.98, 1001 / 1000])
def test_stretched_tracks_pass(make_module, texts, factor):
    folder = make_module(
        captions=retime(texts.captions, lambda t: round(t * factor)),
        subtitles=retime(texts.subtitles, lambda t: round(t * factor)),
    )
    assert check(folder) == []


def test_a_timing_fix_moves_the_story_with_its_cues(make_module, texts):
    from captions.story_check import verify_track

    folder = make_module(captions=shift(texts.captions, -500))
    video = load_module(folder).video("talk")
    from captions.loader import load_track

    track = load_track(folder / "talk.en.vtt")
    verdict = verify_track(track.cues, video.segments[0], folder / "talk.en.vtt")
    assert verdict.state == "sealed"
    assert (verdict.run.start_ms, verdict.run.end_ms) == (9_500, 17_500)


def test_moving_a_track_further_than_a_timing_fix_fails_and_says_so(make_module, texts):
    (message,) = errors(make_module(captions=shift(texts.captions, 6_000)))
    assert message.startswith(
        "track talk.en.vtt: the sealed cues are all there, but they now play from "
        "0:16.000 to 0:24.000"
    )
    assert message.endswith("move the segment's start and end with them")


def test_reflowed_line_breaks_need_no_new_seal(make_module, texts):
    captions = texts.captions.replace(
        "second line\nof   the story", "second\nline of the story"
    )
    assert check(make_module(captions=captions)) == []


def test_a_cue_on_screen_during_the_story_but_not_in_it_is_an_error(make_module, texts):
    captions = texts.captions.replace(
        "00:00:04.000 --> 00:00:08.000", "00:00:04.000 --> 00:00:10.500"
    )
    (message,) = errors(make_module(captions=captions))
    assert message == (
        "track talk.en.vtt: cue 00:00:04.000 --> 00:00:10.500 ('Listen to the story "
        "that follows.') is not part of the story but is on screen while it plays "
        "(0:10.000 to 0:18.000)"
    )


def test_cue_ending_exactly_at_an_edge_is_fine(make_module, texts):
    captions = texts.captions.replace(
        "00:00:04.000 --> 00:00:08.000", "00:00:04.000 --> 00:00:10.000"
    )
    assert check(make_module(captions=captions)) == []


# -- pauses, chapters, the video's end ----------------------------------------------


def test_pause_inside(make_module):
    (message,) = errors(make_module(pauses=("00:00:09.000", "00:00:12.000")))
    assert message == "a pause at 00:00:12.000 lies inside"


def test_pause_at_the_edges_is_fine(make_module):
    assert check(make_module(pauses=("00:00:10.000", "00:00:19.000"))) == []


def test_chapter_starting_inside(make_module, texts):
    chapters = texts.chapters.replace(
        "00:00:19.000 --> 00:00:24.000", "00:00:15.000 --> 00:00:24.000"
    )
    (message,) = errors(make_module(chapters=chapters))
    assert (
        message
        == "track talk.chapters.vtt: chapter 'Closing' starts inside, at 00:00:15.000"
    )


def test_start_not_before_end(make_module):
    problems = check(make_module(segment={"end": "00:00:10.000"}, sealed="none"))
    messages = [p.message for p in problems if p.severity == "error"]
    assert "start 00:00:10.000 is not before end 00:00:10.000" in messages
    assert all(p.segment_id == "story" and p.video_id == "talk" for p in problems)


def test_segment_passing_the_declared_video_end(make_module, texts):
    folder = make_module(video=texts.mp4_bytes(18_500))
    assert errors(folder) == ["end 00:00:19.000 passes the video's end 00:00:18.500"]


def test_segment_within_the_declared_video_end(make_module, texts):
    assert check(make_module(video=texts.mp4_bytes(30_000))) == []


def test_without_a_duration_a_segment_after_every_cue_passes_the_end(make_module):
    folder = make_module(
        segment={"start": "00:00:30.000", "end": "00:00:40.000"},
        sealed="none",
        video=b"",
    )
    assert (
        "start 00:00:30.000 is after the last cue of every track ends "
        "(00:00:24.000): it passes the video's end"
    ) in errors(folder)


def test_cue_without_speaker_is_a_warning(make_module, texts):
    captions = texts.captions.replace("<v Storyteller>It is", "It is")
    folder = make_module(captions=captions)
    (warning,) = [p for p in check(folder) if p.severity == "warning"]
    assert warning.message.startswith("1 cue(s) inside carry no speaker")


def test_missing_video_file_is_an_error(make_module):
    assert errors(make_module(with_video=False)) == ["video file missing: talk.mp4"]


def test_missing_track_file_is_an_error(make_module):
    folder = make_module()
    (folder / "talk.fr.vtt").unlink()
    (message,) = errors(folder)
    assert message == "track talk.fr.vtt cannot be read: file missing"


def test_unreadable_default_track_is_one_error(make_module):
    folder = make_module()
    (folder / "talk.en.vtt").write_text("this is not WebVTT at all", encoding="utf-8")
    (message,) = errors(folder)
    assert message.startswith("track talk.en.vtt cannot be read: ")


# -- stand-ins ----------------------------------------------------------------------


def test_a_stand_in_is_credited_as_one(make_module):
    folder = make_module(
        segment={"stand_in": True, "speaker": "A narrator"}, sealed="none"
    )
    segment = load_module(folder).video("talk").segments[0]
    assert segment.stand_in is True
    assert segment.attribution_line == (
        "Stand-in for the story of Storyteller, a stand-in for the recorded story"
    )


def test_a_stand_in_may_not_speak_as_the_person_it_stands_in_for(make_module):
    found = errors(make_module(segment={"stand_in": True}, sealed="none"))
    assert (
        "the segment is a stand-in for the story of Storyteller, but its speaker is "
        "Storyteller: a stand-in's words must never be credited to her or him"
    ) in found
    assert any(
        "is voiced as Storyteller, but the segment is a stand-in" in m for m in found
    )


def test_a_segment_that_says_stand_in_but_does_not_declare_it_is_warned(make_module):
    folder = make_module(segment={"speaker": "Stand-in narrator"}, sealed="none")
    assert any("does not declare `stand_in = true`" in w for w in warnings(folder))


# -- the old single checksum --------------------------------------------------------


def test_an_old_checksum_is_still_checked_against_the_default_track(make_module):
    folder = make_module(sealed="legacy")
    assert errors(folder) == []
    (warning,) = warnings(folder)
    assert warning.startswith("old single checksum: only the words of talk.en.vtt")
    assert "seal --write" in warning


def test_an_old_checksum_catches_a_changed_english_word(make_module, texts):
    captions = texts.captions.replace("second line", "second sentence")
    (message,) = errors(make_module(captions=captions, sealed="legacy"))
    assert message.startswith("track talk.en.vtt: the words, speakers, order or number")


def test_an_old_checksum_passes_a_timing_fix(make_module, texts):
    folder = make_module(captions=shift(texts.captions, -500), sealed="legacy")
    assert errors(folder) == []


def test_an_old_checksum_beside_new_seals_is_ignored_with_a_warning(make_module):
    folder = make_module()
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8").replace(
        "  seal = ", '  checksum = "sha256:old"\n  seal = ', 1
    )
    manifest.write_text(text, encoding="utf-8")
    assert errors(folder) == []
    assert warnings(folder) == [
        "the old `checksum` line is ignored: the track seals replace it "
        "(`seal --write` removes it)"
    ]


def test_a_seal_for_a_track_the_video_no_longer_has_is_warned(make_module):
    folder = make_module()
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8").replace(
        '  "talk.fr.vtt" = ', '  "talk.old.vtt" = "sha256:x"\n  "talk.fr.vtt" = ', 1
    )
    manifest.write_text(text, encoding="utf-8")
    assert warnings(folder) == [
        "the seal names talk.old.vtt, which is not a captions or subtitles track of "
        "this video (`seal --write` drops it)"
    ]


def test_the_sample_module_passes_the_check():
    from media.samples import sample_module_path

    module = load_module(sample_module_path())
    assert module.id == "trusting-relationship"
    assert check_module(module) == []
    (segment,) = module.video("building-trust").segments
    assert segment.stand_in and segment.seal
    assert {p.name for p, _ in segment.track_seals} == {
        "building-trust.en.vtt",
        "building-trust.fr.vtt",
    }
