"""The notes file: recognised by its schema; read-only where it cannot be written.

Pure Python (no Qt). The notes path may hold anything by the time we look: a folder,
a pipe, another program's database, a text file. Only a file that is recognisably
ours is ever written: an SQLite file whose header carries our application id, or
(the first notes version, which had none) one holding exactly that version's table.
Anything else is refused with `NotesFileError` and left byte for byte as it was, as
captions/library_file.py does for the search index. A new notes file is made under
a temporary name and linked into place, so the path never holds a half-made file.

Where the file or its folder cannot be written (a read-only data folder, a file
copied from a read-only medium), the notes are opened read-only: they can be read
and exported, and each change is refused with `NotesReadOnlyError` before SQLite is
asked to write.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from captions.safe_files import UnreadableFileError, check_regular_file

APPLICATION_ID = 0x54504E4F  # "TPNO": transcript-player notes
SCHEMA_VERSION = 2
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
NEWER_VERSION = (
    "the notes file was made by a newer version of this program: your notes can"
    " be read, but changes cannot be saved in it by this version"
)
COLUMNS = ("id", "module_id", "video_id", "at_ms", "note", "created", "updated")

# AUTOINCREMENT: an id is never given twice, so a window holding an old id can never
# reach a newer note. `revision` grows with each edit: an edit or delete names the
# revision it saw, and is refused when another window changed the note since.
SCHEMA = (
    """CREATE TABLE bookmarks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    module_id TEXT NOT NULL,
    video_id TEXT NOT NULL,
    at_ms INTEGER NOT NULL CHECK (at_ms >= 0),
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1)""",
    "CREATE INDEX bookmarks_by_video ON bookmarks (module_id, video_id, at_ms)",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)
_MIGRATE_FROM_1 = (
    SCHEMA[0].replace("bookmarks (", "bookmarks_v2 (", 1),
    f"INSERT INTO bookmarks_v2 ({', '.join(COLUMNS)})"
    f" SELECT {', '.join(COLUMNS)} FROM bookmarks",
    "DROP TABLE bookmarks",
    "ALTER TABLE bookmarks_v2 RENAME TO bookmarks",
    *SCHEMA[1:],
)


class NotesFileError(UnreadableFileError):
    """The notes path holds something that is not (or cannot be) our notes file."""


class NotesReadOnlyError(NotesFileError):
    """The notes can be read, but no change can be saved where they are."""


@dataclass(frozen=True)
class OpenNotes:
    """An open notes file: the connection, and whether changes may be written."""

    connection: sqlite3.Connection
    read_only_reason: str  # why changes cannot be saved; "" when they can
    has_revisions: bool  # False for a first-version file read where it lies
    newer: bool = False  # made by a newer version: read, never changed

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)


def read_only_reason(path: Path) -> str:
    """Why changes cannot be saved at `path` ("" when they can)."""
    folder = _existing_folder(path)
    if not folder.is_dir():
        return f"{folder} is a file where the notes folder should be"
    if not _can_write(folder):
        return (
            f"the folder {folder} is read-only: your notes can be read, but new"
            " notes and changes cannot be saved there"
        )
    if os.path.lexists(path) and not _can_write(path):
        return (
            "the notes file is read-only: your notes can be read, but new notes"
            " and changes cannot be saved in it"
        )
    return ""


def _can_write(path: Path) -> bool:
    """Whether this user may write `path` (root included: os.access asks the kernel)."""
    return os.access(path, os.W_OK)


def _existing_folder(path: Path) -> Path:
    """The folder that holds `path`, or its nearest ancestor that exists."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def open_notes(path: Path, create: bool) -> OpenNotes | None:
    """Our notes at `path`: None when missing and not `create`d; else NotesFileError."""
    verdict = inspect(path)
    refusal = read_only_reason(path)
    if verdict == "missing":
        if not create:
            return None
        if refusal:
            raise NotesReadOnlyError(path, refusal)
        _create(path)
        verdict = "ours"
    if verdict == "newer":
        refusal = NEWER_VERSION
    if refusal:
        connection = _read_only_connection(path)
        return OpenNotes(connection, refusal, verdict != "first", verdict == "newer")
    connection = _connect(path, 0 if verdict == "first" else APPLICATION_ID)
    if verdict == "first":
        _migrate(connection, path)
    return OpenNotes(connection, "", True)


def inspect(path: Path) -> str:
    """What `path` holds: "missing", "ours", "first" (version 1) or "newer".

    Raises NotesFileError for anything that is not recognisably our notes file.
    """
    if not os.path.lexists(path):
        for suffix in ("-wal", "-journal"):
            if os.path.lexists(f"{path}{suffix}"):
                raise NotesFileError(
                    Path(f"{path}{suffix}"),
                    f"is left over without its notes file {path.name}; kept, not used",
                )
        return "missing"
    if not path.exists():
        raise NotesFileError(
            path, "is a symbolic link to a missing file; left as it is"
        )
    try:
        check_regular_file(path)  # never opens it: a pipe cannot block here
    except UnreadableFileError as error:
        raise NotesFileError(path, f"{error.reason}; not a notes file") from None
    header = _read_header(path)
    if not header:
        raise NotesFileError(path, "is an empty file, not a notes file; left untouched")
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise NotesFileError(path, _not_ours("not an SQLite database"))
    application_id = int.from_bytes(header[68:72], "big", signed=True)
    if application_id == APPLICATION_ID:
        version = int.from_bytes(header[60:64], "big", signed=True)
        return "newer" if version > SCHEMA_VERSION else "ours"
    if application_id == 0 and _is_first_version(path):
        return "first"
    raise NotesFileError(path, _not_ours("an SQLite database of another program"))


def _not_ours(what: str) -> str:
    return f"is not a transcript-player notes file ({what}); left untouched"


def _read_header(path: Path) -> bytes:
    """The first 100 bytes, read without blocking (the path was a regular file)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise NotesFileError(path, error.strerror or str(error)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the check
            raise NotesFileError(path, "is not a regular file; left untouched")
        return os.read(fd, 100)
    except OSError as error:
        raise NotesFileError(path, error.strerror or str(error)) from None
    finally:
        os.close(fd)


def _is_first_version(path: Path) -> bool:
    """User version 1 and exactly the first version's table and columns."""
    try:
        connection = _inspection_connection(path)
    except sqlite3.Error:
        return False
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        ).fetchall()
        columns = connection.execute("PRAGMA table_info(bookmarks)").fetchall()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    names = tuple(str(row[1]) for row in columns)
    return (
        version == 1
        and [str(t) for (t,) in tables] == ["bookmarks"]
        and (names == COLUMNS)
    )


def _inspection_connection(path: Path) -> sqlite3.Connection:
    """Reads a file that may be another program's without making side files beside it
    (`immutable`), unless its write-ahead log is there to be read too."""
    if os.path.lexists(f"{path}-wal"):
        return sqlite3.connect(_uri(path, "mode=ro"), uri=True, isolation_level=None)
    return sqlite3.connect(
        _uri(path, "mode=ro&immutable=1"), uri=True, isolation_level=None
    )


def _uri(path: Path, query: str) -> str:
    return f"{path.resolve().as_uri()}?{query}"


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """Our notes, read where they cannot be written.

    In a folder we may not write, with no write-ahead log beside the file, the file
    is whole and is read alone (`immutable`), making no side files. Otherwise
    `mode=ro` reads the log too; it needs the log's index (-shm), so when that cannot
    be made the file alone is read, which is whole only when no log is left.
    """
    log_left = os.path.lexists(f"{path}-wal")
    if log_left or _can_write(path.parent):
        try:
            return _probed(_uri(path, "mode=ro"), path)
        except sqlite3.OperationalError as error:
            if log_left:
                raise NotesFileError(
                    path,
                    f"cannot be read here ({error}): its last changes are in"
                    f" {path.name}-wal, which this read-only folder keeps from SQLite",
                ) from None
    return _probed(_uri(path, "mode=ro&immutable=1"), path)


def _probed(uri: str, path: Path) -> sqlite3.Connection:
    """A read-only connection that has read the schema (SQLite opens lazily)."""
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10.0)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        connection.close()
        raise
    except sqlite3.DatabaseError as error:
        connection.close()
        raise damaged(path, error) from None
    return connection


def damaged(path: Path, error: sqlite3.DatabaseError) -> NotesFileError:
    """The error for our notes file that SQLite cannot read; the file is kept."""
    code = getattr(error, "sqlite_errorcode", None)
    corrupt = (code & 0xFF) in _CORRUPT_CODES if code is not None else False
    if corrupt or "malformed" in str(error) or "not a database" in str(error):
        return NotesFileError(
            path, "the notes file is damaged and cannot be read; it is kept as it is"
        )
    return NotesFileError(path, f"the notes cannot be read ({error})")


def _connect(path: Path, application: int) -> sqlite3.Connection:
    """Our notes file, to read and write (WAL, each commit synced; see notes_store)."""
    try:
        connection = sqlite3.connect(path, isolation_level=None, timeout=10.0)
    except sqlite3.Error as error:
        raise NotesFileError(path, f"cannot be opened ({error})") from None
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA secure_delete=ON")  # deleted notes are zeroed
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    except sqlite3.DatabaseError as error:
        connection.close()
        raise damaged(path, error) from None
    if application_id not in (application, APPLICATION_ID):  # swapped since
        connection.close()
        raise NotesFileError(path, _not_ours("its header changed"))
    return connection


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """A first-version file becomes this version in one transaction, ids kept."""
    try:
        connection.execute("BEGIN IMMEDIATE")
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        if application_id == 0:  # another window may have migrated it meanwhile
            for statement in _MIGRATE_FROM_1:
                connection.execute(statement)
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        connection.close()
        raise NotesFileError(path, f"cannot be brought up to date ({error})") from None


def _create(path: Path) -> None:
    """A new, empty notes file made beside `path` and linked into place in one step."""
    blocker = _existing_folder(path)
    if not blocker.is_dir():
        raise NotesFileError(
            path, f"cannot create the notes file: {blocker} is not a folder"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".new", dir=path.parent
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise NotesFileError(path, f"cannot create the notes file: {reason}") from None
    os.close(handle)
    try:
        _write_schema(Path(temporary))
        _link_into_place(Path(temporary), path)
    finally:
        for suffix in ("", *_SIDE_FILES):
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)


def _write_schema(temporary: Path) -> None:
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("BEGIN IMMEDIATE")
            for statement in SCHEMA:
                connection.execute(statement)
            connection.execute("COMMIT")
        finally:
            connection.close()  # the last close moves everything into the main file
    except sqlite3.Error as error:
        raise NotesFileError(
            temporary, f"cannot create the notes file: {error}"
        ) from None


def _link_into_place(temporary: Path, path: Path) -> None:
    """Link without replacing: whoever made `path` meanwhile wins, and is judged."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        inspect(path)
    except OSError:  # no hard links here (some network or FAT file systems)
        if os.path.lexists(path):
            raise NotesFileError(
                path, "was created while the notes file was made"
            ) from None
        try:
            os.rename(temporary, path)
        except OSError as error:
            reason = error.strerror or str(error)
            raise NotesFileError(
                path, f"cannot create the notes file: {reason}"
            ) from None
