"""Whole-file writes through a temporary file: a crash never leaves half an export."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_file(path: str | Path, data: bytes) -> None:
    """Write `data` beside `path`, sync it, then move it over `path` in one step."""
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:  # name the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The file keeps its permissions; a new one gets what the user's umask gives.

    mkstemp makes the temporary file private (0600), which a handout must not be.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_file(path: str | Path, text: str) -> None:
    """Write `text` as UTF-8 with the line ends it already has."""
    write_bytes_file(path, text.encode("utf-8"))
