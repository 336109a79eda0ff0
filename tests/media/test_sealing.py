"""`seal --write`: only the seal lines of module.toml change; faults are not sealed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from media.manifest import load_module
from media.model import ManifestError
from media.sealing import seal_module
from media.storytelling import check_module


def passes(folder: Path) -> bool:
    return [p for p in check_module(load_module(folder)) if p.severity == "error"] == []


def test_seal_reports_every_track_and_writes_nothing_without_write(make_module):
    folder = make_module(sealed="none")
    before = (folder / "module.toml").read_bytes()
    report = seal_module(load_module(folder))
    assert not report.refused and not report.written
    (sealed,) = report.seals
    assert (sealed.video_id, sealed.segment_id) == ("talk", "story")
    assert [(t.name, t.cues) for t in sealed.tracks] == [
        ("talk.en.vtt", 2),
        ("talk.fr.vtt", 1),
    ]
    assert (folder / "module.toml").read_bytes() == before


def test_seal_write_adds_only_seal_lines(make_module):
    folder = make_module(sealed="none")
    manifest = folder / "module.toml"
    before = manifest.read_text(encoding="utf-8")
    report = seal_module(load_module(folder), write=True)
    after = manifest.read_text(encoding="utf-8")
    (sealed,) = report.seals
    attribution = '  attribution = "Storyteller, a stand-in for the recorded story"\n'
    added = (
        f'  seal = "{sealed.fields}"\n\n'
        "    [videos.segments.track_seals]\n"
        f'    "talk.en.vtt" = "{sealed.tracks[0].value}"\n'
        f'    "talk.fr.vtt" = "{sealed.tracks[1].value}"\n'
    )
    assert after == before.replace(attribution, attribution + added)
    assert passes(folder)


def test_seal_write_replaces_the_old_checksum_and_keeps_crlf_and_comments(make_module):
    folder = make_module(sealed="legacy")
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8").replace(
        'title = "The story"', 'title = "The story"   # reviewed 2024'
    )
    manifest.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    seal_module(load_module(folder), write=True)
    after = manifest.read_bytes().decode("utf-8")
    assert "checksum" not in after
    assert "# reviewed 2024\r\n" in after
    assert "\n" not in after.replace("\r\n", "")
    data = tomllib.loads(after)
    segment = data["videos"][0]["segments"][0]
    assert set(segment["track_seals"]) == {"talk.en.vtt", "talk.fr.vtt"}
    assert passes(folder)
    assert not [p for p in check_module(load_module(folder)) if "old" in p.message]


def test_a_second_seal_write_changes_nothing(make_module):
    folder = make_module()
    manifest = folder / "module.toml"
    before = manifest.read_bytes()
    seal_module(load_module(folder), write=True)
    assert manifest.read_bytes() == before


def test_reseal_after_a_reviewed_edit_updates_values_and_drops_stale_tracks(
    make_module, texts
):
    folder = make_module(subtitles=texts.subtitles.replace("remplace", "résume"))
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    assert '\n  "talk.fr.vtt" = ' in text
    text = text.replace(
        '\n  "talk.fr.vtt" = ',
        '\n  "./talk.old.vtt" = "sha256:x"   # gone\n  "./talk.fr.vtt" = ',
    )
    manifest.write_text(text, encoding="utf-8")
    assert not passes(folder)
    seal_module(load_module(folder), write=True)
    after = manifest.read_text(encoding="utf-8")
    assert "talk.old.vtt" not in after
    assert '\n  "talk.fr.vtt" = "sha256:' in after
    assert passes(folder)
    assert check_module(load_module(folder)) == []


def test_seal_refuses_a_cue_cut_by_the_segment_edge(make_module, texts):
    captions = texts.captions.replace(
        "00:00:04.000 --> 00:00:08.000", "00:00:04.000 --> 00:00:10.500"
    )
    folder = make_module(captions=captions, sealed="none")
    before = (folder / "module.toml").read_bytes()
    report = seal_module(load_module(folder), write=True)
    assert report.refused and not report.written
    assert [p.message for p in report.problems] == [
        "track talk.en.vtt: cue 00:00:04.000 --> 00:00:10.500 straddles the segment "
        "start 00:00:10.000: move the segment's start so that it holds whole cues"
    ]
    assert (folder / "module.toml").read_bytes() == before


@pytest.mark.parametrize("attribution", ["\u200b", "  "])
def test_seal_refuses_an_invisible_attribution(make_module, attribution):
    folder = make_module(segment={"attribution": attribution}, sealed="none")
    report = seal_module(load_module(folder), write=True)
    assert report.refused
    assert "seal" not in (folder / "module.toml").read_text(encoding="utf-8")


def test_seal_refuses_an_unreadable_track(make_module):
    folder = make_module(sealed="none")
    (folder / "talk.fr.vtt").unlink()
    report = seal_module(load_module(folder), write=True)
    assert report.refused
    assert (
        report.problems[0].message == "track talk.fr.vtt cannot be read: file missing"
    )


def test_seal_write_refuses_what_it_cannot_rewrite(make_module):
    folder = make_module(sealed="none")
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


def test_copy_by_hand_lines_are_valid_toml(make_module):
    report = seal_module(load_module(make_module(sealed="none")))
    lines = report.seals[0].toml_lines()
    table = tomllib.loads("\n".join(lines))
    assert table["seal"].startswith("sha256:")
    assert set(table["videos"]["segments"]["track_seals"]) == {
        "talk.en.vtt",
        "talk.fr.vtt",
    }
