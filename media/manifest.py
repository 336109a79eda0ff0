"""Reads a module (folder, module.toml or a single video) into the checked model."""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from captions.model import TRACK_KINDS
from captions.safe_files import (
    UnreadableFileError,
    check_regular_file,
    read_regular_file,
)
from media.discover import CAPTION_SUFFIXES, VIDEO_SUFFIXES, load_single_video
from media.model import ManifestError, Module, Pause, Segment, TrackRef, Video
from media.sign_languages import sign_language_problem

__all__ = ["CAPTION_SUFFIXES", "load_manifest", "load_module", "parse_timestamp"]

MANIFEST_NAME = "module.toml"
SCHEMA_VERSION = 1
SEGMENT_KINDS = ("storytelling",)
MANIFEST_TRACK_KINDS = (*TRACK_KINDS, "sign")
CAPTION_KINDS = ("captions", "subtitles")

# Checked before any work: a manifest is a short hand-written file.
MAX_MANIFEST_BYTES = 1 << 20
MAX_VIDEOS = 500
MAX_TRACKS_IN_MODULE = 5000
PER_VIDEO_LIMITS = {"tracks": 200, "segments": 100, "pauses": 1000}

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
    "contact": (str, False),
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
    "stand_in": (bool, False),
    "contact": (str, False),
    "seal": (str, False),
    "track_seals": (dict, False),
    "checksum": (str, False),
}
_PAUSE_KEYS: KeySpec = {"at": (Timestamp, True), "prompt": (str, False)}

_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "true or false",
    list: "a list",
    dict: "a table",
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
        if not manifest.exists():
            raise ManifestError(target, f"no {MANIFEST_NAME} in this folder")
        return load_manifest(manifest)
    if target.suffix.lower() == ".toml":
        return load_manifest(target)
    if not target.exists() and not target.is_symlink():
        raise ManifestError(target, "no such file or folder")
    try:
        check_regular_file(target)
    except UnreadableFileError as exc:
        raise ManifestError(target, exc.reason) from None
    return load_single_video(target)


def load_manifest(manifest: Path) -> Module:
    """Parse and validate one module.toml; every problem names the key and its place."""
    data = read_manifest_data(manifest)
    folder = manifest.resolve().parent
    try:
        _check_counts(data)
        return _module_from(data, folder, manifest.resolve())
    except _Invalid as exc:
        raise ManifestError(manifest, str(exc)) from None


def read_manifest_data(manifest: Path) -> Table:
    """The TOML tables of a manifest, or a ManifestError with one plain reason.

    Only a regular file of at most MAX_MANIFEST_BYTES is read (a FIFO never blocks).
    """
    try:
        raw = read_regular_file(
            manifest, max_bytes=MAX_MANIFEST_BYTES, what="manifests"
        )
    except UnreadableFileError as exc:
        raise ManifestError(manifest, exc.reason) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (byte {exc.start})"
        raise ManifestError(manifest, reason) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = " ".join(str(exc).split())
        raise ManifestError(manifest, f"not valid TOML: {reason}") from None
    except RecursionError:
        reason = "its arrays or tables are nested too deeply to be a module manifest"
        raise ManifestError(manifest, reason) from None


def _check_counts(data: Table) -> None:
    """Refuse more videos, tracks, segments or pauses than a module can hold."""
    videos = data.get("videos")
    if not isinstance(videos, list):
        return
    if len(videos) > MAX_VIDEOS:
        raise _Invalid(
            f"the module lists {len(videos)} videos; at most {MAX_VIDEOS} are read"
        )
    total = 0
    for number, video in enumerate(videos):
        if not isinstance(video, dict):
            continue
        for key, limit in PER_VIDEO_LIMITS.items():
            items = video.get(key)
            if isinstance(items, list) and len(items) > limit:
                raise _Invalid(
                    f"videos[{number}]: {len(items)} {key}; a video may list at "
                    f"most {limit}"
                )
        tracks = video.get("tracks")
        total += len(tracks) if isinstance(tracks, list) else 0
    if total > MAX_TRACKS_IN_MODULE:
        raise _Invalid(
            f"the module lists {total} tracks; at most {MAX_TRACKS_IN_MODULE} are read"
        )


def _check_keys(table: object, allowed: KeySpec, where: str) -> Table:
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
    contact = data.get("contact", "")
    videos = _each(
        data["videos"], "videos", lambda t, w: _video_from(t, w, folder, contact)
    )
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
        contact=contact,
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


def _video_from(table: object, where: str, folder: Path, contact: str) -> Video:
    video = _check_keys(table, _VIDEO_KEYS, where)
    refs = _each(
        video.get("tracks", []),
        f"{where}.tracks",
        lambda t, w: _track_from(t, w, folder),
    )
    tracks = [t for t in refs if t.kind != "sign"]
    signs = [t for t in refs if t.kind == "sign"]
    defaults = [t for t in tracks if t.default and t.kind in CAPTION_KINDS]
    if len(defaults) > 1:
        raise _Invalid(f"{where}.tracks: more than one default captions track")
    if sum(1 for t in signs if t.default) > 1:
        raise _Invalid(f"{where}.tracks: more than one default sign-language track")
    shell = Video(id="", title="", file=folder, tracks=tuple(tracks))
    default = shell.default_track()
    context = _SegmentContext(folder, contact, default.file if default else None)
    segments = _each(
        video.get("segments", []),
        f"{where}.segments",
        lambda t, w: _segment_from(t, w, context),
    )
    pauses = _each(video.get("pauses", []), f"{where}.pauses", _pause_from)
    _require_unique([s.id for s in segments], f"{where}.segments", "segment id")
    return Video(
        id=_non_empty(video, "id", where),
        title=video["title"],
        file=resolve_inside(folder, video["file"], f"{where}.file"),
        tracks=tuple(tracks),
        segments=tuple(segments),
        pauses=tuple(pauses),
        sign_tracks=tuple(signs),
    )


def _track_from(table: object, where: str, folder: Path) -> TrackRef:
    track = _check_keys(table, _TRACK_KEYS, where)
    kind = track["kind"]
    if kind not in MANIFEST_TRACK_KINDS:
        kinds = "|".join(MANIFEST_TRACK_KINDS)
        raise _Invalid(f"{where}: kind {kind!r} is not one of {kinds}")
    file = resolve_inside(folder, track["file"], f"{where}.file")
    language = track.get("language", "")
    if kind == "sign":
        problem = sign_language_problem(language)
        if problem:
            raise _Invalid(f"{where}.language: {problem}")
        if file.suffix.lower() not in VIDEO_SUFFIXES:
            suffixes = ", ".join(VIDEO_SUFFIXES)
            raise _Invalid(
                f"{where}.file: a sign-language track is a video ({suffixes}), "
                f"not {file.name!r}"
            )
    return TrackRef(
        kind=kind,
        language=language,
        label=track.get("label", ""),
        file=file,
        default=track.get("default", False),
    )


@dataclass(frozen=True)
class _SegmentContext:
    """What a segment needs from its module and video while it is read."""

    folder: Path
    contact: str
    default_track: Path | None


def _segment_from(table: object, where: str, context: _SegmentContext) -> Segment:
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
        stand_in=segment.get("stand_in", False),
        seal=segment.get("seal", ""),
        track_seals=_track_seals(
            segment.get("track_seals", {}), f"{where}.track_seals", context.folder
        ),
        legacy_track=context.default_track,
        contact=segment.get("contact", "") or context.contact,
    )


def _track_seals(
    table: Table, where: str, folder: Path
) -> tuple[tuple[Path, str], ...]:
    """`"file" = "sha256:…"` pairs; each file resolves inside the module folder."""
    limit = PER_VIDEO_LIMITS["tracks"]
    if len(table) > limit:
        raise _Invalid(f"{where}: {len(table)} seals; at most {limit} are read")
    seals: list[tuple[Path, str]] = []
    for name, value in table.items():
        if not isinstance(value, str):
            raise _Invalid(f"{where}: the seal of {name!r} must be a string")
        seals.append((resolve_inside(folder, name, f"{where}: {name!r}"), value))
    return tuple(seals)


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
    if hours is not None and len(hours) > 10:
        raise _Invalid(f"{where}: {value!r} is too far into a video to be a time")
    seconds = (int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds_text)
    return seconds * 1000 + int(millis)


def resolve_inside(folder: Path, relative: str, where: str) -> Path:
    """The absolute path of a manifest file; refused when outside the module folder."""
    if not relative.strip():
        raise _Invalid(f"{where}: the file name is empty")
    if "\0" in relative:
        raise _Invalid(f"{where}: the file name holds a NUL character")
    root = folder.resolve()
    try:
        resolved = (root / relative).resolve()
    except (OSError, RuntimeError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or "it cannot be resolved"
        raise _Invalid(f"{where}: {relative[:200]!r}: {reason}") from None
    if resolved == root or not resolved.is_relative_to(root):
        raise _Invalid(f"{where}: {relative[:200]!r} is outside the module folder")
    return resolved
