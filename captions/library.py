"""The library search index: every cue of every known track in one SQLite FTS5 file.

Tracks are re-read only when their file or their metadata changed, each written in
its own transaction, so an interrupted update leaves a consistent index that the next
update completes. Words are indexed with `unicode61 remove_diacritics 2` (so "deja"
finds "déjà"); scripts written without spaces also go to a per-character index.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import platformdirs

from captions.library_file import IndexFileError, index_file_bytes, open_index_file
from captions.library_search import (
    BATCH_SIZE,
    DEFAULT_RANK_BUDGET,
    MAX_HITS,
    Hit,
    HitBatch,
    SearchStyle,
    search,
    search_batches,
)
from captions.library_store import (
    FileState,
    IndexSource,
    PreparedTrack,
    TrackLoader,
    TrackWriter,
    delete_track,
    prepare_track,
)
from captions.loader import load_track
from captions.safe_files import UnreadableFileError

__all__ = [
    "MAX_HITS",
    "Hit",
    "HitBatch",
    "IndexFileError",
    "IndexSource",
    "LibraryIndex",
    "UpdateReport",
    "default_index_path",
]

Progress = Callable[[int, int], None]
_KnownRow = tuple[int, str, int, int, str]  # id, metadata, size, mtime_ns, sample
_Pending = tuple[IndexSource, FileState, int | None]  # source, file state, old id
# Starting worker processes costs about half a second: only for bigger updates.
_POOL_MINIMUM = 4


def default_workers() -> int:
    """Parser processes for big updates: the machine's cores, at most eight."""
    return min(8, os.cpu_count() or 1)


def default_index_path() -> Path:
    """The index file in the user's cache folder (it can always be rebuilt)."""
    return platformdirs.user_cache_path("transcript-player") / "library.sqlite3"


@dataclass(frozen=True)
class UpdateReport:
    """What an update did; `failed` holds (path, reason) for unloadable tracks."""

    indexed: int
    skipped: int
    removed: int
    failed: tuple[tuple[str, str], ...] = ()


class LibraryIndex:
    """The index file: `update` brings it in line with the library, `search` queries it.

    One instance per thread; several instances (threads or processes) may share a
    file. `markers` wrap matches in snippets; `rank_budget` (None: no limit) caps how
    many matching cues are ranked per query (see captions.library_search); `workers`
    processes parse tracks when many changed (0 or 1: parse in this process).

    Opening never harms a file that is not our index: such a path raises
    IndexFileError (one plain reason; the file is left as it was). When our own
    index had to be rebuilt (damaged, or made by another version), `notice` says so.
    """

    def __init__(
        self,
        db_path: str | Path,
        *,
        markers: tuple[str, str] = ("[", "]"),
        ellipsis: str = "…",
        rank_budget: int | None = DEFAULT_RANK_BUDGET,
        workers: int | None = None,
        load: TrackLoader | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.style = SearchStyle(markers, ellipsis, rank_budget)
        self.workers = workers if workers is not None else default_workers()
        self._load = load if load is not None else load_track
        self._connection, self.notice = open_index_file(self.db_path)

    def close(self) -> None:
        """Close the database connection."""
        self._connection.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Cues matching `query` (words, prefix*, "phrases"), best first (bm25).

        Never raises for odd input: a query without letters or digits finds nothing.
        """
        return search(self._connection, query, limit, self.style)

    def search_batches(
        self,
        query: str,
        limit: int = MAX_HITS,
        *,
        batch_size: int = BATCH_SIZE,
        should_stop: Callable[[], bool] | None = None,
    ) -> Iterator[HitBatch]:
        """The hits of `query` streamed in batches, stoppable; for worker threads.

        Use the instance from one thread only (create it in the worker, or hand it
        over and stop using it elsewhere). `should_stop()` is polled between batches
        and inside SQLite statements; when it turns True the generator just ends.
        Each batch carries `matches` so the caller can say "more than 1,000 hits".
        See captions.library_search.search_batches.
        """
        return search_batches(
            self._connection,
            query,
            limit,
            self.style,
            batch_size=batch_size,
            should_stop=should_stop,
        )

    def update(
        self, sources: Iterable[IndexSource], progress: Progress | None = None
    ) -> UpdateReport:
        """Index new and changed tracks, drop tracks no longer listed; report counts.

        `progress(done, total)` is called in the caller's thread as sources are done.
        """
        wanted = {source.key: source for source in sources}
        known = self._known_tracks()
        removed = [row[0] for key, row in known.items() if key not in wanted]
        for track_id in removed:
            delete_track(self._connection, track_id)
        pending, skipped, failed = self._check(wanted.values(), known)
        done = len(wanted) - len(pending)
        if progress is not None and done:
            progress(done, len(wanted))
        indexed = 0
        writer = TrackWriter(self._connection)
        writer.start()
        try:
            for (source, _, old_id), prepared in zip(
                pending, self._prepare(pending), strict=True
            ):
                if isinstance(prepared, str):
                    failed.append((str(source.track_path), prepared))
                    writer.submit(None, old_id)
                else:
                    writer.submit(prepared, old_id)
                    indexed += 1
                done += 1
                if progress is not None:
                    progress(done, len(wanted))
        finally:
            writer.finish()
        return UpdateReport(indexed, skipped, len(removed), tuple(failed))

    def _known_tracks(self) -> dict[tuple[str, str, str], _KnownRow]:
        rows = self._connection.execute(
            "SELECT module_id, video_id, path, id, metadata, size, mtime_ns, sample"
            " FROM tracks"
        )
        return {(row[0], row[1], row[2]): tuple(row[3:]) for row in rows}

    def _check(
        self,
        sources: Iterable[IndexSource],
        known: dict[tuple[str, str, str], _KnownRow],
    ) -> tuple[list[_Pending], int, list[tuple[str, str]]]:
        """Sources to (re)load, how many are unchanged, and the missing ones."""
        pending: list[_Pending] = []
        skipped = 0
        failed: list[tuple[str, str]] = []
        for source in sources:
            row = known.get(source.key)
            old_id = row[0] if row is not None else None
            try:
                state = FileState.of(source.track_path)
            except UnreadableFileError as error:
                if old_id is not None:
                    delete_track(self._connection, old_id)
                failed.append((str(source.track_path), error.reason))
                continue
            current = (source.metadata(), state.size, state.mtime_ns, state.sample)
            if row is not None and row[1:] == current:
                skipped += 1
            else:
                pending.append((source, state, old_id))
        return pending, skipped, failed

    def _prepare(self, pending: list[_Pending]) -> Iterator[PreparedTrack | str]:
        """Each pending track loaded and prepared, in order, in parallel if worth it."""
        sources = [source for source, _, _ in pending]
        states = [state for _, state, _ in pending]
        workers = min(self.workers, len(pending))
        if workers < 2 or len(pending) < _POOL_MINIMUM or self._load is not load_track:
            yield from map(prepare_track, sources, states, repeat(self._load))
            return
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            yield from pool.map(prepare_track, sources, states, repeat(load_track))

    def track_count(self) -> int:
        """How many tracks the index holds."""
        (count,) = self._connection.execute("SELECT count(*) FROM tracks").fetchone()
        return int(count)

    def cue_count(self) -> int:
        """How many cues the index holds."""
        (count,) = self._connection.execute("SELECT count(*) FROM cues").fetchone()
        return int(count)

    def size_bytes(self) -> int:
        """The index file's size on disk (its write-ahead log included)."""
        return index_file_bytes(self.db_path)
