"""Storytelling checks that must pass or fail by time: timing fixes, pauses, chapters,
the video's end, stand-ins and the old single checksum (design.md 4.2).

Each module is written into tmp_path by the make_module fixture, sealed as written,
then changed: the committed sample is never touched.
"""

from __future__ import annotations

import pytest
from story_helpers import check, edit_manifest, errors, retime, shift, warnings

from media.manifest import load_module
from media.storytelling import check_module

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
    edit_manifest(folder, "  seal = ", '  checksum = "sha256:old"\n  seal = ')
    assert errors(folder) == []
    assert warnings(folder) == [
        "the old `checksum` line is ignored: the track seals replace it "
        "(`seal --write` removes it)"
    ]


def test_a_seal_for_a_track_the_video_no_longer_has_is_warned(make_module):
    folder = make_module()
    edit_manifest(
        folder,
        '  "talk.fr.vtt" = ',
        '  "talk.old.vtt" = "sha256:x"\n  "talk.fr.vtt" = ',
    )
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
