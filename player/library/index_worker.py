"""The library index update, off the GUI thread: load the modules, refresh the index.

Runs in the search dialog's QThread; `stop_requested` ends an update between tracks.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from captions.library import LibraryIndex
from captions.safe_files import UnreadableFileError
from media.discover import index_sources_for
from media.manifest import load_module
from media.model import ManifestError


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class _Stopped(Exception):
    """Raised from the progress callback to end an update early."""


class IndexWorker(QObject):
    """Loads the modules and updates the index file, off the GUI thread."""

    modules_found = Signal(object)  # {module id: the path the module was opened from}
    ready = Signal()  # the index file and its tables exist: searching may start
    progress = Signal(int, int)
    finished = Signal(str)  # a one-line summary (or the failure) for the status label

    def __init__(self, index_path: Path, module_paths: Sequence[Path]) -> None:
        super().__init__()
        self._index_path = index_path
        self._module_paths = list(module_paths)
        self.stop_requested = False

    @Slot()
    def run(self) -> None:
        folders: dict[str, str] = {}
        sources = []
        problems: list[str] = []
        for path in self._module_paths:
            try:
                module = load_module(path)
            except (ManifestError, OSError) as error:
                problems.append(str(error))
                continue
            folders[module.id] = str(path)
            sources.extend(index_sources_for(module))
        self.modules_found.emit(folders)
        try:
            with LibraryIndex(self._index_path) as index:
                self.ready.emit()
                report = index.update(sources, progress=self._progress)
                notice = f" Note: {index.notice}." if index.notice else ""
        except _Stopped:
            self.finished.emit("Indexing stopped.")
            return
        except (sqlite3.Error, OSError, UnreadableFileError) as error:
            self.finished.emit(f"The search index cannot be used: {error}")
            return
        failed = len(report.failed) + len(problems)
        note = f"; {failed} could not be read" if failed else ""
        tracks = _count(len(sources), "track")
        modules = _count(len(folders), "module")
        self.finished.emit(f"Ready: {tracks} in {modules}{note}.{notice}")

    def _progress(self, done: int, total: int) -> None:
        if self.stop_requested:
            raise _Stopped
        self.progress.emit(done, total)
