"""Only regular files are read, and the size limit is checked before any reading."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from captions.safe_files import (
    UnreadableFileError,
    check_regular_file,
    read_regular_file,
    size_text,
)


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "a.vtt"
    path.write_bytes(b"WEBVTT\n")
    assert read_regular_file(path, max_bytes=100) == b"WEBVTT\n"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.vtt"
    os.mkfifo(fifo)
    result: list[str] = []

    def read() -> None:
        try:
            read_regular_file(fifo, max_bytes=100)
        except UnreadableFileError as error:
            result.append(error.reason)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert result == ["is a named pipe (FIFO), not a regular file"]


def test_a_symlink_to_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.vtt"
    link.symlink_to(fifo)
    with pytest.raises(UnreadableFileError, match="named pipe"):
        check_regular_file(link)


def test_a_device_is_refused() -> None:
    with pytest.raises(UnreadableFileError, match="is a device"):
        read_regular_file("/dev/zero", max_bytes=100)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.vtt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(UnreadableFileError, match="is a socket"):
            read_regular_file(path, max_bytes=100)
    finally:
        server.close()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="is a folder"):
        read_regular_file(tmp_path, max_bytes=100)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_regular_file(tmp_path / "gone.vtt", max_bytes=100)
    assert caught.value.path.endswith("gone.vtt")
    assert caught.value.reason == "file not found"


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.vtt"
    with path.open("wb") as stream:
        stream.truncate(3 << 30)  # sparse: 3 GB that a read would take minutes over
    with pytest.raises(UnreadableFileError) as caught:
        read_regular_file(path, max_bytes=50 << 20, what="caption files")
    assert caught.value.reason == (
        "file is 3072 MB; caption files over 50 MB are refused"
    )


def test_size_text() -> None:
    assert size_text(512) == "512 bytes"
    assert size_text(1536) == "1.5 KB"
    assert size_text(50 << 20) == "50 MB"
