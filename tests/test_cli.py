"""The command line (design.md 9): exit codes, one-line errors, JSON shapes, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import (
    CAPTIONS,
    MANIFEST,
    REGION_CUES,
    assert_one_line_error,
    make_module,
    run,
)

from player.cli import parse_window_args


@pytest.fixture
def module(tmp_path: Path) -> Path:
    return make_module(tmp_path)


def test_unsealed_module_fails_check(module, capsys):
    status, out, err = run(capsys, "check", module)
    assert status == 1
    assert (
        "error: talk / segment story: the story is not sealed: after review, run "
        "`transcript-player seal --write` on the module"
    ) in out
    assert "warning: talk: video talk.mp4: the video file is empty" in err
    assert out.rstrip().endswith("1 error, 1 warning")


def test_seal_write_then_check_passes(module, capsys):
    status, out, _ = run(capsys, "seal", module)
    assert status == 0
    head, own, table, track = out.splitlines()
    assert head == "# talk / story"
    assert own.startswith('seal = "sha256:') and " fields:" in own
    assert table == "[videos.segments.track_seals]"
    assert track.startswith('"talk.en.vtt" = "sha256:') and " cues:" in track
    assert own not in (module / "module.toml").read_text(encoding="utf-8")

    assert run(capsys, "seal", module, "--write")[0] == 0
    written = (module / "module.toml").read_text("utf-8")
    assert own in written and track in written
    status, out, _ = run(capsys, "check", module / "module.toml")
    assert status == 0
    assert out.rstrip().endswith(": ok (1 warning)")


def test_check_warnings_go_to_stderr_and_pass(module, capsys):
    (module / "talk.en.vtt").write_text(
        CAPTIONS.replace("<v Storyteller>This", "This"), encoding="utf-8"
    )
    run(capsys, "seal", module, "--write")
    status, out, err = run(capsys, "check", module)
    assert status == 0
    assert "carry no speaker" in err
    assert "(2 warnings)" in out


def test_check_caption_file(tmp_path, capsys):
    good = tmp_path / "good.vtt"
    good.write_text(CAPTIONS, encoding="utf-8")
    status, out, _ = run(capsys, "check", good)
    assert status == 0
    assert "3 cues" in out


def test_check_caption_file_lint(tmp_path, capsys):
    never_shown = tmp_path / "bad.vtt"
    never_shown.write_text(
        CAPTIONS.replace(
            "00:00:05.000 --> 00:00:09.000", "00:00:05.000 --> 00:00:05.000"
        ),
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "check", never_shown)
    assert status == 1
    assert "never shown" in out
    assert out.rstrip().endswith("1 error")


def test_bad_toml_is_one_line(module, capsys):
    (module / "module.toml").write_text("schema = 1\ntitle = \n", encoding="utf-8")
    status, out, err = run(capsys, "check", module)
    assert (status, out) == (2, "")
    assert_one_line_error(err, "module.toml", "not valid TOML", "line 2")


def test_unknown_key_is_one_line(module, capsys):
    text = MANIFEST.replace('label = "English"', 'lable = "English"')
    (module / "module.toml").write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "seal", module)
    assert status == 2
    assert_one_line_error(err, "videos[0].tracks[0]: unknown key 'lable'")


GARBAGE = {
    "binary.vtt": bytes(range(256)) * 4,
    "empty.vtt": b"",
    "latin1.srt": "1\n00:00:01,000 --> 00:00:02,000\ncaf\xe9\n".encode("latin-1"),
    "nul.sbv": b"\x00\xff\xfe\x00garbage",
    "truncated.vtt": b"WEBVTT\n\n00:00:01.000 --> 00:0",
}


@pytest.mark.parametrize("command", ["check", "cues"])
@pytest.mark.parametrize("name", sorted(GARBAGE))
def test_garbage_caption_files_never_give_a_traceback(tmp_path, capsys, command, name):
    path = tmp_path / name
    path.write_bytes(GARBAGE[name])
    status, _, err = run(capsys, command, path)
    assert status in (0, 2)
    assert "Traceback" not in err
    if status == 2:
        assert_one_line_error(err, name)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check", "{tmp}/missing"], ["missing", "no such file or folder"]),
        (["check", "{tmp}"], ["no module.toml in this folder"]),
        (["cues", "{tmp}/missing.vtt"], ["missing.vtt"]),
        (["cues", "{tmp}"], []),
        (["seal", "{tmp}/x.toml"], ["x.toml"]),
        (["export", "{tmp}/x.toml", "--format", "txt"], ["x.toml"]),
    ],
)
def test_unreadable_inputs_exit_2(tmp_path, capsys, args, words):
    args = [arg.format(tmp=tmp_path) for arg in args]
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert_one_line_error(err, *words)


def test_cues_json_shape(tmp_path, capsys):
    path = tmp_path / "regions.vtt"
    path.write_text(REGION_CUES, encoding="utf-8")
    status, out, _ = run(capsys, "cues", path, "--json")
    assert status == 0
    first, second = json.loads(out)
    assert first == {
        "id": "intro",
        "start": 1.5,
        "end": 4,
        "text": "<v Narrator>Fish &amp; <b>chips</b>",
        "plain": "Fish & chips",
        "voice": "Narrator",
        "settings": {
            "vertical": "",
            "snapToLines": True,
            "line": "auto",
            "lineAlign": "start",
            "position": "auto",
            "positionAlign": "auto",
            "size": 100,
            "align": "left",
            "region": {
                "id": "fred",
                "width": 40,
                "lines": 3,
                "regionAnchorX": 0,
                "regionAnchorY": 100,
                "viewportAnchorX": 10,
                "viewportAnchorY": 90,
                "scroll": "up",
            },
        },
    }
    assert (second["id"], second["start"], second["end"]) == ("", 4, 6.25)
    assert second["voice"] == ""
    settings = second["settings"]
    assert (settings["line"], settings["position"], settings["size"]) == (0, 20, 50)
    assert (settings["vertical"], settings["region"]) == ("rl", None)


def test_cues_listing(tmp_path, capsys):
    path = tmp_path / "c.vtt"
    path.write_text(CAPTIONS, encoding="utf-8")
    status, out, _ = run(capsys, "cues", path)
    assert status == 0
    assert out.splitlines()[0] == (
        "00:00:01.000 --> 00:00:04.000  [Narrator] Welcome to the module."
    )


def test_export_txt_keeps_the_attribution(module, tmp_path, capsys):
    target = tmp_path / "out.txt"
    status, _, _ = run(
        capsys, "export", module, "--video", "talk", "--format", "txt", "-o", target
    )
    assert status == 0
    text = target.read_text(encoding="utf-8")
    assert "Storyteller, a stand-in for the recorded story" in text
    assert "This cue stands in for the recorded story." in text


@pytest.mark.parametrize("fmt", ["vtt", "srt", "html"])
def test_export_to_stdout(module, capsys, fmt):
    status, out, _ = run(capsys, "export", module, "--format", fmt)
    assert status == 0
    assert "recorded story" in out


def test_export_pdf_holds_the_whole_story_and_its_attribution(module, tmp_path, capsys):
    from PySide6.QtPdf import QPdfDocument

    target = tmp_path / "out.pdf"
    status, out, err = run(
        capsys, "export", module, "--format", "pdf", "--from", "0:06", "--to", "0:07",
        "-o", target,
    )  # fmt: skip
    assert (status, out, err) == (0, "", f"{target}: written\n")
    document = QPdfDocument(None)
    assert document.load(str(target)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(0).text().split())
    assert "This cue stands in for the recorded story." in text
    assert "Storyteller, a stand-in for the recorded story" in text
    assert "Thank you for listening." not in text
    document.close()


def test_export_pdf_to_a_missing_folder_is_one_line(module, tmp_path, capsys):
    target = tmp_path / "missing" / "out.pdf"
    status, _, err = run(capsys, "export", module, "--format", "pdf", "-o", target)
    assert status == 2
    assert_one_line_error(err, str(target), "No such file or directory")


def test_export_unknown_video(module, capsys):
    status, _, err = run(capsys, "export", module, "--video", "nope", "--format", "txt")
    assert status == 2
    assert_one_line_error(err, "no video 'nope' (videos: talk)")


def test_window_options_are_parsed():
    args = parse_window_args(["talk.mp4", "--video", "v", "--at", "0:45"])
    assert (args.path, args.video, args.at_ms) == ("talk.mp4", "v", 45_000)
    assert parse_window_args([]).path is None


def test_bad_window_option_exits_2(capsys):
    status, _, err = run(capsys, "--at", "soon")
    assert status == 2
    assert "--at: 'soon' is not a time" in err


def test_subcommands_never_import_qt(module, tmp_path):
    vtt = module / "talk.en.vtt"
    index = tmp_path / "index.sqlite3"
    script = f"""
import sys
from player.cli import main
main(["check", {str(module)!r}])
main(["seal", {str(module)!r}])
main(["cues", {str(vtt)!r}, "--json"])
main(["search", "story", "--module", {str(module)!r}, "--index", {str(index)!r}])
main(["export", {str(module)!r}, "--format", "html"])
print("QT", sorted(name for name in sys.modules if name.startswith("PySide6")))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "QT []"


def test_python_m_player_cli(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "player.cli", "check", str(tmp_path / "none.toml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert_one_line_error(result.stderr, "none.toml")
