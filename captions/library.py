"""The library search index: every cue of every known track in one SQLite FTS5 file.

Tracks are re-read only when their file or their metadata changed, each in its own
transaction, so an interrupted update leaves a consistent index that the next update
completes. Words are indexed with `unicode61 remove_diacritics 2` (so "deja" finds
"déjà"); scripts written without spaces also go to a per-character index.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from captions import loader
from captions.library_query import (
    QueryTerm,
    characters_expression,
    has_unspaced_script,
    mark_matches,
    parse_query,
    search_text,
    space_unspaced,
    words_expression,
)
from captions.model import CaptionError, Track

SCHEMA_VERSION = 1
_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
_SCHEMA = f"""
CREATE TABLE tracks(
    id INTEGER PRIMARY KEY,
    module_id TEXT NOT NULL, video_id TEXT NOT NULL, path TEXT NOT NULL,
    module_title TEXT NOT NULL, video_title TEXT NOT NULL, kind TEXT NOT NULL,
    language TEXT NOT NULL, label TEXT NOT NULL, metadata TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sample TEXT NOT NULL,
    first_cue INTEGER NOT NULL, last_cue INTEGER NOT NULL,
    UNIQUE(module_id, video_id, path));
CREATE TABLE cues(
    id INTEGER PRIMARY KEY, track_id INTEGER NOT NULL,
    start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
    speaker TEXT NOT NULL, text TEXT NOT NULL, attribution TEXT NOT NULL);
CREATE VIRTUAL TABLE cue_words USING fts5(text, tokenize="{_TOKENIZER}");
CREATE VIRTUAL TABLE cue_characters USING fts5(text, tokenize="{_TOKENIZER}");
PRAGMA user_version = {SCHEMA_VERSION};
"""
_SAMPLE_BYTES = 4096

Progress = Callable[[int, int], None]
TrackLoader = Callable[..., Track]


def default_index_path() -> Path:
    """The index file in the user's cache folder (it can always be rebuilt)."""
    return platformdirs.user_cache_path("transcript-player") / "library.sqlite3"


@dataclass(frozen=True)
class IndexSource:
    """One track of one video of one module, as the library knows it."""

    module_id: str
    module_title: str
    video_id: str
    video_title: str
    track_path: Path
    kind: str = "captions"
    language: str = ""
    label: str = ""
    segments: tuple[tuple[int, int, str], ...] = ()

    def metadata(self) -> str:
        """Everything besides the file that shapes the indexed rows, as stable JSON."""
        return json.dumps(
            [
                self.module_title,
                self.video_title,
                self.kind,
                self.language,
                self.label,
                [list(segment) for segment in self.segments],
            ],
            ensure_ascii=False,
        )

    def attribution_at(self, ms: int) -> str:
        """The attribution of the segment containing `ms`, or "" outside segments."""
        for start_ms, end_ms, attribution in self.segments:
            if start_ms <= ms < end_ms:
                return attribution
        return ""


@dataclass(frozen=True)
class UpdateReport:
    """What an update did; `failed` lists (path, reason) for tracks that could not load."""

    indexed: int
    skipped: int
    removed: int
    failed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Hit:
    """One matching cue with where it lives, a marked snippet and any attribution."""

    module_id: str
    module_title: str
    video_id: str
    video_title: str
    track_label: str
    language: str
    kind: str
    start_ms: int
    end_ms: int
    speaker: str
    text: str
    snippet: str
    attribution: str
    track_path: Path = Path()


@dataclass(frozen=True)
class _FileState:
    size: int
    mtime_ns: int
    sample: str


def _file_state(path: Path) -> _FileState:
    """Size, modification time and a digest of the file's head and tail."""
    stat = path.stat()
    digest = hashlib.blake2b(digest_size=16)
    with path.open("rb") as handle:
        digest.update(handle.read(_SAMPLE_BYTES))
        if stat.st_size > 2 * _SAMPLE_BYTES:
            handle.seek(-_SAMPLE_BYTES, os.SEEK_END)
            digest.update(handle.read(_SAMPLE_BYTES))
    return _FileState(stat.st_size, stat.st_mtime_ns, digest.hexdigest())


def _source_key(source: IndexSource) -> tuple[str, str, str]:
    return source.module_id, source.video_id, str(source.track_path)


_HIT_COLUMNS = """c.start_ms, c.end_ms, c.speaker, c.text, c.attribution,
    t.module_id, t.module_title, t.video_id, t.video_title, t.label, t.language,
    t.kind, t.path"""


class LibraryIndex:
    """The index file: `update` brings it in line with the library, `search` queries it.

    One instance per thread; several instances (threads or processes) may share a file.
    """

    def __init__(
        self,
        db_path: str | Path,
        *,
        markers: tuple[str, str] = ("[", "]"),
        ellipsis: str = "…",
        load: TrackLoader | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.markers = markers
        self.ellipsis = ellipsis
        self._load = load
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._connection = self._open()
        except sqlite3.DatabaseError:
            self._discard_file()
            self._connection = self._open()

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.db_path, timeout=30, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA cache_size = -65536")
            connection.execute("PRAGMA temp_store = MEMORY")
            (version,) = connection.execute("PRAGMA user_version").fetchone()
            if version != SCHEMA_VERSION:
                self._create_schema(connection)
        except sqlite3.DatabaseError:
            connection.close()
            raise
        return connection

    @staticmethod
    def _create_schema(connection: sqlite3.Connection) -> None:
        connection.execute("BEGIN IMMEDIATE")
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name IN ('tracks', 'cues', 'cue_words', 'cue_characters')"
        ).fetchall():
            connection.execute(f'DROP TABLE "{name}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.execute("COMMIT")

    def _discard_file(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        """Close the database connection."""
        self._connection.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- updating ---------------------------------------------------------------

    def update(
        self, sources: Iterable[IndexSource], progress: Progress | None = None
    ) -> UpdateReport:
        """Index new and changed tracks, drop tracks no longer listed; report counts."""
        wanted = {_source_key(source): source for source in sources}
        known = {
            (row[1], row[2], row[3]): row
            for row in self._connection.execute(
                "SELECT id, module_id, video_id, path, metadata, size, mtime_ns, sample"
                " FROM tracks"
            )
        }
        removed = 0
        for key, row in known.items():
            if key not in wanted:
                self._delete_track(row[0])
                removed += 1
        indexed = skipped = 0
        failed: list[tuple[str, str]] = []
        for done, (key, source) in enumerate(wanted.items(), start=1):
            row = known.get(key)
            outcome = self._update_one(source, row)
            if outcome == "indexed":
                indexed += 1
            elif outcome == "skipped":
                skipped += 1
            else:
                failed.append((str(source.track_path), outcome))
            if progress is not None:
                progress(done, len(wanted))
        return UpdateReport(indexed, skipped, removed, tuple(failed))

    def _update_one(self, source: IndexSource, row: tuple[object, ...] | None) -> str:
        """Bring one track up to date: "indexed", "skipped" or the failure reason."""
        try:
            state = _file_state(source.track_path)
        except OSError as error:
            self._forget(row)
            return error.strerror or str(error)
        if row is not None and row[4:8] == (
            source.metadata(),
            state.size,
            state.mtime_ns,
            state.sample,
        ):
            return "skipped"
        try:
            track = self._load_track(source)
        except Exception as error:  # a track that will not load must not stop the rest
            self._forget(row)
            return str(error)
        self._store(source, state, track, row)
        return "indexed"

    def _load_track(self, source: IndexSource) -> Track:
        load = self._load if self._load is not None else loader.load_track
        return load(
            source.track_path,
            kind=source.kind,
            language=source.language,
            label=source.label,
        )

    def _forget(self, row: tuple[object, ...] | None) -> None:
        if row is not None:
            self._delete_track(row[0])

    def _delete_track(self, track_id: object) -> None:
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            self._delete_rows(track_id)
            connection.execute("DELETE FROM tracks WHERE id = ?", (track_id,))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def _delete_rows(self, track_id: object) -> None:
        connection = self._connection
        bounds = connection.execute(
            "SELECT first_cue, last_cue FROM tracks WHERE id = ?", (track_id,)
        ).fetchone()
        if bounds is None:
            return
        for table in ("cue_words", "cue_characters"):
            connection.execute(
                f"DELETE FROM {table} WHERE rowid BETWEEN ? AND ?",  # noqa: S608
                bounds,
            )
        connection.execute("DELETE FROM cues WHERE id BETWEEN ? AND ?", bounds)

    def _store(
        self,
        source: IndexSource,
        state: _FileState,
        track: Track,
        row: tuple[object, ...] | None,
    ) -> None:
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        try:
            if row is not None:
                self._delete_rows(row[0])
                connection.execute("DELETE FROM tracks WHERE id = ?", (row[0],))
            (first,) = connection.execute(
                "SELECT coalesce(max(id), 0) + 1 FROM cues"
            ).fetchone()
            track_id = self._insert_track(source, state, first, first + len(track) - 1)
            self._insert_cues(source, track, track_id, first)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def _insert_track(
        self, source: IndexSource, state: _FileState, first: int, last: int
    ) -> int:
        cursor = self._connection.execute(
            "INSERT INTO tracks(module_id, video_id, path, module_title, video_title,"
            " kind, language, label, metadata, size, mtime_ns, sample, first_cue,"
            " last_cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *_source_key(source),
                source.module_title,
                source.video_title,
                source.kind,
                source.language,
                source.label,
                source.metadata(),
                state.size,
                state.mtime_ns,
                state.sample,
                first,
                last,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _insert_cues(
        self, source: IndexSource, track: Track, track_id: int, first: int
    ) -> None:
        connection = self._connection
        rows = [
            (
                first + number,
                track_id,
                cue.start_ms,
                cue.end_ms,
                cue.voice,
                cue.plain,
                source.attribution_at(cue.start_ms),
            )
            for number, cue in enumerate(track.cues)
        ]
        connection.executemany("INSERT INTO cues VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        words = [(row[0], search_text(row[5])) for row in rows]
        connection.executemany(
            "INSERT INTO cue_words(rowid, text) VALUES (?, ?)", words
        )
        characters = [
            (rowid, space_unspaced(text))
            for rowid, text in words
            if has_unspaced_script(text)
        ]
        connection.executemany(
            "INSERT INTO cue_characters(rowid, text) VALUES (?, ?)", characters
        )

    # -- searching --------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Cues matching `query` (words, prefix*, "phrases"), best first (bm25).

        Never raises for odd input: a query without letters or digits finds nothing.
        """
        terms = parse_query(query)
        if not terms or limit <= 0:
            return []
        if any(has_unspaced_script(term.text) for term in terms):
            return self._search_characters(terms, limit)
        rows = self._connection.execute(
            f"SELECT snippet(cue_words, 0, ?, ?, ?, 24), {_HIT_COLUMNS}"
            " FROM cue_words JOIN cues c ON c.id = cue_words.rowid"
            " JOIN tracks t ON t.id = c.track_id"
            " WHERE cue_words MATCH ? ORDER BY rank LIMIT ?",
            (*self.markers, self.ellipsis, words_expression(terms), limit),
        ).fetchall()
        return [_hit(row[1:], row[0]) for row in rows]

    def _search_characters(self, terms: list[QueryTerm], limit: int) -> list[Hit]:
        rows = self._connection.execute(
            f"SELECT {_HIT_COLUMNS}"
            " FROM cue_characters JOIN cues c ON c.id = cue_characters.rowid"
            " JOIN tracks t ON t.id = c.track_id"
            " WHERE cue_characters MATCH ? ORDER BY rank LIMIT ?",
            (characters_expression(terms), limit),
        ).fetchall()
        return [
            _hit(row, mark_matches(row[3], terms, self.markers, self.ellipsis))
            for row in rows
        ]

    def track_count(self) -> int:
        """How many tracks the index holds."""
        (count,) = self._connection.execute("SELECT count(*) FROM tracks").fetchone()
        return int(count)

    def cue_count(self) -> int:
        """How many cues the index holds."""
        (count,) = self._connection.execute("SELECT count(*) FROM cues").fetchone()
        return int(count)


def _hit(row: Sequence[object], snippet: str) -> Hit:
    start_ms, end_ms, speaker, text, attribution = row[:5]
    module_id, module_title, video_id, video_title, label, language, kind, path = row[
        5:
    ]
    return Hit(
        module_id=str(module_id),
        module_title=str(module_title),
        video_id=str(video_id),
        video_title=str(video_title),
        track_label=str(label),
        language=str(language),
        kind=str(kind),
        start_ms=int(start_ms),  # type: ignore[call-overload]
        end_ms=int(end_ms),  # type: ignore[call-overload]
        speaker=str(speaker),
        text=str(text),
        snippet=snippet,
        attribution=str(attribution),
        track_path=Path(str(path)),
    )
