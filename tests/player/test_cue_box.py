"""The cue box: `size`, `position`, `align` as the WebVTT rendering rules place them.

Tested on the real overlay (a VideoView, its caption items as drawn) and on the
pure geometry.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from captions.loader import load_track_bytes
from captions.model import CueSettings
from player.video.caption_layout import Box, cue_box
from player.video.video_view import VideoView

LONG = "A long caption that says a good deal more than fits on one short line"


def track_with(settings: str):  # type: ignore[no-untyped-def]
    data = f"WEBVTT\n\n00:00.000 --> 00:05.000 {settings}\n{LONG}\n".encode()
    return load_track_bytes(data, "cue.vtt")


@pytest.fixture
def view(qtbot) -> VideoView:
    shown = VideoView()
    qtbot.addWidget(shown)
    shown.resize(960, 540)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def shown_box(view: VideoView, settings: str) -> tuple[QRectF, QRectF]:
    """The caption as drawn for a cue with `settings`, and the video it is on."""
    view.set_tracks([track_with(settings)])
    view.set_position(1_000)
    (box,) = view.caption_boxes()
    return box, view._video_rect()


def test_a_thirty_percent_box_is_at_most_thirty_percent_wide(view) -> None:  # type: ignore[no-untyped-def]
    box, video = shown_box(view, "size:30%")
    assert box.width() <= video.width() * 0.30 + 0.5
    assert box.height() > 60, "the words wrap inside the narrow box, none is lost"
    assert abs(box.center().x() - video.center().x()) < 2, "centred, as align says"


def test_size_with_position_and_start_alignment(view) -> None:  # type: ignore[no-untyped-def]
    box, video = shown_box(view, "size:30% position:10% align:start")
    assert box.left() == pytest.approx(video.left() + video.width() * 0.10, abs=1)
    assert box.right() <= video.left() + video.width() * 0.40 + 0.5


def test_end_alignment_puts_the_lines_at_the_right_of_the_box(view) -> None:  # type: ignore[no-untyped-def]
    box, video = shown_box(view, "size:40% position:90% align:end")
    assert box.right() == pytest.approx(video.left() + video.width() * 0.90, abs=1)
    assert box.left() >= video.left() + video.width() * 0.50 - 0.5


def test_size_is_ignored_when_the_user_does_not_allow_file_positions(view) -> None:  # type: ignore[no-untyped-def]
    view.honour_cue_settings = False
    box, video = shown_box(view, "size:30% position:10% align:start")
    assert box.width() > video.width() * 0.5
    assert abs(box.center().x() - video.center().x()) < 2


def test_the_box_is_cut_to_what_fits_beside_its_position() -> None:
    area = Box(0, 0, 1000, 500)
    # Centred at 20 %: at most 40 % wide, however large `size` is.
    assert cue_box(area, CueSettings(position=20.0, size=80.0)) == (0.0, 400.0)
    # line-left at 70 %: 30 % left to the right edge.
    settings = CueSettings(position=70.0, position_align="line-left", size=50.0)
    assert cue_box(area, settings) == (700.0, 300.0)
    # line-right at 30 %: its box ends there.
    settings = CueSettings(position=30.0, position_align="line-right", size=20.0)
    assert cue_box(area, settings) == (100.0, 200.0)
    # No position: `align` decides (start: from the left edge, end: to the right).
    assert cue_box(area, CueSettings(align="start", size=25.0)) == (0.0, 250.0)
    assert cue_box(area, CueSettings(align="end", size=25.0)) == (750.0, 250.0)
    assert cue_box(area, CueSettings(size=0.0))[1] == 0.0
