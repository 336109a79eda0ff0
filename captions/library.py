"""The library search index: every cue of every known track in one SQLite FTS5 file.

Tracks are re-read only when their file or their metadata changed, each written in
its own transaction, so an interrupted update leaves a consistent index that the next
update completes. Words are indexed with `unicode61 remove_diacritics 2` (so "deja"
finds "déjà"); scripts written without spaces also go to a per-character index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from captions import loader
from captions.library_search import DEFAULT_RANK_BUDGET, Hit, SearchStyle, search
from captions.library_store import (
    FileState,
    IndexSource,
    PreparedTrack,
    TrackWriter,
    delete_track,
    open_database,
)
from captions.model import Track

__all__ = [
    "Hit",
    "IndexSource",
    "LibraryIndex",
    "UpdateReport",
    "default_index_path",
]

Progress = Callable[[int, int], None]
TrackLoader = Callable[..., Track]
_KnownRow = tuple[int, str, int, int, str]  # id, metadata, size, mtime_ns, sample


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
    many matching cues are ranked per query (see captions.library_search).
    """

    def __init__(
        self,
        db_path: str | Path,
        *,
        markers: tuple[str, str] = ("[", "]"),
        ellipsis: str = "…",
        rank_budget: int | None = DEFAULT_RANK_BUDGET,
        load: TrackLoader | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.style = SearchStyle(markers, ellipsis, rank_budget)
        self._load = load if load is not None else loader.load_track
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._connection = open_database(self.db_path)
        except sqlite3.DatabaseError:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
            self._connection = open_database(self.db_path)

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

    def update(
        self, sources: Iterable[IndexSource], progress: Progress | None = None
    ) -> UpdateReport:
        """Index new and changed tracks, drop tracks no longer listed; report counts.

        `progress(done, total)` is called, in the caller's thread, after each source.
        """
        wanted = {source.key: source for source in sources}
        known = self._known_tracks()
        removed = [row[0] for key, row in known.items() if key not in wanted]
        for track_id in removed:
            delete_track(self._connection, track_id)
        indexed = skipped = 0
        failed: list[tuple[str, str]] = []
        writer = TrackWriter(self._connection)
        writer.start()
        try:
            for done, (key, source) in enumerate(wanted.items(), start=1):
                outcome = self._update_one(writer, source, known.get(key))
                if outcome == "indexed":
                    indexed += 1
                elif outcome == "skipped":
                    skipped += 1
                else:
                    failed.append((str(source.track_path), outcome))
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

    def _update_one(
        self, writer: TrackWriter, source: IndexSource, known: _KnownRow | None
    ) -> str:
        """Queue what one source needs: "indexed", "skipped" or why it failed."""
        old_id = known[0] if known is not None else None
        try:
            state = FileState.of(source.track_path)
        except OSError as error:
            writer.submit(None, old_id)
            return error.strerror or str(error)
        current = (source.metadata(), state.size, state.mtime_ns, state.sample)
        if known is not None and known[1:] == current:
            return "skipped"
        try:
            track = self._load(
                source.track_path,
                kind=source.kind,
                language=source.language,
                label=source.label,
            )
        except Exception as error:  # one bad track must not stop the others
            writer.submit(None, old_id)
            return str(error) or type(error).__name__
        writer.submit(PreparedTrack.of(source, state, track), old_id)
        return "indexed"

    def track_count(self) -> int:
        """How many tracks the index holds."""
        (count,) = self._connection.execute("SELECT count(*) FROM tracks").fetchone()
        return int(count)

    def cue_count(self) -> int:
        """How many cues the index holds."""
        (count,) = self._connection.execute("SELECT count(*) FROM cues").fetchone()
        return int(count)
