"""WCAG contrast: known pairs, compositing, and the worst case over any video."""

from __future__ import annotations

import pytest

from captions.contrast import (
    BLACK,
    WHITE,
    caption_contrast,
    composite,
    contrast_ratio,
    format_ratio,
    parse_hex,
    relative_luminance,
    to_hex,
    verdict,
)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#777777", "#ffffff", 4.48),
        ("#767676", "#ffffff", 4.54),
        ("#595959", "#ffffff", 7.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.0),
        ("#ffff00", "#0000ff", 8.0),
        ("#ffffff", "#333333", 12.63),
    ],
)
def test_known_pairs(first: str, second: str, expected: float) -> None:
    ratio = contrast_ratio(parse_hex(first), parse_hex(second))
    assert ratio == pytest.approx(expected, abs=0.01)
    assert contrast_ratio(parse_hex(second), parse_hex(first)) == ratio


def test_luminance_ends_and_a_primary() -> None:
    assert relative_luminance(BLACK) == 0.0
    assert relative_luminance(WHITE) == pytest.approx(1.0)
    assert relative_luminance(parse_hex("#00ff00")) == pytest.approx(0.7152)


def test_hex_round_trip_and_bad_input() -> None:
    assert parse_hex("#FfF") == WHITE
    assert to_hex(parse_hex("#1a2b3c")) == "#1a2b3c"
    assert to_hex((300.0, -4.0, 127.6)) == "#ff0080"
    for bad in ("", "#12", "#12345g", "red", "#1234567"):
        with pytest.raises(ValueError):
            parse_hex(bad)


def test_composite_blends_by_opacity() -> None:
    assert composite(BLACK, WHITE, 0.8) == pytest.approx((51.0, 51.0, 51.0))
    assert composite(BLACK, WHITE, 1.0) == BLACK
    assert composite(BLACK, WHITE, 0.0) == WHITE
    assert composite(BLACK, WHITE, 7.0) == BLACK, "opacity is clamped"


def test_caption_contrast_takes_the_worst_video() -> None:
    # White on black at 80 %: over a white frame the box is #333333.
    assert caption_contrast(WHITE, BLACK, 0.8) == pytest.approx(12.63, abs=0.01)
    assert caption_contrast(WHITE, BLACK, 1.0) == pytest.approx(21.0)
    # A transparent box leaves text on whatever the video shows: it can vanish.
    assert caption_contrast(WHITE, BLACK, 0.0) == 1.0
    # Dark grey text: some frame under a half-opaque box matches its luminance.
    assert caption_contrast(parse_hex("#404040"), BLACK, 0.5) == 1.0
    # Dark text on a light box: the worst frame is black.
    dark = caption_contrast(BLACK, WHITE, 0.9)
    assert dark == pytest.approx(contrast_ratio(BLACK, (229.5, 229.5, 229.5)))


def test_format_never_rounds_a_failure_up() -> None:
    assert format_ratio(4.4999) == "4.4:1"
    assert format_ratio(21.0) == "21.0:1"
    assert format_ratio(15.36) == "15.3:1"
    assert verdict(4.49) == "fails AA: hard to read"
    assert verdict(4.5) == "passes AA, not AAA"
    assert verdict(7.0) == "passes AA and AAA"
