"""A start builds the window without importing what only a dialog or the
facilitator's notes need: the export formats and PDF/print code, the aligner, the
notes file and list, text to speech (issue 16's start-up)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from player.playback.fake import FakePlayback
from player.shell.app import new_main_window
window = new_main_window(FakePlayback(duration_ms=1000))
window.show()
app.processEvents()
assert window.features.export.contribution().commands["export_transcript"]
assert not window.features.notes.is_built()
print(" ".join(sorted(sys.modules)))
"""
FIRST_USE_ONLY = (
    "player.export.transcript_export",
    "player.export.pdf_export",
    "PySide6.QtPrintSupport",
    "media.align_job",
    "player.alignment.dialog",
    "player.facilitator.notes_controller",
    "player.facilitator.notes_store",
    "sqlite3",
    "PySide6.QtTextToSpeech",
)


def test_a_start_leaves_dialog_code_unimported(tmp_path: Path) -> None:
    home = str(tmp_path)  # never the user's settings or notes
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.update(XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    assert "player.export.export_feature" in imported, "the probe built the window"
    assert not imported.intersection(FIRST_USE_ONLY)
