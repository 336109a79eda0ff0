"""`transcript-player align`: captions from a transcript, exit codes, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from align_support import Clip, cut_clip, silent_video
from cli_support import assert_one_line_error, run

from captions.loader import load_track
from player.cli import align as cli_align

MANIFEST = """schema = 1
id = "clip-module"
title = "A clip"

[[videos]]
id = "talk"
title = "A talk"
file = "talk.wav"

  [[videos.segments]]
  id = "story"
  kind = "storytelling"
  title = "The story"
  start = "00:00:09.025"
  end = "00:00:16.000"
  speaker = "Narrator"
  attribution = "A stand-in for a recorded story"
"""


def find_model_folder() -> Path:
    """The folder of pocketsphinx's own English model (as --model DIR)."""
    import pocketsphinx

    return Path(pocketsphinx.get_model_path()) / "en-us"


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Clip:
    return cut_clip(tmp_path_factory.mktemp("clip"), 43.0, 16.5, name="talk.wav")


@pytest.fixture
def talk(tmp_path: Path, clip: Clip) -> tuple[Path, Path]:
    """A copy of the clip and its transcript in a fresh folder."""
    media = tmp_path / "talk.wav"
    media.write_bytes(clip.path.read_bytes())
    transcript = tmp_path / "talk.txt"
    transcript.write_text(clip.transcript(), encoding="utf-8")
    return media, transcript


def test_captions_are_written_beside_the_media_and_pass_check(talk, capsys):
    media, transcript = talk
    status, out, err = run(capsys, "align", media, transcript)
    assert status == 0, err
    output = media.with_name("talk.en.vtt")
    assert out.startswith(f"{output}: ") and " captions from " in out
    track = load_track(output)
    said = " ".join(" ".join(c.plain.split()) for c in track.cues)
    assert said == " ".join(transcript.read_text().split()).replace("Narrator: ", "")
    status, out, err = run(capsys, "check", output)
    assert status == 0
    assert out.strip().endswith(", ok") and "error" not in out + err


def test_the_language_names_the_default_output(tmp_path):
    media = tmp_path / "talk.mp4"
    assert cli_align.default_output(media, "en-GB") == tmp_path / "talk.en.vtt"
    assert cli_align.default_output(media, "fr") == tmp_path / "talk.fr.vtt"


def test_an_existing_file_is_kept_unless_forced(talk, capsys):
    media, transcript = talk
    output = media.with_name("talk.en.vtt")
    output.write_text("keep me")
    status, _, err = run(capsys, "align", media, transcript)
    assert status == 2
    assert_one_line_error(err, str(output), "already exists", "--force")
    assert output.read_text() == "keep me"
    status, _, err = run(capsys, "align", media, transcript, "--force")
    assert status == 0, err
    assert output.read_text().startswith("WEBVTT")


def test_the_output_may_not_be_an_input(talk, capsys):
    media, transcript = talk
    before = media.read_bytes()
    status, _, err = run(capsys, "align", media, transcript, "-o", media, "--force")
    assert status == 2
    assert_one_line_error(err, "is an input")
    assert media.read_bytes() == before


def test_an_output_folder_that_does_not_exist(talk, capsys):
    media, transcript = talk
    status, _, err = run(
        capsys, "align", media, transcript, "-o", media.parent / "no" / "x.vtt"
    )
    assert status == 2
    assert_one_line_error(err, "no such folder")


@pytest.mark.parametrize("kind", ["missing", "folder", "fifo", "garbage", "silent"])
def test_unreadable_media_is_one_line_exit_2(talk, capsys, tmp_path, kind):
    _, transcript = talk
    bad = tmp_path / f"bad-{kind}.mp4"
    if kind == "folder":
        bad.mkdir()
    elif kind == "fifo":
        os.mkfifo(bad)
    elif kind == "garbage":
        bad.write_bytes(b"\x00not media" * 50)
    elif kind == "silent":
        bad = silent_video(tmp_path)
    status, _, err = run(capsys, "align", bad, transcript, "-o", tmp_path / "o.vtt")
    assert status == 2
    assert_one_line_error(err, str(bad))
    assert not (tmp_path / "o.vtt").exists()


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"\xff\xfe\x00\xd8", "UTF-16"), (b"caf\xe9", "not UTF-8"), (b"\n\n", "no words")],
)
def test_unreadable_transcripts_are_one_line_exit_2(talk, capsys, data, reason):
    media, transcript = talk
    transcript.write_bytes(data)
    status, _, err = run(capsys, "align", media, transcript)
    assert status == 2
    assert_one_line_error(err, str(transcript), reason)


def test_a_transcript_that_is_a_fifo_does_not_block(talk, capsys, tmp_path):
    media, _ = talk
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    status, _, err = run(capsys, "align", media, fifo)
    assert status == 2
    assert_one_line_error(err, "named pipe")


def test_another_language_needs_a_model(talk, capsys):
    media, transcript = talk
    status, _, err = run(capsys, "align", media, transcript, "--language", "fr")
    assert status == 2
    assert_one_line_error(err, "only an English speech model ships", "--model DIR")
    status, _, err = run(capsys, "align", media, transcript, "--model", media)
    assert status == 2
    assert_one_line_error(err, "not a model folder")


def test_a_language_that_is_not_a_tag_is_a_usage_error(talk, capsys):
    media, transcript = talk
    status, _, err = run(capsys, "align", media, transcript, "--language", "../x")
    assert status == 2
    assert "is not a language tag" in err
    assert list(media.parent.glob("*.vtt")) == []


def test_without_pocketsphinx_the_command_says_how_to_install_it(
    talk, capsys, monkeypatch
):
    monkeypatch.setitem(sys.modules, "pocketsphinx", None)
    media, transcript = talk
    status, _, err = run(capsys, "align", media, transcript)
    assert status == 2
    assert_one_line_error(err, "pip install 'transcript-player[align]'")


def test_words_not_heard_are_warned_about_with_their_times(talk, capsys):
    media, transcript = talk
    with transcript.open("a", encoding="utf-8") as stream:
        stream.write("\nThese words were never recorded.\n")
    status, _, err = run(capsys, "align", media, transcript)
    assert status == 0
    assert "warning: 5 words were not heard in the recording" in err
    listed = [line.split() for line in err.splitlines() if line.startswith("  00:")]
    assert " ".join(words[1] for words in listed) == "These words were never recorded."


def test_words_with_no_pronunciation_are_named(talk, capsys):
    media, transcript = talk
    text = transcript.read_text(encoding="utf-8").replace(
        "Be patient.", "Be 患者 patient."
    )
    transcript.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "align", media, transcript)
    assert status == 0
    assert "note: no pronunciation could be found for: 患者" in err
    assert "warning: 1 word was not heard" in err


def test_progress_goes_to_stderr_for_long_media(talk, capsys, monkeypatch):
    monkeypatch.setattr(cli_align, "PROGRESS_FROM_MS", 1_000)
    media, transcript = talk
    status, out, err = run(capsys, "align", media, transcript)
    assert status == 0
    progress = [line for line in err.splitlines() if line.startswith("aligning: ")]
    assert progress and progress[-1].endswith("(100 %)")
    assert "aligning" not in out


def test_short_media_shows_no_progress(talk, capsys):
    media, transcript = talk
    _, _, err = run(capsys, "align", media, transcript)
    assert "aligning: " not in err


def test_a_module_video_gets_its_track_and_the_story_still_needs_a_seal(talk, capsys):
    media, transcript = talk
    (media.parent / "module.toml").write_text(MANIFEST, encoding="utf-8")
    status, out, err = run(capsys, "align", media, transcript, "--add-to-module")
    assert status == 0, err
    assert "talk.en.vtt added to video 'talk'" in out
    assert "storytelling segment 'The story'" in err and "seal" in err
    output = media.with_name("talk.en.vtt")
    track = load_track(output)
    assert not any(
        c.start_ms < 9025 < c.end_ms or c.start_ms < 16000 < c.end_ms
        for c in track.cues
    )
    status, out, _ = run(capsys, "check", media.parent)
    assert status == 1 and "the story is not sealed" in out
    assert run(capsys, "seal", media.parent, "--write")[0] == 0
    status, out, _ = run(capsys, "check", media.parent)
    assert status == 0, out
    status, out, _ = run(
        capsys, "align", media, transcript, "--force", "--add-to-module"
    )
    assert status == 0 and "already lists talk.en.vtt" in out


def test_a_track_outside_the_module_is_refused_before_aligning(talk, capsys, tmp_path):
    media, transcript = talk
    (media.parent / "module.toml").write_text(MANIFEST, encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere.vtt"
    status, _, err = run(
        capsys, "align", media, transcript, "-o", elsewhere, "--add-to-module"
    )
    assert status == 2
    assert_one_line_error(err, "outside the module folder")
    assert not elsewhere.exists()


def test_a_model_folder_that_cannot_be_loaded(talk, capsys, tmp_path):
    media, transcript = talk
    model = tmp_path / "model"
    model.mkdir()
    (model / "mdef").write_text("not a model")
    (model / "words.dict").write_text("hello HH AH L OW\n")
    status, _, err = run(
        capsys, "align", media, transcript, "--language", "xx", "--model", model
    )
    assert status == 2
    assert_one_line_error(err, "the speech model cannot be loaded")


def test_add_to_module_needs_a_module(talk, capsys):
    media, transcript = talk
    status, _, err = run(capsys, "align", media, transcript, "--add-to-module")
    assert status == 2
    assert_one_line_error(err, "no module.toml near it lists this video")
    assert not media.with_name("talk.en.vtt").exists()


def test_align_never_imports_qt(talk, tmp_path):
    media, transcript = talk
    output = tmp_path / "q.vtt"
    script = f"""
import sys
from player.cli import main
status = main(["align", {str(media)!r}, {str(transcript)!r}, "-o", {str(output)!r}])
print("QT", status, sorted(name for name in sys.modules if name.startswith("PySide6")))
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines()[-1] == "QT 0 []"
