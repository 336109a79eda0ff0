"""WCAG 2.x relative luminance and contrast ratio, for caption and theme colours."""

from __future__ import annotations

import math

RGB = tuple[float, float, float]
"""An sRGB colour, each channel 0-255 (floats, so composited colours stay exact)."""

BLACK: RGB = (0.0, 0.0, 0.0)
WHITE: RGB = (255.0, 255.0, 255.0)
AA_NORMAL_TEXT = 4.5
AAA_NORMAL_TEXT = 7.0


def parse_hex(color: str) -> RGB:
    """`#rgb` or `#rrggbb` (the `#` optional) as an RGB tuple; ValueError otherwise."""
    digits = color.strip().removeprefix("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if len(digits) != 6 or any(d not in "0123456789abcdefABCDEF" for d in digits):
        raise ValueError(f"not an sRGB colour: {color!r}")
    return (
        float(int(digits[0:2], 16)),
        float(int(digits[2:4], 16)),
        float(int(digits[4:6], 16)),
    )


def to_hex(color: RGB) -> str:
    """`#rrggbb`, lower case, each channel rounded and clamped to 0-255."""
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in color)


def _linear(channel: float) -> float:
    c = channel / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: RGB) -> float:
    """WCAG relative luminance: 0.0 for black, 1.0 for white."""
    r, g, b = color
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def luminance_ratio(first: float, second: float) -> float:
    """Contrast ratio of two relative luminances, lighter over darker (1.0-21.0)."""
    lighter, darker = max(first, second), min(first, second)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio of two opaque colours, in either order (1.0-21.0)."""
    return luminance_ratio(relative_luminance(first), relative_luminance(second))


def composite(top: RGB, bottom: RGB, opacity: float) -> RGB:
    """`top` drawn at `opacity` (0.0-1.0) over opaque `bottom`, as sRGB painters do."""
    alpha = max(0.0, min(1.0, opacity))
    r1, g1, b1 = top
    r2, g2, b2 = bottom
    return (
        alpha * r1 + (1 - alpha) * r2,
        alpha * g1 + (1 - alpha) * g2,
        alpha * b1 + (1 - alpha) * b2,
    )


def caption_contrast(text: RGB, background: RGB, opacity: float) -> float:
    """The worst contrast of opaque caption text on its box over any video frame.

    The box is `background` at `opacity` over the video; as the video ranges from
    black to white the box's luminance sweeps one interval, so the worst case is
    an end of it -- or 1.0 when the text's own luminance lies inside it.
    """
    over_black = relative_luminance(composite(background, BLACK, opacity))
    over_white = relative_luminance(composite(background, WHITE, opacity))
    text_luminance = relative_luminance(text)
    if over_black <= text_luminance <= over_white:
        return 1.0
    return min(
        luminance_ratio(text_luminance, over_black),
        luminance_ratio(text_luminance, over_white),
    )


def format_ratio(ratio: float) -> str:
    """`15.3:1`, truncated (never rounded up: 4.48 shows as 4.4, which fails)."""
    return f"{math.floor(ratio * 10 + 1e-9) / 10:.1f}:1"


def verdict(ratio: float) -> str:
    """What the ratio passes for normal-size text, in words."""
    if ratio >= AAA_NORMAL_TEXT:
        return "passes AA and AAA"
    if ratio >= AA_NORMAL_TEXT:
        return "passes AA, not AAA"
    return "fails AA: hard to read"
