"""Caption file loading: the only module that imports webvtt (design.md section 5).

webvtt-py does the reading; this module decodes the bytes, enforces the size limits,
checks what webvtt-py checks loosely against the WebVTT parsing algorithm, and converts
each caption once into the project's own immutable `Cue`.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from captions.convert import convert_srt_caption, convert_vtt_caption
from captions.model import CaptionError, Cue, Track
from captions.settings import RegionTable
from captions.vtt_blocks import (
    SIGNATURE_REASON,
    cut_line,
    has_signature,
    screen_vtt_lines,
)

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_WARNINGS = 200

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", ""),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def load_track(
    path: str | Path,
    *,
    kind: str = "captions",
    language: str = "",
    label: str = "",
) -> Track:
    """Load a .vtt, .srt or .sbv file; raise CaptionError naming the file and reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CaptionError(path, _too_big(size))
        data = path.read_bytes()
    except CaptionError:
        raise
    except IsADirectoryError:
        raise CaptionError(path, "is a folder, not a caption file") from None
    except FileNotFoundError:
        raise CaptionError(path, "file not found") from None
    except OSError as error:
        raise CaptionError(path, error.strerror or str(error)) from None
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
    warnings: list[str] = []
    text = decode_caption_bytes(data, warnings)
    fmt = _detect_format(name, text)
    if fmt == "vtt":
        cues = _load_vtt(text, name, warnings)
    else:
        cues = _load_subrip_like(text, name, fmt, warnings)
    if len(warnings) > MAX_WARNINGS:
        extra = len(warnings) - MAX_WARNINGS
        warnings = [*warnings[:MAX_WARNINGS], f"... and {extra} more warnings"]
    return Track(
        cues=tuple(cues),
        kind=kind,
        language=language,
        label=label,
        source=name,
        warnings=tuple(warnings),
    )


def _too_big(size: int) -> str:
    return (
        f"file is {size / 1048576:.1f} MB; caption files over "
        f"{MAX_FILE_BYTES // 1048576} MB are refused"
    )


def decode_caption_bytes(data: bytes, warnings: list[str]) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252 with a warning."""
    for bom, encoding, note in _BOMS:
        if data.startswith(bom):
            if note:
                warnings.append(f"the file is {note}; WebVTT files should be UTF-8")
            text = data[len(bom) :].decode(encoding, errors="replace")
            return _clean_decoded(text, warnings)
    try:
        return _clean_decoded(data.decode("utf-8"), warnings)
    except UnicodeDecodeError:
        pass
    warnings.append("the file is not UTF-8; it was read as Windows-1252 (Western)")
    return _clean_decoded(data.decode("cp1252", errors="replace"), warnings)


def _clean_decoded(text: str, warnings: list[str]) -> str:
    # WebVTT preprocessing: every NUL becomes U+FFFD.
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    return text


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


def _load_vtt(text: str, name: str, warnings: list[str]) -> list[Cue]:
    lines = _split_lines(text)
    if not has_signature(lines):
        raise CaptionError(name, SIGNATURE_REASON)
    screened = screen_vtt_lines(lines, warnings)
    try:
        # webvtt-py's own check only asks for a first line starting with "WEBVTT";
        # has_signature above applies the spec's stricter rule.
        parsed = webvtt.from_string("\n".join(screened.lines))
    except (MalformedFileError, MalformedCaptionError) as error:
        raise CaptionError(name, f"not a WebVTT file ({error})") from None
    regions = RegionTable.from_webvtt(parsed.regions)
    line_numbers = screened.cue_line_numbers
    if len(line_numbers) != len(parsed.captions):
        line_numbers = [0] * len(parsed.captions)
    cues = [
        convert_vtt_caption(caption, regions, line)
        for caption, line in zip(parsed.captions, line_numbers, strict=True)
    ]
    _warn_backwards(cues, warnings)
    return cues


def _split_lines(text: str) -> list[str]:
    """Split on CRLF, CR and LF only: WebVTT keeps form feeds and U+2028 in a line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _warn_backwards(cues: list[Cue], warnings: list[str]) -> None:
    for cue in cues:
        if cue.end_ms <= cue.start_ms:
            where = f"line {cue.line_number}: " if cue.line_number else ""
            warnings.append(f"{where}cue ends before it starts; it will never show")


def _load_subrip_like(text: str, name: str, fmt: str, warnings: list[str]) -> list[Cue]:
    parse = webvtt.srt.parse if fmt == "srt" else webvtt.sbv.parse
    lines = _split_lines(text.lstrip("\ufeff"))
    screened = [cut_line(line, i + 1, warnings) for i, line in enumerate(lines)]
    try:
        captions = parse(screened)
    except (MalformedFileError, MalformedCaptionError):
        label = "SubRip (.srt)" if fmt == "srt" else "SubViewer (.sbv)"
        raise CaptionError(name, f"not a {label} caption file") from None
    cues = [convert_srt_caption(caption) for caption in captions]
    _warn_backwards(cues, warnings)
    return cues
