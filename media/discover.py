"""What a module's files tell without Qt: video length, index sources."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from media.model import Module

if TYPE_CHECKING:
    from captions.library import IndexSource

MP4_SUFFIXES = (".mp4", ".m4v", ".mov", ".m4a", ".3gp")
_MAX_BOXES = 10_000


def video_duration_ms(path: Path) -> int | None:
    """The duration an MP4/QuickTime file declares in its `mvhd` box, else None.

    Other containers, missing or damaged files give None: the caller then knows less,
    never something wrong.
    """
    if path.suffix.lower() not in MP4_SUFFIXES:
        return None
    try:
        with path.open("rb") as stream:
            size = path.stat().st_size
            moov = _find_box(stream, b"moov", 0, size)
            if moov is None:
                return None
            mvhd = _find_box(stream, b"mvhd", moov[0], moov[1])
            return None if mvhd is None else _mvhd_duration(stream, mvhd[0])
    except (OSError, struct.error, ValueError):
        return None


def _find_box(
    stream: BinaryIO, kind: bytes, start: int, end: int
) -> tuple[int, int] | None:
    """(payload start, box end) of the first box of `kind` between start and end."""
    position = start
    for _ in range(_MAX_BOXES):
        if position + 8 > end:
            return None
        stream.seek(position)
        size, box_kind = struct.unpack(">I4s", stream.read(8))
        header = 8
        if size == 1:
            (size,) = struct.unpack(">Q", stream.read(8))
            header = 16
        elif size == 0:
            size = end - position
        if size < header:
            return None
        if box_kind == kind:
            return position + header, min(position + size, end)
        position += size
    return None


def _mvhd_duration(stream: BinaryIO, payload: int) -> int | None:
    stream.seek(payload)
    version = stream.read(4)[0]
    if version == 1:
        timescale, duration = struct.unpack(">16xIQ", stream.read(28))
    else:
        timescale, duration = struct.unpack(">8xII", stream.read(16))
    if timescale == 0 or duration in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
        return None
    return int(duration * 1000 // timescale)


SEARCHABLE_KINDS = ("captions", "subtitles", "descriptions", "chapters")


def index_sources_for(module: Module) -> list[IndexSource]:
    """Every searchable track of a module, with its storytelling attributions."""
    from captions.library import IndexSource

    sources: list[IndexSource] = []
    for video in module.videos:
        segments = tuple(
            (segment.start_ms, segment.end_ms, segment.attribution)
            for segment in video.segments
        )
        sources.extend(
            IndexSource(
                module_id=module.id,
                module_title=module.title,
                video_id=video.id,
                video_title=video.title,
                track_path=track.file,
                kind=track.kind,
                language=track.language,
                label=track.label,
                segments=segments,
            )
            for track in video.tracks
            if track.kind in SEARCHABLE_KINDS
        )
    return sources
