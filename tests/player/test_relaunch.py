"""Starting again returns to where the learner left off (issue 11).

Before, a start without a path opened the first video of the sample at 0:00, and
the volume was back at 80 %. The real test starts the app twice, in two child
processes with the same (isolated) settings folder, as `transcript-player` does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from player.core.setting_keys import LAST_MODULE, LAST_VIDEO, POSITION
from player.core.settings import Settings
from player.shell.app import start

CHILD = Path(__file__).with_name("relaunch_child.py")


def run_app(step: str, *args: str) -> dict[str, object]:
    """One start of the app in its own process; what it showed before it quit."""
    done = subprocess.run(
        [sys.executable, str(CHILD), step, *args],
        capture_output=True,
        text=True,
        timeout=90,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stdout + done.stderr[-3000:]
    return json.loads(lines[-1])  # type: ignore[no-any-return]


def test_a_second_start_returns_to_the_module_video_place_and_volume(
    real_module: Path, isolated_settings: Path
) -> None:
    used = run_app("use", str(real_module))
    assert (used["module"], used["video"]) == ("test-module", "second")
    assert used["volume"] == 70 and used["muted"] is True
    again = run_app("look")
    assert (again["module"], again["video"]) == ("test-module", "second")
    assert abs(int(again["position"]) - 7_000) < 500, again  # type: ignore[call-overload]
    assert again["volume"] == 70 and again["volume_slider"] == 70
    assert again["muted"] is True
    assert again["start_notices"] == []


def args(**given: object) -> argparse.Namespace:
    values = {"path": None, "video": None, "at": None, "quit_after": None}
    return argparse.Namespace(**{**values, **given})


@pytest.fixture
def started(qapp):  # type: ignore[no-untyped-def]
    """start(args) as the command line calls it; the windows are closed after."""
    windows = []

    def start_with(**given: object):  # type: ignore[no-untyped-def]
        window = start(args(**given))
        assert not isinstance(window, int)
        windows.append(window)
        return window

    yield start_with
    for window in windows:
        window.close()
        window.deleteLater()


def left_off_at(module: Path, video_id: str, module_id: str, ms: int) -> None:
    settings = Settings()
    settings.set(LAST_MODULE, str(module.resolve()))
    settings.set(LAST_VIDEO, video_id)
    settings.set(POSITION.at(f"{module_id}/{video_id}"), ms)
    settings.sync()


def test_a_path_video_or_time_on_the_command_line_wins(
    qtbot, started, real_module: Path
) -> None:
    left_off_at(real_module, "second", "test-module", 9_000)
    by_time = started(at="0:03")
    assert by_time.showing.module.id == "trusting-relationship"  # the sample
    assert by_time.playback.position() == 3_000
    by_video = started(path=str(real_module), video="first")
    assert by_video.showing.video.id == "first"
    by_path = started(path=str(real_module))
    assert by_path.showing.video.id == "first"


def test_the_last_module_gone_shows_the_sample_and_says_so(
    qtbot, started, real_module: Path, tmp_path: Path
) -> None:
    moved = shutil.copytree(real_module, tmp_path / "soon-gone")
    left_off_at(moved, "second", "test-module", 9_000)
    shutil.rmtree(moved)
    window = started()
    assert window.showing.module.id == "trusting-relationship"
    (notice,) = window.status.messages("start")
    assert str(moved.resolve()) in notice and "sample module is shown" in notice
    assert window.status.isVisible()


def test_a_video_gone_from_the_last_module_opens_its_first(
    qtbot, started, real_module: Path
) -> None:
    left_off_at(real_module, "removed-video", "test-module", 9_000)
    window = started()
    assert window.showing.module.id == "test-module"
    assert window.showing.video.id == "first"
    (notice,) = window.status.messages("start")
    assert "no longer in Test Module" in notice
