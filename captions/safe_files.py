"""Reading files a user hands us: only regular files, with a size limit checked first.

A FIFO, device or socket given as a caption, manifest or media path would block a read
forever or stream without end; one place applies the rule so every reader keeps it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class UnreadableFileError(Exception):
    """A file that is not read: names the file and the plain reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def _kind_reason(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"


def size_text(size: int) -> str:
    """A byte count for people: "3.2 MB", "512 bytes"."""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            whole, rest = divmod(size, scale)
            return f"{whole} {unit}" if not rest else f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


def check_regular_file(path: str | Path) -> int:
    """The size of `path` if it is a regular file; else UnreadableFileError.

    `stat` follows symlinks and never opens the file, so a FIFO cannot block here.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFileError(path, "file not found") from None
    except OSError as error:
        raise UnreadableFileError(path, error.strerror or str(error)) from None
    reason = _kind_reason(info.st_mode)
    if reason is not None:
        raise UnreadableFileError(path, reason)
    return info.st_size


def read_regular_file(
    path: str | Path, *, max_bytes: int, what: str = "files"
) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; else UnreadableFileError.

    Opened without blocking and checked again on the open descriptor, so a path swapped
    for a FIFO between the check and the open still cannot hang the caller.
    """
    size = check_regular_file(path)
    if size > max_bytes:
        raise UnreadableFileError(path, _too_big(size, max_bytes, what))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise UnreadableFileError(path, error.strerror or str(error)) from None
    try:
        info = os.fstat(fd)
        reason = _kind_reason(info.st_mode)
        if reason is not None:
            raise UnreadableFileError(path, reason)
        if info.st_size > max_bytes:
            raise UnreadableFileError(path, _too_big(info.st_size, max_bytes, what))
        return _read_at_most(fd, path, max_bytes, what)
    finally:
        os.close(fd)


def _read_at_most(fd: int, path: str | Path, max_bytes: int, what: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError as error:
            if error.errno == errno.EISDIR:
                raise UnreadableFileError(path, "is a folder, not a file") from None
            raise UnreadableFileError(path, error.strerror or str(error)) from None
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:  # the file grew while it was read
            raise UnreadableFileError(path, _too_big(total, max_bytes, what))
        chunks.append(chunk)


def _too_big(size: int, max_bytes: int, what: str) -> str:
    return f"file is {size_text(size)}; {what} over {size_text(max_bytes)} are refused"
