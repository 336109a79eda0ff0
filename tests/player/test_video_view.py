"""Captions over the video: what shows, where, and the attribution line."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from captions.model import Cue, CueSettings, Track
from media.model import Segment
from player.video.caption_layout import Box, place_captions
from player.video.text_box import CAPTION_BACKGROUND, CAPTION_TEXT
from player.video.video_view import VideoView

STORY = Segment(
    "story",
    "storytelling",
    "Own stories",
    10_000,
    20_000,
    "Teller",
    "A teller, of a place",
)


def cue(start: int, end: int, text: str, **settings: object) -> Cue:
    return Cue(start, end, text, text, settings=CueSettings(**settings))  # type: ignore[arg-type]


@pytest.fixture
def view(qtbot) -> VideoView:
    shown = VideoView()
    qtbot.addWidget(shown)
    shown.resize(640, 400)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_captions_change_exactly_at_cue_times(view: VideoView) -> None:
    view.set_tracks([Track((cue(1_000, 2_000, "one"), cue(2_000, 3_000, "two")))])
    seen: list[tuple[int, list[int]]] = []
    view.captions_shown.connect(lambda ms, indices: seen.append((ms, indices)))
    for ms in (999, 1_000, 1_999, 2_000, 3_000):
        view.set_position(ms)
    assert seen == [(1_000, [0]), (2_000, [1]), (3_000, [])]
    assert view.displayed_cues() == []


def test_two_overlapping_cues_both_show_stacked(view: VideoView) -> None:
    view.set_tracks(
        [Track((cue(0, 5_000, "first speaker"), cue(1_000, 4_000, "second speaker")))]
    )
    view.set_position(2_000)
    assert [c.text for c in view.displayed_cues()] == [
        "first speaker",
        "second speaker",
    ]
    first, second = view.caption_boxes()
    assert not first.intersects(second)
    assert second.bottom() <= first.top(), "the later cue stacks above the earlier one"
    assert first.bottom() > view.viewport().height() * 0.75, (
        "captions sit at the bottom"
    )


def test_cue_text_is_data_never_markup(view: VideoView) -> None:
    raw = '<img src="file:///etc/passwd"><b>bold</b> &lt;tag&gt;'
    view.set_tracks([Track((Cue(0, 1_000, raw, "bold <tag>"),))])
    view.set_position(10)
    html = view._caption_items[0].text.toHtml()
    assert "<img" not in html and "passwd" not in html
    assert view._caption_items[0].text.toPlainText() == "bold <tag>"


def test_attribution_shows_inside_the_story_and_captions_stay_above_it(
    qtbot, view: VideoView
) -> None:
    view.set_tracks(
        [Track((cue(9_000, 21_000, "a long caption over the story boundary"),))]
    )
    view.set_segments([STORY])
    view.set_position(9_500)
    assert view.attribution_text() is None
    below = view.caption_boxes()[0]
    with qtbot.waitSignal(view.segment_changed) as blocker:
        view.set_position(10_000)
    assert blocker.args == [STORY]
    assert view.attribution_text() == STORY.attribution
    assert view.attribution.isVisible()
    caption = view.caption_boxes()[0]
    assert caption.bottom() <= view.attribution_rect().top()
    assert caption.top() < below.top(), "the caption moved up to clear the attribution"
    assert "A teller" in view.accessibleDescription()
    view.set_position(20_000)
    assert view.attribution_text() is None and not view.attribution.isVisible()


def test_explicit_line_setting_is_honoured_and_band_mode_ignores_it(
    view: VideoView,
) -> None:
    view.set_tracks([Track((cue(0, 1_000, "top", line=0.0),))])
    view.set_position(0)
    assert view.caption_boxes()[0].top() < view.viewport().height() * 0.2
    view.set_caption_mode("band")
    box = view.caption_boxes()[0]
    assert box.top() >= view.video_item.boundingRect().bottom() - 1


def test_default_caption_style_passes_seven_to_one_over_any_video() -> None:
    def luminance(color: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    alpha = CAPTION_BACKGROUND.alphaF()
    worst = QColor.fromRgbF(*(alpha * c + (1 - alpha) * 1.0 for c in (0.0, 0.0, 0.0)))
    ratio = (luminance(CAPTION_TEXT) + 0.05) / (luminance(worst) + 0.05)
    assert ratio >= 7.0


def test_caption_size_scales(view: VideoView) -> None:
    view.set_tracks([Track((cue(0, 1_000, "size"),))])
    view.set_position(0)
    small = view.caption_boxes()[0].height()
    view.set_caption_scale(2.0)
    assert view.caption_boxes()[0].height() > small * 1.6


def test_layout_keeps_the_reserved_strip_clear() -> None:
    area = Box(0, 0, 400, 300)
    boxes = place_captions(
        area, [(200, 40), (150, 40)], [CueSettings(), CueSettings()], reserved_bottom=50
    )
    assert all(b.bottom <= 300 - 50 for b in boxes)
    assert boxes[1].bottom <= boxes[0].y
    right = place_captions(
        area, [(100, 20)], [CueSettings(position=90.0, align="end")]
    )[0]
    assert right.x + right.width <= 400 and right.x > 200


def test_while_the_story_plays_the_video_describes_it(view: VideoView) -> None:
    """Orca reads a focused video's new description; the story is said to every
    screen reader by player/accessibility/story_announcer.py."""
    view.set_segments([STORY])
    view.set_position(5_000)
    assert "Story" not in view.accessibleDescription()
    view.set_position(10_000)
    assert view.accessibleDescription() == "Story: Own stories. A teller, of a place"
    view.set_position(25_000)
    assert view.accessibleDescription().startswith("Video with captions.")


def test_in_a_small_picture_captions_shrink_to_stay_clear_of_the_credit(
    qtbot, view: VideoView
) -> None:
    words = "a caption of many words that wraps onto several lines here"
    view.set_tracks([Track((cue(9_000, 21_000, words),))])
    view.set_segments([STORY])
    view.set_position(15_000)
    roomy = view.caption_boxes()[0].height()
    view.resize(200, 110)
    qtbot.waitUntil(lambda: view.viewport().height() <= 110)
    credit = view.attribution_rect()
    for box in view.caption_boxes():
        assert box.bottom() <= credit.top(), "the credit line is never covered"
        assert box.top() >= 0
    view.resize(640, 400)
    qtbot.waitUntil(lambda: view.viewport().height() > 300)
    assert view.caption_boxes()[0].height() == roomy, "the learner's size when room"


def test_without_a_story_a_small_picture_keeps_the_learner_s_caption_size(
    qtbot, view: VideoView
) -> None:
    words = "a caption of many words that wraps onto several lines here"
    view.set_tracks([Track((cue(0, 5_000, words), cue(0, 5_000, words)))])
    view.resize(200, 110)
    qtbot.waitUntil(lambda: view.viewport().height() <= 110)
    view.set_position(1_000)
    font = view._caption_items[0].text.font()
    assert font.pixelSize() == 14, "only a credit line to keep clear shrinks captions"
