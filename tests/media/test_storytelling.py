"""Every storytelling check of design.md 4.2, one change at a time, and sealing."""

from __future__ import annotations

from pathlib import Path

import pytest

from captions.model import Cue, Track
from media.discover import video_duration_ms
from media.manifest import load_module
from media.model import ManifestError, Segment
from media.storytelling import (
    Problem,
    check_module,
    seal_module,
    segment_checksum,
    segment_checksum_text,
)


def check(folder: Path) -> list[Problem]:
    return check_module(load_module(folder))


def errors(folder: Path) -> list[str]:
    return [p.message for p in check(folder) if p.severity == "error"]


def warnings(folder: Path) -> list[str]:
    return [p.message for p in check(folder) if p.severity == "warning"]


def shift_times(vtt: str, shift_ms: int) -> str:
    """Every timestamp moved by shift_ms; the words stay."""
    from captions.timefmt import format_vtt, parse_time

    out = []
    for line in vtt.splitlines(keepends=True):
        if "-->" in line:
            start, end = (part.strip() for part in line.split("-->"))
            start_ms, end_ms = parse_time(start) + shift_ms, parse_time(end) + shift_ms
            line = f"{format_vtt(start_ms)} --> {format_vtt(end_ms)}\n"
        out.append(line)
    return "".join(out)


SEGMENT = Segment("s", "storytelling", "S", 10_000, 19_000, "A", "A, a stand-in")


def test_checksum_text_is_the_documented_lines():
    cues = (
        Cue(9_999, 12_000, "<v A>before", "before", voice="A"),
        Cue(10_000, 12_000, "<v A>one  two\nthree ", "one  two\nthree ", voice="A"),
        Cue(11_000, 13_000, "plain", " plain\t words "),
        Cue(18_999, 30_000, "<v B>last", "last", voice="B"),
        Cue(19_000, 20_000, "<v A>after", "after", voice="A"),
    )
    text = segment_checksum_text(cues, SEGMENT)
    assert text == "A\tone two three\n\tplain words\nB\tlast\n"


def test_checksum_is_sha256_of_that_text(texts):
    cues = (
        Cue(
            10_000,
            14_000,
            "",
            "This cue stands in for the recorded story.",
            voice="Storyteller",
        ),
        Cue(
            14_000,
            18_000,
            "",
            "It is the second line\nof   the story.",
            voice="Storyteller",
        ),
    )
    assert segment_checksum(Track(cues), SEGMENT) == texts.sealed


def test_sealed_module_passes(make_module):
    assert check(make_module()) == []


def test_missing_checksum_is_an_error_that_shows_the_value(make_module, texts):
    (message,) = errors(make_module(drop=("checksum",)))
    assert message.startswith("checksum is missing")
    assert texts.sealed in message


def test_changed_word_breaks_the_checksum(make_module, texts):
    captions = texts.captions.replace("second line", "second sentence")
    (message,) = errors(make_module(captions=captions))
    assert message.startswith(f"checksum differs: the manifest says {texts.sealed}")


def test_changed_speaker_breaks_the_checksum(make_module, texts):
    captions = texts.captions.replace("<v Storyteller>It is", "<v Someone>It is")
    assert errors(make_module(captions=captions))[0].startswith("checksum differs")


def test_dropped_cue_breaks_the_checksum(make_module, texts):
    captions = texts.captions.replace(
        "00:00:14.000 --> 00:00:18.000\n"
        "<v Storyteller>It is the second line\nof   the story.\n\n",
        "",
    )
    assert errors(make_module(captions=captions))[0].startswith("checksum differs")


def test_timing_change_needs_no_new_seal(make_module, texts):
    folder = make_module(
        captions=shift_times(texts.captions, 250),
        subtitles=shift_times(texts.subtitles, 250),
    )
    assert check(folder) == []


def test_reflowed_line_breaks_need_no_new_seal(make_module, texts):
    captions = texts.captions.replace(
        "second line\nof   the story", "second\nline of the story"
    )
    assert check(make_module(captions=captions)) == []


def test_caption_cue_straddling_the_start(make_module, texts):
    captions = texts.captions.replace(
        "00:00:04.000 --> 00:00:08.000", "00:00:04.000 --> 00:00:10.500"
    )
    (message,) = errors(make_module(captions=captions))
    assert message == (
        "track talk.en.vtt: cue 00:00:04.000 --> 00:00:10.500 straddles the "
        "segment start 00:00:10.000"
    )


def test_subtitle_cue_straddling_the_end(make_module, texts):
    subtitles = texts.subtitles.replace(
        "00:00:10.000 --> 00:00:18.000", "00:00:10.000 --> 00:00:19.500"
    )
    (message,) = errors(make_module(subtitles=subtitles))
    assert message.startswith(
        "track talk.fr.vtt: cue 00:00:10.000 --> 00:00:19.500 straddles"
    )
    assert message.endswith("segment end 00:00:19.000")


def test_cue_ending_exactly_at_an_edge_is_fine(make_module, texts):
    captions = texts.captions.replace(
        "00:00:04.000 --> 00:00:08.000", "00:00:04.000 --> 00:00:10.000"
    )
    assert check(make_module(captions=captions)) == []


@pytest.mark.parametrize("key", ["attribution", "speaker"])
def test_empty_attribution_or_speaker(make_module, key):
    assert errors(make_module(segment={key: "  "})) == [f"{key} is empty"]


@pytest.mark.parametrize("key", ["attribution", "speaker"])
def test_missing_attribution_or_speaker(make_module, key):
    assert errors(make_module(drop=(key,))) == [f"{key} is empty"]


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
    problems = check(make_module(segment={"end": "00:00:10.000"}))
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
        segment={"start": "00:00:30.000", "end": "00:00:40.000"}, drop=("checksum",)
    )
    found = errors(folder)
    assert (
        "start 00:00:30.000 is after the last cue of every track ends "
        "(00:00:24.000): it passes the video's end"
    ) in found


def test_cue_without_speaker_is_a_warning(make_module, texts):
    captions = texts.captions.replace("<v Storyteller>It is", "It is")
    folder = make_module(captions=captions)
    (warning,) = [p for p in check(folder) if "checksum" not in p.message]
    assert warning.severity == "warning"
    assert warning.message.startswith("1 cue(s) inside carry no speaker")


def test_missing_video_file_is_an_error(make_module):
    assert errors(make_module(video=None)) == ["video file missing: talk.mp4"]


def test_missing_track_file_is_an_error(make_module):
    folder = make_module()
    (folder / "talk.fr.vtt").unlink()
    (message,) = errors(folder)
    assert message.startswith("track talk.fr.vtt cannot be read: ")


def test_unreadable_default_track_is_one_error(make_module):
    folder = make_module(captions="this is not WebVTT at all")
    (message,) = errors(folder)
    assert message.startswith("track talk.en.vtt cannot be read: ")


def test_seal_reports_each_segment(make_module, texts):
    folder = make_module(segment={"checksum": "sha256:old"})
    assert seal_module(load_module(folder)) == [("talk", "story", texts.sealed)]
    assert "sha256:old" in (folder / "module.toml").read_text(encoding="utf-8")


def test_seal_write_replaces_only_the_checksum(make_module, texts):
    folder = make_module(segment={"checksum": "sha256:old"})
    manifest = folder / "module.toml"
    manifest.write_bytes(
        manifest.read_bytes()
        .replace(b"\n", b"\r\n")
        .replace(b'"sha256:old"', b'"sha256:old"   # sealed by hand')
    )
    before = manifest.read_bytes()
    seal_module(load_module(folder), write=True)
    after = manifest.read_bytes()
    expected = before.replace(b"sha256:old", texts.sealed.encode())
    assert after == expected
    assert check(folder) == []


def test_seal_write_inserts_a_missing_checksum(make_module, texts):
    folder = make_module(drop=("checksum",))
    manifest = folder / "module.toml"
    before = manifest.read_text(encoding="utf-8")
    seal_module(load_module(folder), write=True)
    after = manifest.read_text(encoding="utf-8")
    attribution_line = (
        '  attribution = "Storyteller, a stand-in for the recorded story"\n'
    )
    assert after == before.replace(
        attribution_line, attribution_line + f'  checksum = "{texts.sealed}"\n'
    )
    assert check(folder) == []


@pytest.mark.parametrize("version", [0, 1])
def test_video_duration_from_mp4(tmp_path, texts, version):
    video = tmp_path / "v.mp4"
    video.write_bytes(texts.mp4_bytes(123_456, version))
    assert video_duration_ms(video) == 123_456


@pytest.mark.parametrize("content", [b"", b"\x00\x00\x00\x01moov", b"garbage" * 100])
def test_video_duration_unknown_for_garbage(tmp_path, content):
    video = tmp_path / "v.mp4"
    video.write_bytes(content)
    assert video_duration_ms(video) is None


def test_seal_write_refuses_what_it_cannot_rewrite(make_module):
    folder = make_module(drop=("checksum",))
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    head, segment_and_pauses = text.split("\n  [[videos.segments]]\n", 1)
    segment = segment_and_pauses.split("\n\n", 1)[0]
    inline = ", ".join(line.strip() for line in segment.splitlines())
    video_file = 'file = "talk.mp4"\n'
    head = head.replace(video_file, f"{video_file}segments = [{{ {inline} }}]\n")
    manifest.write_text(head, encoding="utf-8")
    before = manifest.read_bytes()
    module = load_module(folder)
    assert module.video("talk").segments[0].id == "story"
    with pytest.raises(ManifestError, match="cannot find the segment"):
        seal_module(module, write=True)
    assert manifest.read_bytes() == before


def test_the_sample_module_passes_the_check():
    from media.samples import sample_module_path

    module = load_module(sample_module_path())
    assert module.id == "trusting-relationship"
    assert [p for p in check_module(module) if p.severity == "error"] == []
    assert any(video.segments for video in module.videos)
