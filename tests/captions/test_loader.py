"""The loader's promises beyond the spec suite: encodings, formats, limits, messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from captions import CaptionError, load_track, load_track_bytes
from captions.decoding import decode_caption_bytes
from captions.vtt_blocks import MAX_CUE_LINES, MAX_LINE_CHARS
from captions.warning_log import WarningLog

VTT = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\n<v Ana>Caf\u00e9 &amp; cr\u00e8me\n"


def test_times_are_exact_milliseconds() -> None:
    cue = load_track_bytes(VTT.encode(), "a.vtt").cues[0]
    assert (cue.start_ms, cue.end_ms) == (1000, 2500)
    assert cue.identifier == "1"
    assert cue.line_number == 4


def test_plain_text_decodes_entities_and_drops_tags() -> None:
    cue = load_track_bytes(VTT.encode(), "a.vtt").cues[0]
    assert cue.text == "<v Ana>Caf\u00e9 &amp; cr\u00e8me"
    assert cue.plain == "Caf\u00e9 & cr\u00e8me"
    assert cue.voice == "Ana"


def test_voice_found_after_other_tags_and_on_later_lines() -> None:
    text = "WEBVTT\n\n00:00.000 --> 00:01.000\n<i>[door]</i>\n<v.loud Rose Henry>Hi\n"
    cue = load_track_bytes(text.encode(), "a.vtt").cues[0]
    assert cue.voice == "Rose Henry"
    assert cue.plain == "[door]\nHi"


def test_markup_in_cue_text_stays_data() -> None:
    text = 'WEBVTT\n\n00:00.000 --> 00:01.000\n<img src="x.png">1 &lt; 2 <b>bold</b>\n'
    cue = load_track_bytes(text.encode(), "a.vtt").cues[0]
    assert cue.plain == "1 < 2 bold"
    assert "<img" not in cue.plain


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_ending(newline: str) -> None:
    data = VTT.replace("\n", newline).encode()
    track = load_track_bytes(data, "a.vtt")
    assert [c.plain for c in track.cues] == ["Caf\u00e9 & cr\u00e8me"]
    assert track.warnings == ()


def test_utf8_bom_is_not_a_problem() -> None:
    track = load_track_bytes(b"\xef\xbb\xbf" + VTT.encode(), "a.vtt")
    assert len(track) == 1 and track.warnings == ()


def test_utf16_srt_with_bom_loads_with_a_warning() -> None:
    srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\nNa\u00efve & <i>sure</i>\r\n\r\n"
    track = load_track_bytes(srt.encode("utf-16"), "a.srt")
    assert [c.plain for c in track.cues] == ["Na\u00efve & sure"]
    assert track.cues[0].text == "Na\u00efve &amp; <i>sure</i>"
    assert any("UTF-16" in w for w in track.warnings)


def test_windows_1252_srt_loads_with_a_warning() -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,000\nD\u00e9j\u00e0 vu \u2014 \u201cok\u201d\n"
    track = load_track_bytes(srt.encode("cp1252"), "old.srt")
    assert track.cues[0].plain == "D\u00e9j\u00e0 vu \u2014 \u201cok\u201d"
    assert any("Windows-1252" in w for w in track.warnings)


def test_srt_drops_font_tags_and_keeps_basic_styles() -> None:
    srt = '1\n00:00:01,000 --> 00:00:02,000\n<font color="red">Hi</font> <b>there</b>\n'
    cue = load_track_bytes(srt.encode(), "a.srt").cues[0]
    assert cue.text == "Hi <b>there</b>"
    assert cue.plain == "Hi there"


def test_sbv_loads() -> None:
    sbv = "0:00:01.000,0:00:02.500\nFirst line\n\n0:00:03.000,0:00:04.000\nSecond\n"
    track = load_track_bytes(sbv.encode(), "a.sbv")
    assert [(c.start_ms, c.end_ms, c.plain) for c in track.cues] == [
        (1000, 2500, "First line"),
        (3000, 4000, "Second"),
    ]


def test_srt_found_by_content_without_extension() -> None:
    srt = "1\n00:00:01,000 --> 00:00:02,000\nHello\n"
    assert load_track_bytes(srt.encode(), "captions").cues[0].plain == "Hello"


def test_bad_cue_is_skipped_with_its_line_named() -> None:
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nkept\n\n"
        "00:00:3.000 --> 00:00:04.000\nlost\n\n"
        "00:00:05.000 --> 00:00:06.000\nkept too\n"
    )
    track = load_track_bytes(text.encode(), "a.vtt")
    assert [c.plain for c in track.cues] == ["kept", "kept too"]
    assert len(track.warnings) == 1
    assert track.warnings[0].startswith("line 6: ")
    assert [c.line_number for c in track.cues] == [3, 9]


def test_cue_ending_before_it_starts_is_kept_with_a_warning() -> None:
    text = "WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nbackwards\n"
    track = load_track_bytes(text.encode(), "a.vtt")
    assert len(track) == 1
    assert "never show" in track.warnings[0]


def test_not_webvtt_names_file_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "notes.vtt"
    path.write_text("Hello, this is not a caption file\n")
    with pytest.raises(CaptionError) as caught:
        load_track(path)
    assert caught.value.path == str(path)
    assert "WEBVTT" in caught.value.reason
    assert str(path) in str(caught.value)


def test_missing_file_and_folder_are_clear(tmp_path: Path) -> None:
    with pytest.raises(CaptionError, match="file not found"):
        load_track(tmp_path / "nothing.vtt")
    with pytest.raises(CaptionError, match="folder"):
        load_track(tmp_path)


def test_file_over_50_mb_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.vtt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(CaptionError, match="50 MB"):
        load_track(path)


def test_over_long_line_is_cut_with_a_warning() -> None:
    long_line = "x" * (MAX_LINE_CHARS + 10)
    text = f"WEBVTT\n\n00:00.000 --> 00:01.000\n{long_line}\n"
    track = load_track_bytes(text.encode(), "a.vtt")
    assert len(track.cues[0].text) == MAX_LINE_CHARS
    assert "cut to" in track.warnings[0]


def test_cue_with_too_many_lines_is_cut_with_a_warning() -> None:
    body = "\n".join(["line"] * (MAX_CUE_LINES + 5))
    text = (
        f"WEBVTT\n\n00:00.000 --> 00:01.000\n{body}\n\n00:02.000 --> 00:03.000\nnext\n"
    )
    track = load_track_bytes(text.encode(), "a.vtt")
    assert track.cues[0].text.count("\n") == MAX_CUE_LINES - 1
    assert track.cues[1].plain == "next"
    assert any(f"cut to {MAX_CUE_LINES}" in w for w in track.warnings)


def test_region_and_settings_have_vttcue_meanings() -> None:
    text = (
        "WEBVTT\n\nREGION\nid:low width:50% lines:2 regionanchor:0%,100%\n"
        "viewportanchor:10%,90% scroll:up\n\n"
        "00:00.000 --> 00:01.000 region:low align:start\nin region\n\n"
        "00:01.000 --> 00:02.000 line:0 position:10%,line-left size:80% vertical:rl\n"
        "placed\n"
    )
    first, second = load_track_bytes(text.encode(), "a.vtt").cues
    region = first.settings.region
    assert region is not None
    assert (region.id, region.width, region.lines, region.scroll) == (
        "low",
        50,
        2,
        "up",
    )
    assert (region.viewport_anchor_x, region.viewport_anchor_y) == (10, 90)
    assert first.settings.align == "start"
    s = second.settings
    assert (s.line, s.snap_to_lines, s.position, s.position_align) == (
        0,
        True,
        10,
        "line-left",
    )
    assert (s.size, s.vertical, s.region) == (80, "rl", None)


def test_windows_1252_file_is_still_read_as_windows_1252() -> None:
    data = (
        "WEBVTT\n\n00:00.000 --> 00:01.000\n" + "\u00c9t\u00e9 \u2014 \u201cok\u201d\n"
    ).encode("cp1252")
    track = load_track_bytes(data, "old.vtt")
    assert track.cues[0].plain == "\u00c9t\u00e9 \u2014 \u201cok\u201d"
    assert track.warnings == (
        "the file is not UTF-8; it was read as Windows-1252 (Western)",
    )


def test_utf16_le_text_whose_first_character_is_nul_is_not_taken_for_utf32() -> None:
    # FF FE 00 00 also starts a UTF-32-LE BOM; bytes that are no UTF-32 rule it out.
    text = "\0\n1\n00:00:01,000 --> 00:00:02,000\nHi\n"
    log = WarningLog()
    decoded = decode_caption_bytes(b"\xff\xfe" + text.encode("utf-16-le"), log)
    assert decoded == "\ufffd" + text[1:]
    assert log.summary() == ("the file is UTF-16; WebVTT files should be UTF-8",)
