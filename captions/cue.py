"""The project's own immutable cue, with its settings and region (the `VTTCue` and
`VTTRegion` meanings); times are integer milliseconds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Region:
    """A WebVTT region, with the `VTTRegion` meanings (percentages as floats)."""

    id: str = ""
    width: float = 100.0
    lines: int = 3
    region_anchor_x: float = 0.0
    region_anchor_y: float = 100.0
    viewport_anchor_x: float = 0.0
    viewport_anchor_y: float = 100.0
    scroll: str = ""


@dataclass(frozen=True, slots=True)
class CueSettings:
    """Cue settings with the `VTTCue` meanings; `None` stands for "auto"."""

    vertical: str = ""
    snap_to_lines: bool = True
    line: float | None = None
    line_align: str = "start"
    position: float | None = None
    position_align: str = "auto"
    size: float = 100.0
    align: str = "center"
    region: Region | None = None


DEFAULT_SETTINGS = CueSettings()


@dataclass(frozen=True, slots=True)
class Cue:
    """One caption, converted once at load time; times are integer milliseconds.

    `plain` is the same string object as `text` when the text has no tags or
    character references, so a plain caption is held once.
    """

    start_ms: int
    end_ms: int
    text: str
    plain: str
    identifier: str = ""
    voice: str = ""
    settings: CueSettings = DEFAULT_SETTINGS
    line_number: int = 0

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms
