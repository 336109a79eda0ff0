"""What the command-line tests share: a small module, and how to run the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from player.cli import main

CAPTIONS = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Narrator>Welcome to the module.

00:00:05.000 --> 00:00:09.000
<v Storyteller>This cue stands in for the recorded story.

00:00:09.000 --> 00:00:12.000
<v Narrator>Thank you for listening.
"""

MANIFEST = """schema = 1
id = "cli-module"
title = "CLI module"
credit = "Our own words."

[[videos]]
id = "talk"
title = "A talk"
file = "talk.mp4"

[[videos.tracks]]
kind = "captions"
language = "en"
label = "English"
file = "talk.en.vtt"
default = true

[[videos.segments]]
id = "story"
kind = "storytelling"
title = "The story"
start = "00:00:05.000"
end = "00:00:09.000"
speaker = "Storyteller"
attribution = "Storyteller, a stand-in for the recorded story"
"""

REGION_CUES = """WEBVTT

REGION
id:fred
width:40%
lines:3
regionanchor:0%,100%
viewportanchor:10%,90%
scroll:up

intro
00:00:01.500 --> 00:00:04.000 region:fred align:left
<v Narrator>Fish &amp; <b>chips</b>

00:00:04.000 --> 00:00:06.250 line:0 position:20% size:50% vertical:rl
Plain
"""


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return status, out, err


def run_process(
    *args: object, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process: a regression that blocks fails, not hangs."""
    return subprocess.run(
        [sys.executable, "-m", "player.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def assert_one_line_error(err: str, *words: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("transcript-player: ")
    for word in words:
        assert word in lines[0]
    assert "Traceback" not in err
    assert "unexpected error" not in err


def make_module(tmp_path: Path) -> Path:
    """A one-video module whose storytelling segment is not sealed yet."""
    folder = tmp_path / "module"
    folder.mkdir()
    (folder / "talk.mp4").write_bytes(b"")
    (folder / "talk.en.vtt").write_text(CAPTIONS, encoding="utf-8")
    (folder / "module.toml").write_text(MANIFEST, encoding="utf-8")
    return folder
