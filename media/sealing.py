"""`seal`: the seals of every storytelling segment, written into module.toml in place.

Only seal lines change: the segment's `seal`, its `[videos.segments.track_seals]`
table (one line per captions and subtitles track) and the old `checksum` line, which
goes. The rewritten text is parsed again and must differ in those values only.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from captions.safe_files import UnreadableFileError, read_regular_file
from captions.story_seal import fields_seal, story_indices, track_seal
from captions.timefmt import format_vtt
from media.manifest import MAX_MANIFEST_BYTES
from media.model import ManifestError, Module, Segment, Video
from media.storytelling import (
    CAPTION_KINDS,
    LoadedVideo,
    Problem,
    load_video_tracks,
    overlap_problems,
    shape_errors,
)

SEALS_TABLE = "videos.segments.track_seals"
_HEADER = re.compile(r"\s*\[\[?([^\[\]#=]+)\]\]?\s*(?:#.*)?")
_STRING = r"\"(?:[^\"\\\n]|\\.)*\"|'[^'\n]*'"
_OWN_LINE = re.compile(rf"(\s*)(seal|checksum)\s*=\s*(?:{_STRING})(.*)", re.S)
_KEY_LINE = re.compile(
    rf"(\s*)({_STRING}|[A-Za-z0-9_-]+)\s*=\s*(?:{_STRING})(.*)", re.S
)


@dataclass(frozen=True)
class TrackSeal:
    """One track's seal: its file as the manifest names it, the value, cue count."""

    name: str
    file: Path
    value: str
    cues: int


@dataclass(frozen=True)
class SegmentSeal:
    video_id: str
    segment_id: str
    fields: str
    tracks: tuple[TrackSeal, ...]

    def toml_lines(self) -> list[str]:
        """The lines to copy into the segment's table by hand."""
        lines = [
            f"# {self.video_id} / {self.segment_id}",
            f"seal = {toml_string(self.fields)}",
        ]
        lines.append(f"[{SEALS_TABLE}]")
        lines += [
            f"{toml_string(t.name)} = {toml_string(t.value)}" for t in self.tracks
        ]
        return lines


@dataclass
class SealReport:
    """What `seal` found: the seals, and the problems that stop it from writing."""

    seals: list[SegmentSeal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False

    @property
    def refused(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; DEL is escaped too)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def seal_module(module: Module, write: bool = False) -> SealReport:
    """Seal every segment; with `write`, module.toml gets the seals in place.

    Nothing is sealed that would bake a fault in: unreadable tracks, a blank or
    invisible credit, cues cut by the segment's edges, hidden cues, overlapping
    segments. Those come back as problems and nothing is written.
    """
    report = SealReport()
    places: dict[tuple[int, int], SegmentSeal] = {}
    for video_index, video in enumerate(module.videos):
        if not video.segments:
            continue
        loaded = load_video_tracks(video)
        report.problems.extend(_blocking(video, loaded))
        for segment_index, segment in enumerate(video.segments):
            errors = [*shape_errors(segment), *_cut_cues(segment, loaded)]
            report.problems.extend(
                Problem("error", e, video.id, segment.id) for e in errors
            )
            sealed = _seal_segment(module, video, segment, loaded)
            report.seals.append(sealed)
            places[(video_index, segment_index)] = sealed
    if write and places and not report.refused:
        _write_seals(module, places)
        report.written = True
    return report


def _blocking(video: Video, loaded: LoadedVideo) -> list[Problem]:
    unread = [
        f"track {ref.file.name} cannot be read"
        for ref in video.tracks
        if ref.kind in CAPTION_KINDS and ref not in [r for r, _ in loaded.tracks]
    ]
    found = [
        p
        for p in loaded.problems
        if p.severity == "error" and p.message.startswith(tuple(unread or ["\0"]))
    ]
    if video.default_track() is None:
        message = f"video {video.id!r} has no captions track to seal"
        found.append(Problem("error", message, video.id))
    return [*found, *overlap_problems(video)]


def _cut_cues(segment: Segment, loaded: LoadedVideo) -> list[str]:
    """Cues the segment's edges cut through, and hidden cues inside it."""
    errors = []
    edges = (("start", segment.start_ms), ("end", segment.end_ms))
    for ref, track in loaded.of_kind(CAPTION_KINDS):
        for cue in track.cues:
            span = f"{format_vtt(cue.start_ms)} --> {format_vtt(cue.end_ms)}"
            for name, edge in edges:
                if cue.start_ms < edge < cue.end_ms:
                    errors.append(
                        f"track {ref.file.name}: cue {span} straddles the segment "
                        f"{name} {format_vtt(edge)}: move the segment's {name} so "
                        "that it holds whole cues"
                    )
            inside = segment.start_ms <= cue.start_ms < segment.end_ms
            if inside and cue.end_ms <= cue.start_ms:
                errors.append(f"track {ref.file.name}: cue {span} inside is hidden")
    return errors


def _seal_segment(
    module: Module, video: Video, segment: Segment, loaded: LoadedVideo
) -> SegmentSeal:
    fields = fields_seal(
        segment.title, segment.speaker, segment.attribution, segment.stand_in
    )
    tracks = []
    for ref, track in loaded.of_kind(CAPTION_KINDS):
        indices = story_indices(track.cues, segment.start_ms, segment.end_ms)
        name = _name_in(module, ref.file)
        value = track_seal(track.cues, indices)
        tracks.append(TrackSeal(name, ref.file, value, len(indices)))
    return SegmentSeal(video.id, segment.id, fields, tuple(tracks))


def _name_in(module: Module, file: Path) -> str:
    try:
        return file.relative_to(module.folder).as_posix()
    except ValueError:
        return file.name


def _write_seals(module: Module, places: dict[tuple[int, int], SegmentSeal]) -> None:
    if module.manifest is None:
        raise ManifestError(module.folder, "a single video has no module.toml to write")
    manifest: Path = module.manifest
    try:
        raw = read_regular_file(
            manifest, max_bytes=MAX_MANIFEST_BYTES, what="manifests"
        )
        original = raw.decode("utf-8")
    except UnreadableFileError as exc:
        raise ManifestError(manifest, exc.reason) from None
    except UnicodeError:
        raise ManifestError(manifest, "not UTF-8 text") from None
    updated = rewrite_seals(original, places, manifest)
    if updated == original:
        return
    temporary = manifest.with_name(manifest.name + ".sealing")
    try:
        temporary.write_bytes(updated.encode("utf-8"))
        temporary.replace(manifest)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ManifestError(manifest, exc.strerror or str(exc)) from None


@dataclass
class _Block:
    header: int
    main: tuple[int, int]
    seals: tuple[int, int] | None = None


def _segment_blocks(lines: list[str]) -> dict[tuple[int, int], _Block]:
    """Where each [[videos.segments]] table and its track_seals table lie."""
    blocks: dict[tuple[int, int], _Block] = {}
    video_index, segment_index = -1, -1
    current: _Block | None = None
    opened = ("", 0)
    for number, line in enumerate([*lines, "[end]"]):
        header = _HEADER.fullmatch(line.rstrip("\r\n"))
        if header is None:
            continue
        kind, start = opened
        if current is not None and kind == "main":
            current.main = (start, number)
        elif current is not None and kind == "seals":
            current.seals = (start, number)
        name = header.group(1).replace(" ", "").replace('"', "").replace("'", "")
        opened = ("", number + 1)
        if name == "videos":
            video_index, segment_index, current = video_index + 1, -1, None
        elif name == "videos.segments":
            segment_index += 1
            current = _Block(number, (number + 1, number + 1))
            blocks[(video_index, segment_index)] = current
            opened = ("main", number + 1)
        elif name == SEALS_TABLE and current is not None and current.seals is None:
            opened = ("seals", number + 1)
        else:
            current = None
    return blocks


def rewrite_seals(
    text: str, places: dict[tuple[int, int], SegmentSeal], path: Path
) -> str:
    """The manifest text with only the given segments' seal lines changed.

    `places` maps (video index, segment index) to the seal to write. The result is
    parsed again and must differ from the original in those values only.
    """
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    blocks = _segment_blocks(lines)
    for place in sorted(places, key=lambda p: -blocks[p].header if p in blocks else 0):
        if place not in blocks:
            raise ManifestError(path, "cannot find the segment's [[videos.segments]]")
        _rewrite_block(lines, blocks[place], places[place], path.parent, newline)
    updated = "".join(lines)
    if not _only_seals_changed(text, updated, places):
        reason = (
            "cannot rewrite the seals safely; copy the lines `seal` prints into the "
            "segment's table by hand"
        )
        raise ManifestError(path, reason)
    return updated


def _content(lines: list[str], first: int, end: int) -> list[int]:
    return [n for n in range(first, end) if lines[n].strip()[:1] not in ("", "#")]


def _ending(line: str, newline: str) -> str:
    return line if line.endswith("\n") else line + newline


def _rewrite_block(
    lines: list[str], block: _Block, sealed: SegmentSeal, folder: Path, newline: str
) -> None:
    first, end = block.main
    main = _rewrite_main(lines[first:end], sealed, newline)
    indent = _indent(lines, first, end)
    if block.seals is not None:
        seals_first, seals_end = block.seals
        seals = _rewrite_track_lines(
            lines[seals_first:seals_end], sealed, folder, indent, newline
        )
        lines[seals_first:seals_end] = seals
        lines[first:end] = main
        return
    table = [newline, f"{indent}  [{SEALS_TABLE}]{newline}"]
    table += [f"{indent}  {_key_line(t)}{newline}" for t in sealed.tracks]
    content = _content(main, 0, len(main))
    at = content[-1] + 1 if content else 0
    if at:
        main[at - 1] = _ending(main[at - 1], newline)
    main[at:at] = table
    lines[first:end] = main


def _indent(lines: list[str], first: int, end: int) -> str:
    content = _content(lines, first, end)
    if not content:
        return ""
    line = lines[content[0]]
    return line[: len(line) - len(line.lstrip())]


def _rewrite_main(block: list[str], sealed: SegmentSeal, newline: str) -> list[str]:
    """The segment's own lines: `seal` set, the old `checksum` gone."""
    kept: list[str] = []
    wrote = False
    for line in block:
        match = _OWN_LINE.fullmatch(line)
        if match is None:
            kept.append(line)
        elif match.group(2) == "seal" and not wrote:
            indent, rest = match.group(1), match.group(3)
            kept.append(f"{indent}seal = {toml_string(sealed.fields)}{rest}")
            wrote = True
    if not wrote:
        content = _content(kept, 0, len(kept))
        at = content[-1] + 1 if content else 0
        indent = ""
        if content:
            kept[at - 1] = _ending(kept[at - 1], newline)
            last = kept[content[-1]]
            indent = last[: len(last) - len(last.lstrip())]
        kept.insert(at, f"{indent}seal = {toml_string(sealed.fields)}{newline}")
    return kept


def _key_line(track: TrackSeal) -> str:
    return f"{toml_string(track.name)} = {toml_string(track.value)}"


def _key_of(text: str) -> str | None:
    try:
        keys = list(tomllib.loads(f"{text} = 1"))
    except tomllib.TOMLDecodeError:
        return None
    return keys[0] if len(keys) == 1 else None


def _rewrite_track_lines(
    block: list[str], sealed: SegmentSeal, folder: Path, indent: str, newline: str
) -> list[str]:
    """The track_seals table: each track's line set, stale lines dropped."""
    kept: list[str] = []
    done: set[str] = set()
    for line in block:
        match = _KEY_LINE.fullmatch(line)
        key = _key_of(match.group(2)) if match else None
        if match is None or key is None:
            kept.append(line)
            continue
        track = next((t for t in sealed.tracks if _same(folder, key, t.file)), None)
        if track is None or track.name in done:
            continue
        kept.append(f"{match.group(1)}{_key_line(track)}{match.group(3)}")
        done.add(track.name)
    content = _content(kept, 0, len(kept))
    at = content[-1] + 1 if content else 0
    if at:
        kept[at - 1] = _ending(kept[at - 1], newline)
    missing = [t for t in sealed.tracks if t.name not in done]
    key_indent = _indent(kept, 0, len(kept)) if content else f"{indent}  "
    kept[at:at] = [f"{key_indent}{_key_line(t)}{newline}" for t in missing]
    return kept


def _same(folder: Path, key: str, file: Path) -> bool:
    try:
        return (folder / key).resolve() == file
    except (OSError, RuntimeError, ValueError):
        return False


def _only_seals_changed(
    before: str, after: str, places: dict[tuple[int, int], SegmentSeal]
) -> bool:
    try:
        expected: dict[str, Any] = tomllib.loads(before)
        actual = tomllib.loads(after)
        for (video_index, segment_index), sealed in places.items():
            segment = expected["videos"][video_index]["segments"][segment_index]
            segment.pop("checksum", None)
            segment["seal"] = sealed.fields
            segment["track_seals"] = {t.name: t.value for t in sealed.tracks}
    except (tomllib.TOMLDecodeError, KeyError, IndexError, TypeError):
        return False
    return bool(expected == actual)
