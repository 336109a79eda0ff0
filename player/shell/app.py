"""Starts the window: `transcript-player [PATH] [--video ID] [--at TIME] ...`."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from captions.safe_files import UnreadableFileError
from captions.timefmt import parse_time
from media.manifest import load_module
from media.model import ManifestError, Module, Video
from media.samples import sample_module_path
from player.core.actions import SingleKeyGuard
from player.core.gil_share import share_gil_with_gui
from player.core.gui_gc import collect_on_gui_thread
from player.core.settings import APPLICATION, ORGANISATION, Settings
from player.playback.facade import Playback, PlaybackBase
from player.reading.last_watched import last_shown

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("transcript-player")
    collect_on_gui_thread(app)
    share_gil_with_gui()
    return app


def _finish(window: MainWindow, screenshot: str | None, app: QApplication) -> None:
    """Save the picture of the whole window (if asked), then quit with status 0."""
    if screenshot:
        target = Path(screenshot)
        if not window.grab().save(str(target)):
            print(f"{target}: the screenshot could not be written", file=sys.stderr)
            app.exit(2)
            return
    window.close()  # as Quit does: the place, the video and the volume are kept
    app.exit(0)


def new_main_window(
    playback: PlaybackBase, guard: SingleKeyGuard | None = None
) -> MainWindow:
    """A main window on `playback` (the command line, tests and benchmarks)."""
    from player.shell.main_window import MainWindow  # after the video started loading

    return MainWindow(playback, guard=guard)


def build_window(app: QApplication, playback: Playback | None = None) -> MainWindow:
    """The main window with the single-key guard installed on the application
    (once the window is built: no key comes before, and building sends thousands
    of events through every application filter)."""
    guard = SingleKeyGuard(app)
    window = new_main_window(playback or Playback(), guard=guard)
    app.installEventFilter(guard)
    window.layouts.place_window()
    return window


@dataclass(frozen=True)
class StartChoice:
    """What a start shows: the module (opened from `path`), its video, and why it is
    not what was asked for or left off at ("" when it is)."""

    module: Module
    video: Video
    path: Path
    notice: str = ""


def _asked(args: argparse.Namespace) -> bool:
    """Whether the command line names what to show (a path, a video or a time)."""
    return any(getattr(args, name, None) for name in ("path", "video", "at"))


def choose_start(args: argparse.Namespace, settings: Settings) -> StartChoice | str:
    """The one place that decides what a start shows; a message (exit 2) if nothing.

    A PATH, --video or --at on the command line wins; without them the module and
    video last shown are reopened (ResumePosition then returns to the place in it),
    and when that module can no longer be opened, the sample is shown, saying so.
    """
    if _asked(args):
        path = Path(args.path) if getattr(args, "path", None) else sample_module_path()
        return _open_asked(path, getattr(args, "video", None))
    last = last_shown(settings)
    if last is None:
        return _open_asked(sample_module_path(), None)
    try:
        module = load_module(last.module_path)
    except (ManifestError, OSError, UnreadableFileError) as exc:
        reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None)
        sample = _open_asked(sample_module_path(), None)
        if isinstance(sample, str):
            return sample
        notice = (
            f"The module you watched last, {last.module_path}, cannot be opened"
            f" ({reason or exc}); the sample module is shown instead."
        )
        return replace(sample, notice=notice)
    video = _video(module, last.video_id) or _video(module, None)
    if video is None:
        return _open_asked(sample_module_path(), None)
    gone = video.id != last.video_id
    notice = (
        f"The video you watched last is no longer in {module.title}." if gone else ""
    )
    return StartChoice(module, video, last.module_path, notice)


def _open_asked(path: Path, video_id: str | None) -> StartChoice | str:
    """The module at `path` and its video `video_id` (None: the first)."""
    try:
        module = load_module(path)
    except ManifestError as exc:
        return f"Cannot open {exc.path}: {exc.reason}"
    video = _video(module, video_id)
    if video is None:
        wanted = f"a video called “{video_id}”" if video_id else "any video"
        return f"{path}: this module has no {wanted}"
    return StartChoice(module, video, path)


def _video(module: Module, video_id: str | None) -> Video | None:
    if video_id is None:
        return module.videos[0] if module.videos else None
    return next((v for v in module.videos if v.id == video_id), None)


def start(args: argparse.Namespace) -> MainWindow | int:
    """Open and show the window as `args` asks; an exit status if it cannot.

    The video starts loading before the window is built, so both happen at once.
    """
    try:
        at_ms = parse_time(args.at) if getattr(args, "at", None) else None
    except ValueError:
        print(f"--at {args.at}: not a time (try 0:45 or 00:00:45.000)", file=sys.stderr)
        return 2
    choice = choose_start(args, Settings())
    if isinstance(choice, str):
        print(choice, file=sys.stderr)
        return 2
    app = _application()
    playback = Playback()
    playback.set_source(choice.video.file)
    window = build_window(app, playback)
    window.showing.open_module(choice.module, choice.video.id, choice.path)
    if choice.notice:
        window.ctx.notify.problem("start", choice.notice)
    window.show()
    window.video_view.setFocus()
    if at_ms is not None:
        window.seek(at_ms)
        window.features.reading.resume.cancel_pending()
    quit_after = getattr(args, "quit_after", None)
    screenshot = getattr(args, "screenshot", None)
    if quit_after is not None or screenshot:
        playback.play()
        delay = max(0.0, float(quit_after if quit_after is not None else 1.0))
        QTimer.singleShot(round(delay * 1000), lambda: _finish(window, screenshot, app))
    return window


def run_app(args: argparse.Namespace) -> int:
    """Open PATH (or the sample module), optionally seek, play, screenshot and quit."""
    started = start(args)
    if isinstance(started, int):
        return started
    return QApplication.instance().exec()  # type: ignore[union-attr]
