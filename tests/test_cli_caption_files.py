"""`check` and `cues` on hostile caption files: one plain line, never a hang or a trace.

Each case failed before the loader read only regular files and bounded its warnings.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from cli_support import run

from player.cli import main


def _run_in_thread(
    capsys: pytest.CaptureFixture[str], *args: object
) -> tuple[int, str, str]:
    """The command's result, failing the test (not hanging the suite) if it blocks."""
    result: list[int] = []
    worker = threading.Thread(
        target=lambda: result.append(main([str(arg) for arg in args])), daemon=True
    )
    worker.start()
    worker.join(timeout=10)
    assert result, f"{args} blocked for 10 s"
    captured = capsys.readouterr()
    return result[0], captured.out, captured.err


def test_check_of_a_fifo_exits_2_at_once_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "talk.en.vtt"
    os.mkfifo(fifo)
    status, out, err = _run_in_thread(capsys, "check", fifo)
    assert status == 2
    assert out == ""
    assert err.splitlines() == [
        f"transcript-player: {fifo}: is a named pipe (FIFO), not a regular file"
    ]


def test_check_of_a_whitespace_only_sbv_warns_and_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "blank.sbv"
    path.write_text(" \n \n")
    status, out, err = run(capsys, "check", path)
    assert status == 0
    assert out == f"{path}: 0 cues, ok\n"
    assert err == f"warning: {path}: the file is empty; it holds no captions\n"


def test_cues_json_of_250_broken_cues_reports_a_hundred_warnings_and_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.vtt"
    broken = "00:00:00.00 --> 00:00:01.000\nx\n\n" * 250
    path.write_text("WEBVTT\n\n" + broken + "00:00:02.000 --> 00:00:03.000\nok\n")
    status, out, err = run(capsys, "cues", path, "--json")
    assert status == 0
    assert [cue["plain"] for cue in json.loads(out)] == ["ok"]
    lines = err.splitlines()
    assert len(lines) == 101
    assert lines[-1] == "... and 150 more warnings"
