"""Keeps storytelling segments whole, verbatim and attributed (design.md 4.2)."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from captions import loader
from captions.model import CaptionError, Cue, Track
from captions.timefmt import format_vtt
from media.discover import video_duration_ms
from media.model import ManifestError, Module, Segment, TrackRef, Video
from media.pauses import interrupts

CAPTION_KINDS = ("captions", "subtitles")
_HEADER = re.compile(r"\s*\[\[?([^\[\]#=]+)\]\]?\s*(?:#.*)?")
_CHECKSUM_LINE = re.compile(r"(\s*checksum\s*=\s*)(\"[^\"\\\n]*\"|'[^'\n]*')(.*)", re.S)


@dataclass(frozen=True)
class Problem:
    """One finding of `check`: errors fail the check, warnings only inform."""

    severity: str
    message: str
    video_id: str
    segment_id: str = ""


@dataclass
class LoadedVideo:
    """A video's tracks as loaded for checking, with what went wrong loading them."""

    video: Video
    tracks: list[tuple[TrackRef, Track]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duration_ms: int | None = None

    @property
    def all_loaded(self) -> bool:
        return len(self.tracks) == len(self.video.tracks)

    def default(self) -> Track | None:
        ref = self.video.default_track()
        return next((track for r, track in self.tracks if r is ref), None)

    def of_kind(self, kinds: tuple[str, ...]) -> list[tuple[TrackRef, Track]]:
        return [(ref, track) for ref, track in self.tracks if ref.kind in kinds]


def fold_spaces(text: str) -> str:
    """Runs of white space (newlines included) become one space; ends are stripped."""
    return " ".join(text.split())


def cues_inside(cues: Iterable[Cue], segment: Segment) -> list[Cue]:
    """The cues whose start lies in [start, end), in file order."""
    return [c for c in cues if segment.start_ms <= c.start_ms < segment.end_ms]


def segment_checksum_text(cues: Iterable[Cue], segment: Segment) -> str:
    """The sealed text: one `voice<TAB>words` line per cue starting inside."""
    inside = cues_inside(cues, segment)
    return "".join(f"{cue.voice}\t{fold_spaces(cue.plain)}\n" for cue in inside)


def segment_checksum(track: Track, segment: Segment) -> str:
    """`sha256:<hex>` of the sealed text; timing changes leave it unchanged."""
    text = segment_checksum_text(track.cues, segment)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_video_tracks(video: Video) -> LoadedVideo:
    """Load every track of a video, turning failures and warnings into problems."""
    loaded = LoadedVideo(video, duration_ms=video_duration_ms(video.file))
    if not video.file.is_file():
        loaded.problems.append(
            Problem("error", f"video file missing: {video.file.name}", video.id)
        )
    for ref in video.tracks:
        try:
            track = loader.load_track(
                ref.file, kind=ref.kind, language=ref.language, label=ref.label
            )
        except (CaptionError, OSError, UnicodeError) as exc:
            reason = getattr(exc, "reason", None) or _os_reason(exc)
            message = f"track {ref.file.name} cannot be read: {reason}"
            loaded.problems.append(Problem("error", message, video.id))
            continue
        loaded.tracks.append((ref, track))
        for warning in track.warnings:
            message = f"track {ref.file.name}: {warning}"
            loaded.problems.append(Problem("warning", message, video.id))
    return loaded


def _os_reason(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file missing"
    return getattr(exc, "strerror", None) or str(exc)


def check_module(module: Module) -> list[Problem]:
    """Every problem of every video and storytelling segment, errors and warnings."""
    problems: list[Problem] = []
    for video in module.videos:
        loaded = load_video_tracks(video)
        problems.extend(loaded.problems)
        for segment in video.segments:
            problems.extend(check_segment(segment, loaded))
    return problems


def check_segment(segment: Segment, loaded: LoadedVideo) -> list[Problem]:
    """The checks of design.md 4.2 for one segment."""
    errors = [
        *_shape_errors(segment),
        *_checksum_errors(segment, loaded),
        *_straddle_errors(segment, loaded),
        *_interruption_errors(segment, loaded),
        *_end_errors(segment, loaded),
    ]
    video_id = loaded.video.id
    found = [Problem("error", e, video_id, segment.id) for e in errors]
    warnings = _speaker_warnings(segment, loaded)
    found.extend(Problem("warning", w, video_id, segment.id) for w in warnings)
    return found


def _shape_errors(segment: Segment) -> list[str]:
    errors = []
    if segment.start_ms >= segment.end_ms:
        start, end = format_vtt(segment.start_ms), format_vtt(segment.end_ms)
        errors.append(f"start {start} is not before end {end}")
    if not segment.speaker.strip():
        errors.append("speaker is empty")
    if not segment.attribution.strip():
        errors.append("attribution is empty")
    return errors


def _checksum_errors(segment: Segment, loaded: LoadedVideo) -> list[str]:
    track = loaded.default()
    if track is None:
        if loaded.video.default_track() is None:
            return ["no captions track to check the segment's words against"]
        return []  # the track failed to load; that error is already reported
    expected = segment_checksum(track, segment)
    if not segment.checksum:
        return [f'checksum is missing; after review seal it: checksum = "{expected}"']
    if segment.checksum != expected:
        return [
            f"checksum differs: the manifest says {segment.checksum}, the captions "
            f"give {expected} (words, speakers, order or count changed; "
            "run `transcript-player seal` after a reviewed edit)"
        ]
    return []


def _straddle_errors(segment: Segment, loaded: LoadedVideo) -> list[str]:
    errors = []
    edges = (("start", segment.start_ms), ("end", segment.end_ms))
    for ref, track in loaded.of_kind(CAPTION_KINDS):
        for cue in track.cues:
            for name, edge in edges:
                if cue.start_ms < edge < cue.end_ms:
                    errors.append(
                        f"track {ref.file.name}: cue {_span(cue)} straddles the "
                        f"segment {name} {format_vtt(edge)}"
                    )
    return errors


def _interruption_errors(segment: Segment, loaded: LoadedVideo) -> list[str]:
    errors = []
    for pause in loaded.video.pauses:
        if interrupts(segment, pause.at_ms):
            errors.append(f"a pause at {format_vtt(pause.at_ms)} lies inside")
    for ref, track in loaded.of_kind(("chapters",)):
        for cue in track.cues:
            if interrupts(segment, cue.start_ms):
                errors.append(
                    f"track {ref.file.name}: chapter {fold_spaces(cue.plain)!r} "
                    f"starts inside, at {format_vtt(cue.start_ms)}"
                )
    return errors


def _end_errors(segment: Segment, loaded: LoadedVideo) -> list[str]:
    """The segment must end within the video.

    Without a readable video duration, the only sure sign is a segment that starts
    after the last cue of every track has ended.
    """
    if loaded.duration_ms is not None:
        if segment.end_ms > loaded.duration_ms:
            return [
                f"end {format_vtt(segment.end_ms)} passes the video's end "
                f"{format_vtt(loaded.duration_ms)}"
            ]
        return []
    ends = [cue.end_ms for _, track in loaded.tracks for cue in track.cues]
    if loaded.all_loaded and ends and segment.start_ms >= max(ends):
        return [
            f"start {format_vtt(segment.start_ms)} is after the last cue of every "
            f"track ends ({format_vtt(max(ends))}): it passes the video's end"
        ]
    return []


def _speaker_warnings(segment: Segment, loaded: LoadedVideo) -> list[str]:
    track = loaded.default()
    if track is None:
        return []
    inside = cues_inside(track.cues, segment)
    if not inside:
        return ["no caption starts inside the segment"]
    silent = [cue for cue in inside if not cue.voice]
    if not silent:
        return []
    return [
        f"{len(silent)} cue(s) inside carry no speaker (<v ...>), "
        f"first at {format_vtt(silent[0].start_ms)}"
    ]


def _span(cue: Cue) -> str:
    return f"{format_vtt(cue.start_ms)} --> {format_vtt(cue.end_ms)}"


def seal_module(module: Module, write: bool = False) -> list[tuple[str, str, str]]:
    """Checksums of every segment; with `write`, module.toml gets them in place."""
    sealed: list[tuple[str, str, str]] = []
    by_place: dict[tuple[int, int], str] = {}
    for video_index, video in enumerate(module.videos):
        if not video.segments:
            continue
        track = _default_track_for_seal(module, video)
        for segment_index, segment in enumerate(video.segments):
            checksum = segment_checksum(track, segment)
            sealed.append((video.id, segment.id, checksum))
            by_place[(video_index, segment_index)] = checksum
    if write and by_place:
        _write_checksums(module, by_place)
    return sealed


def _default_track_for_seal(module: Module, video: Video) -> Track:
    ref = video.default_track()
    if ref is None:
        where = module.manifest or video.file
        raise ManifestError(where, f"video {video.id!r} has no captions track to seal")
    return loader.load_track(ref.file, kind=ref.kind, language=ref.language)


def _write_checksums(module: Module, by_place: dict[tuple[int, int], str]) -> None:
    if module.manifest is None:
        raise ManifestError(module.folder, "a single video has no module.toml to write")
    manifest: Path = module.manifest
    try:
        original = manifest.read_bytes().decode("utf-8")
    except (OSError, UnicodeError) as exc:
        raise ManifestError(manifest, _os_reason(exc)) from None
    updated = rewrite_checksums(original, by_place, manifest)
    if updated == original:
        return
    temporary = manifest.with_name(manifest.name + ".sealing")
    try:
        temporary.write_bytes(updated.encode("utf-8"))
        temporary.replace(manifest)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ManifestError(manifest, _os_reason(exc)) from None


def rewrite_checksums(
    text: str, by_place: dict[tuple[int, int], str], path: Path
) -> str:
    """The manifest text with only the checksum lines of the given segments changed.

    `by_place` maps (video index, segment index) to a checksum. The result is parsed
    again and must differ from the original in those checksums only.
    """
    lines = text.splitlines(keepends=True)
    blocks = _segment_blocks(lines)
    for place in sorted(by_place, reverse=True):
        if place not in blocks:
            raise ManifestError(path, "cannot find the segment's [[videos.segments]]")
        _set_checksum(lines, blocks[place], by_place[place])
    updated = "".join(lines)
    if not _only_checksums_changed(text, updated, by_place):
        reason = "cannot rewrite the checksums safely; copy them in by hand"
        raise ManifestError(path, reason)
    return updated


def _segment_blocks(lines: list[str]) -> dict[tuple[int, int], tuple[int, int]]:
    """Line ranges (first key line, end) of each [[videos.segments]] table."""
    blocks: dict[tuple[int, int], tuple[int, int]] = {}
    video_index, segment_index, current = -1, -1, None
    for number, line in enumerate([*lines, "[end]"]):
        header = _HEADER.fullmatch(line.rstrip("\r\n"))
        if header is None:
            continue
        if current is not None:
            blocks[current[0]] = (current[1], number)
            current = None
        name = header.group(1).replace(" ", "").replace('"', "")
        if name == "videos":
            video_index, segment_index = video_index + 1, -1
        elif name == "videos.segments":
            segment_index += 1
            current = ((video_index, segment_index), number + 1)
    return blocks


def _set_checksum(lines: list[str], block: tuple[int, int], checksum: str) -> None:
    first, end = block
    for number in range(first, end):
        match = _CHECKSUM_LINE.fullmatch(lines[number])
        if match:
            lines[number] = f'{match.group(1)}"{checksum}"{match.group(3)}'
            return
    content = [n for n in range(first, end) if lines[n].strip()[:1] not in ("", "#")]
    last = content[-1] if content else first - 1
    newline = "\r\n" if lines[last].endswith("\r\n") else "\n"
    if not lines[last].endswith("\n"):
        lines[last] += newline
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f'{indent}checksum = "{checksum}"{newline}')


def _only_checksums_changed(
    before: str, after: str, by_place: dict[tuple[int, int], str]
) -> bool:
    try:
        expected, actual = tomllib.loads(before), tomllib.loads(after)
        for (video_index, segment_index), checksum in by_place.items():
            segment = expected["videos"][video_index]["segments"][segment_index]
            segment["checksum"] = checksum
    except (tomllib.TOMLDecodeError, KeyError, IndexError, TypeError):
        return False
    return bool(expected == actual)
