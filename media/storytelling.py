"""Keeps storytelling segments whole, verbatim and attributed (design.md 4.2).

`check_module` finds every problem; the seal itself (what it covers, finding the
sealed cues after a timing fix, saying what changed) lives in captions/story_*.py so
that exports can use it too; media/sealing.py writes seals into module.toml.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from captions import loader
from captions.model import CaptionError, Cue, Track
from captions.safe_files import UnreadableFileError, check_regular_file
from captions.story_check import TrackVerdict, same_file, verify_fields, verify_track
from captions.story_credit import credit_problem, hidden_characters
from captions.story_diff import cue_name, precise_time
from captions.story_seal import SEALED_KINDS, StoryRun, fold_spaces
from captions.timefmt import format_vtt
from media.discover import probe_video
from media.model import Module, Segment, TrackRef, Video

CAPTION_KINDS = SEALED_KINDS
SEAL_COMMAND = "after review, run `transcript-player seal --write` on the module"

__all__ = [
    "CAPTION_KINDS",
    "LoadedVideo",
    "Problem",
    "check_module",
    "check_segment",
    "fold_spaces",
    "load_video_tracks",
]


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

    def default(self) -> tuple[TrackRef, Track] | None:
        ref = self.video.default_track()
        return next(((r, t) for r, t in self.tracks if r is ref), None)

    def of_kind(self, kinds: tuple[str, ...]) -> list[tuple[TrackRef, Track]]:
        return [(ref, track) for ref, track in self.tracks if ref.kind in kinds]


def _unreadable(path: object) -> str:
    try:
        check_regular_file(str(path))
    except UnreadableFileError as exc:
        return exc.reason
    return ""


def load_video_tracks(video: Video) -> LoadedVideo:
    """Load every track of a video, turning failures and warnings into problems.

    Every path is checked to be a regular file before anything opens it.
    """
    probe = probe_video(video.file)
    loaded = LoadedVideo(video, duration_ms=probe.duration_ms)
    add = loaded.problems.append
    reason = _unreadable(video.file)
    if reason == "file not found":
        add(Problem("error", f"video file missing: {video.file.name}", video.id))
    elif reason:
        add(
            Problem(
                "error", f"video {video.file.name} cannot be read: {reason}", video.id
            )
        )
    elif probe.problem:
        add(Problem("warning", f"video {video.file.name}: {probe.problem}", video.id))
    for sign in video.sign_tracks:
        reason = _unreadable(sign.file)
        if reason == "file not found":
            message = f"sign-language video missing: {sign.file.name}"
            add(Problem("error", message, video.id))
        elif reason:
            message = f"sign-language video {sign.file.name} cannot be read: {reason}"
            add(Problem("error", message, video.id))
    for ref in video.tracks:
        _load_one(loaded, ref)
    return loaded


def _load_one(loaded: LoadedVideo, ref: TrackRef) -> None:
    video_id = loaded.video.id
    reason = _unreadable(ref.file)
    if reason == "file not found":
        reason = "file missing"
    if not reason:
        try:
            track = loader.load_track(
                ref.file, kind=ref.kind, language=ref.language, label=ref.label
            )
        except (CaptionError, UnreadableFileError) as exc:
            reason = exc.reason
        except (OSError, UnicodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
        else:
            loaded.tracks.append((ref, track))
            for warning in track.warnings:
                message = f"track {ref.file.name}: {warning}"
                loaded.problems.append(Problem("warning", message, video_id))
            return
    message = f"track {ref.file.name} cannot be read: {reason}"
    loaded.problems.append(Problem("error", message, video_id))


def check_module(module: Module) -> list[Problem]:
    """Every problem of every video and storytelling segment, errors and warnings."""
    problems: list[Problem] = []
    for video in module.videos:
        loaded = load_video_tracks(video)
        problems.extend(loaded.problems)
        problems.extend(overlap_problems(video))
        for segment in video.segments:
            problems.extend(check_segment(segment, loaded))
    return problems


def overlap_problems(video: Video) -> list[Problem]:
    """Stories never overlap or nest: each pair that does is an error."""
    found: list[Problem] = []
    ordered = sorted(video.segments, key=lambda s: (s.start_ms, s.end_ms))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.start_ms >= first.end_ms:
                break
            nested = second.end_ms <= first.end_ms
            how = "lies inside" if nested else "overlaps"
            message = (
                f"it {how} the segment {first.id!r} ({format_vtt(first.start_ms)} "
                f"to {format_vtt(first.end_ms)}): stories never overlap or nest"
            )
            found.append(Problem("error", message, video.id, second.id))
    return found


def check_segment(segment: Segment, loaded: LoadedVideo) -> list[Problem]:
    """The checks of design.md 4.2 for one segment."""
    verdicts = _verdicts(segment, loaded)
    errors = [
        *shape_errors(segment),
        *_seal_errors(segment, loaded, verdicts),
        *_story_cue_errors(segment, verdicts),
        *_interruption_errors(segment, loaded, verdicts),
        *_end_errors(segment, loaded),
    ]
    default = loaded.video.default_track()
    warnings = [*_seal_warnings(segment, loaded), *_speaker_warnings(verdicts, default)]
    warnings += _stand_in_warnings(segment)
    video_id = loaded.video.id
    found = [Problem("error", e, video_id, segment.id) for e in errors]
    found.extend(Problem("warning", w, video_id, segment.id) for w in warnings)
    return found


_Verdicts = list[tuple[TrackRef, Track, TrackVerdict]]


def _verdicts(segment: Segment, loaded: LoadedVideo) -> _Verdicts:
    return [
        (ref, track, verify_track(track.cues, segment, ref.file))
        for ref, track in loaded.of_kind(CAPTION_KINDS)
    ]


def shape_errors(segment: Segment) -> list[str]:
    """Errors in the segment's own fields: times, credit, stand-in."""
    errors = []
    if segment.start_ms >= segment.end_ms:
        start, end = format_vtt(segment.start_ms), format_vtt(segment.end_ms)
        errors.append(f"start {start} is not before end {end}")
    for name, text in (
        ("speaker", segment.speaker),
        ("attribution", segment.attribution),
    ):
        problem = credit_problem(name, text)
        if problem:
            errors.append(problem)
    hidden = hidden_characters(segment.title)
    if hidden:
        errors.append(f"title holds characters that hide or reorder text: {hidden[0]}")
    person = stood_in_for(segment)
    if segment.stand_in and person and _same_name(segment.speaker, person):
        errors.append(
            f"the segment is a stand-in for the story of {person}, but its speaker "
            f"is {person}: a stand-in's words must never be credited to her or him"
        )
    return errors


def stood_in_for(segment: Segment) -> str:
    """The person a stand-in stands in for: the attribution up to its first comma."""
    return fold_spaces(segment.attribution.split(",", 1)[0])


def _same_name(first: str, second: str) -> bool:
    return fold_spaces(first).casefold() == fold_spaces(second).casefold()


def _seal_errors(
    segment: Segment, loaded: LoadedVideo, verdicts: _Verdicts
) -> list[str]:
    if loaded.video.default_track() is None:
        return ["no captions track to check the segment's words against"]
    if not segment.seal and not segment.track_seals and not segment.checksum:
        return [f"the story is not sealed: {SEAL_COMMAND}"]
    errors: list[str] = []
    if segment.track_seals and not segment.seal:
        errors.append(
            "the segment's title, speaker, attribution and stand-in flag are not "
            f"sealed: {SEAL_COMMAND}"
        )
    errors.extend(f"segment: {reason}" for reason in verify_fields(segment))
    for ref, _track, verdict in verdicts:
        name = ref.file.name
        if verdict.state == "altered":
            errors.extend(f"track {name}: {reason}" for reason in verdict.reasons)
        elif verdict.state == "unsealed" and segment.track_seals:
            count = len(verdict.run.indices)
            errors.append(
                f"track {name}: the story in this track ({count} cues) was never "
                f"sealed: {SEAL_COMMAND}"
            )
    return errors


def _story_cue_errors(segment: Segment, verdicts: _Verdicts) -> list[str]:
    """Hidden cues in the story, other cues shown while it plays, stand-in voices."""
    errors: list[str] = []
    person = stood_in_for(segment) if segment.stand_in else ""
    for ref, track, verdict in verdicts:
        name, cues, run = ref.file.name, track.cues, verdict.run
        for index in run.indices:
            cue = cues[index]
            if cue.end_ms <= cue.start_ms:
                errors.append(
                    f"track {name}: {cue_name(cue)} is hidden: it ends "
                    f"({format_vtt(cue.end_ms)}) before it starts"
                )
            if person and cue.voice and _same_name(cue.voice, person):
                errors.append(
                    f"track {name}: {cue_name(cue)} is voiced as {person}, but the "
                    "segment is a stand-in: it must not speak as her or him"
                )
        errors.extend(f"track {name}: {e}" for e in _intruders(cues, run))
    return errors


def _intruders(cues: Sequence[Cue], run: StoryRun) -> list[str]:
    """Cues outside the story that are on screen while its cues play."""
    if not run.indices:
        return []
    members = set(run.indices)
    found = []
    for index, cue in enumerate(cues):
        if index in members or cue.end_ms <= cue.start_ms:
            continue
        if cue.start_ms < run.end_ms and cue.end_ms > run.start_ms:
            span = f"{format_vtt(cue.start_ms)} --> {format_vtt(cue.end_ms)}"
            found.append(
                f"cue {span} ({fold_spaces(cue.plain)[:60]!r}) is not part of the "
                f"story but is on screen while it plays ({precise_time(run.start_ms)}"
                f" to {precise_time(run.end_ms)})"
            )
    return found


def story_span(segment: Segment, verdicts: _Verdicts, loaded: LoadedVideo) -> StoryRun:
    """Where the story plays: its cues in the default track, else its own edges."""
    default = loaded.video.default_track()
    for ref, _track, verdict in verdicts:
        if ref is default and verdict.state != "altered" and verdict.run.indices:
            return verdict.run
    return StoryRun((), segment.start_ms, segment.end_ms)


def _interruption_errors(
    segment: Segment, loaded: LoadedVideo, verdicts: _Verdicts
) -> list[str]:
    """Pauses and chapter starts inside the story, as written and as its cues play."""
    run = story_span(segment, verdicts, loaded)
    low = max(segment.start_ms, run.start_ms)
    high = min(segment.end_ms, run.end_ms)
    errors = []
    for pause in loaded.video.pauses:
        if low < pause.at_ms < high:
            errors.append(f"a pause at {format_vtt(pause.at_ms)} lies inside")
    for ref, track in loaded.of_kind(("chapters",)):
        for cue in track.cues:
            if low < cue.start_ms < high:
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


def _seal_warnings(segment: Segment, loaded: LoadedVideo) -> list[str]:
    warnings = []
    if segment.checksum and segment.track_seals:
        warnings.append(
            "the old `checksum` line is ignored: the track seals replace it "
            "(`seal --write` removes it)"
        )
    elif segment.checksum:
        default = loaded.video.default_track()
        name = default.file.name if default else "the default captions track"
        warnings.append(
            f"old single checksum: only the words of {name} were checked, not the "
            "other tracks nor the segment's title, speaker, attribution and "
            f"stand-in flag; {SEAL_COMMAND} to seal them all"
        )
    tracks = [ref.file for ref, _ in loaded.of_kind(CAPTION_KINDS)]
    tracks += [ref.file for ref in loaded.video.tracks if ref.kind in CAPTION_KINDS]
    for path, _value in segment.track_seals:
        if not any(same_file(path, track) for track in tracks):
            warnings.append(
                f"the seal names {path.name}, which is not a captions or subtitles "
                "track of this video (`seal --write` drops it)"
            )
    return warnings


def _speaker_warnings(
    verdicts: Iterable[tuple[TrackRef, Track, TrackVerdict]], default: TrackRef | None
) -> list[str]:
    for ref, track, verdict in verdicts:
        if ref is not default:
            continue
        inside = [track.cues[i] for i in verdict.run.indices]
        if not inside:
            return ["no caption starts inside the segment"]
        silent = [cue for cue in inside if not cue.voice]
        if silent:
            return [
                f"{len(silent)} cue(s) inside carry no speaker (<v ...>), "
                f"first at {format_vtt(silent[0].start_ms)}"
            ]
    return []


def _stand_in_warnings(segment: Segment) -> list[str]:
    said = f"{segment.speaker} {segment.title}".casefold().replace("-", " ")
    if not segment.stand_in and "stand in" in said:
        return [
            "the speaker or title says it is a stand-in, but the segment does not "
            "declare `stand_in = true`: without it, surfaces credit the words to "
            f"{stood_in_for(segment) or 'the person named'}"
        ]
    return []
