"""With two screens the room's window fills the screen without the console."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1280, "height": 800},
        {"name": "projector", "x": 1280, "y": 0, "width": 1920, "height": 1080},
    ]
}
for screen in SCREENS["screens"]:
    screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)

# Runs in a child process: the test process's Qt already has its single screen.
SCRIPT = """
import json, sys
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from player.playback.fake import FakePlayback
from player.shell.app import new_main_window
window = new_main_window(FakePlayback(duration_ms=20_000))
window.setGeometry(100, 100, 1000, 700)
window.show()
assert window.open_path(sys.argv[1])
window.keymap["present"].trigger()
app.processEvents()
room = window.features.presenter.presentation
seen = {
    "room": room.screen().name(),
    "full_screen": room.isFullScreen(),
    "console": window.screen().name(),
    "can_choose": window.keymap["present_on_screen"].isEnabled(),
    "label": window.features.presenter.panel.presenting_label.text(),
}
window.features.presenter.set_screen("laptop")
app.processEvents()
seen["chosen"] = window.features.presenter.presentation.screen().name()
window.keymap["end_presentation"].trigger()
seen["ended"] = window.features.presenter.presentation is None
print(json.dumps(seen))
"""


def test_the_room_goes_full_screen_on_the_other_screen(
    tmp_path: Path, module_folder: Path
) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(module_folder), str(tmp_path / "settings")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["console"] == "laptop"
    assert seen["room"] == "projector" and seen["full_screen"]
    assert seen["can_choose"], "Present on screen… is offered with two screens"
    assert seen["label"].startswith("Presenting on screen 2: projector (1920×1080)")
    assert seen["chosen"] == "laptop", "the facilitator's choice wins"
    assert seen["ended"]
