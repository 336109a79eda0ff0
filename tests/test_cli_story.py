"""`check`, `seal` and `export` keep the story's promise (issue 14), on copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_support import run

from captions.loader import load_track_bytes
from media.samples import sample_module_path


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(sample_module_path(), target)
    return target


def tamper_french(folder: Path) -> None:
    path = folder / "building-trust.fr.vtt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("ses propres mots", "ses mots"), encoding="utf-8")


def test_check_names_the_track_the_cue_and_what_changed(sample, capsys):
    tamper_french(sample)
    status, out, _ = run(capsys, "check", sample)
    assert status == 1
    assert out.splitlines()[0] == (
        "error: building-trust / segment own-stories: track building-trust.fr.vtt: "
        "the words of the cue at 2:14.249 changed since the review (now “avec ses "
        "mots.”)"
    )
    assert "sha256" not in out
    assert out.rstrip().endswith("1 error, 0 warnings")


@pytest.mark.parametrize("fmt", ["txt", "html", "vtt", "srt", "pdf"])
def test_export_refuses_an_altered_story_with_the_reason(sample, tmp_path, capsys, fmt):
    path = sample / "building-trust.en.vtt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("These are not her words.", "Her words."), "utf-8")
    target = tmp_path / f"out.{fmt}"
    status, out, err = run(capsys, "export", sample, "--format", fmt, "-o", target)
    assert (status, out) == (1, "")
    (line,) = err.splitlines()
    assert line.startswith(
        "transcript-player: the story “Telling their own stories (stand-in)” "
        "(Stand-in for the story of Rose Henry, Aboriginal community consultant, "
        "Coast Salish territory) differs from the version that was reviewed, so it "
        "is not exported: in building-trust.en.vtt, the words of the cue at "
        "2:27.891 changed since the review (now “Her words.”)."
    )
    assert line.endswith("to review it and seal it again.")
    assert not target.exists()


def test_export_of_the_other_video_is_not_refused(sample, capsys):
    tamper_french(sample)
    status, _, _ = run(
        capsys, "export", sample, "--video", "duty-to-report", "--format", "txt"
    )
    assert status == 0


def test_the_vtt_export_shows_the_stand_in_attribution_over_the_story(sample, capsys):
    status, out, _ = run(capsys, "export", sample, "--format", "vtt")
    assert status == 0
    cues = load_track_bytes(out.encode("utf-8"), "out.vtt").cues
    (credit,) = [c for c in cues if c.identifier == "storytelling-attribution-1"]
    assert (credit.start_ms, credit.end_ms) == (127_648, 179_789)
    assert credit.plain == (
        "[Storytelling segment: Telling their own stories (stand-in): Stand-in for "
        "the story of Rose Henry, Aboriginal community consultant, Coast Salish "
        "territory]"
    )
    assert "told by" not in out.lower()


def test_search_hits_in_the_stand_in_say_so(tmp_path, capsys):
    index = tmp_path / "index.sqlite3"
    status, out, _ = run(capsys, "search", "recorded", "--index", index)
    assert status == 0
    assert (
        "(Stand-in for the story of Rose Henry, Aboriginal community consultant" in out
    )
    assert "told by" not in out


def test_sealing_the_sample_again_changes_nothing(sample, capsys):
    before = (sample / "module.toml").read_bytes()
    status, out, _ = run(capsys, "seal", sample, "--write")
    assert status == 0
    assert out.startswith("# building-trust / own-stories\nseal = ")
    assert (sample / "module.toml").read_bytes() == before


def test_seal_refuses_to_seal_a_fault_and_exits_1(sample, capsys):
    path = sample / "module.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('start = "00:02:07.648"', 'start = "00:02:08.000"'), "utf-8"
    )
    before = path.read_bytes()
    status, out, err = run(capsys, "seal", sample, "--write")
    assert status == 1
    assert (
        "error: building-trust / segment own-stories: track building-trust.en.vtt: "
        "cue 00:02:07.648 --> 00:02:10.671 straddles the segment start 00:02:08.000"
    ) in out
    assert err.endswith("not sealed; fix the errors above first\n")
    assert path.read_bytes() == before
