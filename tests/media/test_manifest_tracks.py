"""Adding a track to module.toml: only the new table changes, and it is validated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from media.manifest import load_manifest
from media.manifest_tracks import (
    NewTrack,
    add_track,
    add_track_text,
    find_module_of,
    is_listed,
    track_for,
)
from media.model import ManifestError

SAMPLE = (
    Path(__file__).resolve().parents[2] / "media" / "modules" / "trusting-relationship"
)

MANIFEST = """# A hand-written module; this comment must survive.
schema = 1
id = "m"
title = "M"

[[videos]]
id = "first"
title = "First"   # trailing comment
file = "first.mp4"

  [[videos.tracks]]
  kind = "chapters"
  language = "en"
  file = "first.chapters.vtt"

  [[videos.pauses]]
  at = "00:00:01.000"
  prompt = "Think."

[[videos]]
id = "second"
title = "Second"
file = "second.mp4"
"""

TRACK = NewTrack("captions", "en", "English (aligned)", "first.en.vtt", default=True)


def module_folder(tmp_path: Path, text: str = MANIFEST) -> Path:
    folder = tmp_path / "m"
    folder.mkdir()
    for name in ("first.mp4", "second.mp4", "first.chapters.vtt", "first.en.vtt"):
        (folder / name).write_bytes(b"")
    (folder / "module.toml").write_bytes(text.encode())
    return folder


def test_the_new_table_follows_the_videos_last_track(tmp_path):
    updated = add_track_text(MANIFEST, 0, TRACK, tmp_path / "module.toml")
    expected = MANIFEST.replace(
        '  file = "first.chapters.vtt"\n',
        '  file = "first.chapters.vtt"\n\n'
        "  [[videos.tracks]]\n"
        '  kind = "captions"\n'
        '  language = "en"\n'
        '  label = "English (aligned)"\n'
        '  file = "first.en.vtt"\n'
        "  default = true\n",
    )
    assert updated == expected


def test_a_video_without_tracks_gets_one_after_its_own_keys(tmp_path):
    track = NewTrack("captions", "en", "E", "second.en.vtt")
    updated = add_track_text(MANIFEST, 1, track, tmp_path / "module.toml")
    assert updated.startswith(MANIFEST)
    assert updated[len(MANIFEST) :] == (
        "\n"
        "  [[videos.tracks]]\n"
        '  kind = "captions"\n'
        '  language = "en"\n'
        '  label = "E"\n'
        '  file = "second.en.vtt"\n'
    )


def test_crlf_line_ends_and_a_missing_final_newline_are_kept(tmp_path):
    text = MANIFEST.replace("\n", "\r\n").rstrip("\r\n")
    updated = add_track_text(text, 1, TRACK, tmp_path / "module.toml")
    assert "\n" not in updated.replace("\r\n", "")
    assert updated.startswith(text + "\r\n")


def test_odd_characters_in_values_are_escaped(tmp_path):
    track = NewTrack("captions", "en", 'Say "hi" \\ bye', "first.en.vtt")
    updated = add_track_text(MANIFEST, 0, track, tmp_path / "module.toml")
    assert 'label = "Say \\"hi\\" \\\\ bye"' in updated


def test_an_inline_tracks_array_cannot_be_extended_safely(tmp_path):
    text = MANIFEST.replace(
        'file = "second.mp4"\n', 'file = "second.mp4"\ntracks = []\n'
    )
    with pytest.raises(ManifestError, match="add it by hand"):
        add_track_text(text, 1, TRACK, tmp_path / "module.toml")


def test_add_track_writes_a_manifest_that_loads(tmp_path):
    folder = module_folder(tmp_path)
    module = load_manifest(folder / "module.toml")
    add_track(module, module.videos[0], TRACK)
    reloaded = load_manifest(folder / "module.toml")
    tracks = reloaded.videos[0].tracks
    assert [(t.kind, t.file.name, t.default) for t in tracks] == [
        ("chapters", "first.chapters.vtt", False),
        ("captions", "first.en.vtt", True),
    ]
    assert (folder / "module.toml").read_text().startswith("# A hand-written module")
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_a_track_that_would_make_the_manifest_invalid_leaves_it_untouched(tmp_path):
    folder = module_folder(tmp_path)
    module = load_manifest(folder / "module.toml")
    before = (folder / "module.toml").read_bytes()
    bad = NewTrack("captions", "en", "E", "../outside.vtt")
    with pytest.raises(ManifestError, match="outside the module folder") as caught:
        add_track(module, module.videos[0], bad)
    assert caught.value.path == str(folder / "module.toml")
    assert (folder / "module.toml").read_bytes() == before
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


def test_the_sample_module_gets_its_new_track_and_still_checks(tmp_path):
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE, folder)
    found = find_module_of(folder / "building-trust.mp4")
    assert found is not None
    module, video = found
    new_file = folder / "building-trust.aligned.en.vtt"
    new_file.write_text("WEBVTT\n")
    assert not is_listed(video, new_file)
    track = track_for(module, video, new_file, "en")
    assert (track.file, track.label, track.default) == (
        "building-trust.aligned.en.vtt",
        "English (aligned)",
        False,
    )
    add_track(module, video, track)
    again = find_module_of(folder / "building-trust.mp4")
    assert again is not None and is_listed(again[1], new_file)
    original = (SAMPLE / "module.toml").read_text()
    changed = (folder / "module.toml").read_text()
    assert len(changed.splitlines()) == len(original.splitlines()) + 6


def test_a_track_file_outside_the_module_is_refused(tmp_path):
    folder = module_folder(tmp_path)
    module = load_manifest(folder / "module.toml")
    with pytest.raises(ManifestError, match="outside the module folder"):
        track_for(module, module.videos[0], tmp_path / "elsewhere.vtt", "en")


def test_media_no_manifest_lists_belongs_to_no_module(tmp_path):
    folder = module_folder(tmp_path)
    assert find_module_of(folder / "other.mp4") is None
    (folder / "module.toml").write_text("not [ toml")
    assert find_module_of(folder / "first.mp4") is None


def test_media_in_a_subfolder_is_found_from_the_module_above(tmp_path):
    folder = module_folder(tmp_path, MANIFEST.replace('"second.mp4"', '"media/b.mp4"'))
    (folder / "media").mkdir()
    (folder / "media" / "b.mp4").write_bytes(b"")
    found = find_module_of(folder / "media" / "b.mp4")
    assert found is not None and found[1].id == "second"
