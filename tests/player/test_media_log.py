"""Loading a video prints no FFmpeg stream dump, and real errors still reach stderr.

Each case runs in a child process: the logging settings are process-wide, and the
dump is written by FFmpeg straight to the process's stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from media.samples import sample_module_path

SAMPLE_VIDEO = sample_module_path() / "building-trust.mp4"

PLAY_WITH_THE_FACADE = """
import sys
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication
from player.playback.facade import Playback

app = QApplication([])
playback = Playback()
playback.media_loaded.connect(lambda: print("LOADED", file=sys.stderr))
playback.error_occurred.connect(lambda text: print("PROBLEM:", text, file=sys.stderr))
playback.set_source(sys.argv[1])
playback.play()
qWarning("a warning of our own")
QTimer.singleShot(1500, app.quit)
app.exec()
"""

PLAY_WITH_A_BARE_PLAYER = """
import sys
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication
from PySide6.QtMultimedia import QMediaPlayer

app = QApplication([])
player = QMediaPlayer()
player.setSource(QUrl.fromLocalFile(sys.argv[1]))
player.play()
QTimer.singleShot(1500, app.quit)
app.exec()
"""


def child(script: str, *args: str) -> str:
    """The stderr of a child process running `script`."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("QT_FFMPEG_DEBUG", "QT_LOGGING_RULES"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr


def test_this_machine_shows_the_dump_a_bare_player_prints() -> None:
    """The control: without our settings, FFmpeg prints its dump here."""
    assert "Stream #0" in child(PLAY_WITH_A_BARE_PLAYER, str(SAMPLE_VIDEO))


def test_playing_the_sample_prints_no_stream_dump() -> None:
    stderr = child(PLAY_WITH_THE_FACADE, str(SAMPLE_VIDEO))
    assert "LOADED" in stderr, "the video did load"
    assert "Stream #0" not in stderr
    assert "Input #0" not in stderr
    assert "Using Qt multimedia with FFmpeg" not in stderr
    assert "a warning of our own" in stderr, "our own warnings still show"


def test_the_app_playing_the_sample_prints_no_stream_dump(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("QT_FFMPEG_DEBUG", None)
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "player.cli", "--at", "0:20", "--quit-after", "1",
         "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.is_file()
    assert "Stream #0" not in done.stderr and "Input #0" not in done.stderr


def test_a_damaged_video_still_reports_its_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(SAMPLE_VIDEO.read_bytes()[:3000])
    stderr = child(PLAY_WITH_THE_FACADE, str(broken))
    assert "PROBLEM: Video cannot play" in stderr
    assert "error reading header" in stderr, "FFmpeg's own errors are kept"
