"""Wires the transcript panel and the library search dialog into the window."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from captions.model import Track
from media.model import Segment
from media.samples import sample_module_path

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow


class PlainTranscript(QWidget):
    """Stands in when the transcript panel cannot be imported: same signals, methods."""

    seek_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptPanel")
        self.label = QLabel(
            "The transcript panel is not available in this build.", self
        )
        self.label.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.label)

    def set_track(self, track: Track | None, segments: Sequence[Segment] = ()) -> None:
        self.track = track

    def set_position(self, ms: int) -> None:
        pass

    def open_find(self) -> None:
        pass

    def find_next(self) -> None:
        pass

    def find_previous(self) -> None:
        pass


def make_transcript_panel(parent: QWidget) -> Any:
    """The transcript panel, or the plain stand-in when it is not importable."""
    try:
        from player.transcript.panel import TranscriptPanel
    except ImportError:
        return PlainTranscript(parent)
    panel = TranscriptPanel(parent)
    panel.setObjectName("transcriptPanel")
    return panel


KNOWN_MODULES_KEY = "library/modules"


def remembered_module_paths() -> list[Path]:
    """Modules opened in earlier sessions that are still there (QSettings)."""
    stored: object = QSettings().value(KNOWN_MODULES_KEY, [])
    if isinstance(stored, str):
        stored = [stored]  # QSettings gives a one-item list back as a plain string
    names = [str(name) for name in stored] if isinstance(stored, list) else []
    return [Path(name) for name in names if Path(name).exists()]


def remember_module(path: Path) -> None:
    """Add a module to the ones "Search all modules" covers, for later sessions too."""
    paths = [str(p) for p in dict.fromkeys([*remembered_module_paths(), path])]
    QSettings().setValue(KNOWN_MODULES_KEY, paths)


def library_module_paths(window: MainWindow) -> list[str]:
    """The modules search covers: the sample and every module the app has opened."""
    paths = [
        sample_module_path().resolve(),
        *remembered_module_paths(),
        *window.known_module_paths,
    ]
    return [str(p) for p in dict.fromkeys(paths)]


def open_library_dialog(window: MainWindow) -> Any:
    """Show "search all modules"; a chosen hit opens its module and video at its cue."""
    try:
        from player.library.dialog import LibrarySearchDialog
    except ImportError:
        window.status.add_message(
            "search", "Searching all modules is not available in this build."
        )
        return None
    dialog = window.library_dialog
    if dialog is None:
        dialog = LibrarySearchDialog(
            window, library_module_paths(window), index_path=window.library_index_path
        )
        dialog.open_requested.connect(
            lambda path, vid, ms: open_hit(window, path, vid, ms)
        )
        window.library_dialog = dialog
    else:
        dialog.set_module_paths(library_module_paths(window))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _same_module(window: MainWindow, module_path: Path) -> bool:
    module = window.module
    if module is None:
        return False
    candidates = {window.module_path, module.folder.resolve()}
    if module.manifest is not None:
        candidates.add(module.manifest.resolve())
    return module_path.resolve() in candidates


def open_hit(window: MainWindow, module_path: str, video_id: str, ms: int) -> bool:
    """Open the hit's module (unless open), then its video, then seek to the cue."""
    path = Path(module_path)
    if not _same_module(window, path) and not window.open_path(path, video_id):
        return False
    showing = window.video is not None and window.video.id == video_id
    if not showing and not window.show_video(video_id):
        return False
    window.seek(ms)
    window.transcript.set_position(ms)
    return True
