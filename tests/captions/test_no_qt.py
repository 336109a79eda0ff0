"""captions/ and the manifest code in media/ never import Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The sample-module build script draws slides with Qt by design (design.md 4.3); it is a
# build tool, not part of the content model, so it is the one exception.
PROBE = """
import importlib, pkgutil, sys
import captions, media
names = []
for package in (captions, media):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.split(".")[-1].startswith("build"):
            continue
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(len(names), qt)
assert not qt, qt
"""


def test_captions_and_media_load_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    count = int(result.stdout.split()[0])
    assert count >= 6
