"""Runs Debian's Orca on the player and keeps what Orca said and brailled.

In a private D-Bus session it starts the AT-SPI bus, Xvfb, Orca with its debug log,
and the player on the sample module with "Announce captions" on; it focuses the
window, Tabs to the seek slider (so the captions and the story reach Orca while focus
is on another control), lets the video play, then presses Right on the slider. The
log's "SPEECH OUTPUT" and "BRAILLE LINE" lines are what a learner hears and what a
braille display shows. Used by tests/a11y/test_orca.py; by hand:

    python tests/a11y/orca_session.py [--app .venv/bin/transcript-player] [--keep]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tty
from dataclasses import dataclass, field
from pathlib import Path

INSIDE = "ORCA_SESSION_INSIDE"
NEEDED = ("orca", "xdotool", "Xvfb", "dbus-run-session")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
LINE = re.compile(
    r"^(\d\d):(\d\d):(\d\d\.\d+) - (SPEECH OUTPUT|BRAILLE LINE): +'(.*?)'(\{.*\})?$"
)
# 2:00, before the stand-in story (2:07.6 to 2:59.8): the window is up and focused
# before the story starts, on a slow machine too.
START_AT_S = 120
PLAY_S = 80  # to the story's end, the discussion pause at 3:00 and the learner's keys
STORY_END = "End of the story"
KEY_GAP_S = 2.0  # the learner's two presses of Right
AFTER_STORY_S = 3.0  # the learner listens to the story's end before pressing Right
# How long Orca may take to say what a key did. Its debug log goes to a terminal
# (see tee_terminal), so each line is there as soon as Orca says it: written to a
# plain file it sat in an 8 KB buffer for seconds, and the driver tabbed on past
# the slider.
SAY_WITHIN_S = 4


def missing() -> list[str]:
    """The programs this needs that are not installed."""
    absent = [name for name in NEEDED if shutil.which(name) is None]
    if not BUS_LAUNCHER.exists():
        absent.append(str(BUS_LAUNCHER))
    return absent


@dataclass
class Said:
    """One line of Orca's output: seconds since midnight, kind, text."""

    at: float
    kind: str  # "SPEECH OUTPUT" or "BRAILLE LINE"
    text: str


@dataclass
class Session:
    folder: Path
    lines: list[Said] = field(default_factory=list)
    keys: dict[str, float] = field(default_factory=dict)  # step -> seconds (log clock)

    def speech(self) -> list[Said]:
        return [s for s in self.lines if s.kind == "SPEECH OUTPUT"]

    def braille(self) -> list[Said]:
        return [s for s in self.lines if s.kind == "BRAILLE LINE"]


def read_log(path: Path) -> list[Said]:
    found = []
    for raw in path.read_text(errors="replace").splitlines():
        match = LINE.match(raw)
        if match:
            hours, minutes, seconds, kind, text, _voice = match.groups()
            at = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
            found.append(Said(at, kind, text))
    return found


def clock() -> float:
    """Seconds since midnight, as Orca's debug log writes its times."""
    now = time.localtime()
    return now.tm_hour * 3600 + now.tm_min * 60 + now.tm_sec + time.time() % 1


def free_display() -> str:
    for number in range(150, 260):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f":{number}"
    raise RuntimeError("no free X display number")


def wait_for(check, seconds: float, step: float = 0.2) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


def xdotool(*args: str) -> str:
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True)
    return done.stdout.strip()


def tee_terminal(log: Path) -> str:
    """A pseudo-terminal whose output is copied to `log` as it comes; its path.

    Orca opens its debug file with Python's `open`, which flushes each line only
    when the file is a terminal.
    """
    leader, follower = os.openpty()
    tty.setraw(follower)  # no newline translation
    path = os.ttyname(follower)

    def copy() -> None:
        with log.open("ab") as out:
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # every writer closed it
                    return
                if not chunk:
                    return
                out.write(chunk)
                out.flush()

    threading.Thread(target=copy, daemon=True).start()
    return path


def run_inside(app: str, folder: Path) -> None:
    """Everything in this D-Bus session; leaves orca.log and keys.txt in `folder`."""
    env = dict(os.environ)
    for name in ("config/transcript-player", "cache", "data", "orca"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    (folder / "config/transcript-player/Transcript Player.conf").write_text(
        "[screenReader]\nannounceCaptions=true\n", encoding="utf-8"
    )
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    bus = subprocess.Popen([str(BUS_LAUNCHER), "--launch-immediately"], **quiet)
    display = free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], **quiet
    )
    env["DISPLAY"] = os.environ["DISPLAY"] = display
    wait_for(lambda: Path(f"/tmp/.X11-unix/X{display[1:]}").exists(), 10)
    homes = {
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }
    log = folder / "orca.log"
    terminal = tee_terminal(log)
    orca = subprocess.Popen(
        ["orca", "--replace", "-u", str(folder / "orca"), f"--debug-file={terminal}"],
        env={**env, **homes, "XDG_RUNTIME_DIR": str(folder)},
        **quiet,
    )
    wait_for(
        lambda: log.exists() and "Screen reader on" in log.read_text("latin-1"), 30
    )
    at = f"{START_AT_S // 60}:{START_AT_S % 60:02d}"
    with (folder / "app.log").open("w") as app_log:
        player = subprocess.Popen(
            [app, "--at", at, "--quit-after", str(PLAY_S)],
            env={
                **env,
                **homes,
                "QT_QPA_PLATFORM": "xcb",
                "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            },
            stdout=app_log,
            stderr=subprocess.STDOUT,
        )
        started = time.monotonic()
        keys = drive(started, log)
        player.wait(timeout=PLAY_S + 60)
    (folder / "keys.txt").write_text(
        "".join(f"{step} {at:.3f}\n" for step, at in keys.items()), encoding="utf-8"
    )
    for process in (orca, xvfb, bus):
        process.terminate()
    for process in (orca, xvfb, bus):
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def drive(started: float, log: Path) -> dict[str, float]:
    """Focus the window, Tab until Orca names the seek slider, later press Right
    twice."""
    keys: dict[str, float] = {}
    window = ""

    def found() -> bool:
        nonlocal window
        window = xdotool("search", "--onlyvisible", "--name", "Transcript Player")
        return bool(window)

    if not wait_for(found, 40):
        return keys
    window = window.splitlines()[-1]
    xdotool("windowfocus", "--sync", window)
    wait_for(lambda: "SPEECH OUTPUT: 'Video" in log.read_text("latin-1"), 15)
    keys["tab"] = clock()
    for _press in range(4):  # Tab until Orca says the seek slider, as a learner does
        xdotool("key", "--window", window, "Tab")
        if wait_for(
            lambda: "SPEECH OUTPUT: 'Seek slider" in log.read_text("latin-1"),
            SAY_WITHIN_S,
        ):
            break
    left = PLAY_S - 8 - (time.monotonic() - started)
    wait_for(lambda: STORY_END in log.read_text("latin-1"), max(1.0, left))
    time.sleep(AFTER_STORY_S)  # the learner's pace, not a wait for the program
    for index in range(2):
        keys[f"right{index}"] = clock()
        xdotool("key", "--window", window, "Right")
        time.sleep(KEY_GAP_S)  # the learner's pace, not a wait for the program
    return keys


def run(app: str, keep: bool = False) -> Session:
    """A whole session in its own D-Bus session; the folder stays if `keep`."""
    folder = Path(tempfile.mkdtemp(prefix="orca-session-"))
    command = [sys.executable, __file__, "--app", app, "--folder", str(folder)]
    subprocess.run(
        ["dbus-run-session", "--", *command],
        env=dict(os.environ, **{INSIDE: "1"}),
        check=False,
        timeout=PLAY_S + 150,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    session = Session(folder)
    log = folder / "orca.log"
    session.lines = read_log(log) if log.exists() else []
    keys = folder / "keys.txt"
    if keys.exists():
        for row in keys.read_text().splitlines():
            step, at = row.split()
            session.keys[step] = float(at)
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return session


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--app", default=str(Path(sys.executable).parent / "transcript-player")
    )
    parser.add_argument("--folder", default="")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    if os.environ.get(INSIDE) == "1" and args.folder:
        run_inside(args.app, Path(args.folder))
        return 0
    absent = missing()
    if absent:
        print("needs:", ", ".join(absent), "(sh .ci/system-packages test)")
        return 2
    session = run(args.app, keep=True)
    for said in session.lines:
        print(f"{said.at:10.3f} {said.kind}: {said.text}")
    print("kept in", session.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
