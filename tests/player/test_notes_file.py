"""The notes file without Qt: whose file it is, the first version, read-only folders.

A notes path that holds anything but our notes is refused and left as it was; a
first-version file is brought up to date with its ids; where nothing can be written
the notes are still read.

Read-only, honestly, although the tests run as root (who may write anywhere that
permissions alone forbid): `real_read_only_folder` bind-mounts a folder read-only in
a private mount namespace (`unshare -m`, so nothing outlives the child), where even
root gets EROFS; a user that is not root gets a folder without write permission. The
in-process tests make `os.access` report the folder not writable, which is how the
store decides, and check that nothing is written even though the disk would allow it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from player.facilitator import notes_file
from player.facilitator.notes_file import APPLICATION_ID, NotesFileError
from player.facilitator.notes_store import (
    NotesReadOnlyError,
    NotesStore,
)

FIRST_VERSION_SCHEMA = """
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


def first_version_file(path: Path, notes: list[tuple[int, str]]) -> Path:
    """A notes file as the first version wrote it: no application id, ids reused."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.executescript(FIRST_VERSION_SCHEMA)
    connection.execute("PRAGMA user_version=1")
    for number, (at_ms, note) in enumerate(notes, start=1):
        connection.execute(
            "INSERT INTO bookmarks VALUES (?, 'm', 'v', ?, ?, '2024-01-01', "
            "'2024-01-01')",
            (number, at_ms, note),
        )
    connection.close()
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# -- what is not ours is refused and kept ------------------------------------------


def foreign_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE accounts (name TEXT, balance INTEGER)")
    connection.execute("INSERT INTO accounts VALUES ('savings', 100)")
    connection.commit()
    connection.close()


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    os.mkfifo(path)
    with NotesStore(path) as store:
        for attempt in (store.list, lambda: store.add("m", "v", 0, "x")):
            with pytest.raises(NotesFileError, match="named pipe"):
                attempt()
        assert "named pipe" in store.cannot_save()
    assert path.is_fifo()


def test_a_folder_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.mkdir()
    (path / "inside.txt").write_text("mine", encoding="utf-8")
    with NotesStore(path) as store:
        with pytest.raises(NotesFileError, match="is a folder"):
            store.add("m", "v", 0, "x")
        with pytest.raises(NotesFileError, match="is a folder"):
            store.delete_all()
    assert (path / "inside.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    "content",
    [b"Dear diary,\nnot a database\n", b"", b"SQLite format 3\x00" + b"\xff" * 10],
    ids=["text", "empty", "truncated-header"],
)
def test_a_file_that_is_not_sqlite_is_refused_byte_for_byte(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with NotesStore(path) as store:
        for attempt in (
            store.list,
            store.count,
            lambda: store.add("m", "v", 0, "x"),
            lambda: store.edit(1, note="x"),
            lambda: store.delete(1),
            store.delete_all,
        ):
            with pytest.raises(NotesFileError, match="notes file"):
                attempt()
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_another_programs_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    foreign_database(path)
    before = path.read_bytes()
    with NotesStore(path) as store:
        with pytest.raises(NotesFileError, match="another program"):
            store.add("m", "v", 0, "x")
        with pytest.raises(NotesFileError, match="another program"):
            store.list()
        assert "another program" in store.cannot_save()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_a_database_with_a_bookmarks_table_of_its_own_is_not_ours(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE bookmarks (url TEXT)")
    connection.execute("PRAGMA user_version=1")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with NotesStore(path) as store, pytest.raises(NotesFileError):
        store.add("m", "v", 0, "x")
    assert path.read_bytes() == before


def test_a_dangling_link_and_a_left_over_log_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.symlink_to(tmp_path / "gone.sqlite3")
    with NotesStore(path) as store, pytest.raises(NotesFileError, match="missing"):
        store.add("m", "v", 0, "x")
    assert path.is_symlink() and not (tmp_path / "gone.sqlite3").exists()
    path.unlink()
    log = tmp_path / "notes.sqlite3-wal"
    log.write_bytes(b"notes that were never checkpointed")
    with NotesStore(path) as store, pytest.raises(NotesFileError, match="left over"):
        store.add("m", "v", 0, "x")
    assert log.read_bytes() == b"notes that were never checkpointed"
    assert not path.exists()


def test_a_damaged_notes_file_is_kept_and_said(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with NotesStore(path) as store:
        for at in range(200):
            store.add("m", "v", at, f"note {at} " + "words " * 40)
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = b"\x5a" * (4096 * 2)  # pages after the header
    path.write_bytes(bytes(data))
    with NotesStore(path) as store:
        with pytest.raises(NotesFileError, match="damaged"):
            store.list()
        with pytest.raises((NotesFileError, sqlite3.DatabaseError)):
            store.add("m", "v", 0, "x")
    assert path.read_bytes() == bytes(data)


def test_our_file_is_made_whole_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "data" / "notes.sqlite3"
    with NotesStore(path) as store:
        store.add("m", "v", 0, "first")
    header = path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".new")]


# -- the first version ---------------------------------------------------------------


def test_a_first_version_file_is_brought_up_to_date_with_its_notes(
    tmp_path: Path,
) -> None:
    path = first_version_file(
        tmp_path / "notes.sqlite3", [(1_000, "one"), (2_000, "two"), (3_000, "three")]
    )
    with NotesStore(path) as store:
        assert [(b.id, b.note) for b in store.list()] == [
            (1, "one"),
            (2, "two"),
            (3, "three"),
        ]
        assert store.delete(3)
        assert store.add("m", "v", 4_000, "four").id == 4  # 3 is never given again
        edited = store.edit(1, note="one, edited", seen=store.get(1))
        assert edited is not None and edited.revision == 2
    header = path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == notes_file.SCHEMA_VERSION


# -- read-only -------------------------------------------------------------------------


@pytest.fixture
def not_writable(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """`not_writable(path)`: os.access then says this user may not write `path`."""
    denied: set[Path] = set()
    real_access = os.access

    def access(path, mode, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and Path(path).resolve() in denied:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    return lambda path: denied.add(Path(path).resolve())


def test_notes_in_a_read_only_folder_are_read_and_never_written(
    tmp_path: Path, not_writable
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    with NotesStore(folder / "notes.sqlite3") as store:
        store.add("m", "v", 1_000, "written before the folder became read-only")
    before = snapshot(folder)
    not_writable(folder)
    with NotesStore(folder / "notes.sqlite3") as store:
        assert [b.note for b in store.list("m", "v")] == [
            "written before the folder became read-only"
        ]
        assert store.read_only and store.count() == 1
        refusal = store.cannot_save()
        assert str(folder) in refusal and "read-only" in refusal
        assert "cannot be saved" in refusal
        for change in (
            lambda: store.add("m", "v", 2_000, "new"),
            lambda: store.edit(1, note="changed"),
            lambda: store.delete(1),
            store.delete_all,
        ):
            with pytest.raises(NotesReadOnlyError):
                change()
        assert store.count() == 1
    assert snapshot(folder) == before


def test_a_read_only_notes_file_is_read(tmp_path: Path, not_writable) -> None:  # type: ignore[no-untyped-def]
    path = first_version_file(tmp_path / "notes.sqlite3", [(5_000, "from a CD")])
    before = path.read_bytes()
    not_writable(path)
    with NotesStore(path) as store:
        (bookmark,) = store.list()
        assert (bookmark.note, bookmark.revision) == ("from a CD", 1)
        assert "notes file is read-only" in store.cannot_save()
        with pytest.raises(NotesReadOnlyError):
            store.add("m", "v", 0)
    assert path.read_bytes() == before  # not even brought up to date


def test_a_read_only_folder_without_notes_lists_none_and_says_why(
    tmp_path: Path, not_writable
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    folder.mkdir()
    not_writable(folder)
    with NotesStore(folder / "transcript-player" / "notes.sqlite3") as store:
        assert store.list() == []
        assert "read-only" in store.cannot_save()
        with pytest.raises(NotesReadOnlyError):
            store.add("m", "v", 0)
    assert list(folder.iterdir()) == []


def test_notes_are_writable_again_once_the_folder_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, not_writable
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    with NotesStore(folder / "notes.sqlite3") as store:
        store.add("m", "v", 1_000, "one")
    not_writable(folder)
    with NotesStore(folder / "notes.sqlite3") as store:
        assert store.list() and store.read_only
        monkeypatch.undo()  # the folder is writable again
        assert store.cannot_save() == ""
        store.add("m", "v", 2_000, "two")
        assert store.count() == 2 and not store.read_only


READ_ONLY_CHILD = """
import sys
from pathlib import Path
from player.facilitator.notes_store import NotesReadOnlyError, NotesStore

store = NotesStore(Path(sys.argv[1]))
print("notes:", [b.note for b in store.list()])
print("refusal:", store.cannot_save())
try:
    store.add("m", "v", 0, "new")
except NotesReadOnlyError as error:
    print("refused:", error.reason)
"""


def run_in_read_only_folder(source: Path, mount: Path) -> str:
    """Run READ_ONLY_CHILD on the notes of `source`, seen read-only at `mount`."""
    child = [sys.executable, "-c", READ_ONLY_CHILD, str(mount / "notes.sqlite3")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    if os.geteuid() != 0:
        source.chmod(0o555)
        try:
            done = subprocess.run(
                child, env=env, capture_output=True, text=True, timeout=60
            )
        finally:
            source.chmod(0o755)
        return done.stdout + done.stderr
    mount.mkdir()
    script = (
        'mount --bind "$1" "$2" && mount -o remount,bind,ro "$2" && shift 2'
        ' && exec "$@"'
    )
    unshare = shutil.which("unshare")
    assert unshare, "unshare (util-linux) makes the read-only bind for root"
    done = subprocess.run(
        [unshare, "-m", "--propagation", "private", "sh", "-c", script, "sh",
         str(source), str(mount), *child],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    return done.stdout + done.stderr


def test_a_really_read_only_folder_still_shows_the_notes(tmp_path: Path) -> None:
    """A read-only file system (or, not as root, a folder without write permission):
    before, the existing notes could not even be read there."""
    source = tmp_path / "data"
    with NotesStore(source / "notes.sqlite3") as store:
        store.add("m", "v", 1_000, "kept on a read-only disk")
    before = snapshot(source)
    output = run_in_read_only_folder(source, tmp_path / "read-only")
    assert "notes: ['kept on a read-only disk']" in output, output
    assert "refusal: " in output and "is read-only" in output, output
    assert "refused: the folder" in output, output
    assert snapshot(source) == before
