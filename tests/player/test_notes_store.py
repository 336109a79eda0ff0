"""The notes store without Qt: changes, durability after SIGKILL, where it lives."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import player
from player.facilitator.notes_store import (
    NoteConflict,
    NotesStore,
    default_notes_path,
    notes_text,
)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with NotesStore(tmp_path / "data" / "notes.sqlite3") as notes:
        yield notes


def test_create_list_edit_delete(store: NotesStore) -> None:
    later = store.add("module", "video", 90_500, "Ask the group about trust")
    earlier = store.add("module", "video", 12_000)
    store.add("module", "other-video", 5_000, "elsewhere")
    store.add("other-module", "video", 1_000, "another module")
    listed = store.list("module", "video")
    assert [(b.at_ms, b.note) for b in listed] == [
        (12_000, ""),
        (90_500, "Ask the group about trust"),
    ]
    assert store.count("module") == 3 and store.count() == 4
    edited = store.edit(earlier.id, note="Pause here")
    assert edited is not None and edited.note == "Pause here"
    assert edited.created == earlier.created and edited.updated >= earlier.updated
    moved = store.edit(later.id, at_ms=91_000)
    assert moved is not None and (moved.at_ms, moved.note) == (91_000, later.note)
    assert store.delete(later.id) is True
    assert store.delete(later.id) is False
    assert [b.note for b in store.list("module", "video")] == ["Pause here"]
    assert store.edit(later.id, note="gone") is None


def test_delete_all_says_how_many_and_leaves_nothing(store: NotesStore) -> None:
    for at in range(5):
        store.add("m", "v", at * 1000, f"note {at}")
    assert store.delete_all() == 5
    assert store.list() == [] and store.count() == 0
    assert store.delete_all() == 0


def test_deleted_notes_leave_no_trace_in_the_files(store: NotesStore) -> None:
    secret = "a private remark about participant X"
    for at in range(3):
        store.add("m", "v", at, f"{secret} #{at}")
    kept = store.add("m", "v", 9, "kept note")
    assert store.delete(store.list()[0].id)
    store.delete_all()
    store.close()
    files = sorted(store.path.parent.glob(store.path.name + "*"))
    assert store.path in files
    raw = b"".join(path.read_bytes() for path in files)
    assert secret.encode("utf-8") not in raw
    assert kept.note.encode("utf-8") not in raw


def test_notes_survive_reopening_and_keep_their_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    text = "Line one\nLine two — “quoted”, émigré, 日本語"
    with NotesStore(path) as first:
        saved = first.add("m", "v", 7, text)
    with NotesStore(path) as second:
        assert second.get(saved.id) == saved


def test_reading_a_store_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "notes.sqlite3"
    with NotesStore(path) as notes:
        assert notes.list("m") == [] and notes.count() == 0
        assert notes.delete(1) is False and notes.delete_all() == 0
        assert notes.get(1) is None
    assert not path.parent.exists()


def test_wal_mode_and_full_sync_are_set(store: NotesStore) -> None:
    store.add("m", "v", 0)
    with sqlite3.connect(store.path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection = store._connect(create=False)
    assert connection is not None
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_failed_change_is_rolled_back_whole(store: NotesStore) -> None:
    kept = store.add("m", "v", 1_000, "kept")
    with pytest.raises(sqlite3.IntegrityError):
        store_edit_then_fail(store, kept.id)
    found = store.get(kept.id)
    assert found is not None and found.note == "kept"
    assert store.count() == 1


def store_edit_then_fail(store: NotesStore, bookmark_id: int) -> None:
    from player.facilitator.notes_store import _transaction

    connection = store._connect(create=False)
    assert connection is not None
    with _transaction(connection):
        connection.execute(
            "UPDATE bookmarks SET note = 'lost' WHERE id = ?", (bookmark_id,)
        )
        connection.execute("INSERT INTO bookmarks (id) VALUES (NULL)")


def test_the_default_file_is_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    path = default_notes_path()
    assert path == tmp_path / "xdg-data" / "transcript-player" / "notes.sqlite3"
    package = Path(player.__file__).resolve().parent.parent
    assert package not in path.resolve().parents
    with NotesStore() as notes:
        notes.add("trusting-relationship", "building-trust", 127_648, "the story")
    assert path.is_file()
    assert not list(package.rglob("notes.sqlite3"))


def test_the_store_opens_no_socket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        opened.append(args)
        raise AssertionError("the notes store opened a socket")

    monkeypatch.setattr(socket.socket, "__init__", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with NotesStore(tmp_path / "n.sqlite3") as notes:
        bookmark = notes.add("m", "v", 5, "private")
        notes.edit(bookmark.id, note="still private")
        notes_text(notes.list())
        notes.delete_all()
    assert opened == []


CHILD = """
import sys
from player.facilitator.notes_store import NotesStore

store = NotesStore(sys.argv[1])
number = 0
while True:
    bookmark = store.add("module", "video", number * 250, f"note {number}")
    print(bookmark.id, bookmark.note, flush=True)
    number += 1
    if number == 1:
        print("QT", [n for n in sys.modules if n.startswith("PySide6")], flush=True)
"""


def test_a_killed_writer_loses_no_saved_note(tmp_path: Path) -> None:
    """SIGKILL mid-stream: every note the child reported as saved is there after."""
    path = tmp_path / "data" / "notes.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    assert child.stdout is not None
    told: dict[int, str] = {}
    try:
        while len(told) < 40:
            line = child.stdout.readline()
            assert line, "the child stopped writing"
            if line.startswith("QT "):
                assert line.strip() == "QT []"
                continue
            number, note = line.rstrip("\n").split(" ", 1)
            told[int(number)] = note
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with NotesStore(path) as reopened:
        found = {b.id: b.note for b in reopened.list()}
    assert told.items() <= found.items()
    assert len(found) >= len(told)


def test_notes_as_text(store: NotesStore) -> None:
    store.add("m", "second", 3_000, "Later video")
    store.add("m", "first", 125_000, "Two lines\nof note")
    store.add("m", "first", 5_000)
    text = notes_text(
        store.list("m"),
        heading="My notes: Test module",
        video_titles={"first": "First video", "second": "Second video"},
    )
    lines = text.splitlines()
    assert lines[0] == "My notes: Test module"
    assert lines[1].startswith("Exported ") and lines[1].endswith(" UTC")
    assert lines[2:] == [
        "",
        "First video",
        "      0:05  (bookmark, no note)",
        "      2:05  Two lines",
        "            of note",
        "",
        "Second video",
        "      0:03  Later video",
    ]
    assert "(no notes)" in notes_text([])


# -- ids, and two windows on one file (issue 10) ------------------------------------


def test_an_id_is_never_given_twice(store: NotesStore) -> None:
    first = store.add("m", "v", 1_000, "first")
    last = store.add("m", "v", 2_000, "last")
    assert store.delete(last.id)
    again = store.add("m", "v", 3_000, "after the last was deleted")
    assert again.id > last.id
    store.delete_all()
    fresh = store.add("m", "v", 4_000, "after delete all")
    assert fresh.id > again.id > first.id


def test_a_stale_id_never_reaches_a_newer_note(tmp_path: Path) -> None:
    """The loss of issue 10: window B deletes the newest note and adds another; A,
    still showing the deleted one, edits it. The new note must stay as it is."""
    path = tmp_path / "notes.sqlite3"
    with NotesStore(path) as window_a, NotesStore(path) as window_b:
        window_a.add("m", "v", 1_000, "older")
        shown_in_a = window_a.add("m", "v", 2_000, "about to be deleted in B")
        assert window_b.delete(shown_in_a.id)
        newer = window_b.add("m", "v", 5_000, "B's newer note")
        assert newer.id != shown_in_a.id
        with pytest.raises(NoteConflict) as refused:
            window_a.edit(shown_in_a.id, note="A's edit", seen=shown_in_a)
        assert refused.value.now is None
        assert window_b.get(newer.id) == newer


def test_an_edit_of_a_note_changed_in_another_window_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.sqlite3"
    with NotesStore(path) as window_a, NotesStore(path) as window_b:
        seen = window_a.add("m", "v", 1_000, "first words")
        changed = window_b.edit(seen.id, note="B's words", seen=seen)
        assert changed is not None and changed.revision == seen.revision + 1
        with pytest.raises(NoteConflict) as refused:
            window_a.edit(seen.id, note="A's words", seen=seen)
        assert refused.value.now == changed
        assert window_b.get(seen.id) == changed  # nothing written over B's words
        with pytest.raises(NoteConflict):
            window_a.delete(seen.id, seen=seen)
        assert window_a.get(seen.id) == changed
        latest = window_a.edit(seen.id, note="A, having seen B's", seen=changed)
        assert latest is not None and latest.note == "A, having seen B's"
        assert window_b.delete(seen.id, seen=latest) is True
        assert window_a.delete(seen.id, seen=latest) is False  # already gone


def test_delete_all_refuses_when_the_count_changed(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with NotesStore(path) as window_a, NotesStore(path) as window_b:
        window_a.add("m", "v", 1_000)
        told = window_a.count()
        window_b.add("m", "v", 2_000, "added while A asked")
        assert window_a.delete_all(seen_count=told) == -1
        assert window_b.count() == 2
        assert window_a.delete_all(seen_count=2) == 2
