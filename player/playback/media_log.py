"""Keeps FFmpeg's and Qt Multimedia's chatter off stderr, and their errors on it.

Without this, every video load prints FFmpeg's stream dump ("Input #0, mov,mp4…",
a "Stream #0:0" line per stream) and Qt Multimedia's info lines: nothing a learner
can act on, and it buries real problems. Two settings, both process-wide:

* Qt's logging categories `qt.multimedia.*` lose their debug and info messages
  (warnings and errors stay), set before the first player is made. A
  `QT_LOGGING_RULES` in the environment still wins, as Qt's rules say.
* FFmpeg's own log (libavutil's `av_log`, which Qt's FFmpeg backend hands to
  FFmpeg's default printer unless `QT_FFMPEG_DEBUG` is set) keeps only errors.
  The level lives in the libavutil the backend loaded, set through ctypes.

Setting `QT_FFMPEG_DEBUG` leaves both alone: whoever debugs playback gets it all.
Our own code's messages (Python, and Qt's "default" category) are never touched.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLoggingCategory

AV_LOG_ERROR = 16
QUIET_RULES = (
    "qt.multimedia.*.debug=false\n"
    "qt.multimedia.*.info=false\n"
    "qt.multimedia.symbolsresolver.warning=false"  # optional libraries not found
)
_state = {"rules": False, "level": False}


def debugging_playback() -> bool:
    return bool(os.environ.get("QT_FFMPEG_DEBUG"))


def quiet_qt_multimedia() -> None:
    """Qt Multimedia's debug and info messages off (once; before a player exists)."""
    if _state["rules"] or debugging_playback():
        return
    _state["rules"] = True
    QLoggingCategory.setFilterRules(QUIET_RULES)


def quiet_ffmpeg(level: int = AV_LOG_ERROR) -> bool:
    """FFmpeg logs errors only; True when its library was found and set.

    Call once a QMediaPlayer exists: making one loads the FFmpeg backend, and with
    it the libavutil whose level counts. Opening that same file again through
    ctypes gives the already loaded library, not a second copy.
    """
    if _state["level"]:
        return True
    if debugging_playback():
        return False
    for path in avutil_candidates():
        try:
            library = ctypes.CDLL(str(path))
            library.av_log_set_level(ctypes.c_int(level))
        except (OSError, AttributeError):
            continue
        _state["level"] = True
        return True
    return False


def avutil_candidates() -> list[Path]:
    """The libavutil this process loaded (Linux), then the one PySide6 ships."""
    found: list[Path] = []
    maps = Path("/proc/self/maps")
    if sys.platform.startswith("linux") and maps.is_file():
        with maps.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                name = line.rsplit(None, 1)[-1] if "libavutil" in line else ""
                if name.startswith("/") and Path(name) not in found:
                    found.append(Path(name))
    found.extend(p for p in _shipped_avutil() if p not in found)
    return found


def _shipped_avutil() -> list[Path]:
    import PySide6

    root = Path(PySide6.__file__).parent
    patterns = ("Qt/lib/libavutil.so.*", "Qt/lib/libavutil.*.dylib", "avutil-*.dll")
    return sorted(
        (path for pattern in patterns for path in root.glob(pattern)),
        key=lambda path: len(path.name),
    )
