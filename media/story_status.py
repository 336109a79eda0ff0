"""What the app says about each story: intact, altered or not sealed, and where it
plays. Pure: the window calls it off the GUI thread (it loads the tracks).

The app opens a module whose story fails the check, says in plain words where the
story plays that its words differ from the reviewed version and whom to ask, and
still attributes it (design.md 4.2).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from captions.model import Track
from captions.story_check import (
    UNKNOWN_CONTACT,
    altered_story_notice,
    verify_fields,
    verify_track,
)
from media.model import Module, Segment, Video
from media.storytelling import CAPTION_KINDS, LoadedVideo, load_video_tracks

INTACT, ALTERED, UNSEALED = "intact", "altered", "unsealed"


@dataclass(frozen=True)
class StoryStatus:
    """One story of a video, as the app should present it.

    `notice` is "" for an intact story, else the sentence to show in the story's
    header and in the window while it plays; `reasons` say what changed, per track.
    `start_ms`/`end_ms` are where the story's cues play in the default track (they
    follow a timing fix).
    """

    segment: Segment
    state: str
    notice: str
    reasons: tuple[str, ...]
    start_ms: int
    end_ms: int

    @property
    def attribution_line(self) -> str:
        return self.segment.attribution_line


def contact_for(segment: Segment, module: Module | None = None) -> str:
    """Whom to ask about a story: its own `contact`, the module's, else a default."""
    for contact in (segment.contact, module.contact if module else ""):
        if contact.strip():
            return contact.strip()
    return UNKNOWN_CONTACT


def story_notice(segment: Segment, module: Module | None = None) -> str:
    """The sentence the app shows where an altered story plays: whom to ask."""
    return altered_story_notice(segment.title, contact_for(segment, module))


def unsealed_notice(segment: Segment, module: Module | None = None) -> str:
    return (
        f"The story “{segment.title}” has not been sealed after a review of its "
        f"words. Ask {contact_for(segment, module)} before you show it or hand it out."
    )


def story_statuses(
    video: Video, module: Module | None = None, loaded: LoadedVideo | None = None
) -> list[StoryStatus]:
    """The status of every story of `video` (loads its tracks unless given them)."""
    loaded = loaded or load_video_tracks(video)
    return [_status(segment, loaded, module) for segment in video.segments]


def _status(
    segment: Segment, loaded: LoadedVideo, module: Module | None
) -> StoryStatus:
    reasons = [f"segment: {reason}" for reason in verify_fields(segment)]
    sealed_any = bool(segment.seal or segment.track_seals or segment.checksum)
    start, end = segment.start_ms, segment.end_ms
    unsealed = not sealed_any
    default = loaded.video.default_track()
    for ref, track in loaded.of_kind(CAPTION_KINDS):
        verdict = verify_track(track.cues, segment, ref.file)
        if verdict.state == "altered":
            reasons += [f"track {ref.file.name}: {r}" for r in verdict.reasons]
        elif verdict.state == "unsealed" and segment.track_seals:
            unsealed = True
        if ref is default and verdict.state != "altered" and verdict.run.indices:
            start, end = verdict.run.start_ms, verdict.run.end_ms
    if reasons:
        state, notice = ALTERED, story_notice(segment, module)
    elif unsealed:
        state, notice = UNSEALED, unsealed_notice(segment, module)
    else:
        state, notice = INTACT, ""
    return StoryStatus(segment, state, notice, tuple(reasons), start, end)


def following_segments(
    segments: tuple[Segment, ...], track: Track, path: Path
) -> tuple[Segment, ...]:
    """The segments with their edges moved to where their sealed cues play in `track`.

    A timing fix moves cues without a new seal; the transcript block, the lower third
    and the pauses then follow the story's cues instead of the manifest's old edges.
    A segment whose story in this track is altered or not sealed keeps its edges.
    """
    if track.kind not in CAPTION_KINDS:
        return segments
    moved = []
    for segment in segments:
        verdict = verify_track(track.cues, segment, path)
        run = verdict.run
        if verdict.state == "sealed" and run.indices:
            segment = replace(segment, start_ms=run.start_ms, end_ms=run.end_ms)
        moved.append(segment)
    return tuple(moved)
