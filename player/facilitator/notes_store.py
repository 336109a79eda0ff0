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
from typing import Any

from captions.timefmt import format_clock
from player.facilitator.notes_file import (
    COLUMNS,
    SCHEMA_VERSION,
    NotesFileError,
    NotesReadOnlyError,
    OpenNotes,
    damaged,
    open_notes,
    read_only_reason,
)

__all__ = [
    "SCHEMA_VERSION",
    "Bookmark",
    "NoteConflict",
    "NotesFileError",
    "NotesReadOnlyError",
    "NotesStore",
    "default_notes_path",
    "notes_text",
]

APP_NAME = "transcript-player"
FILE_NAME = "notes.sqlite3"
_COLUMNS = ", ".join((*COLUMNS, "revision"))
_FIRST_VERSION_COLUMNS = ", ".join((*COLUMNS, "1 AS revision"))


def default_notes_path() -> Path:
    """The notes file in the user's data folder (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / FILE_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A moment of a video the facilitator marked, with their optional note.

    `revision` counts the edits: a change names the revision it was made from.
    """

    id: int
    module_id: str
    video_id: str
    at_ms: int
    note: str
    created: str
    updated: str
    revision: int = 1


class NoteConflict(Exception):
    """The note was changed (`now`) or deleted (`now` None) since it was read."""

    def __init__(self, seen: Bookmark, now: Bookmark | None) -> None:
        self.seen = seen
        self.now = now
        what = "deleted" if now is None else "changed"
        super().__init__(f"bookmark {seen.id} was {what} since it was read")


class NotesStore:
    """Bookmarks in one SQLite file; each change is one committed transaction.

    The file is created on the first change: reading a store that does not exist yet
    lists nothing and leaves the disk alone. A file that is not ours raises
    NotesFileError and is never touched; where nothing can be written the notes are
    read, and each change raises NotesReadOnlyError.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_notes_path()
        self._open: OpenNotes | None = None

    # -- connection ---------------------------------------------------------------

    def _connect(self, create: bool) -> sqlite3.Connection | None:
        if self._open is None:
            self._open = open_notes(self.path, create)
        return self._open.connection if self._open is not None else None

    def _writer(self) -> sqlite3.Connection:
        self._reopen_if_writable()
        connection = self._connect(create=True)
        assert connection is not None and self._open is not None
        if self._open.read_only:
            raise NotesReadOnlyError(self.path, self._open.read_only_reason)
        return connection

    def _reopen_if_writable(self) -> None:
        """Notes opened read-only are opened again once their place can be written."""
        opened = self._open
        stale = opened is not None and opened.read_only and not opened.newer
        if stale and not read_only_reason(self.path):
            self.close()

    @property
    def read_only(self) -> bool:
        """Whether the notes were opened where changes cannot be saved."""
        return self._open is not None and self._open.read_only

    def cannot_save(self) -> str:
        """Why a change cannot be saved now, in one sentence; "" when it can."""
        try:
            self._reopen_if_writable()
            self._connect(create=False)
        except NotesFileError as error:
            return str(error)
        if self._open is not None:
            reason = self._open.read_only_reason
        else:
            reason = read_only_reason(self.path)
        return f"{self.path}: {reason}" if reason else ""

    def close(self) -> None:
        if self._open is not None:
            self._open.connection.close()
            self._open = None

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _columns(self) -> str:
        opened = self._open
        return (
            _COLUMNS
            if opened is None or opened.has_revisions
            else (_FIRST_VERSION_COLUMNS)
        )

    # -- changes --------------------------------------------------------------------

    def add(
        self, module_id: str, video_id: str, at_ms: int, note: str = ""
    ) -> Bookmark:
        """Bookmark `at_ms` of a video; committed (and synced) when this returns."""
        connection = self._writer()
        stamp = _now()
        with _transaction(connection, self.path):
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
        self,
        bookmark_id: int,
        *,
        note: str | None = None,
        at_ms: int | None = None,
        seen: Bookmark | None = None,
    ) -> Bookmark | None:
        """Change a bookmark's note and/or time; None when it no longer exists.

        With `seen` (the bookmark as the user saw it), a bookmark deleted or changed
        since raises NoteConflict and nothing is written.
        """
        connection = self._writer()
        where, values = _version_filter(bookmark_id, seen)
        moved = max(0, int(at_ms)) if at_ms is not None else None
        with _transaction(connection, self.path):
            cursor = connection.execute(
                "UPDATE bookmarks SET note = coalesce(?, note),"
                " at_ms = coalesce(?, at_ms), updated = ?, revision = revision + 1"
                f" WHERE {where}",
                (note, moved, _now(), *values),
            )
        if seen is not None and cursor.rowcount == 0:
            raise NoteConflict(seen, self.get(bookmark_id))
        return self.get(bookmark_id)

    def delete(self, bookmark_id: int, *, seen: Bookmark | None = None) -> bool:
        """Delete a bookmark; False when it was already gone.

        With `seen`, a bookmark changed since raises NoteConflict and is kept.
        """
        if self._connect(create=False) is None:
            return False
        connection = self._writer()
        where, values = _version_filter(bookmark_id, seen)
        with _transaction(connection, self.path):
            cursor = connection.execute(f"DELETE FROM bookmarks WHERE {where}", values)
        if cursor.rowcount > 0:
            return True
        now = self.get(bookmark_id)
        if seen is not None and now is not None:
            raise NoteConflict(seen, now)
        return False

    def delete_all(self, *, seen_count: int | None = None) -> int:
        """Delete every bookmark of every module; returns how many there were.

        With `seen_count` (the number the user was told), nothing is deleted and -1
        returned when another window added or deleted notes since.
        """
        if self._connect(create=False) is None:
            return 0
        connection = self._writer()
        with _transaction(connection, self.path):
            (count,) = connection.execute("SELECT COUNT(*) FROM bookmarks").fetchone()
            if seen_count is not None and count != seen_count:
                return -1
            cursor = connection.execute("DELETE FROM bookmarks")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return cursor.rowcount

    # -- reading --------------------------------------------------------------------

    def get(self, bookmark_id: int) -> Bookmark | None:
        connection = self._connect(create=False)
        if connection is None:
            return None
        row = _rows(
            connection,
            self.path,
            f"SELECT {self._columns()} FROM bookmarks WHERE id = ?",
            [bookmark_id],
        )
        return Bookmark(*row[0]) if row else None

    def list(
        self, module_id: str | None = None, video_id: str | None = None
    ) -> list[Bookmark]:
        """Bookmarks (of a module, of one of its videos) in video and time order."""
        connection = self._connect(create=False)
        if connection is None:
            return []
        where, values = _filters(module_id, video_id)
        rows = _rows(
            connection,
            self.path,
            f"SELECT {self._columns()} FROM bookmarks{where}"
            " ORDER BY module_id, video_id, at_ms, id",
            values,
        )
        return [Bookmark(*row) for row in rows]

    def count(self, module_id: str | None = None, video_id: str | None = None) -> int:
        connection = self._connect(create=False)
        if connection is None:
            return 0
        where, values = _filters(module_id, video_id)
        rows = _rows(
            connection, self.path, f"SELECT COUNT(*) FROM bookmarks{where}", values
        )
        return int(rows[0][0])


def _rows(
    connection: sqlite3.Connection, path: Path, sql: str, values: Sequence[object]
) -> list[tuple[Any, ...]]:
    """The rows of a query; a file SQLite finds damaged is said to be, and kept."""
    try:
        return connection.execute(sql, tuple(values)).fetchall()
    except sqlite3.DatabaseError as error:
        raise damaged(path, error) from None


def _version_filter(
    bookmark_id: int, seen: Bookmark | None
) -> tuple[str, tuple[object, ...]]:
    if seen is None:
        return "id = ?", (bookmark_id,)
    return "id = ? AND revision = ? AND created = ?", (
        bookmark_id,
        seen.revision,
        seen.created,
    )


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
def _transaction(
    connection: sqlite3.Connection, path: Path | None = None
) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when the block raises."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as error:
        if path is None or isinstance(error, sqlite3.OperationalError):
            raise
        raise damaged(path, error) from None
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
