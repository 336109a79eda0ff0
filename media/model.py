"""The module content model: what a manifest describes, after validation (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ManifestError(Exception):
    """A module that cannot be opened: names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class TrackRef:
    """A track of a video as the manifest lists it; `file` is absolute."""

    kind: str
    language: str
    label: str
    file: Path
    default: bool = False


@dataclass(frozen=True)
class Segment:
    """A storytelling segment: kept whole, verbatim and attributed (design.md 4)."""

    id: str
    kind: str
    title: str
    start_ms: int
    end_ms: int
    speaker: str
    attribution: str
    checksum: str = ""

    def contains(self, ms: int) -> bool:
        return self.start_ms <= ms < self.end_ms


@dataclass(frozen=True)
class Pause:
    """A facilitator's discussion point."""

    at_ms: int
    prompt: str


@dataclass(frozen=True)
class Video:
    id: str
    title: str
    file: Path
    tracks: tuple[TrackRef, ...] = ()
    segments: tuple[Segment, ...] = ()
    pauses: tuple[Pause, ...] = ()

    def default_track(
        self, kinds: tuple[str, ...] = ("captions", "subtitles")
    ) -> TrackRef | None:
        """The default captions track, else the first captions/subtitles track."""
        candidates = [t for t in self.tracks if t.kind in kinds]
        for track in candidates:
            if track.default:
                return track
        return candidates[0] if candidates else None

    def segment_at(self, ms: int) -> Segment | None:
        for segment in self.segments:
            if segment.contains(ms):
                return segment
        return None


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    folder: Path
    language: str = "en"
    credit: str = ""
    manifest: Path | None = None
    videos: tuple[Video, ...] = field(default_factory=tuple)

    def video(self, video_id: str) -> Video:
        for video in self.videos:
            if video.id == video_id:
                return video
        raise KeyError(video_id)
