"""Hostile caption files (issue 10): each case once crashed, hung or misread.

Every test here failed on the loader before this file existed; the name says the case.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from captions import CaptionError, Track, load_track, load_track_bytes
from captions.markup import MAX_TAG_DEPTH, cue_to_html

CUE = "WEBVTT\n\n00:00.000 --> 00:01.000\n"


def _load_in_thread(path: Path, seconds: float = 10) -> CaptionError | Track:
    """The load's result, failing the test (not hanging it) if it blocks."""
    result: list[CaptionError | Track] = []

    def load() -> None:
        try:
            result.append(load_track(path))
        except CaptionError as error:
            result.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert result, f"loading {path} blocked for {seconds} s"
    return result[0]


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


# --- files that are not regular files -------------------------------------------


def test_fifo_as_caption_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "talk.en.vtt"
    os.mkfifo(fifo)
    outcome = _load_in_thread(fifo)
    assert isinstance(outcome, CaptionError)
    assert outcome.path == str(fifo)
    assert "named pipe" in outcome.reason


def test_device_as_caption_file_is_refused_as_a_device() -> None:
    outcome = _load_in_thread(Path("/dev/null"))
    assert isinstance(outcome, CaptionError)
    assert outcome.reason == "is a device, not a regular file"


def test_socket_as_caption_file_is_refused_as_a_socket() -> None:
    # A short folder: a socket's path must fit in about 100 bytes.
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        path = Path(folder) / "s.vtt"
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(path))
            outcome = _load_in_thread(path)
        finally:
            server.close()
    assert isinstance(outcome, CaptionError)
    assert outcome.reason == "is a socket, not a regular file"


# --- empty and garbage files ----------------------------------------------------


@pytest.mark.parametrize("data", [b"", b" \n \n", b"\n\n", b"\t\r\n  \r\n"])
def test_whitespace_only_sbv_is_an_empty_track_with_a_warning(data: bytes) -> None:
    track = load_track_bytes(data, "blank.sbv")
    assert track.cues == ()
    assert track.warnings == ("the file is empty; it holds no captions",)


@pytest.mark.parametrize("data", [b"", b"   \n\n  \n", b"\xef\xbb\xbf\r\n"])
def test_empty_or_blank_srt_is_an_empty_track_with_a_warning(data: bytes) -> None:
    track = load_track_bytes(data, "blank.srt")
    assert track.cues == ()
    assert track.warnings == ("the file is empty; it holds no captions",)


@pytest.mark.parametrize("data", [b"", b" \n\t\n", b"\xef\xbb\xbf"])
def test_empty_or_blank_vtt_is_refused_saying_it_is_empty(data: bytes) -> None:
    with pytest.raises(CaptionError) as caught:
        load_track_bytes(data, "blank.vtt")
    assert caught.value.path == "blank.vtt"
    assert "it is empty" in caught.value.reason


def test_srt_starting_with_blank_lines_still_loads() -> None:
    data = b"\n\n1 \n00:00:01,000 --> 00:00:02,000\nHello\n"
    track = load_track_bytes(data, "late.srt")
    assert [(c.plain, c.line_number) for c in track.cues] == [("Hello", 4)]


# --- decoding -------------------------------------------------------------------


def test_utf8_with_one_stray_byte_stays_utf8_and_names_the_line() -> None:
    text = CUE + "\u00c9t\u00e9 \u00e0 Montr\u00e9al\n\n00:01.000 --> 00:02.000\nbad "
    data = text.encode() + b"\x92 byte\n"
    track = load_track_bytes(data, "a.vtt")
    assert track.cues[0].plain == "\u00c9t\u00e9 \u00e0 Montr\u00e9al"
    assert track.cues[1].plain == "bad \ufffd byte"
    assert len(track.warnings) == 1
    assert track.warnings[0].startswith("line 7: ")
    assert "not valid UTF-8" in track.warnings[0]


def test_utf8_invalid_bytes_on_several_lines_are_all_named() -> None:
    lines = ["WEBVTT", "", "00:00.000 --> 00:01.000"] + ["d\u00e9j\u00e0"] * 5
    data = "\n".join(lines).encode() + b"\n\xff\n\xfe\xfe\n"
    track = load_track_bytes(data, "a.vtt")
    assert track.warnings[0].startswith("lines 9, 10: ")
    assert track.cues[0].plain.endswith("\n\ufffd\n\ufffd\ufffd")


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom_is_read(encoding: str) -> None:
    bom = "\ufeff".encode(encoding)
    data = bom + (CUE + "\u00c9t\u00e9 \U0001f3b5\n").encode(encoding)
    track = load_track_bytes(data, "a.vtt")
    assert track.cues[0].plain == "\u00c9t\u00e9 \U0001f3b5"
    assert track.warnings == ("the file is UTF-32; WebVTT files should be UTF-8",)


# --- SRT and SBV cues that cannot load ------------------------------------------


def test_srt_cue_with_negative_time_is_warned_about_by_number_and_line() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nkept\n\n"
        "2\n-00:00:03,000 --> 00:00:04,000\nlost\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nkept too\n"
    )
    track = load_track_bytes(srt.encode(), "a.srt")
    assert [c.plain for c in track.cues] == ["kept", "kept too"]
    assert len(track.warnings) == 1
    warning = track.warnings[0]
    assert warning.startswith("line 6 (cue 2): has a negative time")
    assert warning.endswith("cue skipped")


def test_srt_cue_with_unreadable_time_is_warned_about() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nkept\n\n"
        "7\n00:00:xx,000 --> 00:00:04,000\nlost\n"
    )
    track = load_track_bytes(srt.encode(), "a.srt")
    assert [c.plain for c in track.cues] == ["kept"]
    assert track.warnings[0].startswith("line 6 (cue 7): has times that cannot be read")


def test_srt_cue_without_a_number_is_warned_about() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nkept\n\n"
        "00:00:03,000 --> 00:00:04,000\nno number\n"
    )
    track = load_track_bytes(srt.encode(), "a.srt")
    assert [c.plain for c in track.cues] == ["kept"]
    assert track.warnings == ("line 5 (cue 2): has no cue number; cue skipped",)


def test_srt_backwards_cue_warning_names_cue_and_line() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\nok\n\n12\n00:00:05,000 --> 00:00:04,000\nx\n"
    )
    track = load_track_bytes(srt.encode(), "a.srt")
    assert [c.line_number for c in track.cues] == [2, 6]
    assert track.warnings == (
        "line 6 (cue 12): cue ends before it starts; it will never show",
    )


def test_sbv_block_with_negative_time_is_warned_about() -> None:
    sbv = "0:00:01.000,0:00:02.000\nkept\n\n-0:00:03.000,0:00:04.000\nlost\n"
    track = load_track_bytes(sbv.encode(), "a.sbv")
    assert [c.plain for c in track.cues] == ["kept"]
    assert track.warnings[0].startswith("line 4 (cue 2): has a negative time")


# --- numbers too long to convert ------------------------------------------------


def test_numeric_character_reference_of_5000_digits_does_not_crash() -> None:
    text = CUE + "a &#" + "9" * 5000 + "; b &#x" + "F" * 5000 + "; c &#65;\n"
    cue = load_track_bytes(text.encode(), "a.vtt").cues[0]
    assert cue.plain == "a \ufffd b \ufffd c A"


def test_region_lines_of_5000_digits_does_not_crash() -> None:
    text = (
        "WEBVTT\n\nREGION\nid:r lines:" + "9" * 5000 + "\n\n"
        "00:00.000 --> 00:01.000 region:r\nhi\n"
    )
    region = load_track_bytes(text.encode(), "a.vtt").cues[0].settings.region
    assert region is not None and region.lines == 3


# --- warnings -------------------------------------------------------------------


def test_warnings_are_summarised_after_the_first_hundred() -> None:
    bad = "".join(f"00:00:{i % 60:02d}.00 --> 00:01:00.000\nx\n\n" for i in range(250))
    track = load_track_bytes(("WEBVTT\n\n" + bad).encode(), "a.vtt")
    assert len(track.warnings) == 101
    assert track.warnings[0].startswith("line 3: ")
    assert track.warnings[-1] == "... and 150 more warnings"


def test_two_hundred_thousand_bad_cues_keep_only_a_hundred_warnings() -> None:
    bad = "00:00:00.00 --> 00:00:01.000\nx\n\n" * 200_000
    track = load_track_bytes(("WEBVTT\n\n" + bad).encode(), "a.vtt")
    assert track.cues == ()
    assert len(track.warnings) == 101
    assert track.warnings[-1] == "... and 199900 more warnings"


# --- markup that once froze the window ------------------------------------------


def test_voice_search_on_lines_full_of_open_voice_tags_is_linear() -> None:
    # Ten 64 KB lines of "<v a" with no ">": the voice pattern used to rescan to
    # the end of the cue from every "<v" (about 30 s here); now one pass.
    line = "<v a" * (64 * 1024 // 4)
    text = CUE + "\n".join([line] * 10) + "\n"
    assert _seconds(lambda: load_track_bytes(text.encode(), "a.vtt")) < 3


def test_ten_thousand_nested_tags_are_cut_to_the_depth_limit_with_a_warning() -> None:
    # As reported: 10,000 nested tags in one cue of a 170 KB file (100 to a line).
    raw = "\n".join(["<c.x>" * 100] * 100) + "deep" + "</c>" * 10_000
    track = load_track_bytes((CUE + raw + "\n").encode(), "a.vtt")
    assert track.warnings == (
        "line 3: tags nested too deep; the deepest are shown as text",
    )
    html = cue_to_html(track.cues[0].text)
    assert html.count("<span") == MAX_TAG_DEPTH
    assert html.count("&lt;c.x&gt;") == 10_000 - MAX_TAG_DEPTH
    assert "deep" in html


def test_srt_cue_with_ten_thousand_nested_tags_is_warned_about() -> None:
    srt = "5\n00:00:01,000 --> 00:00:02,000\n" + "<b>" * 10_000 + "x\n"
    track = load_track_bytes(srt.encode(), "a.srt")
    assert track.warnings == (
        "line 2 (cue 5): tags nested too deep; the deepest are shown as text",
    )
    assert cue_to_html(track.cues[0].text).count("<b>") == MAX_TAG_DEPTH
