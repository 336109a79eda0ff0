"""Starts the window: `transcript-player [PATH] [--video ID] [--at TIME] ...`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from captions.timefmt import parse_time
from media.samples import sample_module_path
from player.actions import SingleKeyGuard
from player.main_window import MainWindow
from player.playback import Playback


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Transcript Player")
    app.setOrganizationName("transcript-player")
    app.setDesktopFileName("transcript-player")
    return app


def _finish(window: MainWindow, screenshot: str | None, app: QApplication) -> None:
    """Save the picture of the whole window (if asked), then quit with status 0."""
    if screenshot:
        target = Path(screenshot)
        if not window.grab().save(str(target)):
            print(f"{target}: the screenshot could not be written", file=sys.stderr)
            app.exit(2)
            return
    window.playback.pause()
    app.exit(0)


def build_window(app: QApplication) -> MainWindow:
    guard = SingleKeyGuard(app)
    app.installEventFilter(guard)
    window = MainWindow(Playback(), guard=guard)
    window.resize(1280, 760)
    return window


def run_app(args: argparse.Namespace) -> int:
    """Open PATH (or the sample module), optionally seek, play, screenshot and quit."""
    at_ms = 0
    if getattr(args, "at", None):
        try:
            at_ms = parse_time(args.at)
        except ValueError:
            print(
                f"--at {args.at}: not a time (try 0:45 or 00:00:45.000)",
                file=sys.stderr,
            )
            return 2
    app = _application()
    window = build_window(app)
    path = Path(args.path) if getattr(args, "path", None) else sample_module_path()
    if not window.open_path(path, getattr(args, "video", None)):
        print(
            "\n".join(window.status.messages("module")) or f"{path}: cannot be opened",
            file=sys.stderr,
        )
        return 2
    window.show()
    window.video_view.setFocus()
    if at_ms:
        window.seek(at_ms)
    quit_after = getattr(args, "quit_after", None)
    screenshot = getattr(args, "screenshot", None)
    if quit_after is not None or screenshot:
        window.playback.play()
        delay = max(0.0, float(quit_after if quit_after is not None else 1.0))
        QTimer.singleShot(round(delay * 1000), lambda: _finish(window, screenshot, app))
    return app.exec()
