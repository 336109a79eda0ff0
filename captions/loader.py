"""Caption file loading: bytes to an immutable `Track` (design.md section 5).

WebVTT is parsed by the project's own single pass over the spec's algorithm
(captions.vtt_blocks), which builds each `Cue` directly; SubRip and SubViewer are read
by webvtt-py (captions.subrip), the only place that imports it. Files are read only
when regular and under MAX_FILE_BYTES (captions.safe_files); every problem that stops
a file loading is a CaptionError naming the file, and everything else a warning, of
which the first hundred are kept (captions.warning_log).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from captions.cue_store import CueStore
from captions.decoding import decode_caption_bytes
from captions.model import CaptionError, Cue, Track
from captions.safe_files import UnreadableFileError, read_regular_file
from captions.vtt_blocks import (
    EMPTY_REASON,
    SIGNATURE_REASON,
    has_signature,
    parse_webvtt,
    split_lines,
)
from captions.warning_log import WarningLog

MAX_FILE_BYTES = 50 * 1024 * 1024


def load_track(
    path: str | Path,
    *,
    kind: str = "captions",
    language: str = "",
    label: str = "",
) -> Track:
    """Load a .vtt, .srt or .sbv file; raise CaptionError naming the file and reason.

    A folder, FIFO, device or socket is refused before anything is opened for
    reading, so it can never block; so is a file over the size limit.
    """
    try:
        data = read_regular_file(path, max_bytes=MAX_FILE_BYTES, what="caption files")
    except UnreadableFileError as error:
        raise CaptionError(path, error.reason) from None
    return load_track_bytes(data, str(path), kind=kind, language=language, label=label)


def load_track_bytes(
    data: bytes,
    name: str = "<bytes>",
    *,
    kind: str = "captions",
    language: str = "",
    label: str = "",
) -> Track:
    """Load caption data in memory; `name` serves messages and the format."""
    if len(data) > MAX_FILE_BYTES:
        raise CaptionError(name, _too_big(len(data)))
    log = WarningLog()
    text = decode_caption_bytes(data, log)
    fmt = _detect_format(name, text)
    cues: Sequence[Cue]
    if fmt == "vtt":
        cues = _load_vtt(text, name, log)
    else:
        from captions.subrip import load_subrip_like

        cues = load_subrip_like(text, name, fmt, log)
    return Track(
        cues=cues,
        kind=kind,
        language=language,
        label=label,
        source=name,
        warnings=log.summary(),
    )


def _too_big(size: int) -> str:
    return (
        f"file is {size / 1048576:.1f} MB; caption files over "
        f"{MAX_FILE_BYTES // 1048576} MB are refused"
    )


def _detect_format(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".srt", ".sbv"):
        return suffix[1:]
    if suffix == ".vtt" or text.startswith("WEBVTT"):
        return "vtt"
    head = text.lstrip("\ufeff \t\r\n")[:200]
    if "-->" in head:
        return "srt"
    if _looks_like_sbv(head):
        return "sbv"
    return "vtt"


def _looks_like_sbv(head: str) -> bool:
    first = head.split("\n", 1)[0].strip()
    return (
        "," in first
        and first.replace(",", "").replace(":", "").replace(".", "").isdigit()
    )


def _load_vtt(text: str, name: str, log: WarningLog) -> CueStore:
    if not text.strip():
        raise CaptionError(name, EMPTY_REASON)
    lines = split_lines(text)
    if not has_signature(lines[0]):
        raise CaptionError(name, SIGNATURE_REASON)
    return parse_webvtt(lines, log)
