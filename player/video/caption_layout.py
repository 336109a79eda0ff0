"""Where caption boxes go on the video: pure geometry, testable without painting."""

from __future__ import annotations

from dataclasses import dataclass

from captions.model import CueSettings


@dataclass(frozen=True)
class Box:
    """A rectangle in the video's coordinates."""

    x: float
    y: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box) -> bool:
        return not (
            self.x + self.width <= other.x
            or other.x + other.width <= self.x
            or self.bottom <= other.y
            or other.bottom <= self.y
        )


def _horizontal(
    area: Box, width: float, settings: CueSettings, honour: bool, margin: float
) -> float:
    align = settings.align if honour else "center"
    if honour and settings.position is not None:
        anchor = area.x + area.width * settings.position / 100
        side = settings.position_align
        if side == "auto":
            side = {
                "left": "line-left",
                "start": "line-left",
                "right": "line-right",
                "end": "line-right",
            }.get(align, "center")
        x = {"line-left": anchor, "line-right": anchor - width}.get(
            side, anchor - width / 2
        )
    elif align in ("left", "start"):
        x = area.x + margin
    elif align in ("right", "end"):
        x = area.x + area.width - margin - width
    else:
        x = area.x + (area.width - width) / 2
    return max(area.x, min(x, area.x + area.width - width))


def _explicit_top(
    area: Box, height: float, settings: CueSettings, line_height: float
) -> float:
    line = settings.line if settings.line is not None else 0.0
    if settings.snap_to_lines:
        if line >= 0:
            return area.y + line * line_height
        return area.bottom + (line + 1) * line_height - height
    anchor = area.y + area.height * line / 100
    if settings.line_align == "center":
        return anchor - height / 2
    if settings.line_align == "end":
        return anchor - height
    return anchor


def place_captions(
    area: Box,
    sizes: list[tuple[float, float]],
    settings: list[CueSettings],
    *,
    reserved_bottom: float = 0.0,
    honour_settings: bool = True,
    line_height: float = 20.0,
    margin: float = 8.0,
) -> list[Box]:
    """Boxes for the cues showing, earliest first: auto lines stack upwards from the
    bottom; explicit `line` settings are honoured; nothing enters the reserved strip
    at the bottom (the attribution line) and no two boxes overlap.
    """
    floor = area.bottom - margin - reserved_bottom
    placed: list[Box] = []
    for (width, height), cue_settings in zip(sizes, settings, strict=True):
        width = min(width, area.width)
        x = _horizontal(area, width, cue_settings, honour_settings, margin)
        if honour_settings and cue_settings.line is not None:
            y = _explicit_top(area, height, cue_settings, line_height)
        else:
            y = floor - height
        y = max(area.y, min(y, floor - height))
        box = Box(x, y, width, height)
        for other in sorted(placed, key=lambda b: -b.y):
            if box.overlaps(other):
                box = Box(x, other.y - height - 2, width, height)
        placed.append(box)
    return placed
