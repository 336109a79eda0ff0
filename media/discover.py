"""What a module's files tell without Qt: video length, tracks beside a video, index
sources."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from captions.model import TRACK_KINDS
from captions.safe_files import UnreadableFileError, check_regular_file
from media.language_names import track_label
from media.model import Module, TrackRef, Video
from media.sign_languages import sign_language_code, sign_language_name

if TYPE_CHECKING:
    from captions.library import IndexSource

MP4_SUFFIXES = (".mp4", ".m4v", ".mov", ".m4a", ".3gp")
VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov", ".webm", ".mkv", ".ogv", ".avi")
CAPTION_SUFFIXES = (".vtt", ".srt", ".sbv")
_MAX_BOXES = 10_000


@dataclass(frozen=True)
class VideoProbe:
    """What a video file's header says: its duration, and why it looks damaged."""

    duration_ms: int | None
    problem: str = ""


def video_duration_ms(path: Path) -> int | None:
    """The duration an MP4/QuickTime file declares in its `mvhd` box, else None.

    Other containers, missing or damaged files give None: the caller then knows less,
    never something wrong.
    """
    return probe_video(path).duration_ms


def probe_video(path: Path) -> VideoProbe:
    """The declared duration, and a plain problem for a truncated or damaged MP4.

    Only a regular file is opened (stat first), so a FIFO never blocks.
    """
    try:
        size = check_regular_file(path)
    except UnreadableFileError as exc:
        return VideoProbe(None, exc.reason)
    if path.suffix.lower() not in MP4_SUFFIXES:
        return VideoProbe(None)
    if size == 0:
        return VideoProbe(None, "the video file is empty")
    try:
        with path.open("rb") as stream:
            return _probe_mp4(stream, size)
    except OSError as exc:
        return VideoProbe(None, exc.strerror or str(exc))


def _probe_mp4(stream: BinaryIO, size: int) -> VideoProbe:
    boxes, cut = _top_level_boxes(stream, size)
    moov = next((box for box in boxes if box[0] == b"moov"), None)
    duration = None
    if moov is not None:
        mvhd = _find_box(stream, b"mvhd", moov[1], moov[2])
        duration = None if mvhd is None else _mvhd_duration(stream, mvhd[0], mvhd[1])
    if cut:
        return VideoProbe(duration, f"the video file looks truncated: {cut}")
    if moov is None:
        reason = "it has no 'moov' box (the index a player needs)"
        return VideoProbe(None, f"the video file looks damaged or truncated: {reason}")
    return VideoProbe(duration)


def _top_level_boxes(
    stream: BinaryIO, size: int
) -> tuple[list[tuple[bytes, int, int]], str]:
    """(kind, payload start, end) of each top-level box, and why the walk was cut."""
    boxes: list[tuple[bytes, int, int]] = []
    position = 0
    while position < size and len(boxes) < _MAX_BOXES:
        header = _box_header(stream, position, size)
        if header is None:
            return boxes, f"it stops {size - position} bytes into a box header"
        kind, payload, end = header
        if end > size:
            name = kind.decode("latin-1")
            return boxes, (
                f"it stops at byte {size}, inside its {name!r} box, which declares "
                f"{end - position} bytes from byte {position}"
            )
        boxes.append((kind, payload, end))
        position = end
    return boxes, ""


def _box_header(
    stream: BinaryIO, position: int, end: int
) -> tuple[bytes, int, int] | None:
    """(kind, payload start, box end) of the box at `position`, None when cut short."""
    stream.seek(position)
    head = stream.read(8)
    if len(head) < 8:
        return None
    box_size, kind = struct.unpack(">I4s", head)
    header = 8
    if box_size == 1:
        large = stream.read(8)
        if len(large) < 8:
            return None
        (box_size,) = struct.unpack(">Q", large)
        header = 16
    elif box_size == 0:
        box_size = end - position
    if box_size < header:
        return None
    return kind, position + header, position + box_size


def _find_box(
    stream: BinaryIO, kind: bytes, start: int, end: int
) -> tuple[int, int] | None:
    """(payload start, box end) of the first box of `kind` between start and end."""
    position = start
    for _ in range(_MAX_BOXES):
        if position + 8 > end:
            return None
        header = _box_header(stream, position, end)
        if header is None:
            return None
        box_kind, payload, box_end = header
        if box_kind == kind:
            return payload, min(box_end, end)
        position = box_end
    return None


def _mvhd_duration(stream: BinaryIO, payload: int, end: int) -> int | None:
    stream.seek(payload)
    body = stream.read(max(0, min(end - payload, 32)))
    if not body:
        return None
    if body[0] == 1:
        if len(body) < 32:
            return None
        timescale, duration = struct.unpack(">16xIQ", body[4:32])
    else:
        if len(body) < 20:
            return None
        timescale, duration = struct.unpack(">8xII", body[4:20])
    if timescale == 0 or duration in (0, 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
        return None
    return int(duration * 1000 // timescale)


def load_single_video(video: Path) -> Module:
    """A one-video module from a bare video file and the files named for it."""
    video = video.resolve()
    tracks = tracks_beside(video)
    signs = sign_videos_beside(video)
    only = Video(
        id=video.stem, title=video.stem, file=video, tracks=tracks, sign_tracks=signs
    )
    return Module(id=video.stem, title=video.stem, folder=video.parent, videos=(only,))


def _files_beside(video: Path) -> list[Path]:
    try:
        found = list(video.parent.iterdir())
    except OSError:
        return []
    return sorted(found, key=lambda p: (p.name.count("."), p.name))


def tracks_beside(video: Path) -> tuple[TrackRef, ...]:
    """Tracks named `<stem>[.<language|kind>...].vtt|srt|sbv` beside a video file."""
    found: list[TrackRef] = []
    for candidate in _files_beside(video):
        if candidate.suffix.lower() not in CAPTION_SUFFIXES or not candidate.is_file():
            continue
        middle = _middle_parts(candidate.name, video.stem)
        if middle is None:
            continue
        kinds = [part for part in middle if part in TRACK_KINDS]
        languages = [part for part in middle if part not in TRACK_KINDS]
        kind = kinds[0] if kinds else "captions"
        language = languages[0] if languages else ""
        label = track_label(language, kind) or candidate.name
        found.append(TrackRef(kind, language, label, candidate))
    return _with_default(found)


def sign_videos_beside(video: Path) -> tuple[TrackRef, ...]:
    """Sign-language videos named `<stem>.sign.<tag>.<video suffix>` beside a video.

    `talk.mp4` finds `talk.sign.ase.mp4` (ASL); the tag must be a sign language.
    """
    found: list[TrackRef] = []
    for candidate in _files_beside(video):
        if candidate.suffix.lower() not in VIDEO_SUFFIXES or not candidate.is_file():
            continue
        middle = _middle_parts(candidate.name, video.stem)
        if middle is None or len(middle) != 2 or middle[0].lower() != "sign":
            continue
        tag = middle[1]
        if sign_language_code(tag) is None:
            continue
        found.append(
            TrackRef("sign", tag, sign_language_name(tag), candidate, not found)
        )
    return tuple(found)


def _middle_parts(name: str, stem: str) -> list[str] | None:
    """The dot-separated parts between the video's stem and the file suffix."""
    if not name.startswith(stem + "."):
        return None
    parts = name[len(stem) + 1 :].split(".")
    return [part for part in parts[:-1] if part]


def _with_default(tracks: list[TrackRef]) -> tuple[TrackRef, ...]:
    """Mark the first captions track as the default one."""
    for i, track in enumerate(tracks):
        if track.kind == "captions":
            tracks[i] = TrackRef(
                track.kind, track.language, track.label, track.file, True
            )
            break
    return tuple(tracks)


SEARCHABLE_KINDS = ("captions", "subtitles", "descriptions", "chapters")


def index_sources_for(module: Module) -> list[IndexSource]:
    """Every searchable track of a module, with its storytelling attributions."""
    from captions.library import IndexSource

    sources: list[IndexSource] = []
    for video in module.videos:
        segments = tuple(
            (segment.start_ms, segment.end_ms, segment.attribution_line)
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
