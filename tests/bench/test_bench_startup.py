"""Start-up to the first video frame: the player opening the sample module against a
bare PySide6 script playing the same video file, each a fresh process.

Target (issue 16): at most 2x the bare script. Rounds are interleaved so both sides
see the same machine; the median of each side is compared. Prints the target and
whether it is met; no timing assertion. Run with:
pytest tests/bench/test_bench_startup.py -o addopts="" --benchmark-only -s
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from fresh_process import as_installed

from media.manifest import load_module
from media.samples import sample_module_path

SIDE = Path(__file__).with_name("startup_side.py")
ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 5
TARGET = 2.0


def to_first_frame(side: str, target: str) -> float:
    """Seconds from spawning the side to its first frame."""
    home = tempfile.mkdtemp(prefix="startup-")  # never the user's settings
    env = as_installed(XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
    if "DISPLAY" not in env and "WAYLAND_DISPLAY" not in env:
        env["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(SIDE), side, target],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
        env=env,
    )  # fmt: skip
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "frame":
            elapsed = time.perf_counter() - start
            break
    else:
        raise AssertionError(f"{side}: no frame")
    child.wait(timeout=30)
    return elapsed


@pytest.mark.benchmark(group="startup")
def test_start_up_to_the_first_frame_against_a_bare_script(benchmark) -> None:  # type: ignore[no-untyped-def]
    module = sample_module_path()
    video = str(load_module(module).videos[0].file)
    bare, centre, ours = [], [], []

    to_first_frame("bare", video)  # warm-up: byte code and disk cache
    to_first_frame("centre", str(module))
    to_first_frame("player", str(module))

    def rounds() -> None:
        for _ in range(ROUNDS):
            bare.append(to_first_frame("bare", video))
            centre.append(to_first_frame("centre", str(module)))
            ours.append(to_first_frame("player", str(module)))

    benchmark.pedantic(rounds, rounds=1, iterations=1)
    bare_s, ours_s = statistics.median(bare), statistics.median(ours)
    ratio = ours_s / bare_s
    print(
        f"\nstart-up to first frame: player {ours_s * 1000:.0f} ms, bare PySide6 "
        f"{bare_s * 1000:.0f} ms: {ratio:.2f}x (target <= {TARGET}x): "
        f"{'met' if ratio <= TARGET else 'NOT met'}"
    )
    centre_s = statistics.median(centre)
    print(
        f"the window's centre alone (a floor for a start in two steps): "
        f"{centre_s * 1000:.0f} ms: {centre_s / bare_s:.2f}x the bare script"
    )
