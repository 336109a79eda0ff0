"""Adding a track to a module's manifest: a text-preserving edit of module.toml.

The new `[[videos.tracks]]` table goes after the video's last track (or after its own
keys), in the file's indentation and line ends; nothing else changes, comments
included. The result must parse to the old manifest plus that one track and pass the
manifest's own validation before it replaces the file.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from media.manifest import MANIFEST_NAME, load_manifest, read_manifest_data
from media.model import ManifestError, Module, Video

_HEADER = re.compile(r"\s*\[\[?\s*([^\[\]#]+?)\s*\]\]?\s*(?:#.*)?")
SEARCH_UP = 4


@dataclass(frozen=True, slots=True)
class NewTrack:
    """A track to add; `file` is relative to the module folder (POSIX form)."""

    kind: str
    language: str
    label: str
    file: str
    default: bool = False


def find_module_of(media: Path) -> tuple[Module, Video] | None:
    """The module whose manifest lists `media` as a video, looked for in the media's
    folder and a few folders above; None when no valid manifest lists it."""
    target = media.resolve()
    folder = target.parent
    for _ in range(SEARCH_UP):
        manifest = folder / MANIFEST_NAME
        if manifest.is_file():
            try:
                module = load_manifest(manifest)
            except ManifestError:
                module = None
            if module is not None:
                for video in module.videos:
                    if video.file == target:
                        return module, video
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def track_for(module: Module, video: Video, file: Path, language: str) -> NewTrack:
    """The entry for a new captions file: default when the video has no captions."""
    try:
        relative = file.resolve().relative_to(module.folder).as_posix()
    except ValueError:
        reason = f"{file} is outside the module folder; a track must be inside it"
        raise ManifestError(module.manifest or module.folder, reason) from None
    label = f"{_language_name(language)} (aligned)"
    has_default = video.default_track(("captions",)) is not None
    return NewTrack("captions", language, label, relative, default=not has_default)


def _language_name(language: str) -> str:
    names = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
    return names.get(language.split("-")[0].lower(), language or "Captions")


def is_listed(video: Video, file: Path) -> bool:
    return any(track.file == file.resolve() for track in video.tracks)


def add_track(module: Module, video: Video, track: NewTrack) -> None:
    """Add `track` to `video` in the module's module.toml, validated, in one step."""
    manifest = module.manifest
    if manifest is None:
        raise ManifestError(module.folder, "a single video has no module.toml")
    index = [v.id for v in module.videos].index(video.id)
    original = _read_text(manifest)
    updated = add_track_text(original, index, track, manifest)
    _replace_validated(manifest, updated)


def add_track_text(text: str, video_index: int, track: NewTrack, path: Path) -> str:
    """The manifest text with `track` added to video number `video_index`."""
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.count("\r\n") * 2 > text.count("\n") else "\n"
    where, indent = _insertion_point(lines, video_index)
    if where is None:
        raise ManifestError(path, "cannot find the video's [[videos]] table")
    if where > 0 and not lines[where - 1].endswith(("\n", "\r")):
        lines[where - 1] += newline
    block = _track_block(track, indent, newline)
    lines[where:where] = block
    updated = "".join(lines)
    if not _only_track_added(text, updated, video_index, track):
        raise ManifestError(path, "cannot add the track safely; add it by hand")
    return updated


def _insertion_point(lines: list[str], video_index: int) -> tuple[int | None, str]:
    """Where the new table goes (after the video's last track table, else after
    the video's own keys) and the indentation its tracks use."""
    videos, table = -1, ""
    after_keys: int | None = None
    after_tracks: int | None = None
    indent = "  "
    for number, line in enumerate(lines):
        header = _HEADER.fullmatch(line.rstrip("\r\n"))
        inside = videos == video_index
        if header is not None:
            table = header.group(1).replace(" ", "").replace('"', "")
            if inside and not table.startswith("videos."):
                break  # the next video, or a table after the videos
            if table == "videos":
                videos += 1
                after_keys = number + 1 if videos == video_index else after_keys
            elif inside and table == "videos.tracks":
                indent = line[: len(line) - len(line.lstrip())]
                after_tracks = number + 1
            continue
        if not inside or not line.strip() or line.lstrip().startswith("#"):
            continue
        if table == "videos.tracks":
            after_tracks = number + 1
        elif table == "videos":
            after_keys = number + 1
    place = after_tracks if after_tracks is not None else after_keys
    return place, indent


def _track_block(track: NewTrack, indent: str, newline: str) -> list[str]:
    keys = [
        ("kind", track.kind),
        ("language", track.language),
        ("label", track.label),
        ("file", track.file),
    ]
    lines = [newline, f"{indent}[[videos.tracks]]{newline}"]
    lines += [f"{indent}{key} = {_toml_string(value)}{newline}" for key, value in keys]
    if track.default:
        lines.append(f"{indent}default = true{newline}")
    return lines


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML escapes)."""
    return json.dumps(value, ensure_ascii=False)


def _only_track_added(
    before: str, after: str, video_index: int, track: NewTrack
) -> bool:
    try:
        expected, actual = tomllib.loads(before), tomllib.loads(after)
        entry = {
            "kind": track.kind,
            "language": track.language,
            "label": track.label,
            "file": track.file,
        }
        if track.default:
            entry["default"] = True  # type: ignore[assignment]
        expected["videos"][video_index].setdefault("tracks", []).append(entry)
    except (tomllib.TOMLDecodeError, KeyError, IndexError, TypeError, AttributeError):
        return False
    return bool(expected == actual)


def _read_text(manifest: Path) -> str:
    read_manifest_data(manifest)  # refuses a manifest that is not valid TOML
    try:
        return manifest.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeError) as exc:
        raise ManifestError(manifest, str(exc)) from None


def _replace_validated(manifest: Path, text: str) -> None:
    """Write beside the manifest, validate that file as a manifest, then move it
    over the original; on any failure the original is untouched."""
    handle, name = tempfile.mkstemp(
        prefix=".module.", suffix=".toml", dir=manifest.parent
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
        os.chmod(temporary, manifest.stat().st_mode & 0o777)
        load_manifest(temporary)
        os.replace(temporary, manifest)
    except ManifestError as exc:  # name the real manifest, not the temporary file
        raise ManifestError(manifest, exc.reason) from None
    except OSError as exc:
        raise ManifestError(manifest, exc.strerror or str(exc)) from None
    finally:
        temporary.unlink(missing_ok=True)
