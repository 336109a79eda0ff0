"""The manifest loader takes what design.md 3 describes and refuses the rest plainly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from media.manifest import load_module, parse_timestamp
from media.model import ManifestError


def rewrite(manifest: Path, old: str, new: str) -> None:
    text = manifest.read_text(encoding="utf-8")
    assert old in text
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")


def refusal(path: Path) -> str:
    with pytest.raises(ManifestError) as caught:
        load_module(path)
    return caught.value.reason


def test_folder_and_manifest_give_the_same_module(make_module, texts):
    folder = make_module()
    module = load_module(folder)
    assert load_module(folder / "module.toml") == module
    assert (module.id, module.title, module.language) == (
        "test-module",
        "Test module",
        "en",
    )
    assert module.folder == folder.resolve()
    assert module.manifest == (folder / "module.toml").resolve()
    video = module.video("talk")
    assert video.file == folder.resolve() / "talk.mp4"
    assert [t.kind for t in video.tracks] == ["captions", "subtitles", "chapters"]
    assert video.default_track() == video.tracks[0]
    assert video.tracks[1].label == "Français"
    (segment,) = video.segments
    assert (segment.start_ms, segment.end_ms) == (10_000, 19_000)
    assert segment.checksum == ""
    assert [p.name for p, _ in segment.track_seals] == ["talk.en.vtt", "talk.fr.vtt"]
    assert dict(segment.track_seals)[folder.resolve() / "talk.en.vtt"].startswith(
        texts.sealed + " cues:"
    )
    assert [p.at_ms for p in video.pauses] == [9_000]


def test_missing_video_file_still_opens(make_module):
    module = load_module(make_module(with_video=False))
    assert not module.video("talk").file.exists()


def test_unknown_key_names_key_and_place(make_module):
    folder = make_module()
    rewrite(folder / "module.toml", 'label = "Français"', 'lable = "Français"')
    reason = refusal(folder)
    assert reason.startswith("videos[0].tracks[1]: unknown key 'lable'")
    assert "missing" not in reason


def test_unknown_top_level_key(make_module):
    folder = make_module()
    rewrite(folder / "module.toml", "schema = 1", "schema = 1\ntitel = 'x'")
    assert refusal(folder) == "unknown key 'titel'"


def test_unknown_segment_key(make_module):
    folder = make_module(segment={"speeker": "x"})
    assert refusal(folder) == "videos[0].segments[0]: unknown key 'speeker'"


def test_missing_required_key(make_module):
    folder = make_module(drop=("start",))
    assert refusal(folder) == "videos[0].segments[0]: missing key 'start'"


def test_wrong_type(make_module):
    folder = make_module()
    rewrite(folder / "module.toml", "default = true", 'default = "yes"')
    assert refusal(folder) == "videos[0].tracks[0]: 'default' must be true or false"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("schema = 2", "schema 2 is not supported (expected 1)"),
        ('schema = "1"', "'schema' must be an integer"),
        ("", "missing key 'schema'"),
    ],
)
def test_schema_must_be_1(make_module, line, expected):
    folder = make_module()
    rewrite(folder / "module.toml", "schema = 1", line)
    assert refusal(folder) == expected


def test_bad_toml_gives_line_and_column(make_module):
    folder = make_module()
    rewrite(folder / "module.toml", 'title = "Test module"', "title = Test module")
    reason = refusal(folder)
    assert reason.startswith("not valid TOML: ")
    assert "line 3" in reason


def test_not_utf8_is_one_reason(tmp_path):
    (tmp_path / "module.toml").write_bytes(b'schema = 1\ntitle = "\xff"\n')
    assert refusal(tmp_path).startswith("not UTF-8 text")


def test_track_kind_must_be_known(make_module):
    folder = make_module()
    rewrite(folder / "module.toml", 'kind = "chapters"', 'kind = "chapter"')
    reason = refusal(folder)
    assert reason.startswith("videos[0].tracks[2]: kind 'chapter' is not one of")


def test_segment_kind_must_be_storytelling(make_module):
    folder = make_module(segment={"kind": "story"})
    assert "kind 'story' is not 'storytelling'" in refusal(folder)


@pytest.mark.parametrize("bad", ["41", "0:41", "00:00:41", "00:00:61.000", "1:00:41.5"])
def test_timestamps_are_webvtt_timestamps(make_module, bad):
    folder = make_module(segment={"start": bad})
    reason = refusal(folder)
    assert reason.startswith("videos[0].segments[0].start: ")
    assert "not a WebVTT timestamp" in reason


def test_timestamp_of_the_wrong_type(make_module):
    folder = make_module()
    rewrite(folder / "module.toml", 'start = "00:00:10.000"', "start = 10")
    assert refusal(folder) == (
        "videos[0].segments[0]: 'start' must be a timestamp like \"00:00:41.000\""
    )


def test_byte_order_mark_is_fine(make_module):
    folder = make_module()
    manifest = folder / "module.toml"
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes())
    assert load_module(folder).id == "test-module"


def test_timestamp_forms():
    assert parse_timestamp("00:41.250") == 41_250
    assert parse_timestamp("01:02:03.004") == 3_723_004
    assert parse_timestamp("100:00:00.000") == 360_000_000


def test_unquoted_toml_time_is_a_timestamp(make_module):
    folder = make_module()
    rewrite(folder / "module.toml", 'start = "00:00:10.000"', "start = 00:00:10.500")
    assert load_module(folder).video("talk").segments[0].start_ms == 10_500


def test_duplicate_segment_ids(make_module):
    folder = make_module()
    text = (folder / "module.toml").read_text(encoding="utf-8")
    start = text.index("  [[videos.segments]]")
    end = text.index("  [[videos.pauses]]")
    text = text[:end] + text[start:end] + text[end:]
    (folder / "module.toml").write_text(text, encoding="utf-8")
    assert refusal(folder) == "videos[0].segments: segment id 'story' is used twice"


@pytest.mark.parametrize(
    "outside", ["../talk.en.vtt", "/etc/passwd", "sub/../../x.vtt"]
)
def test_paths_must_stay_inside_the_folder(make_module, outside):
    folder = make_module()
    rewrite(folder / "module.toml", 'file = "talk.fr.vtt"', f'file = "{outside}"')
    reason = refusal(folder)
    assert (
        reason == f"videos[0].tracks[1].file: {outside!r} is outside the module folder"
    )


def test_symlink_leading_outside_is_refused(make_module, tmp_path):
    folder = make_module()
    (tmp_path / "elsewhere.vtt").write_text("WEBVTT\n", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere.vtt", folder / "link.vtt")
    rewrite(folder / "module.toml", 'file = "talk.fr.vtt"', 'file = "link.vtt"')
    assert "outside the module folder" in refusal(folder)


def test_path_inside_a_subfolder_is_fine(make_module):
    folder = make_module()
    rewrite(
        folder / "module.toml", 'file = "talk.fr.vtt"', 'file = "sub/../talk.fr.vtt"'
    )
    track = load_module(folder).video("talk").tracks[1]
    assert track.file == folder.resolve() / "talk.fr.vtt"


def test_folder_without_manifest(tmp_path):
    assert refusal(tmp_path) == "no module.toml in this folder"


def test_missing_path(tmp_path):
    assert refusal(tmp_path / "nothing") == "no such file or folder"


def test_single_video_finds_tracks_by_name(tmp_path):
    for name in [
        "talk.mp4",
        "talk.fr.vtt",
        "talk.en.vtt",
        "talk.chapters.vtt",
        "talk.descriptions.vtt",
        "talk.de.srt",
        "talks.en.vtt",
        "other.en.vtt",
    ]:
        (tmp_path / name).write_text("WEBVTT\n", encoding="utf-8")
    module = load_module(tmp_path / "talk.mp4")
    (video,) = module.videos
    assert (module.id, video.id, video.file) == ("talk", "talk", tmp_path / "talk.mp4")
    found = {t.file.name: (t.kind, t.language, t.default) for t in video.tracks}
    assert found == {
        "talk.chapters.vtt": ("chapters", "", False),
        "talk.de.srt": ("captions", "de", True),
        "talk.descriptions.vtt": ("descriptions", "", False),
        "talk.en.vtt": ("captions", "en", False),
        "talk.fr.vtt": ("captions", "fr", False),
    }
    assert video.default_track() is not None
    assert video.default_track().file.name == "talk.de.srt"


def test_unquoted_time_is_only_a_timestamp(make_module):
    folder = make_module()
    rewrite(folder / "module.toml", 'title = "A talk"', "title = 10:00:00")
    assert refusal(folder) == "videos[0]: 'title' must be a string"


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    position=st.integers(min_value=0, max_value=1500),
    cut=st.integers(min_value=0, max_value=30),
    insert=st.text(max_size=12),
)
def test_mutated_manifests_give_a_module_or_one_manifest_error(
    make_module, position, cut, insert
):
    """Whatever the text, the loader answers with a module or a ManifestError."""
    folder = make_module()
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text[:position] + insert + text[position + cut :], "utf-8")
    try:
        module = load_module(folder)
    except ManifestError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert module.videos[0].file.is_relative_to(folder.resolve())


TOML_VALUES = ["41", "true", "[]", "{}", '""', '"x"', "00:00:01", "1.5", "[{a = 1}]"]
TOML_VALUES += ['"../x"', '"/"', "[1, 2]", '"00:99:00.000"', "2024-01-01"]


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(line=st.integers(min_value=0, max_value=80), value=st.sampled_from(TOML_VALUES))
def test_any_value_of_any_key_gives_a_module_or_one_manifest_error(
    make_module, line, value
):
    folder = make_module()
    manifest = folder / "module.toml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    keyed = [i for i, text in enumerate(lines) if "=" in text]
    chosen = keyed[line % len(keyed)]
    lines[chosen] = lines[chosen].split("=")[0] + "= " + value
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        load_module(folder)
    except ManifestError as exc:
        assert exc.reason and "\n" not in exc.reason
