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


# Captions placed by the player keep this share of the video's width at most.
AUTO_WIDTH_SHARE = 0.9


def computed_position(settings: CueSettings) -> float:
    """The cue's `position` (percent of the width), or where its `align` puts it."""
    if settings.position is not None:
        return settings.position
    return {"left": 0.0, "start": 0.0, "right": 100.0, "end": 100.0}.get(
        settings.align, 50.0
    )


def computed_position_alignment(settings: CueSettings) -> str:
    """line-left, center or line-right: which side of the box `position` is."""
    if settings.position_align != "auto":
        return settings.position_align
    return {
        "left": "line-left",
        "start": "line-left",
        "right": "line-right",
        "end": "line-right",
    }.get(settings.align, "center")


def cue_box(area: Box, settings: CueSettings) -> tuple[float, float]:
    """Left edge and width of a horizontal cue's box, by the WebVTT rendering rules.

    `size` is the box's width in percent of the video's, cut to what fits on the
    side of `position` that the position alignment leaves open.
    """
    position = computed_position(settings)
    alignment = computed_position_alignment(settings)
    if alignment == "line-left":
        room = 100.0 - position
    elif alignment == "line-right":
        room = position
    else:
        room = 2 * min(position, 100.0 - position)
    size = max(0.0, min(settings.size, room))
    left = {"line-left": position, "line-right": position - size}.get(
        alignment, position - size / 2
    )
    return area.x + area.width * left / 100, area.width * size / 100


def text_width_limit(area: Box, settings: CueSettings, honour: bool) -> float:
    """How wide a cue's text may be before it wraps: its box's width, when honoured."""
    widest = area.width * AUTO_WIDTH_SHARE
    return min(cue_box(area, settings)[1], widest) if honour else widest


def text_alignment(settings: CueSettings, honour: bool) -> str:
    """Where the lines sit inside the cue's box: "left", "center" or "right"."""
    if not honour:
        return "center"
    return {"left": "left", "start": "left", "right": "right", "end": "right"}.get(
        settings.align, "center"
    )


def _horizontal(
    area: Box, width: float, settings: CueSettings, honour: bool, margin: float
) -> float:
    if honour:
        left, box_width = cue_box(area, settings)
    else:
        left, box_width = area.x, area.width
    side = text_alignment(settings, honour)
    if side == "left":
        x = left
    elif side == "right":
        x = left + box_width - width
    else:
        x = left + (box_width - width) / 2
    inset = margin if width + 2 * margin <= area.width else 0.0
    return max(area.x + inset, min(x, area.x + area.width - inset - width))


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
