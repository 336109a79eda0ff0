"""Reading transcripts for alignment: words, speakers, sounds; hostile files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from captions.export import to_txt
from captions.loader import load_track
from captions.safe_files import UnreadableFileError
from captions.transcript_text import (
    MAX_TRANSCRIPT_BYTES,
    TranscriptWord,
    parse_transcript,
    read_transcript,
)
from media.manifest import load_module

SAMPLE = Path(__file__).resolve().parents[2] / "media" / "modules"


def words_of(text: str) -> list[tuple[str, str, int, bool]]:
    return [
        (w.text, w.speaker, w.paragraph, w.sound) for w in parse_transcript(text).words
    ]


def test_words_keep_their_punctuation_and_order():
    transcript = parse_transcript("Hello,   world.\nIt’s “fine” — really!\n")
    assert [w.text for w in transcript.words] == [
        "Hello,",
        "world.",
        "It’s",
        "“fine”",
        "—",
        "really!",
    ]
    assert transcript.text() == "Hello, world. It’s “fine” — really!"


def test_paragraph_speaker_names_carry_on_until_the_next_name():
    text = "Ann Lee: First words.\n\nStill Ann.\n\nBOB: Now Bob.\n"
    assert words_of(text) == [
        ("First", "Ann Lee", 0, False),
        ("words.", "Ann Lee", 0, False),
        ("Still", "Ann Lee", 1, False),
        ("Ann.", "Ann Lee", 1, False),
        ("Now", "BOB", 2, False),
        ("Bob.", "BOB", 2, False),
    ]


@pytest.mark.parametrize(
    "first_line",
    [
        "10:30 is when we start.",
        "See https://example.org: it explains.",
        "This sentence has far too many words before its colon: so not a name.",
    ],
)
def test_colons_that_are_not_speaker_names_stay_words(first_line):
    transcript = parse_transcript(first_line)
    assert all(word.speaker == "" for word in transcript.words)
    assert transcript.text() == first_line


def test_a_name_alone_on_its_line_names_the_paragraph():
    assert words_of("Rose Henry:\nMy words.") == [
        ("My", "Rose Henry", 0, False),
        ("words.", "Rose Henry", 0, False),
    ]


def test_sounds_on_their_own_line_and_inside_a_line_are_one_word_each():
    text = "[door   slams]\n\nHe said [laughs] no.\n"
    assert words_of(text) == [
        ("[door slams]", "", 0, True),
        ("He", "", 1, False),
        ("said", "", 1, False),
        ("[laughs]", "", 1, True),
        ("no.", "", 1, False),
    ]


def test_brackets_that_do_not_close_or_hold_nothing_are_words():
    assert words_of("a [ b ] [] c [d") == [
        ("a", "", 0, False),
        ("[ b ]", "", 0, True),
        ("[]", "", 0, False),
        ("c", "", 0, False),
        ("[d", "", 0, False),
    ]


def test_line_ends_of_every_kind():
    expected = ["A", "one.", "B", "two."]
    for newline in ("\n", "\r\n", "\r"):
        text = f"A one.{newline}{newline}B two.{newline}"
        transcript = parse_transcript(text)
        assert [w.text for w in transcript.words] == expected
        assert [w.paragraph for w in transcript.words] == [0, 0, 1, 1]


def test_the_projects_txt_export_reads_back_as_the_tracks_words():
    module = load_module(SAMPLE / "trusting-relationship")
    video = module.videos[0]
    track = load_track(video.default_track().file)  # type: ignore[union-attr]
    text = to_txt(
        track,
        module_title=module.title,
        video_title=video.title,
        credit=module.credit,
        segments=video.segments,
    )
    assert "== Storytelling segment" in text and module.credit in text
    transcript = parse_transcript(text)
    spoken = " ".join(" ".join(cue.plain.split()) for cue in track.cues)
    assert transcript.text() == spoken
    by_text = {w.text: w for w in transcript.words}
    assert by_text["Welcome"].speaker == "Narrator"
    story = [w for w in transcript.words if w.speaker == "Stand-in narrator"]
    assert story[0].text == "This" and story[-1].text == "segment."
    assert transcript.words[0] == TranscriptWord("[chime]", "", 0, sound=True)


def test_export_excerpt_notices_and_titles_are_not_speech():
    text = (
        "Module title\nVideo title\nCredit line\n\nExcerpt from 0:10 to 0:20.\n\n"
        "[0:10] Ann\nOnly these words.\n"
    )
    assert parse_transcript(text).text() == "Only these words."


def write(tmp_path: Path, data: bytes, name: str = "t.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom_and_utf16_with_bom_are_read(tmp_path):
    text = "Zoë: déjà vu.\n"
    for data in (
        b"\xef\xbb\xbf" + text.encode(),
        text.encode("utf-16"),  # with its BOM
    ):
        transcript = read_transcript(write(tmp_path, data))
        assert transcript.text() == "déjà vu."
        assert transcript.words[0].speaker == "Zoë"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"caf\xe9 au lait\n", "not UTF-8 text (byte 3)"),
        (b"\xff\xfe\x00\xd8", "not valid UTF-16"),
        (b"", "holds no words"),
        (b" \n\n\t \n", "holds no words"),
    ],
)
def test_unreadable_transcripts_say_why(tmp_path, data, reason):
    with pytest.raises(UnreadableFileError) as caught:
        read_transcript(write(tmp_path, data))
    assert reason in str(caught.value)


def test_missing_folder_and_fifo_are_refused_without_blocking(tmp_path):
    with pytest.raises(UnreadableFileError, match="file not found"):
        read_transcript(tmp_path / "missing.txt")
    with pytest.raises(UnreadableFileError, match="folder"):
        read_transcript(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFileError, match="named pipe"):
        read_transcript(fifo)


def test_a_huge_transcript_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(MAX_TRANSCRIPT_BYTES + 1)
    with pytest.raises(UnreadableFileError, match="transcripts over 20 MB"):
        read_transcript(path)


def test_a_long_line_and_deeply_nested_brackets():
    line = "word " * 200_000 + "[" * 10_000 + "x" + "]" * 10_000
    words = parse_transcript(line).words
    assert len(words) == 200_000 + 3
    assert words[-3].text == "[" * 9_999 and not words[-3].sound
    assert words[-2] == TranscriptWord("[x]", sound=True)
    assert words[-1].text == "]" * 9_999
