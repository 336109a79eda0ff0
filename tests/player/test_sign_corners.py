"""The sign window's corners: inside the picture, clear of captions and the credit."""

from __future__ import annotations

import pytest

from media.sign_languages import sign_window_title
from player.core.setting_keys import SIGN_CORNERS
from player.video.sign_corners import (
    CAPTION_ZONE,
    SMALLEST,
    Rect,
    clear_band,
    corner_place,
    next_corner,
    resized,
)

PICTURE = Rect(100, 50, 960, 540)


@pytest.mark.parametrize("corner", SIGN_CORNERS)
@pytest.mark.parametrize("size", [(320, 240), (900, 700), (40, 30)])
def test_a_corner_stays_in_the_picture_above_the_caption_zone(corner, size) -> None:
    place = corner_place(PICTURE, corner, size)
    assert place is not None
    zone_top = PICTURE.y + PICTURE.height * (1 - CAPTION_ZONE)
    assert place.x >= PICTURE.x and place.x + place.width <= PICTURE.x + PICTURE.width
    assert place.y >= PICTURE.y and place.y + place.height <= zone_top
    assert place.width >= SMALLEST[0] and place.height >= SMALLEST[1]
    if size == (320, 240):
        assert (place.width, place.height) == size
    assert ("left" in corner) == (place.x < PICTURE.x + PICTURE.width / 2)


def test_big_captions_and_captions_at_the_top_keep_more_clear() -> None:
    normal = clear_band(PICTURE, 1.0, False)
    bigger = clear_band(PICTURE, 1.5, False)
    at_top = clear_band(PICTURE, 1.0, True)
    assert bigger.height < normal.height
    assert at_top.y > PICTURE.y and at_top.y + at_top.height < PICTURE.y + 540
    place = corner_place(PICTURE, "top-left", (320, 240), 1.0, True)
    assert (
        place is not None
        and place.y >= at_top.y
        and place.y + place.height <= at_top.y + at_top.height
    )


def test_corners_go_round_and_sizes_keep_their_shape() -> None:
    order = [next_corner("")]
    for _ in range(4):
        order.append(next_corner(order[-1]))
    assert order == [*SIGN_CORNERS, SIGN_CORNERS[0]]
    assert resized((320, 240), 20) == (384, 288)
    assert resized((320, 240), -20) == (256, 192)
    assert resized((100, 75), -50) == SMALLEST


def test_the_window_is_named_by_its_sign_language() -> None:
    assert sign_window_title("ase") == "Sign language (ASL)"
    assert sign_window_title("fcs") == "Sign language (LSQ)"
    assert sign_window_title("bfi") == "Sign language (BSL)"
    assert sign_window_title("csl") == "Sign language (Chinese Sign Language)"


def test_a_narrow_picture_keeps_more_clear_and_a_tiny_one_has_no_corner() -> None:
    narrow = Rect(0, 0, 480, 540)
    assert (
        clear_band(narrow, 1.0, False).height < clear_band(PICTURE, 1.0, False).height
    )
    assert corner_place(Rect(0, 0, 320, 540), "top-left", (320, 240)) is None
    assert corner_place(Rect(0, 0, 960, 110), "top-left", (320, 240)) is None
