"""A ten-hour transcript shows at once: only the rows on screen are ever measured."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from test_transcript_panel import FIRST_STORY_ROW, STORY, long_track

from captions.model import Cue, Track
from player.transcript.panel import TranscriptPanel

ROWS = 20_000
SCREENFUL = 200  # far more rows than the panel can show


def ten_hour_track() -> Track:
    cues = []
    for number in range(ROWS):
        plain = f"Line {number} of a long talk about listening, long enough to wrap."
        start = number * 1_800
        cues.append(Cue(start, start + 1_500, plain, plain))
    return Track(tuple(cues))


TRACK = ten_hour_track()


@pytest.fixture
def panel(qtbot) -> TranscriptPanel:  # type: ignore[no-untyped-def]
    shown = TranscriptPanel()
    qtbot.addWidget(shown)
    shown.resize(420, 320)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def count_measures(panel: TranscriptPanel) -> list[int]:
    """Rows the delegate measures from now on (each once per width)."""
    delegate = panel.view.transcript_delegate
    measured: list[int] = []
    geometry = delegate.geometry

    def noting(row: int, width: int):  # type: ignore[no-untyped-def]
        measured.append(row)
        return geometry(row, width)

    delegate.geometry = noting  # type: ignore[method-assign]
    return measured


def top_row(panel: TranscriptPanel) -> int:
    return panel.view.indexAt(QPoint(1, 1)).row()


def test_a_long_track_is_drawn_measuring_only_a_screenful(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    measured = count_measures(panel)
    painted: list[int] = []
    delegate = panel.view.transcript_delegate
    paint = delegate.paint

    def noting(painter, option, index):  # type: ignore[no-untyped-def]
        painted.append(index.row())
        paint(painter, option, index)

    delegate.paint = noting  # type: ignore[method-assign]
    panel.set_track(TRACK)
    qtbot.waitUntil(lambda: 0 in painted)
    assert 0 < len(set(measured)) < SCREENFUL
    assert top_row(panel) == 0


def test_the_current_row_deep_in_the_track_shows_from_the_first_frame(
    qtbot,
    panel,  # type: ignore[no-untyped-def]
) -> None:
    measured = count_measures(panel)
    panel.set_track(TRACK)
    row = 15_000
    panel.set_position(row * 1_800 + 100)
    qtbot.waitUntil(lambda: panel.view.viewport().isVisible())
    rect = panel.view.visualRect(panel.model.index(row))
    height = panel.view.viewport().height()
    assert rect.isValid() and 0 < rect.top() <= height * 0.3
    assert panel.view.selectionModel().isSelected(panel.model.index(row))
    assert len(set(measured)) < SCREENFUL


def test_following_a_far_row_again_measures_a_screenful_more(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.set_track(TRACK)
    panel.set_position(100)
    measured = count_measures(panel)
    panel.set_position(18_000 * 1_800 + 100)
    assert panel.view.verticalScrollBar().value() > 17_990
    panel.set_position(3_000 * 1_800 + 100)
    assert 2_990 < panel.view.verticalScrollBar().value() <= 3_000
    assert len(set(measured)) < 2 * SCREENFUL


def test_a_narrower_view_wraps_the_shown_rows_anew(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.set_track(TRACK)
    panel.set_position(5_000 * 1_800 + 100)
    index = panel.model.index(5_000)
    wide = panel.view.visualRect(index).height()
    panel.resize(220, 320)
    qtbot.waitUntil(lambda: panel.view.visualRect(index).height() > wide)
    rect = panel.view.visualRect(index)
    needed = panel.view.transcript_delegate.geometry(5_000, rect.width()).total
    assert rect.height() == needed  # not the height measured at the old width


def test_marking_every_match_repaints_without_measuring_every_row(
    qtbot,
    panel,  # type: ignore[no-untyped-def]
) -> None:
    panel.set_track(TRACK)
    qtbot.waitUntil(lambda: panel.view.visualRect(panel.model.index(0)).isValid())
    measured = count_measures(panel)
    panel.model.set_matches([(row, 0, 4) for row in range(ROWS)])
    panel.model.set_matches([])
    assert len(set(measured)) < SCREENFUL


def test_end_and_home_keys_jump_without_measuring_the_rows_between(
    qtbot,
    panel,  # type: ignore[no-untyped-def]
) -> None:
    panel.set_track(TRACK)
    panel.set_position(100)
    panel.view.setFocus()
    measured = count_measures(panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_End)
    assert panel.view.currentIndex().row() == ROWS - 1
    assert panel.view.visualRect(panel.view.currentIndex()).isValid()
    qtbot.keyClick(panel.view, Qt.Key.Key_Home)
    assert panel.view.currentIndex().row() == 0
    assert top_row(panel) == 0
    assert len(set(measured)) < 2 * SCREENFUL


def test_a_short_track_scrolls_per_pixel_so_a_tall_row_is_read_to_its_end(
    qtbot,
    panel,  # type: ignore[no-untyped-def]
) -> None:
    panel.resize(300, 320)
    panel.set_track(long_track(), [STORY])
    panel.set_text_scale(200)  # the story's header row is now taller than the view
    view = panel.view
    index = panel.model.index(FIRST_STORY_ROW)
    view.follow_row(FIRST_STORY_ROW, always=True)
    qtbot.waitUntil(lambda: view.visualRect(index).height() > view.viewport().height())
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.visualRect(index).height() // 2)
    rect = view.visualRect(index)
    assert rect.top() < 0 < rect.bottom() < view.viewport().height() * 1.5
    assert TRACK is not None and len(TRACK) > 2_000  # the long one scrolls per row
    panel.set_track(TRACK)
    assert view.verticalScrollMode() == view.ScrollMode.ScrollPerItem
    measured = count_measures(panel)
    panel.set_track(
        long_track(), [STORY]
    )  # back to short: the long rows stay unmeasured
    assert view.verticalScrollMode() == view.ScrollMode.ScrollPerPixel
    assert all(row < 300 for row in measured)
