"""A facilitator's private bookmarks and notes, kept in SQLite in their data folder.

Pure Python (no Qt): the window, the tests and a child process all use it. Nothing here
opens a socket; the file never leaves the machine unless the user exports it.

Durability (design.md 11: a crash or power cut loses at most the note being typed):
the database runs in WAL mode with `synchronous=FULL`, so each commit is fsynced to the
write-ahead log before `add`/`edit`/`delete` return. With `NORMAL`, a WAL commit
survives a crash of the program but may be rolled back by a power cut until the next
checkpoint; at one fsync per note typed by hand, FULL costs nothing a person notices.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from captions.timefmt import format_clock

APP_NAME = "transcript-player"
FILE_NAME = "notes.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY,
    module_id TEXT NOT NULL,
    video_id TEXT NOT NULL,
    at_ms INTEGER NOT NULL CHECK (at_ms >= 0),
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bookmarks_by_video
    ON bookmarks (module_id, video_id, at_ms);
"""
_COLUMNS = "id, module_id, video_id, at_ms, note, created, updated"


def default_notes_path() -> Path:
    """The notes file in the user's data folder (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / FILE_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A moment of a video the facilitator marked, with their optional note."""

    id: int
    module_id: str
    video_id: str
    at_ms: int
    note: str
    created: str
    updated: str


class NotesStore:
    """Bookmarks in one SQLite file; each change is one committed transaction.

    The file is created on the first change: reading a store that does not exist yet
    lists nothing and leaves the disk alone.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_notes_path()
        self._connection: sqlite3.Connection | None = None

    # -- connection ---------------------------------------------------------------

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._connection is not None:
            return self._connection
        if not create and not self.path.is_file():
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA secure_delete=ON")  # deleted notes are zeroed
        with _transaction(connection):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        self._connection = connection
        return connection

    def _writer(self) -> sqlite3.Connection:
        connection = self._connect(create=True)
        assert connection is not None
        return connection

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- changes --------------------------------------------------------------------

    def add(
        self, module_id: str, video_id: str, at_ms: int, note: str = ""
    ) -> Bookmark:
        """Bookmark `at_ms` of a video; committed (and synced) when this returns."""
        connection = self._writer()
        stamp = _now()
        with _transaction(connection):
            cursor = connection.execute(
                "INSERT INTO bookmarks (module_id, video_id, at_ms, note, created,"
                " updated) VALUES (?, ?, ?, ?, ?, ?)",
                (module_id, video_id, max(0, int(at_ms)), note, stamp, stamp),
            )
        new_id = cursor.lastrowid
        assert new_id is not None
        return Bookmark(
            new_id, module_id, video_id, max(0, int(at_ms)), note, stamp, stamp
        )

    def edit(
        self, bookmark_id: int, *, note: str | None = None, at_ms: int | None = None
    ) -> Bookmark | None:
        """Change a bookmark's note and/or time; None when it no longer exists."""
        connection = self._writer()
        with _transaction(connection):
            if note is not None:
                connection.execute(
                    "UPDATE bookmarks SET note = ?, updated = ? WHERE id = ?",
                    (note, _now(), bookmark_id),
                )
            if at_ms is not None:
                connection.execute(
                    "UPDATE bookmarks SET at_ms = ?, updated = ? WHERE id = ?",
                    (max(0, int(at_ms)), _now(), bookmark_id),
                )
        return self.get(bookmark_id)

    def delete(self, bookmark_id: int) -> bool:
        connection = self._connect(create=False)
        if connection is None:
            return False
        with _transaction(connection):
            cursor = connection.execute(
                "DELETE FROM bookmarks WHERE id = ?", (bookmark_id,)
            )
        return cursor.rowcount > 0

    def delete_all(self) -> int:
        """Delete every bookmark of every module; returns how many there were."""
        connection = self._connect(create=False)
        if connection is None:
            return 0
        with _transaction(connection):
            cursor = connection.execute("DELETE FROM bookmarks")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return cursor.rowcount

    # -- reading --------------------------------------------------------------------

    def get(self, bookmark_id: int) -> Bookmark | None:
        connection = self._connect(create=False)
        if connection is None:
            return None
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,)
        ).fetchone()
        return Bookmark(*row) if row is not None else None

    def list(
        self, module_id: str | None = None, video_id: str | None = None
    ) -> list[Bookmark]:
        """Bookmarks (of a module, of one of its videos) in video and time order."""
        connection = self._connect(create=False)
        if connection is None:
            return []
        where, values = _filters(module_id, video_id)
        rows = connection.execute(
            f"SELECT {_COLUMNS} FROM bookmarks{where}"
            " ORDER BY module_id, video_id, at_ms, id",
            values,
        ).fetchall()
        return [Bookmark(*row) for row in rows]

    def count(self, module_id: str | None = None, video_id: str | None = None) -> int:
        connection = self._connect(create=False)
        if connection is None:
            return 0
        where, values = _filters(module_id, video_id)
        row = connection.execute(
            f"SELECT COUNT(*) FROM bookmarks{where}", values
        ).fetchone()
        return int(row[0])


def _filters(module_id: str | None, video_id: str | None) -> tuple[str, list[str]]:
    clauses, values = [], []
    if module_id is not None:
        clauses.append("module_id = ?")
        values.append(module_id)
    if video_id is not None:
        clauses.append("video_id = ?")
        values.append(video_id)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), values


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


# -- export -------------------------------------------------------------------------


def notes_text(
    bookmarks: Sequence[Bookmark],
    *,
    heading: str = "",
    video_titles: Mapping[str, str] | None = None,
) -> str:
    """Bookmarks as plain text: a heading, then per video its times and notes."""
    titles = video_titles or {}
    lines = [heading or "My notes", f"Exported {_now()[:16].replace('T', ' ')} UTC"]
    if not bookmarks:
        lines += ["", "(no notes)"]
    current: tuple[str, str] | None = None
    for bookmark in bookmarks:
        key = (bookmark.module_id, bookmark.video_id)
        if key != current:
            current = key
            title = titles.get(bookmark.video_id, bookmark.video_id)
            lines += ["", title if title else bookmark.video_id]
        note_lines = bookmark.note.splitlines() or ["(bookmark, no note)"]
        clock = format_clock(bookmark.at_ms)
        lines.append(f"  {clock:>8}  {note_lines[0]}")
        lines.extend(f"  {'':>8}  {line}" for line in note_lines[1:])
    return "\n".join(lines) + "\n"
