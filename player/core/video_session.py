"""One open video's tracks: loaded on demand (off the GUI thread, see
player/core/track_loads.py), failures kept as plain messages."""

from __future__ import annotations

from dataclasses import dataclass, field

from captions.loader import load_track
from captions.model import CaptionError, Track
from media.language_names import track_label
from media.model import TrackRef, Video

CAPTION_KINDS = ("captions", "subtitles")


def load_ref(ref: TrackRef) -> tuple[Track | None, str]:
    """The track, or None and one sentence saying why it cannot be shown."""
    name = f"Captions “{ref.label or ref.file.name}” cannot be shown"
    try:
        track = load_track(
            ref.file, kind=ref.kind, language=ref.language, label=ref.label
        )
    except CaptionError as exc:
        return None, f"{name}: {exc.reason}."
    except FileNotFoundError:
        return None, f"{name}: the file {ref.file.name} is missing."
    except (OSError, UnicodeError, ValueError, NotImplementedError) as exc:
        return None, f"{name}: {exc or type(exc).__name__}."
    return track, ""


@dataclass
class VideoSession:
    """The caption/subtitle tracks of a video in chooser order, plus its chapters."""

    video: Video
    caption_refs: list[TrackRef] = field(init=False)
    loaded: dict[int, Track] = field(default_factory=dict)
    errors: dict[int, str] = field(default_factory=dict)
    chapter_ref: TrackRef | None = field(init=False)
    chapters: Track | None = None
    chapter_error: str = ""

    def __post_init__(self) -> None:
        self.caption_refs = [t for t in self.video.tracks if t.kind in CAPTION_KINDS]
        self.chapter_ref = next(
            (t for t in self.video.tracks if t.kind == "chapters"), None
        )

    def default_index(self) -> int:
        default = self.video.default_track()
        for index, ref in enumerate(self.caption_refs):
            if ref is default:
                return index
        return 0 if self.caption_refs else -1

    def labels(self) -> list[str]:
        """What the caption chooser offers: the label, else the language's name."""
        return [
            ref.label or track_label(ref.language, ref.kind) or ref.file.name
            for ref in self.caption_refs
        ]

    def track(self, index: int) -> Track | None:
        """The track at `index` if loaded; None if off, unreadable or not read yet."""
        return self.loaded.get(index)

    def ready(self, index: int) -> bool:
        """Whether track `index` is known: read, unreadable, or no track at all."""
        in_range = 0 <= index < len(self.caption_refs)
        return not in_range or index in self.loaded or index in self.errors

    def keep(self, index: int, track: Track | None, error: str) -> None:
        """Keep what reading track `index` gave (on the GUI thread)."""
        if track is None:
            self.errors[index] = error
        else:
            self.loaded[index] = track

    def messages(self) -> list[str]:
        found = [self.errors[i] for i in sorted(self.errors)]
        return [*found, self.chapter_error] if self.chapter_error else found
