"""The library index file: recognised by its schema, and nobody else's file is touched.

The index path can be given on the command line, so it may name anything: notes,
another program's database, a pipe, a system file. Only a file that is recognisably
ours is ever written, rebuilt or deleted: an SQLite file whose header carries our
application id, or (the first index version, which had none) one holding exactly
that version's tables. Anything else is refused with `IndexFileError`, byte for byte
as it was. A new index is built under a temporary name and linked into place, so the
path never holds a half-made or empty file of ours.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import tempfile
from pathlib import Path

from captions.safe_files import UnreadableFileError, check_regular_file

APPLICATION_ID = 0x54504C49  # "TPLI": transcript-player library index
SCHEMA_VERSION = 2
APPLICATION_NAME = "transcript-player library index"
TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
_FTS_SHADOWS = ("data", "idx", "content", "docsize", "config")
# The first index version: no application id, user_version 1, exactly these tables.
_LEGACY_TABLES = frozenset(
    {"tracks", "cues", "cue_words", "cue_characters"}
    | {f"{table}_{shadow}" for table in ("cue_words", "cue_characters")
       for shadow in _FTS_SHADOWS}
)  # fmt: skip
_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB

SCHEMA = (
    """CREATE TABLE index_info(key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE tracks(
    id INTEGER PRIMARY KEY,
    module_id TEXT NOT NULL, video_id TEXT NOT NULL, path TEXT NOT NULL,
    module_title TEXT NOT NULL, video_title TEXT NOT NULL, kind TEXT NOT NULL,
    language TEXT NOT NULL, label TEXT NOT NULL, metadata TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sample TEXT NOT NULL,
    first_cue INTEGER NOT NULL, last_cue INTEGER NOT NULL,
    UNIQUE(module_id, video_id, path))""",
    # `search` is what the word index saw when it differs from `text` (NFKC, loose
    # accents dropped): NULL for most cues, so the words are stored once.
    """CREATE TABLE cues(
    id INTEGER PRIMARY KEY, track_id INTEGER NOT NULL,
    start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, speaker TEXT NOT NULL,
    text TEXT NOT NULL, search TEXT, attribution TEXT NOT NULL)""",
    "CREATE VIEW cue_search(id, text) AS SELECT id, coalesce(search, text) FROM cues",
    # prefix=1: a one-letter prefix ("a*") is one index entry, not a merge of the
    # doclists of every word starting with it (about 0.2 s over a million cues).
    "CREATE VIRTUAL TABLE cue_words USING fts5(text, content=cue_search,"
    f' content_rowid=id, prefix=1, tokenize="{TOKENIZER}")',
    # Bulk indexing merges segments less often; queries stay within the budget.
    "INSERT INTO cue_words(cue_words, rank) VALUES('automerge', 16)",
    f'CREATE VIRTUAL TABLE cue_characters USING fts5(text, tokenize="{TOKENIZER}")',
    f"INSERT INTO index_info VALUES('application', '{APPLICATION_NAME}')",
    f"INSERT INTO index_info VALUES('schema', '{SCHEMA_VERSION}')",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)


class IndexFileError(UnreadableFileError):
    """The index path names something that is not (or cannot be) our index file."""


def open_index_file(path: Path) -> tuple[sqlite3.Connection, str]:
    """A connection to our index at `path` (made if missing), and a notice or "".

    The notice says when our own index was rebuilt (damaged, or of another version).
    Raises IndexFileError, leaving the file untouched, when `path` is not ours.
    """
    notice = ""
    verdict = _inspect(path)
    if verdict in ("damaged", "other version"):
        _remove_our_index(path)
        notice = (
            f"{path}: the search index was damaged and has been rebuilt"
            if verdict == "damaged"
            else f"{path}: the search index was made by another version; rebuilt"
        )
        verdict = "missing"
    if verdict == "missing":
        _create(path)
    try:
        return _connect(path), notice
    except sqlite3.DatabaseError as error:
        if not _is_corruption(error):
            raise IndexFileError(
                path, f"cannot open the search index: {error}"
            ) from None
    # Damaged in a way the header did not show: still ours, so rebuilt once.
    _remove_our_index(path)
    _create(path)
    try:
        return _connect(path), f"{path}: the search index was damaged and rebuilt"
    except sqlite3.DatabaseError as error:
        raise IndexFileError(path, f"cannot open the search index: {error}") from None


def _is_corruption(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    return "malformed" in str(error) or "not a database" in str(error)


def _inspect(path: Path) -> str:
    """What `path` holds: "missing", "ours", "damaged" or "other version".

    Raises IndexFileError for anything that is not recognisably our index.
    """
    if not os.path.lexists(path):
        return "missing"
    if not path.exists():
        raise IndexFileError(
            path, "is a symbolic link to a missing file; left as it is"
        )
    try:
        check_regular_file(path)  # never opens it: a pipe cannot block here
    except UnreadableFileError as error:
        raise IndexFileError(path, f"{error.reason}; not a search index") from None
    header = _read_header(path)
    if not header:
        raise IndexFileError(
            path, "is an empty file, not a search index; left untouched"
        )
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise IndexFileError(path, _not_ours("not an SQLite database"))
    application_id = int.from_bytes(header[68:72], "big", signed=True)
    user_version = int.from_bytes(header[60:64], "big", signed=True)
    if application_id == APPLICATION_ID:
        return _our_state(path)
    if application_id == 0 and user_version == 1 and _has_legacy_tables(path):
        return "other version"
    raise IndexFileError(path, _not_ours("an SQLite database of another program"))


def _not_ours(what: str) -> str:
    return f"is not a transcript-player search index ({what}); left untouched"


def _read_header(path: Path) -> bytes:
    """The first 100 bytes, read without blocking (the path was a regular file)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise IndexFileError(path, error.strerror or str(error)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the check
            raise IndexFileError(path, "is not a regular file; left untouched")
        return os.read(fd, 100)
    except OSError as error:
        raise IndexFileError(path, error.strerror or str(error)) from None
    finally:
        os.close(fd)


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, lock or make side files (`immutable`)."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _has_legacy_tables(path: Path) -> bool:
    try:
        connection = _read_only_connection(path)
    except sqlite3.Error:
        return False
    try:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        ).fetchall()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return {str(name) for (name,) in rows} == _LEGACY_TABLES


def _our_state(path: Path) -> str:
    """Our application id is in the header: current, damaged or another version.

    Read through SQLite's locks (another process may be writing it right now), so
    only a real corruption error counts as damage, never a torn read.
    """
    try:
        connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    except sqlite3.Error as error:
        raise IndexFileError(path, f"cannot open the search index: {error}") from None
    try:
        connection.execute("BEGIN")
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        info = dict(connection.execute("SELECT key, value FROM index_info").fetchall())
    except sqlite3.DatabaseError as error:
        if _is_corruption(error) or "no such table" in str(error):
            return "damaged"
        raise IndexFileError(path, f"cannot read the search index: {error}") from None
    finally:
        connection.close()
    if info.get("application") != APPLICATION_NAME:
        return "damaged"
    if version != SCHEMA_VERSION or info.get("schema") != str(SCHEMA_VERSION):
        return "other version"
    return "ours"


def _remove_our_index(path: Path) -> None:
    """Delete our index and its side files (side files first: a crash keeps ours)."""
    try:
        for suffix in _SIDE_FILES:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.unlink(missing_ok=True)
    except OSError as error:
        raise IndexFileError(
            path, f"cannot rebuild the search index: {error}"
        ) from None


def _create(path: Path) -> None:
    """A new, empty index made beside `path` and linked into place in one step."""
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if os.path.lexists(side):
            raise IndexFileError(
                side, f"is left over without its index {path.name}; not used"
            )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".new", dir=path.parent
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise IndexFileError(
            path, f"cannot create the search index: {reason}"
        ) from None
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
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("BEGIN IMMEDIATE")
            for statement in SCHEMA:
                connection.execute(statement)
            connection.execute("COMMIT")
        finally:
            connection.close()  # the last close moves everything into the main file
    except sqlite3.Error as error:
        raise IndexFileError(
            temporary, f"cannot create the search index: {error}"
        ) from None


def _link_into_place(temporary: Path, path: Path) -> None:
    """Link without replacing: whoever made `path` meanwhile wins, and is judged."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        if _inspect(path) != "ours":
            raise IndexFileError(
                path, "was replaced while the index was made"
            ) from None
    except OSError:  # no hard links here (some network or FAT file systems)
        if os.path.lexists(path):
            raise IndexFileError(path, "was created while the index was made") from None
        try:
            os.rename(temporary, path)
        except OSError as error:
            reason = error.strerror or str(error)
            raise IndexFileError(
                path, f"cannot create the search index: {reason}"
            ) from None


def _connect(path: Path) -> sqlite3.Connection:
    """Our index, opened to read and write; WAL lets readers and a writer share."""
    connection = sqlite3.connect(
        path, timeout=30, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA cache_size = -65536")
        connection.execute("PRAGMA temp_store = MEMORY")
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        if application_id != APPLICATION_ID:  # swapped for another file since
            raise IndexFileError(path, _not_ours("its header changed"))
    except BaseException:
        connection.close()
        raise
    return connection


def index_file_bytes(path: Path) -> int:
    """The index's size on disk, its write-ahead log included."""
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += Path(f"{path}{suffix}").stat().st_size
    return total
