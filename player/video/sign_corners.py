"""Where the floating sign window goes in a corner of the video: pure geometry.

The captions and the storytelling credit are drawn in the lower part of the picture
(and captions in the upper part when they are placed at the top), so a corner is a
corner of the band between: the sign window never reaches where they are drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from player.core.setting_keys import SIGN_CORNERS

CAPTION_ZONE = 0.36  # of the picture's height, at normal caption size
MOST_ZONE = 0.6  # larger captions take a larger zone, up to this share
MARGIN_PX = 8
SMALLEST = (96, 72)
WIDEST = 0.5  # of the picture's width
# Captions wrap onto more lines on a narrower picture: the zone grows in proportion
# below this width, and below SMALLEST_PICTURE_PX wide there is no corner to use.
WRAP_WIDTH_PX = 640
SMALLEST_PICTURE_PX = 400


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int


def clear_band(picture: Rect, caption_scale: float, captions_at_top: bool) -> Rect:
    """The part of the picture no caption or credit line is drawn in."""
    narrow = max(1.0, WRAP_WIDTH_PX / max(1, picture.width))
    share = min(MOST_ZONE, CAPTION_ZONE * max(1.0, caption_scale) * narrow)
    zone = round(picture.height * share)
    top = picture.y + (zone if captions_at_top else 0)
    bottom = picture.y + picture.height - zone
    return Rect(picture.x, top, picture.width, max(0, bottom - top))


def fitted(size: tuple[int, int], room: tuple[int, int]) -> tuple[int, int]:
    """`size` made small enough for `room`, its shape kept (never below SMALLEST)."""
    width, height = size
    scale = min(1.0, room[0] / max(1, width), room[1] / max(1, height))
    return max(SMALLEST[0], int(width * scale)), max(SMALLEST[1], int(height * scale))


def corner_place(
    picture: Rect,
    corner: str,
    size: tuple[int, int],
    caption_scale: float = 1.0,
    captions_at_top: bool = False,
) -> Rect | None:
    """The window's place in `corner` of the picture's clear band, at most `size`;
    None when the picture is too small to leave a corner clear."""
    band = clear_band(picture, caption_scale, captions_at_top)
    room = (
        min(band.width - 2 * MARGIN_PX, int(picture.width * WIDEST)),
        band.height - 2 * MARGIN_PX,
    )
    if picture.width < SMALLEST_PICTURE_PX or room[0] < SMALLEST[0]:
        return None
    if room[1] < SMALLEST[1]:
        return None
    width, height = fitted(size, room)
    left = "left" in corner
    top = corner.startswith("top")
    x = band.x + MARGIN_PX if left else band.x + band.width - width - MARGIN_PX
    y = band.y + MARGIN_PX if top else band.y + band.height - height - MARGIN_PX
    return Rect(x, y, width, height)


def next_corner(current: str) -> str:
    """Round the corners: top right, top left, bottom left, bottom right."""
    if current not in SIGN_CORNERS:
        return SIGN_CORNERS[0]
    return SIGN_CORNERS[(SIGN_CORNERS.index(current) + 1) % len(SIGN_CORNERS)]


def resized(size: tuple[int, int], percent: int) -> tuple[int, int]:
    """Bigger (or smaller) by `percent`, its shape kept, never below SMALLEST."""
    width, height = size
    factor = 1 + percent / 100
    if width * factor < SMALLEST[0] or height * factor < SMALLEST[1]:
        factor = max(SMALLEST[0] / max(1, width), SMALLEST[1] / max(1, height))
    return round(width * factor), round(height * factor)
