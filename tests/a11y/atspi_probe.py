"""What a screen reader sees: the app's AT-SPI tree, read from another process.

Not a pytest test (pytest collects only test_*.py): run it by hand or from CI with the
SYSTEM python, which has pyatspi (Debian: at-spi2-core python3-pyatspi; plus xvfb):

    /usr/bin/python3 tests/a11y/atspi_probe.py [--app-python /work/venv/bin/python]

It starts its own D-Bus session (dbus-run-session), Xvfb, the AT-SPI bus, and the
player on the sample module at 2:10 (inside the storytelling segment) with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, then walks the tree as Orca would get it: roles,
names, descriptions and states. It prints what it found and exits 1 if a focusable
control has no name, the transcript's current cue is not exposed as selected, or
the video's description does not name the story's teller, or the story's
attribution and the captions (announce captions is preset on) are not announced.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_NAME = "Transcript Player"
INSIDE = "ATSPI_PROBE_INSIDE"
LIST_ROLES = ("list", "tree", "tree table")  # the transcript is a one-column tree


def start_session(args: argparse.Namespace) -> int:
    """Run this script again inside a private D-Bus session."""
    env = dict(os.environ, **{INSIDE: "1"})
    command = ["dbus-run-session", "--", sys.executable, __file__, *sys.argv[1:]]
    return subprocess.run(command, env=env, check=False).returncode


def free_display() -> str:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f":{number}"
    raise RuntimeError("no free X display number")


def start_background(args: argparse.Namespace, home: str) -> list[subprocess.Popen]:
    """Xvfb, the AT-SPI bus, and the player, all inside this D-Bus session."""
    display = free_display()
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"]
    )
    os.environ["DISPLAY"] = display
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            break
        time.sleep(0.05)
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    time.sleep(1.0)
    app_env = dict(
        os.environ,
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        XDG_CONFIG_HOME=home,  # never the user's own settings
        XDG_CACHE_HOME=home,
    )
    settings = Path(home) / "transcript-player" / "Transcript Player.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[screenReader]\nannounceCaptions=true\n", encoding="utf-8")
    app = subprocess.Popen(
        [
            args.app_python,
            "-m",
            "player.cli",
            "--at",
            args.at,
            "--quit-after",
            str(args.seconds),
        ],
        cwd=ROOT,
        env=app_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return [app, bus, xvfb]


def find_app(pyatspi, timeout: float):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == APP_NAME and app.childCount:
                return app
        time.sleep(0.3)
    return None


def walk(node, depth: int = 0, limit: int = 4000):  # type: ignore[no-untyped-def]
    """(depth, accessible) for every node, parents first; list items capped per list."""
    yield depth, node
    count = node.childCount
    role = node.getRoleName()
    shown = count if role not in (*LIST_ROLES, "table") else min(count, 400)
    for index in range(shown):
        child = node.getChildAtIndex(index)
        if child is not None:
            yield from walk(child, depth + 1, limit)


def states(pyatspi, node) -> set[str]:  # type: ignore[no-untyped-def]
    names = {
        pyatspi.STATE_FOCUSABLE: "focusable",
        pyatspi.STATE_FOCUSED: "focused",
        pyatspi.STATE_SELECTED: "selected",
        pyatspi.STATE_SHOWING: "showing",
        pyatspi.STATE_CHECKED: "checked",
        pyatspi.STATE_ENABLED: "enabled",
    }
    found = node.getState()
    return {text for state, text in names.items() if found.contains(state)}


def listen_for_announcements(pyatspi, seconds: float) -> list[str]:  # type: ignore[no-untyped-def]
    """Every message the app says in `seconds`: under AT-SPI a Notification object
    becoming showing, whose label is what Orca speaks and brailles."""
    from gi.repository import GLib

    heard: list[str] = []
    events = "object:state-changed:showing"

    def on_event(event) -> None:  # type: ignore[no-untyped-def]
        source = event.source
        if source is None or source.getApplication().name != APP_NAME:
            return
        if event.detail1 and source.getRole() == pyatspi.ROLE_NOTIFICATION:
            labels = [source.getChildAtIndex(i) for i in range(source.childCount)]
            said = " ".join(label.name for label in labels if label is not None)
            heard.append(f"notification: {said}")

    pyatspi.Registry.registerEventListener(on_event, events)
    GLib.timeout_add(int(seconds * 1000), lambda: pyatspi.Registry.stop() or False)
    pyatspi.Registry.start()
    pyatspi.Registry.deregisterEventListener(on_event, events)
    return heard


def probe(timeout: float, listen: float) -> int:
    import pyatspi

    app = find_app(pyatspi, timeout)
    if app is None:
        print(f"FAIL: no application called {APP_NAME!r} on the AT-SPI bus")
        return 1
    heard = listen_for_announcements(pyatspi, listen)  # plays into the story meanwhile
    problems: list[str] = []
    notes: list[str] = []
    transcript, video, current = None, None, []
    print(f"application: {app.name!r}, {app.childCount} window(s)")
    for depth, node in walk(app):
        role, name = node.getRoleName(), node.name
        flags = states(pyatspi, node)
        parent_role = node.parent.getRoleName() if node.parent is not None else ""
        in_list = parent_role in LIST_ROLES
        if not in_list or "selected" in flags:
            described = f" -- {node.description}" if node.description else ""
            shown = sorted(flags & {"focused", "selected", "checked"})
            print(f"{'  ' * depth}{role}: {name!r}{described} {shown}")
        if "focusable" in flags and "showing" in flags and not name.strip():
            if role == "filler" and node.parent is not None and node.parent.name:
                notes.append(f"unnamed viewport of {node.parent.name!r} (Tab skips it)")
            elif role not in ("list item", "table cell", "menu item"):
                problems.append(f"unnamed focusable {role} in {node.parent.name!r}")
        if role in LIST_ROLES and name == "Transcript":
            transcript = node
        if name == "Video":
            video = node
        if in_list and node.parent.name == "Transcript" and "selected" in flags:
            current.append(name)
    if transcript is None:
        problems.append("no list (or one-column tree) named Transcript")
    else:
        print(f"transcript: {transcript.childCount} cues; selected: {current}")
        if not current:
            problems.append("the transcript exposes no selected (current) cue")
    if video is None or "Rose Henry" not in (video.description or ""):
        problems.append("the video's description does not name the story's teller")
    print(f"announcements heard in the first {listen:g} s: {len(heard)}")
    for line in heard:
        print("  ", line)
    stories = [line for line in heard if "Story: " in line]
    if (
        len(stories) != 1
        or "stand-in for the story of rose henry" not in stories[0].lower()
    ):
        problems.append(f"the story's attribution was announced {len(stories)} times")
    if len(heard) <= len(stories):
        problems.append(
            "no caption announcement reached AT-SPI (announce captions is on)"
        )
    for note in notes:
        print("note:", note)
    for problem in problems:
        print("FAIL:", problem)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-python", default="/work/venv/bin/python")
    parser.add_argument(
        "--seconds", type=float, default=40.0, help="how long the app runs"
    )
    parser.add_argument("--at", default="2:03", help="where the video starts")
    parser.add_argument("--listen", type=float, default=10.0, help="seconds to listen")
    args = parser.parse_args()
    if os.environ.get(INSIDE) != "1":
        if shutil.which("dbus-run-session") is None:
            print("dbus-run-session is missing (Debian: dbus)", file=sys.stderr)
            return 2
        return start_session(args)
    home = tempfile.mkdtemp(prefix="atspi-probe-")
    processes = start_background(args, home)
    try:
        return probe(timeout=30.0, listen=args.listen)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
