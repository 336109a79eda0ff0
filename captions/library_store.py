"""The library index's tables and the writes that keep them in line with the files.

Each track's cues get consecutive ids, recorded on the track's row, so dropping a
track deletes id ranges rather than searching for its cues.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from captions.library_query import has_unspaced_script, search_text, space_unspaced
from captions.model import Track

SCHEMA_VERSION = 1
_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
_TABLES = ("tracks", "cues", "cue_words", "cue_characters")
_SCHEMA = (
    """CREATE TABLE tracks(
    id INTEGER PRIMARY KEY,
    module_id TEXT NOT NULL, video_id TEXT NOT NULL, path TEXT NOT NULL,
    module_title TEXT NOT NULL, video_title TEXT NOT NULL, kind TEXT NOT NULL,
    language TEXT NOT NULL, label TEXT NOT NULL, metadata TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sample TEXT NOT NULL,
    first_cue INTEGER NOT NULL, last_cue INTEGER NOT NULL,
    UNIQUE(module_id, video_id, path))""",
    """CREATE TABLE cues(
    id INTEGER PRIMARY KEY, track_id INTEGER NOT NULL,
    start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
    speaker TEXT NOT NULL, text TEXT NOT NULL, attribution TEXT NOT NULL)""",
    f'CREATE VIRTUAL TABLE cue_words USING fts5(text, tokenize="{_TOKENIZER}")',
    f'CREATE VIRTUAL TABLE cue_characters USING fts5(text, tokenize="{_TOKENIZER}")',
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)
_SAMPLE_BYTES = 4096


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

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies the source in the index: module, video and file."""
        return self.module_id, self.video_id, str(self.track_path)

    def metadata(self) -> str:
        """Everything besides the file that shapes the indexed rows, as stable JSON."""
        segments = [list(segment) for segment in self.segments]
        return json.dumps(
            [
                self.module_title,
                self.video_title,
                self.kind,
                self.language,
                self.label,
                segments,
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
class FileState:
    """Size, modification time and a digest of the head and tail of a track file."""

    size: int
    mtime_ns: int
    sample: str

    @classmethod
    def of(cls, path: Path) -> FileState:
        stat = path.stat()
        digest = hashlib.blake2b(digest_size=16)
        with path.open("rb") as handle:
            digest.update(handle.read(_SAMPLE_BYTES))
            if stat.st_size > 2 * _SAMPLE_BYTES:
                handle.seek(-_SAMPLE_BYTES, os.SEEK_END)
                digest.update(handle.read(_SAMPLE_BYTES))
        return cls(stat.st_size, stat.st_mtime_ns, digest.hexdigest())


CueRow = tuple[int, int, str, str, str]  # start_ms, end_ms, speaker, plain, attribution


@dataclass(frozen=True)
class PreparedTrack:
    """A loaded track turned into rows, ready for a short write transaction."""

    source: IndexSource
    state: FileState
    cues: list[CueRow]
    words: list[str]
    characters: list[tuple[int, str]]  # (cue number, per-character text)

    @classmethod
    def of(cls, source: IndexSource, state: FileState, track: Track) -> PreparedTrack:
        cues = [
            (
                cue.start_ms,
                cue.end_ms,
                cue.voice,
                cue.plain,
                source.attribution_at(cue.start_ms),
            )
            for cue in track.cues
        ]
        words = [search_text(row[3]) for row in cues]
        characters = [
            (number, space_unspaced(text))
            for number, text in enumerate(words)
            if has_unspaced_script(text)
        ]
        return cls(source, state, cues, words, characters)


TrackLoader = Callable[..., Track]


def prepare_track(
    source: IndexSource, state: FileState, load: TrackLoader
) -> PreparedTrack | str:
    """Load and prepare one track, or say why it cannot be loaded.

    A module-level function, so that worker processes can run it.
    """
    try:
        track = load(
            source.track_path,
            kind=source.kind,
            language=source.language,
            label=source.label,
        )
    except Exception as error:  # one bad track must not stop the others
        return str(error) or type(error).__name__
    return PreparedTrack.of(source, state, track)


def open_database(path: Path) -> sqlite3.Connection:
    """Open (creating or rebuilding as needed) the index; raises for a corrupt file."""
    connection = sqlite3.connect(
        path, timeout=30, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA cache_size = -65536")
        connection.execute("PRAGMA temp_store = MEMORY")
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version != SCHEMA_VERSION:
            _create_schema(connection)
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


def _create_schema(connection: sqlite3.Connection) -> None:
    with transaction(connection):
        for table in _TABLES:
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _SCHEMA:
            connection.execute(statement)


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (BEGIN IMMEDIATE), rolled back on error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _delete_rows(connection: sqlite3.Connection, track_id: int) -> None:
    bounds = connection.execute(
        "SELECT first_cue, last_cue FROM tracks WHERE id = ?", (track_id,)
    ).fetchone()
    if bounds is not None:
        for table in ("cue_words", "cue_characters"):
            connection.execute(
                f"DELETE FROM {table} WHERE rowid BETWEEN ? AND ?", bounds
            )
        connection.execute("DELETE FROM cues WHERE id BETWEEN ? AND ?", bounds)
    connection.execute("DELETE FROM tracks WHERE id = ?", (track_id,))


def delete_track(connection: sqlite3.Connection, track_id: int) -> None:
    """Drop a track and its cues, in one transaction."""
    with transaction(connection):
        _delete_rows(connection, track_id)


def store_track(
    connection: sqlite3.Connection, prepared: PreparedTrack, old_id: int | None
) -> None:
    """Replace a track's rows (if it had any) with the prepared ones, atomically."""
    with transaction(connection):
        if old_id is not None:
            _delete_rows(connection, old_id)
        (first,) = connection.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM cues"
        ).fetchone()
        track_id = _insert_track(connection, prepared, first)
        connection.executemany(
            "INSERT INTO cues VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(first + n, track_id, *row) for n, row in enumerate(prepared.cues)],
        )
        connection.executemany(
            "INSERT INTO cue_words(rowid, text) VALUES (?, ?)",
            [(first + n, text) for n, text in enumerate(prepared.words)],
        )
        connection.executemany(
            "INSERT INTO cue_characters(rowid, text) VALUES (?, ?)",
            [(first + n, text) for n, text in prepared.characters],
        )


def _insert_track(
    connection: sqlite3.Connection, prepared: PreparedTrack, first: int
) -> int:
    source, state = prepared.source, prepared.state
    values: Sequence[object] = (
        *source.key,
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
        first + len(prepared.cues) - 1,
    )
    cursor = connection.execute(
        "INSERT INTO tracks(module_id, video_id, path, module_title, video_title,"
        " kind, language, label, metadata, size, mtime_ns, sample, first_cue,"
        f" last_cue) VALUES ({', '.join('?' * len(values))})",
        values,
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


Job = tuple[PreparedTrack | None, int | None]  # (rows to store or None, old track id)


class TrackWriter(threading.Thread):
    """Writes prepared tracks while the caller parses the next ones.

    SQLite releases the GIL while it works, so parsing and indexing overlap; the
    caller must not use the connection until `finish` returns.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        super().__init__(name="library-index-writer", daemon=True)
        self._connection = connection
        self._jobs: queue.Queue[Job | None] = queue.Queue(maxsize=3)
        self.error: BaseException | None = None

    def submit(self, prepared: PreparedTrack | None, old_id: int | None) -> None:
        """Queue a store (prepared rows) or, with `prepared` None, a delete."""
        self._jobs.put((prepared, old_id))

    def finish(self) -> None:
        """Wait for every queued write; re-raise the first write error."""
        self._jobs.put(None)
        self.join()
        if self.error is not None:
            raise self.error

    def run(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self.error is not None:
                continue
            prepared, old_id = job
            try:
                if prepared is not None:
                    store_track(self._connection, prepared, old_id)
                elif old_id is not None:
                    delete_track(self._connection, old_id)
            except BaseException as error:  # handed to the caller by finish()
                self.error = error
