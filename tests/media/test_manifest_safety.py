"""Hostile manifests (issue 10): nested, huge, not a regular file, random structures.

Whatever a module.toml holds, loading it gives a module or one ManifestError that
names the file and says why in one line; it never hangs or raises anything else.
"""

from __future__ import annotations

import json
import os
import string
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from media.manifest import MAX_MANIFEST_BYTES, load_module
from media.model import ManifestError

HEAD = 'schema = 1\nid = "m"\ntitle = "M"\n'
VIDEO = '\n[[videos]]\nid = "v"\ntitle = "V"\nfile = "v.mp4"\n'


def refusal(path: Path) -> ManifestError:
    with pytest.raises(ManifestError) as caught:
        load_module(path)
    assert caught.value.reason and "\n" not in caught.value.reason
    return caught.value


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "module.toml").write_text(text, encoding="utf-8")
    return folder


def test_deeply_nested_arrays_are_one_plain_error(tmp_path):
    folder = write(tmp_path, HEAD + "videos = " + "[" * 5000 + "]" * 5000 + "\n")
    error = refusal(folder)
    assert error.path.endswith("module.toml")
    assert "nested too deeply" in error.reason


def test_deeply_nested_inline_tables_are_one_plain_error(tmp_path):
    folder = write(tmp_path, HEAD + "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n")
    assert "nested too deeply" in refusal(folder).reason


def test_a_manifest_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path):
    track = '  [[videos.tracks]]\n  kind = "captions"\n  file = "t.vtt"\n'
    text = HEAD + VIDEO + track * 200_000
    assert len(text) > MAX_MANIFEST_BYTES
    folder = write(tmp_path, text)
    began = time.monotonic()
    reason = refusal(folder).reason
    took = time.monotonic() - began
    print(f"refused a {len(text) / 1e6:.1f} MB manifest in {took:.3f} s")
    assert reason == "file is 10.9 MB; manifests over 1 MB are refused"


def test_too_many_tracks_in_a_small_manifest_are_refused_by_count(tmp_path):
    tracks = ",".join(['{kind="captions",file="t.vtt"}'] * 20_000)
    folder = write(tmp_path, HEAD + VIDEO + f"tracks = [{tracks}]\n")
    assert (
        refusal(folder).reason
        == "videos[0]: 20000 tracks; a video may list at most 200"
    )


def test_too_many_videos_are_refused_by_count(tmp_path):
    videos = ",".join(f'{{id="v{i}",title="V",file="v.mp4"}}' for i in range(600))
    folder = write(tmp_path, HEAD + f"videos = [{videos}]\n")
    assert refusal(folder).reason == "the module lists 600 videos; at most 500 are read"


def test_too_many_pauses_are_refused_by_count(tmp_path):
    pauses = ",".join(['{at="00:00:01.000"}'] * 1001)
    folder = write(tmp_path, HEAD + VIDEO + f"pauses = [{pauses}]\n")
    assert "1001 pauses; a video may list at most 1000" in refusal(folder).reason


@pytest.mark.timeout(20)
def test_a_fifo_manifest_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "module.toml")
    error = refusal(tmp_path)
    assert error.reason == "is a named pipe (FIFO), not a regular file"
    assert refusal(tmp_path / "module.toml").reason == error.reason


def test_a_folder_named_module_toml_is_refused(tmp_path):
    (tmp_path / "module.toml").mkdir()
    assert refusal(tmp_path).reason == "is a folder, not a file"


@pytest.mark.timeout(20)
def test_a_fifo_given_as_a_video_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "talk.mp4")
    assert refusal(tmp_path / "talk.mp4").reason == (
        "is a named pipe (FIFO), not a regular file"
    )


def test_a_nul_in_a_file_name_is_one_plain_error(tmp_path):
    folder = write(tmp_path, HEAD + VIDEO.replace('"v.mp4"', '"v\\u0000.mp4"'))
    assert (
        refusal(folder).reason == "videos[0].file: the file name holds a NUL character"
    )


def test_a_very_long_file_name_is_one_plain_error(tmp_path):
    folder = write(tmp_path, HEAD + VIDEO.replace("v.mp4", "v" * 5000 + ".mp4"))
    try:
        module = load_module(folder)
    except ManifestError as error:
        assert error.reason.startswith("videos[0].file: ")
    else:
        assert module.videos[0].file.parent == folder.resolve()


def test_a_huge_hour_count_is_one_plain_error(tmp_path):
    segment = (
        '\n  [[videos.segments]]\n  id = "s"\n  kind = "storytelling"\n  title = "S"\n'
        f'  start = "{"9" * 400}:00:00.000"\n  end = "00:00:01.000"\n'
    )
    folder = write(tmp_path, HEAD + VIDEO + segment)
    assert "too far into a video" in refusal(folder).reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('stand_in = "yes"', "videos[0].segments[0]: 'stand_in' must be true or false"),
        ("seal = 1", "videos[0].segments[0]: 'seal' must be a string"),
        ('track_seals = "x"', "videos[0].segments[0]: 'track_seals' must be a table"),
        (
            "track_seals = { a = 1 }",
            "videos[0].segments[0].track_seals: the seal of 'a' must be a string",
        ),
        (
            'track_seals = { "../a.vtt" = "sha256:x" }',
            "videos[0].segments[0].track_seals: '../a.vtt': '../a.vtt' is outside "
            "the module folder",
        ),
    ],
)
def test_seal_keys_are_validated(tmp_path, line, reason):
    segment = (
        '\n  [[videos.segments]]\n  id = "s"\n  kind = "storytelling"\n  title = "S"\n'
        f'  start = "00:00:01.000"\n  end = "00:00:02.000"\n  {line}\n'
    )
    assert refusal(write(tmp_path, HEAD + VIDEO + segment)).reason == reason


# -- property-based: random TOML structures ------------------------------------------

KEYS = [
    "schema", "id", "title", "language", "credit", "contact", "videos", "file",
    "tracks", "segments", "pauses", "kind", "label", "default", "start", "end",
    "speaker", "attribution", "stand_in", "seal", "track_seals", "checksum", "at",
    "prompt", "sign", "captions", "storytelling",
]  # fmt: skip
HOSTILE = st.sampled_from(
    [
        "", " ", "\u200b", "../x", "/etc/passwd", "a\nb", "-->", "<script>",
        "\x1b]0;x\x07",
        "00:00:01.000", "99:59:59.999", "sha256:" + "0" * 64, "ase", "sgn-US", "v.mp4",
        "x" * 300, "\ud7ff", "é", "\\", '"',
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.floats(allow_nan=False),
    HOSTILE,
    st.text(max_size=20),
)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f'"{k}" = {toml_value(v)}' for k, v in value.items()) + "}"


VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS), children, max_size=5)
    ),
    max_leaves=25,
)
DOCUMENTS = st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=8)


def looks_like_a_module() -> st.SearchStrategy[dict[str, object]]:
    """Near-valid modules: the right shape, random values and extra keys inside."""
    segment = st.fixed_dictionaries(
        {"id": HOSTILE, "kind": st.just("storytelling"), "title": HOSTILE,
         "start": HOSTILE, "end": HOSTILE},
        optional={"speaker": HOSTILE, "attribution": HOSTILE, "stand_in": SCALARS,
                  "seal": HOSTILE,
                  "track_seals": st.dictionaries(HOSTILE, VALUES, max_size=3)},
    )  # fmt: skip
    track = st.fixed_dictionaries(
        {"kind": st.sampled_from(["captions", "subtitles", "sign", "chapters", "x"]),
         "file": HOSTILE},
        optional={"language": HOSTILE, "label": HOSTILE, "default": SCALARS},
    )  # fmt: skip
    video = st.fixed_dictionaries(
        {"id": HOSTILE, "title": HOSTILE, "file": HOSTILE},
        optional={"tracks": st.lists(track, max_size=3),
                  "segments": st.lists(segment, max_size=2), "pauses": VALUES},
    )  # fmt: skip
    return st.fixed_dictionaries(
        {"schema": st.just(1), "id": HOSTILE, "title": HOSTILE,
         "videos": st.lists(video, min_size=1, max_size=2)},
        optional={"credit": HOSTILE, "contact": SCALARS},
    )  # fmt: skip


def load_text(folder: Path, text: str) -> None:
    (folder / "module.toml").write_text(text, encoding="utf-8")
    try:
        module = load_module(folder)
    except ManifestError as error:
        assert error.reason and "\n" not in error.reason
        assert error.path.endswith("module.toml")
    else:
        for video in module.videos:
            assert video.file.is_relative_to(folder.resolve())
            for track in (*video.tracks, *video.sign_tracks):
                assert track.file.is_relative_to(folder.resolve())


FUZZ = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(document=DOCUMENTS)
def test_random_structures_give_a_module_or_one_manifest_error(tmp_path, document):
    load_text(
        tmp_path, "\n".join(f'"{k}" = {toml_value(v)}' for k, v in document.items())
    )


@FUZZ
@given(document=looks_like_a_module())
def test_near_valid_modules_give_a_module_or_one_manifest_error(tmp_path, document):
    load_text(
        tmp_path, "\n".join(f'"{k}" = {toml_value(v)}' for k, v in document.items())
    )


@FUZZ
@given(text=st.text(alphabet=string.printable + "[]{}=\"'\u200b\ud7ff", max_size=400))
def test_random_text_gives_a_module_or_one_manifest_error(tmp_path, text):
    load_text(tmp_path, HEAD + text)
