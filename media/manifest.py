"""Reads a module (folder, module.toml or a single video) into the checked model."""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from captions.model import TRACK_KINDS
from media.model import ManifestError, Module, Pause, Segment, TrackRef, Video

MANIFEST_NAME = "module.toml"
SCHEMA_VERSION = 1
CAPTION_SUFFIXES = (".vtt", ".srt", ".sbv")
SEGMENT_KINDS = ("storytelling",)

Table = dict[str, Any]


class Timestamp:
    """Marks manifest keys holding a WebVTT timestamp (quoted, or a TOML local time)."""


_T = TypeVar("_T")
KeySpec = Mapping[str, tuple[type, bool]]

# Each table's keys: name -> (type, required). Anything else is a typo or an error.
_MODULE_KEYS: KeySpec = {
    "schema": (int, True),
    "id": (str, True),
    "title": (str, True),
    "language": (str, False),
    "credit": (str, False),
    "videos": (list, True),
}
_VIDEO_KEYS: KeySpec = {
    "id": (str, True),
    "title": (str, True),
    "file": (str, True),
    "tracks": (list, False),
    "segments": (list, False),
    "pauses": (list, False),
}
_TRACK_KEYS: KeySpec = {
    "kind": (str, True),
    "language": (str, False),
    "label": (str, False),
    "file": (str, True),
    "default": (bool, False),
}
_SEGMENT_KEYS: KeySpec = {
    "id": (str, True),
    "kind": (str, True),
    "title": (str, True),
    "start": (Timestamp, True),
    "end": (Timestamp, True),
    "speaker": (str, False),
    "attribution": (str, False),
    "checksum": (str, False),
}
_PAUSE_KEYS: KeySpec = {"at": (Timestamp, True), "prompt": (str, False)}

_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    list: "a list",
    Timestamp: 'a timestamp like "00:00:41.000"',
}
_VTT_TIMESTAMP = re.compile(r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})")


class _Invalid(Exception):
    """One problem found while walking the manifest; becomes a ManifestError."""


def load_module(path: str | Path) -> Module:
    """Open a module folder, a module.toml, or one video with its tracks beside it."""
    target = Path(path)
    if target.is_dir():
        manifest = target / MANIFEST_NAME
        if not manifest.is_file():
            raise ManifestError(target, f"no {MANIFEST_NAME} in this folder")
        return load_manifest(manifest)
    if target.suffix.lower() == ".toml":
        return load_manifest(target)
    if not target.is_file():
        raise ManifestError(target, "no such file or folder")
    return load_single_video(target)


def load_manifest(manifest: Path) -> Module:
    """Parse and validate one module.toml; every problem names the key and its place."""
    data = read_manifest_data(manifest)
    folder = manifest.resolve().parent
    try:
        return _module_from(data, folder, manifest.resolve())
    except _Invalid as exc:
        raise ManifestError(manifest, str(exc)) from None


def read_manifest_data(manifest: Path) -> Table:
    """The TOML tables of a manifest, or a ManifestError with one plain reason."""
    try:
        raw = manifest.read_bytes()
    except OSError as exc:
        raise ManifestError(manifest, exc.strerror or str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (byte {exc.start})"
        raise ManifestError(manifest, reason) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(manifest, f"not valid TOML: {exc}") from None


def _check_keys(
    table: object, allowed: Mapping[str, tuple[type, bool]], where: str
) -> Table:
    """Refuse unknown keys, missing required keys and values of the wrong type."""
    if not isinstance(table, dict):
        raise _Invalid(f"{where}: expected a table")
    prefix = f"{where}: " if where else ""
    for key in table:
        if key not in allowed:
            raise _Invalid(f"{prefix}unknown key {key!r}")
    for key, (kind, required) in allowed.items():
        if key not in table:
            if required:
                raise _Invalid(f"{prefix}missing key {key!r}")
            continue
        value = table[key]
        if not _has_type(value, kind):
            raise _Invalid(f"{prefix}{key!r} must be {_TYPE_NAMES[kind]}")
    return table


def _has_type(value: object, kind: type) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is Timestamp:
        return isinstance(value, str | datetime.time)
    return isinstance(value, kind)


def _module_from(data: Table, folder: Path, manifest: Path) -> Module:
    _check_keys(data, _MODULE_KEYS, "")
    if data["schema"] != SCHEMA_VERSION:
        raise _Invalid(f"schema {data['schema']} is not supported (expected 1)")
    videos = _each(data["videos"], "videos", lambda t, w: _video_from(t, w, folder))
    if not videos:
        raise _Invalid("the module lists no videos")
    _require_unique([v.id for v in videos], "videos", "video id")
    return Module(
        id=_non_empty(data, "id", ""),
        title=data["title"],
        folder=folder,
        language=data.get("language", "en"),
        credit=data.get("credit", ""),
        manifest=manifest,
        videos=tuple(videos),
    )


def _each(items: list[Any], where: str, build: Callable[[Any, str], _T]) -> list[_T]:
    return [build(item, f"{where}[{i}]") for i, item in enumerate(items)]


def _non_empty(table: Table, key: str, where: str) -> str:
    value = str(table[key])
    if not value.strip():
        prefix = f"{where}: " if where else ""
        raise _Invalid(f"{prefix}{key!r} is empty")
    return value


def _require_unique(ids: list[str], where: str, what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise _Invalid(f"{where}: {what} {item!r} is used twice")
        seen.add(item)


def _video_from(table: object, where: str, folder: Path) -> Video:
    video = _check_keys(table, _VIDEO_KEYS, where)
    tracks = _each(
        video.get("tracks", []),
        f"{where}.tracks",
        lambda t, w: _track_from(t, w, folder),
    )
    segments = _each(video.get("segments", []), f"{where}.segments", _segment_from)
    pauses = _each(video.get("pauses", []), f"{where}.pauses", _pause_from)
    _require_unique([s.id for s in segments], f"{where}.segments", "segment id")
    defaults = [t for t in tracks if t.default and t.kind in ("captions", "subtitles")]
    if len(defaults) > 1:
        raise _Invalid(f"{where}.tracks: more than one default captions track")
    return Video(
        id=_non_empty(video, "id", where),
        title=video["title"],
        file=resolve_inside(folder, video["file"], f"{where}.file"),
        tracks=tuple(tracks),
        segments=tuple(segments),
        pauses=tuple(pauses),
    )


def _track_from(table: object, where: str, folder: Path) -> TrackRef:
    track = _check_keys(table, _TRACK_KEYS, where)
    if track["kind"] not in TRACK_KINDS:
        kinds = "|".join(TRACK_KINDS)
        raise _Invalid(f"{where}: kind {track['kind']!r} is not one of {kinds}")
    return TrackRef(
        kind=track["kind"],
        language=track.get("language", ""),
        label=track.get("label", ""),
        file=resolve_inside(folder, track["file"], f"{where}.file"),
        default=track.get("default", False),
    )


def _segment_from(table: object, where: str) -> Segment:
    segment = _check_keys(table, _SEGMENT_KEYS, where)
    if segment["kind"] not in SEGMENT_KINDS:
        raise _Invalid(f"{where}: kind {segment['kind']!r} is not 'storytelling'")
    return Segment(
        id=_non_empty(segment, "id", where),
        kind=segment["kind"],
        title=segment["title"],
        start_ms=parse_timestamp(segment["start"], f"{where}.start"),
        end_ms=parse_timestamp(segment["end"], f"{where}.end"),
        speaker=segment.get("speaker", ""),
        attribution=segment.get("attribution", ""),
        checksum=segment.get("checksum", ""),
    )


def _pause_from(table: object, where: str) -> Pause:
    pause = _check_keys(table, _PAUSE_KEYS, where)
    return Pause(
        at_ms=parse_timestamp(pause["at"], f"{where}.at"),
        prompt=pause.get("prompt", ""),
    )


def parse_timestamp(value: str | datetime.time, where: str = "") -> int:
    """Milliseconds from a WebVTT timestamp ("00:00:41.000" or "00:41.000")."""
    if isinstance(value, datetime.time):
        seconds = (value.hour * 60 + value.minute) * 60 + value.second
        return seconds * 1000 + value.microsecond // 1000
    match = _VTT_TIMESTAMP.fullmatch(value.strip())
    if not match:
        example = '"00:00:41.000"'
        raise _Invalid(f"{where}: {value!r} is not a WebVTT timestamp like {example}")
    hours, minutes, seconds_text, millis = match.groups()
    seconds = (int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds_text)
    return seconds * 1000 + int(millis)


def resolve_inside(folder: Path, relative: str, where: str) -> Path:
    """The absolute path of a manifest file; refused when outside the module folder."""
    if not relative.strip():
        raise _Invalid(f"{where}: the file name is empty")
    root = folder.resolve()
    resolved = (root / relative).resolve()
    if resolved == root or not resolved.is_relative_to(root):
        raise _Invalid(f"{where}: {relative!r} is outside the module folder")
    return resolved


def load_single_video(video: Path) -> Module:
    """A one-video module from a bare video file and the caption files named for it."""
    video = video.resolve()
    tracks = tracks_beside(video)
    return Module(
        id=video.stem,
        title=video.stem,
        folder=video.parent,
        videos=(Video(id=video.stem, title=video.stem, file=video, tracks=tracks),),
    )


def tracks_beside(video: Path) -> tuple[TrackRef, ...]:
    """Tracks named `<stem>[.<language|kind>...].vtt|srt|sbv` beside a video file."""
    found: list[TrackRef] = []
    beside = sorted(video.parent.iterdir(), key=lambda p: (p.name.count("."), p.name))
    for candidate in beside:
        if candidate.suffix.lower() not in CAPTION_SUFFIXES or not candidate.is_file():
            continue
        middle = _middle_parts(candidate.name, video.stem)
        if middle is None:
            continue
        kinds = [part for part in middle if part in TRACK_KINDS]
        languages = [part for part in middle if part not in TRACK_KINDS]
        kind = kinds[0] if kinds else "captions"
        language = languages[0] if languages else ""
        label = " ".join([language, kind if kind != "captions" else ""]).strip()
        found.append(TrackRef(kind, language, label or candidate.name, candidate))
    return _with_default(found)


def _middle_parts(name: str, stem: str) -> list[str] | None:
    """The dot-separated parts between the video's stem and the caption suffix."""
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
