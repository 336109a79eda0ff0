"""Random and mutated files never raise anything but CaptionError, and never hang."""

from __future__ import annotations

import shared_data
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from captions import CaptionError, load_track_bytes

CORPUS = shared_data.CORPUS
SEEDS = [
    (CORPUS / "elephants-dream" / "captions.en.vtt").read_bytes(),
    (CORPUS / "ableplayer" / "wwa_captions_ja.vtt").read_bytes(),
    b"WEBVTT\n\nREGION\nid:r width:40%\n\n"
    b"00:00.000 --> 00:01.000 region:r line:0\nhi\n",
    b"1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>x</i>\r\n",
    b"0:00:01.000,0:00:02.000\nsbv text\n",
]
TOKENS = [
    b"-->",
    b"\n",
    b"\r",
    b"\0",
    b"<v ",
    b"&amp",
    b"REGION",
    b"WEBVTT",
    b":",
    b"%",
]


def _load(data: bytes, name: str) -> None:
    try:
        track = load_track_bytes(data, name)
    except CaptionError as error:
        assert error.reason
        return
    for cue in track.cues:
        assert isinstance(cue.start_ms, int) and isinstance(cue.end_ms, int)
        assert isinstance(cue.plain, str)
    assert len(track.warnings) <= 101
    track.active_at(1000)


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(max_size=4000),
    name=st.sampled_from(["a.vtt", "a.srt", "a.sbv", "x"]),
)
@example(data=b" \n \n", name="a.sbv")  # webvtt-py raised StopIteration
@example(data=b"\xff\xfe\x00\x00W\x00\x00\x00", name="a.vtt")  # UTF-32-LE BOM
@example(data=b"WEBVTT\n\n00:00.000 --> 00:01.000\n&#" + b"9" * 5000, name="a.vtt")
def test_random_bytes(data: bytes, name: str) -> None:
    _load(data, name)


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(SEEDS),
    edits=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=10_000),
            st.integers(min_value=0, max_value=20),
            st.one_of(st.binary(max_size=8), st.sampled_from(TOKENS)),
        ),
        max_size=12,
    ),
    name=st.sampled_from(["a.vtt", "a.srt", "a.sbv"]),
)
def test_mutated_valid_files(
    seed: bytes, edits: list[tuple[int, int, bytes]], name: str
) -> None:
    data = bytearray(seed)
    for position, cut, insert in edits:
        at = position % (len(data) + 1)
        data[at : at + cut] = insert
    _load(bytes(data), name)


@settings(max_examples=60, deadline=5000)
@given(count=st.integers(min_value=1, max_value=2000))
def test_pathological_angle_brackets_stay_fast(count: int) -> None:
    text = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + "<" * count + "&" * count + "\n"
    track = load_track_bytes(text.encode(), "a.vtt")
    assert len(track) == 1
