"""Is a story still what was reviewed? One verdict per track, and the export's refusal.

`check` (media/storytelling.py) asks for every captions and subtitles track; an
export asks for the track it writes, and refuses an altered story with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from captions.model import Cue
from captions.paragraphs import SegmentInput, SegmentSpan, to_span
from captions.story_credit import attribution_line
from captions.story_diff import (
    describe_cue_changes,
    describe_field_changes,
    precise_time,
)
from captions.story_seal import (
    SEALED_KINDS,
    StoryRun,
    closest_run,
    fields_seal,
    find_sealed_run,
    moved_run,
    parse_seal,
    story_indices,
)

COARSE_CHANGE = (
    "the words, speakers, order or number of the story's cues differ from the "
    "reviewed version (this seal keeps no detail per cue; seal again after review "
    "to get it)"
)
UNKNOWN_CONTACT = "whoever gave you this module"


@runtime_checkable
class SealedSegment(Protocol):
    """A storytelling segment with its seals, such as media.model.Segment."""

    @property
    def start_ms(self) -> int: ...
    @property
    def end_ms(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def speaker(self) -> str: ...
    @property
    def attribution(self) -> str: ...
    @property
    def stand_in(self) -> bool: ...
    @property
    def seal(self) -> str: ...
    @property
    def track_seals(self) -> tuple[tuple[Path, str], ...]: ...
    @property
    def checksum(self) -> str: ...
    @property
    def legacy_track(self) -> Path | None: ...
    @property
    def contact(self) -> str: ...


class StoryAlteredError(ValueError):
    """An export refused because a story differs from its reviewed version."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class TrackVerdict:
    """`sealed`, `altered` or `unsealed`; the story's cues; what changed."""

    state: str
    run: StoryRun
    reasons: tuple[str, ...] = ()
    legacy: bool = False


def same_file(first: str | Path, second: str | Path) -> bool:
    return os.path.realpath(first) == os.path.realpath(second)


def seal_for(segment: SealedSegment, path: str | Path) -> str | None:
    """The seal value the segment keeps for the track file at `path`, if any."""
    return next((v for p, v in segment.track_seals if same_file(p, path)), None)


def _strict(cues: Sequence[Cue], segment: SealedSegment) -> StoryRun:
    start, end = segment.start_ms, segment.end_ms
    indices = story_indices(cues, start, end)
    if not indices:
        return StoryRun((), start, end)
    last = max(cues[i].end_ms for i in indices)
    return StoryRun(tuple(indices), cues[indices[0]].start_ms, last)


def verify_track(
    cues: Sequence[Cue], segment: SealedSegment, path: str | Path
) -> TrackVerdict:
    """The story in one captions or subtitles track, against its seal."""
    value = seal_for(segment, path)
    if value is None:
        legacy = segment.legacy_track
        legacy_only = bool(segment.checksum) and not segment.track_seals
        if legacy_only and legacy is not None and same_file(legacy, path):
            return _verify_legacy(cues, segment)
        return TrackVerdict("unsealed", _strict(cues, segment))
    parsed = parse_seal(value, "cues")
    if parsed is None:
        reason = f"its seal {value!r} is not a seal value (sha256:… cues:…)"
        return TrackVerdict("altered", _strict(cues, segment), (reason,))
    start, end = segment.start_ms, segment.end_ms
    run = find_sealed_run(cues, start, end, parsed)
    if run is not None:
        return TrackVerdict("sealed", run)
    if parsed.parts is None:
        return TrackVerdict("altered", _strict(cues, segment), (COARSE_CHANGE,))
    moved = moved_run(cues, start, end, parsed.parts)
    if moved is not None:
        reason = (
            f"the sealed cues are all there, but they now play from "
            f"{precise_time(moved.start_ms)} to {precise_time(moved.end_ms)}, further "
            f"from the segment's {precise_time(start)} to {precise_time(end)} than a "
            "timing fix may move them: move the segment's start and end with them"
        )
        return TrackVerdict("altered", moved, (reason,))
    closest = closest_run(cues, start, end, parsed.parts)
    reasons = describe_cue_changes(cues, closest, parsed.parts) or [COARSE_CHANGE]
    return TrackVerdict("altered", closest, tuple(reasons))


def _verify_legacy(cues: Sequence[Cue], segment: SealedSegment) -> TrackVerdict:
    parsed = parse_seal(segment.checksum, "cues")
    start, end = segment.start_ms, segment.end_ms
    run = None
    if parsed is not None:
        run = find_sealed_run(cues, start, end, parsed, file_order=True)
    if run is not None:
        return TrackVerdict("sealed", run, legacy=True)
    return TrackVerdict("altered", _strict(cues, segment), (COARSE_CHANGE,), True)


def verify_fields(segment: SealedSegment) -> tuple[str, ...]:
    """What changed in the title, speaker, attribution or stand-in flag; () if none.

    A segment without its own seal has nothing to compare (`check` says it is
    missing).
    """
    if not segment.seal:
        return ()
    fields = (segment.title, segment.speaker, segment.attribution, segment.stand_in)
    now = fields_seal(*fields)
    parsed = parse_seal(segment.seal, "fields")
    if parsed is None:
        return (f"the segment's seal {segment.seal!r} is not a seal value",)
    if now.split(" ", 1)[0] == f"sha256:{parsed.digest}":
        return ()
    if parsed.parts is None:
        return ("the title, speaker, attribution or stand-in flag changed",)
    found = describe_field_changes(*fields, parsed.parts)
    return tuple(found) or ("the title, speaker, attribution or stand-in flag changed",)


def contact_of(segment: object) -> str:
    contact = getattr(segment, "contact", "")
    return contact if isinstance(contact, str) and contact.strip() else UNKNOWN_CONTACT


def altered_story_notice(title: str, contact: str) -> str:
    """The plain words the app shows where an altered story plays."""
    who = contact.strip() or UNKNOWN_CONTACT
    return (
        f"The words of the story “{title}” differ from the version that was "
        f"reviewed. Ask {who} before you show it or hand it out."
    )


def refusal_reason(segment: SealedSegment, reasons: Iterable[str]) -> str:
    credit = attribution_line(segment.attribution, segment.stand_in)
    return (
        f"the story “{segment.title}” ({credit}) differs from the version that was "
        f"reviewed, so it is not exported: {'; '.join(reasons)}. Ask "
        f"{contact_of(segment)} to review it and seal it again."
    )


def checked_spans(
    cues: Sequence[Cue],
    segments: Iterable[SegmentInput],
    *,
    source: str = "",
    kind: str = "captions",
) -> list[tuple[SegmentSpan, str]]:
    """Each segment as an export writes it, with why it may not be handed out ("").

    A sealed story's span follows its sealed cues in this track (so a timing fix
    exports whole), and its attribution is the one line every surface shows.
    """
    checked: list[tuple[SegmentSpan, str]] = []
    for segment in segments:
        if not isinstance(segment, SealedSegment):
            checked.append((to_span(segment), ""))
            continue
        reasons = list(verify_fields(segment))
        start, end = segment.start_ms, segment.end_ms
        if source and kind in SEALED_KINDS:
            verdict = verify_track(cues, segment, source)
            if verdict.state == "altered":
                name = Path(source).name
                reasons.extend(f"in {name}, {reason}" for reason in verdict.reasons)
            elif verdict.state == "sealed" and verdict.run.indices:
                start, end = verdict.run.start_ms, verdict.run.end_ms
        line = attribution_line(segment.attribution, segment.stand_in)
        span = SegmentSpan(start, end, segment.title, line)
        checked.append((span, refusal_reason(segment, reasons) if reasons else ""))
    return checked
