"""The module content model: what a manifest describes, after validation (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from captions.story_credit import attribution_line


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
    """A storytelling segment: kept whole, verbatim and attributed (design.md 4).

    `seal` seals the segment's own fields, `track_seals` the story in each captions
    and subtitles track (absolute file, seal value); `checksum` is the old single
    seal of the default captions track (`legacy_track`). `contact` is whom to ask
    when the story differs from its reviewed version.
    """

    id: str
    kind: str
    title: str
    start_ms: int
    end_ms: int
    speaker: str
    attribution: str
    checksum: str = ""
    stand_in: bool = False
    seal: str = ""
    track_seals: tuple[tuple[Path, str], ...] = ()
    legacy_track: Path | None = None
    contact: str = ""

    def contains(self, ms: int) -> bool:
        return self.start_ms <= ms < self.end_ms

    @property
    def attribution_line(self) -> str:
        """The credit every surface shows: "Stand-in for the story of …" for a
        stand-in, else the attribution as written."""
        return attribution_line(self.attribution, self.stand_in)


@dataclass(frozen=True)
class Pause:
    """A facilitator's discussion point."""

    at_ms: int
    prompt: str


@dataclass(frozen=True)
class Video:
    """A video with its tracks; `sign_tracks` are sign-language videos (kind sign)."""

    id: str
    title: str
    file: Path
    tracks: tuple[TrackRef, ...] = ()
    segments: tuple[Segment, ...] = ()
    pauses: tuple[Pause, ...] = ()
    sign_tracks: tuple[TrackRef, ...] = ()

    def default_sign_track(self) -> TrackRef | None:
        """The sign-language video marked default, else the first one."""
        for track in self.sign_tracks:
            if track.default:
                return track
        return self.sign_tracks[0] if self.sign_tracks else None

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
    contact: str = ""

    def video(self, video_id: str) -> Video:
        for video in self.videos:
            if video.id == video_id:
                return video
        raise KeyError(video_id)
