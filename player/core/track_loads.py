"""Caption files read on a pool thread, so opening a ten-hour track never freezes
the window.

`TrackLoads.load(ref, done)` reads the file on a shared pool of Python threads and
calls `done` with the immutable Track (or None and one sentence why) back on the GUI
thread; the caller decides there whether the result is still wanted. Results cross
threads through the signal of one `_LoadSignals` object that lives on the GUI thread
(queued connection); a result for a window already gone is dropped. Python threads,
not a QThreadPool: deleting a QThreadPool waits for its jobs while the GUI thread
holds the GIL the job needs. `busy_changed(True)` comes only when loading lasts over
`BUSY_AFTER_MS`, so a quick load shows no flash of "Loading".
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer, Signal

from captions.model import Track
from media.model import TrackRef
from player.core.video_session import load_ref

BUSY_AFTER_MS = 200
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="track-load")

Done = Callable[[Track | None, str], None]


class _LoadSignals(QObject):
    """What a load tells the GUI thread; emitted from the pool thread."""

    finished = Signal(int, object, str)  # job number, Track or None, reason


def _load(number: int, ref: TrackRef, signals: _LoadSignals) -> None:
    """Read one track file (on a pool thread); the GUI thread is told by number."""
    track, error = load_ref(ref)
    with contextlib.suppress(RuntimeError):  # the window closed: nobody wants it
        signals.finished.emit(number, track, error)


class TrackLoads(QObject):
    """Reads tracks off the GUI thread; says when loading has lasted a while."""

    busy_changed = Signal(bool)  # True once loading has lasted BUSY_AFTER_MS
    idle = Signal()  # the last track asked for has been read

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _LoadSignals(self)
        self._signals.finished.connect(self._on_finished)
        self._waiting: dict[int, Done] = {}
        self._next = 0
        self._busy = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_AFTER_MS)
        self._busy_timer.timeout.connect(lambda: self._set_busy(True))

    def load(self, ref: TrackRef, done: Done) -> None:
        """Read `ref` on the pool; `done(track, error)` runs later on this thread."""
        self._next += 1
        self._waiting[self._next] = done
        if not self._busy and not self._busy_timer.isActive():
            self._busy_timer.start()
        _POOL.submit(_load, self._next, ref, self._signals)

    def pending(self) -> bool:
        """Whether a track is still being read."""
        return bool(self._waiting)

    def busy(self) -> bool:
        """Whether loading has lasted long enough to be shown as such."""
        return self._busy

    def _on_finished(self, number: int, track: Track | None, error: str) -> None:
        done = self._waiting.pop(number, None)
        if not self._waiting:
            self._busy_timer.stop()
            self._set_busy(False)
        if done is not None:
            done(track, error)
        if not self._waiting:
            self.idle.emit()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
