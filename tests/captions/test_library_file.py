"""The index file: only our own index is ever written, rebuilt or deleted (issue 10)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from captions.library import IndexFileError, IndexSource, LibraryIndex
from captions.library_file import APPLICATION_ID, SCHEMA_VERSION

STORY = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Elder Mary>Trust grows when people feel they have a safe place.
"""

# The first index version's schema, as the program wrote it before (no application id).
VERSION_1 = (
    """CREATE TABLE tracks(id INTEGER PRIMARY KEY, module_id TEXT NOT NULL,
    video_id TEXT NOT NULL, path TEXT NOT NULL, module_title TEXT NOT NULL,
    video_title TEXT NOT NULL, kind TEXT NOT NULL, language TEXT NOT NULL,
    label TEXT NOT NULL, metadata TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, sample TEXT NOT NULL, first_cue INTEGER NOT NULL,
    last_cue INTEGER NOT NULL, UNIQUE(module_id, video_id, path))""",
    """CREATE TABLE cues(id INTEGER PRIMARY KEY, track_id INTEGER NOT NULL,
    start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, speaker TEXT NOT NULL,
    text TEXT NOT NULL, attribution TEXT NOT NULL)""",
    "CREATE VIRTUAL TABLE cue_words USING fts5(text)",
    "CREATE VIRTUAL TABLE cue_characters USING fts5(text)",
    "PRAGMA user_version = 1",
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def story_source(tmp_path: Path) -> IndexSource:
    track = tmp_path / "story.vtt"
    track.write_text(STORY, encoding="utf-8")
    return IndexSource("trust", "Trust", "story", "Story", track)


def sqlite_file(path: Path, *statements: str) -> Path:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path


def text_file(path: Path) -> Path:
    path.write_text("My private notes.\nDo not lose them.\n", encoding="utf-8")
    return path


def garbage_file(path: Path) -> Path:
    path.write_bytes(b"this is not a database" * 100)
    return path


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def foreign_database(path: Path) -> Path:
    return sqlite_file(
        path,
        "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)",
        "INSERT INTO notes(body) VALUES ('keep me')",
    )


def foreign_database_like_version_1(path: Path) -> Path:
    """Another program's file with user_version 1 and a table named like ours."""
    return sqlite_file(
        path,
        "CREATE TABLE tracks(id INTEGER PRIMARY KEY, artist TEXT)",
        "PRAGMA user_version = 1",
    )


def foreign_database_with_its_own_id(path: Path) -> Path:
    return sqlite_file(
        path,
        "PRAGMA application_id = 1234",
        "CREATE TABLE t(x)",
        "INSERT INTO t VALUES (1)",
    )


REFUSED_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "text file": (text_file, "not an SQLite database"),
    "garbage": (garbage_file, "not an SQLite database"),
    "empty file": (empty_file, "empty file"),
    "foreign database": (foreign_database, "another program"),
    "foreign, like version 1": (foreign_database_like_version_1, "another program"),
    "foreign, with an application id": (
        foreign_database_with_its_own_id,
        "another program",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED_FILES))
def test_a_file_that_is_not_our_index_is_refused_untouched(
    tmp_path: Path, case: str
) -> None:
    make, reason = REFUSED_FILES[case]
    path = make(tmp_path / "notes.txt")
    before = digest(path)
    with pytest.raises(IndexFileError) as raised:
        LibraryIndex(path)
    assert raised.value.path == str(path)
    assert reason in raised.value.reason
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(IndexFileError, match="folder"):
        LibraryIndex(folder)
    assert [p.name for p in folder.iterdir()] == ["inside.txt"]


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "index.fifo"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def open_it() -> None:
        try:
            LibraryIndex(fifo)
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=open_it, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "opening a FIFO as the index blocked"
    assert isinstance(outcome[0], IndexFileError)
    assert "named pipe" in outcome[0].reason
    assert fifo.is_fifo()


def test_a_symlink_to_a_system_file_is_refused(tmp_path: Path) -> None:
    system_file = Path("/etc/passwd")
    before = digest(system_file)
    link = tmp_path / "library.sqlite3"
    link.symlink_to(system_file)
    with pytest.raises(IndexFileError, match="not an SQLite database"):
        LibraryIndex(link)
    assert link.is_symlink() and digest(system_file) == before


def test_a_broken_symlink_is_left_alone(tmp_path: Path) -> None:
    link = tmp_path / "library.sqlite3"
    link.symlink_to(tmp_path / "elsewhere" / "gone.sqlite3")
    with pytest.raises(IndexFileError, match="missing file"):
        LibraryIndex(link)
    assert link.is_symlink() and not (tmp_path / "elsewhere").exists()


def test_a_read_only_location_is_a_plain_error() -> None:
    # /proc takes no new files, whoever runs the tests (root included).
    with pytest.raises(IndexFileError) as raised:
        LibraryIndex(Path("/proc/self/library.sqlite3"))
    assert "cannot create the search index" in raised.value.reason


def test_a_leftover_log_without_its_index_is_not_used(tmp_path: Path) -> None:
    log = tmp_path / "library.sqlite3-wal"
    log.write_bytes(b"someone's write-ahead log")
    with pytest.raises(IndexFileError) as raised:
        LibraryIndex(tmp_path / "library.sqlite3")
    assert raised.value.path == str(log)
    assert log.read_bytes() == b"someone's write-ahead log"
    assert not (tmp_path / "library.sqlite3").exists()


def test_a_new_index_carries_our_application_id_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "library.sqlite3"
    with LibraryIndex(path) as index:
        assert index.notice == ""
        index.update([story_source(tmp_path)])
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    info = dict(connection.execute("SELECT key, value FROM index_info"))
    assert info == {
        "application": "transcript-player library index",
        "schema": str(SCHEMA_VERSION),
    }
    connection.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["library.sqlite3"]


def test_our_index_is_reopened_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with LibraryIndex(path) as index:
        index.update([story_source(tmp_path)])
    with LibraryIndex(path) as again:
        assert again.notice == ""
        assert again.cue_count() == 1 and len(again.search("trust")) == 1


def test_an_old_version_of_our_index_is_rebuilt(tmp_path: Path) -> None:
    path = sqlite_file(tmp_path / "library.sqlite3", *VERSION_1)
    with LibraryIndex(path) as index:
        assert "another version" in index.notice and str(path) in index.notice
        assert index.cue_count() == 0
        assert index.update([story_source(tmp_path)]).indexed == 1
        assert len(index.search("trust")) == 1


def test_our_damaged_index_is_rebuilt_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with LibraryIndex(path) as index:
        index.update([story_source(tmp_path)])
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # header kept: recognisably ours
    path.write_bytes(bytes(data))
    with LibraryIndex(path) as index:
        assert "damaged" in index.notice
        assert index.update([story_source(tmp_path)]).indexed == 1
        assert len(index.search("trust")) == 1


def test_two_first_opens_at_once_share_one_new_index(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    errors: list[BaseException] = []
    indexes: list[LibraryIndex] = []

    def open_it() -> None:
        try:
            indexes.append(LibraryIndex(path))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    indexes[0].update([story_source(tmp_path)])
    assert all(len(index.search("trust")) == 1 for index in indexes)
    for index in indexes:
        index.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_index_size_is_reported(tmp_path: Path) -> None:
    with LibraryIndex(tmp_path / "library.sqlite3") as index:
        index.update([story_source(tmp_path)])
        assert index.size_bytes() >= (tmp_path / "library.sqlite3").stat().st_size > 0
