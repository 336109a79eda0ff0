"""A long track's transcript rows worked out on a worker thread, so that showing a
ten-hour transcript never freezes the window (issue 16).

`RowsJobs.work_out(track, segments, notices, done)` calls `done(rows)` back on the
GUI thread; a request made meanwhile wins (an older result is dropped). Tracks of
up to `INLINE_CUES` cues are worked out at once, in a millisecond or two, so the
sample's transcript appears with its track, as before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from captions.model import Track
from media.model import Segment
from player.transcript.rows import TranscriptRows, transcript_rows

INLINE_CUES = 2000
_POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="transcript-rows")

Done = Callable[[TranscriptRows], None]


class _RowsSignals(QObject):
    """What a job tells the GUI thread; emitted from the pool thread."""

    finished = Signal(int, object)  # job number, TranscriptRows


def _work(
    number: int,
    track: Track,
    segments: Sequence[Segment],
    notices: Mapping[str, str],
    signals: _RowsSignals,
) -> None:
    rows = transcript_rows(track, segments, notices)
    with contextlib.suppress(RuntimeError):  # the window closed: nobody wants it
        signals.finished.emit(number, rows)


class RowsJobs(QObject):
    """Works out transcript rows off the GUI thread; only the newest is delivered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _RowsSignals(self)
        self._signals.finished.connect(self._on_finished)
        self._latest = 0
        self._done: Done | None = None

    def work_out(
        self,
        track: Track | None,
        segments: Sequence[Segment],
        notices: Mapping[str, str],
        done: Done,
    ) -> bool:
        """Rows of `track` to `done`: now (True) for a short track, else later
        (False) from the worker, unless another request came meanwhile."""
        self._latest += 1
        if track is None or len(track) <= INLINE_CUES:
            self._done = None
            done(transcript_rows(track, segments, notices))
            return True
        self._done = done
        _POOL.submit(
            _work, self._latest, track, tuple(segments), dict(notices), self._signals
        )
        return False

    def pending(self) -> bool:
        """Whether rows are being worked out for the newest request."""
        return self._done is not None

    def _on_finished(self, number: int, rows: TranscriptRows) -> None:
        done = self._done
        if number != self._latest or done is None:
            return
        self._done = None
        done(rows)
