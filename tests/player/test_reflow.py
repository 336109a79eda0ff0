"""Reflow (WCAG 1.4.4, 1.4.10, 2.5.8): the window at 200 % text on a 1280x720 screen,
and at 100 % on 1024x768, in both layouts, fits the screen with every control on it.

Each case runs the window in a process of its own (tests/player/reflow_child.py),
because the screen's size and the text scale are fixed when Qt starts: the
offscreen platform takes the screen from a configuration file, and QT_FONT_DPI=192
doubles everything, as a desktop set to 200 % does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from player.core.setting_keys import LAYOUT

CHILD = Path(__file__).with_name("reflow_child.py")
TARGET_PX = 24  # WCAG 2.5.8
SEEK_PX = 96


def run_window(tmp_path: Path, width: int, height: int, dpi: int, *args: str) -> dict:  # type: ignore[type-arg]
    screen = {"name": "Test", "x": 0, "y": 0, "width": width, "height": height}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_FONT_DPI=str(dpi),
    )
    done = subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def choose_layout(name: str) -> None:
    """Preset the layout in the settings file the app's process reads (its native
    format, in the isolated XDG_CONFIG_HOME)."""
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "transcript-player"
    folder.mkdir(parents=True, exist_ok=True)
    group, key = LAYOUT.name.split("/")
    text = f"[{group}]\n{key}={name}\n"
    (folder / "Transcript Player.conf").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("width", "height", "dpi", "layout"),
    [
        (1280, 720, 192, "learner"),
        (1280, 720, 192, "facilitator"),
        (1024, 768, 96, "learner"),
        (1024, 768, 96, "facilitator"),
    ],
)
def test_the_window_fits_and_every_control_is_on_screen(
    tmp_path: Path, width: int, height: int, dpi: int, layout: str
) -> None:
    choose_layout(layout)
    seen = run_window(tmp_path, width, height, dpi, "find")
    scale = dpi / 96
    assert seen["screen"] == [round(width / scale), round(height / scale)]
    assert seen["fits"], f"window {seen['frame']} on a {seen['screen']} screen"
    off = [s for s in seen["stops"] if not s["inside"]]
    assert off == []
    assert len(seen["stops"]) >= 12
    sliders = [s for s in seen["stops"] if s["slider"]]
    assert len(sliders) >= 2
    assert all(s["rect"][3] >= TARGET_PX for s in sliders), sliders
    seek = next(s for s in sliders if s["name"] == "Seek")
    assert seek["rect"][2] >= SEEK_PX, "a seek slider long enough to aim along"
    assert [s["name"] for s in seen["stops"] if s["cut"]] == [], "text cut off"
    assert seen["find_field_width"] >= 100, "a find field wide enough to type into"
    assert "transcript" in seen["on_screen"]
    tabs = " ".join(n for n in seen["tab_order"] if n.startswith("Panels here:"))
    has_notes = "notes" in seen["on_screen"] or "My notes" in tabs
    assert has_notes == (layout == "facilitator"), "notes only for the facilitator"


def test_200_percent_collapses_panels_into_tabs_that_100_percent_shows_apart(
    tmp_path: Path,
) -> None:
    """Panels collapse into tabs rather than pushing the window past the screen."""
    choose_layout("facilitator")
    roomy = run_window(tmp_path, 1280, 720, 96)
    assert {"transcript", "chapters", "discussion", "notes"} <= set(roomy["on_screen"])
    tight = run_window(tmp_path, 1280, 720, 192)
    assert tight["on_screen"] == ["transcript"]
    tabs = [name for name in tight["tab_order"] if name.startswith("Panels here:")]
    assert tabs == [
        "Panels here: Transcript, Chapters, Videos, Discussion, My notes (private),"
        " Sign language (ASL)"
    ]
