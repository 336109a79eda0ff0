"""Hostile inputs to the command line (issue 10): one plain line and exit 2, no hang.

Anything that could block (a named pipe) runs in its own process with a timeout, so
a regression fails the test instead of hanging the suite.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from cli_support import (
    assert_one_line_error,
    make_module,
    run,
    run_process,
)

import media.manifest


@pytest.fixture
def module(tmp_path: Path) -> Path:
    return make_module(tmp_path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- the index path: a file we do not own is never overwritten or deleted -------------


def notes(path: Path) -> Path:
    path.write_text("My notes: call Ana on Monday.\n", encoding="utf-8")
    return path


def foreign_database(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE bookmarks(id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("INSERT INTO bookmarks(url) VALUES ('https://example.org')")
    connection.commit()
    connection.close()
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def system_file_link(path: Path) -> Path:
    path.symlink_to("/etc/passwd")
    return path


NOT_OUR_INDEX = {
    "notes.txt": (notes, "not an SQLite database"),
    "bookmarks.sqlite": (foreign_database, "another program"),
    "empty.sqlite3": (empty, "empty file"),
    "passwd-link.sqlite3": (system_file_link, "not an SQLite database"),
}


@pytest.mark.parametrize("name", sorted(NOT_OUR_INDEX))
def test_search_refuses_an_index_file_that_is_not_ours(module, tmp_path, capsys, name):
    make, reason = NOT_OUR_INDEX[name]
    index = make(tmp_path / name)
    before = digest(index)
    status, out, err = run(capsys, "search", "welcome", "--module", module,
                           "--index", index)  # fmt: skip
    assert (status, out) == (2, "")
    assert_one_line_error(err, str(index), reason, "left untouched")
    assert digest(index) == before
    assert not Path(f"{index}-wal").exists() and not Path(f"{index}-shm").exists()


def test_search_refuses_a_folder_as_index(module, tmp_path, capsys):
    folder = tmp_path / "cache"
    folder.mkdir()
    status, _, err = run(capsys, "search", "x", "--module", module, "--index", folder)
    assert status == 2
    assert_one_line_error(err, str(folder), "is a folder")
    assert list(folder.iterdir()) == []


def test_search_refuses_a_fifo_as_index_without_blocking(module, tmp_path):
    fifo = tmp_path / "index.fifo"
    os.mkfifo(fifo)
    result = run_process("search", "x", "--module", module, "--index", fifo)
    assert (result.returncode, result.stdout) == (2, "")
    assert_one_line_error(result.stderr, str(fifo), "named pipe")
    assert fifo.is_fifo()


def test_search_in_a_read_only_location_is_one_line(module, capsys):
    index = "/proc/self/library.sqlite3"  # /proc takes no new files, even from root
    status, _, err = run(capsys, "search", "x", "--module", module, "--index", index)
    assert status == 2
    assert_one_line_error(err, index, "cannot create the search index")


def test_an_old_version_of_our_index_is_rebuilt_with_a_warning(
    module, tmp_path, capsys
):
    index = tmp_path / "library.sqlite3"
    connection = sqlite3.connect(index)
    for table in ("tracks(x)", "cues(x)"):
        connection.execute(f"CREATE TABLE {table}")
    for table in ("cue_words", "cue_characters"):
        connection.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(text)")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    status, out, err = run(capsys, "search", "welcome", "--module", module,
                           "--index", index)  # fmt: skip
    assert status == 0 and "[Welcome] to the module" in out
    assert "made by another version; rebuilt" in err


def test_search_reports_the_index_size_when_it_builds(module, tmp_path, capsys):
    index = tmp_path / "library.sqlite3"
    _, _, err = run(capsys, "search", "welcome", "--module", module, "--index", index)
    assert f"{index}: indexed 1 track (3 cues in all), " in err
    assert err.rstrip().endswith(("KB", "MB"))
    _, _, again = run(capsys, "search", "welcome", "--module", module, "--index", index)
    assert "indexed" not in again  # nothing changed: nothing rebuilt, nothing said


# -- numbers on the command line -------------------------------------------------------


@pytest.mark.parametrize("limit", ["99999999999999999999", "0", "-5", "ten", "1001"])
def test_search_limit_out_of_range_is_one_line(module, tmp_path, capsys, limit):
    index = tmp_path / "index.sqlite3"
    status, out, err = run(capsys, "search", "welcome", "--module", module,
                           "--index", index, "--limit", limit)  # fmt: skip
    assert (status, out) == (2, "")
    assert_one_line_error(err, "--limit", repr(limit), "from 1 to 1,000")


def test_search_limit_at_its_bound_works(module, tmp_path, capsys):
    index = tmp_path / "index.sqlite3"
    status, out, _ = run(capsys, "search", "the", "--module", module,
                         "--index", index, "--limit", "1000")  # fmt: skip
    assert status == 0 and out


def test_more_hits_than_shown_are_counted(module, tmp_path, capsys):
    index = tmp_path / "index.sqlite3"
    status, out, err = run(capsys, "search", "the", "--module", module,
                           "--index", index, "--limit", "1")  # fmt: skip
    assert status == 0 and len(out.splitlines()) in (1, 2)
    assert "1 of 2 hits shown (--limit)" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--quit-after", "inf"], ["--quit-after", "'inf'"]),
        (["--quit-after", "nan"], ["--quit-after", "'nan'"]),
        (["--quit-after", "-1"], ["--quit-after"]),
        (["--quit-after", "1e400"], ["--quit-after"]),
        (["--at", "99999999999999999999"], ["--at", "more than 100 hours"]),
        (["--at", "soon"], ["--at", "'soon' is not a time"]),
    ],
)
def test_window_numbers_out_of_range_are_one_line(capsys, args, words):
    status, _, err = run(capsys, *args)
    assert status == 2
    assert_one_line_error(err, *words)


@pytest.mark.parametrize(
    ("span", "words"),
    [
        (["--from", "0:09", "--to", "0:02"], ["--from 0:09 comes after --to 0:02"]),
        (["--from", "99999999999999999999"], ["--from", "more than 100 hours"]),
        (["--to", "1e999"], ["--to", "not a time"]),
        (["--from", "nan"], ["--from", "not a time"]),
    ],
)
def test_export_times_out_of_range_are_one_line(module, capsys, span, words):
    status, out, err = run(capsys, "export", module, "--format", "txt", *span)
    assert (status, out) == (2, "")
    assert_one_line_error(err, *words)


# -- named pipes and other files that are not regular files ---------------------------


def fifo_track_module(tmp_path: Path) -> Path:
    folder = make_module(tmp_path)
    track = folder / "talk.en.vtt"
    track.unlink()
    os.mkfifo(track)
    return folder


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{module}"],
        ["seal", "{module}"],
        ["export", "{module}", "--format", "txt"],
        ["export", "{module}", "--format", "pdf", "-o", "{tmp}/out.pdf"],
        ["search", "x", "--module", "{module}", "--index", "{tmp}/i.sqlite3"],
    ],
)
def test_a_fifo_track_in_a_module_is_refused_not_read(tmp_path, command):
    folder = fifo_track_module(tmp_path)
    args = [arg.format(module=folder, tmp=tmp_path) for arg in command]
    result = run_process(*args)
    assert result.returncode == 2
    assert_one_line_error(result.stderr, str(folder / "talk.en.vtt"), "named pipe")


@pytest.mark.parametrize("command", ["check", "cues"])
def test_a_fifo_caption_file_is_refused_not_read(tmp_path, command):
    fifo = tmp_path / "captions.vtt"
    os.mkfifo(fifo)
    result = run_process(command, fifo)
    assert (result.returncode, result.stdout) == (2, "")
    assert_one_line_error(result.stderr, str(fifo), "named pipe")


@pytest.mark.parametrize("command", ["check", "seal", "export"])
def test_a_fifo_module_manifest_is_refused_not_read(tmp_path, command):
    folder = tmp_path / "module"
    folder.mkdir()
    os.mkfifo(folder / "module.toml")
    extra = ["--format", "txt"] if command == "export" else []
    for path in (folder, folder / "module.toml"):
        result = run_process(command, path, *extra)
        assert result.returncode == 2
        assert_one_line_error(result.stderr, "module.toml", "named pipe")


def test_a_fifo_video_is_refused_not_read(tmp_path):
    folder = make_module(tmp_path)
    video = folder / "talk.mp4"
    video.unlink()
    os.mkfifo(video)
    result = run_process("check", folder)
    assert result.returncode == 2
    assert_one_line_error(result.stderr, str(video), "named pipe")


def test_a_device_as_caption_file_is_refused(capsys):
    status, out, err = run(capsys, "cues", "/dev/zero")
    assert (status, out) == (2, "")
    assert_one_line_error(err, "/dev/zero", "is a device")


def test_deeply_nested_input_is_one_line_naming_it(tmp_path, capsys, monkeypatch):
    def nested(*_args: object, **_options: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(media.manifest, "load_module", nested)
    status, _, err = run(capsys, "check", tmp_path / "module.toml")
    assert status == 2
    assert_one_line_error(err, "module.toml", "nested too deeply to read")


def test_a_fault_of_ours_still_names_the_file(tmp_path, capsys, monkeypatch):
    def broken(*_args: object, **_options: object) -> object:
        raise KeyError("internal")

    monkeypatch.setattr(media.manifest, "load_module", broken)
    status, _, err = run(capsys, "check", tmp_path / "module.toml")
    assert status == 2
    (line,) = err.splitlines()
    assert line.startswith(f"transcript-player: {tmp_path / 'module.toml'}: ")
    assert "unexpected error: KeyError" in line


# -- export -o: pipes, devices, folders and read-only files --------------------------


def test_export_to_a_fifo_nobody_reads_is_one_line(module, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    for fmt in ("txt", "pdf"):
        result = run_process("export", module, "--format", fmt, "-o", fifo)
        assert result.returncode == 2
        assert_one_line_error(result.stderr, str(fifo), "no program is reading")
        assert fifo.is_fifo()


def test_export_to_a_fifo_being_read_writes_through_it(module, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # someone reads the pipe
    try:
        result = run_process("export", module, "--format", "txt", "-o", fifo)
        os.set_blocking(reader, True)
        with os.fdopen(reader, "rb", closefd=False) as stream:
            received = stream.read()  # what the export wrote, then end of file
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert b"This cue stands in for the recorded story." in received
    assert fifo.is_fifo()


@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_export_to_a_folder_is_refused(module, tmp_path, capsys, fmt):
    folder = tmp_path / "exports"
    folder.mkdir()
    status, _, err = run(capsys, "export", module, "--format", fmt, "-o", folder)
    assert status == 2
    assert_one_line_error(err, str(folder), "is a folder")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("device", ["/dev/full", "/dev/zero"])
def test_export_to_a_device_is_refused(module, capsys, device):
    status, _, err = run(capsys, "export", module, "--format", "txt", "-o", device)
    assert status == 2
    assert_one_line_error(err, device, "is a device")


def test_export_to_the_null_device_is_allowed(module, capsys):
    status, _, err = run(capsys, "export", module, "--format", "txt", "-o", os.devnull)
    assert (status, err) == (0, f"{os.devnull}: written\n")


def test_export_never_overwrites_a_read_only_file(module, tmp_path, capsys):
    target = tmp_path / "handout.txt"
    target.write_text("the reviewed handout", encoding="utf-8")
    target.chmod(0o444)
    status, _, err = run(capsys, "export", module, "--format", "txt", "-o", target)
    assert status == 2
    assert_one_line_error(err, str(target), "read-only")
    assert target.read_text(encoding="utf-8") == "the reviewed handout"


def test_export_through_a_symlink_keeps_the_link(module, tmp_path, capsys):
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    status, _, _ = run(capsys, "export", module, "--format", "txt", "-o", link)
    assert status == 0 and link.is_symlink()
    assert "recorded story" in real.read_text(encoding="utf-8")


def test_export_into_a_missing_folder_is_one_line(module, tmp_path, capsys):
    target = tmp_path / "missing" / "out.txt"
    status, _, err = run(capsys, "export", module, "--format", "txt", "-o", target)
    assert status == 2
    assert_one_line_error(err, str(target), "No such file or directory")


def test_a_failed_export_keeps_the_old_file(module, tmp_path, capsys, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("the previous export", encoding="utf-8")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device", str(target))

    monkeypatch.setattr("player.core.file_write.os.fsync", full_disk)
    status, _, err = run(capsys, "export", module, "--format", "txt", "-o", target)
    assert status == 2
    assert_one_line_error(err, str(target), "No space left on device")
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_command_lines_hit_bound_is_the_librarys() -> None:
    from captions.library import MAX_HITS
    from player.cli.entry import MAX_HITS as CLI_MAX_HITS

    assert CLI_MAX_HITS == MAX_HITS == 1000
