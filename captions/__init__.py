"""Caption core: cues, tracks, loading, transcript paragraphs, search, lint, export.

Pure Python: this package never imports Qt (tests/captions/test_no_qt.py proves it).
"""

from captions.loader import load_track, load_track_bytes
from captions.model import (
    TRACK_KINDS,
    CaptionError,
    Cue,
    CueSettings,
    Region,
    Track,
)

__all__ = [
    "TRACK_KINDS",
    "CaptionError",
    "Cue",
    "CueSettings",
    "Region",
    "Track",
    "load_track",
    "load_track_bytes",
]
