"""The transcript panel: following the video, manual scroll, Follow video, seeking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QApplication

from captions.model import Cue, Track
from media.model import Segment
from player.transcript.panel import TranscriptPanel

STORY = Segment(
    "own-stories", "storytelling", "Telling their own stories", 39_000, 50_000,
    "Storyteller", "A storyteller, community consultant (test stand-in)",
)  # fmt: skip
FIRST_STORY_ROW = 20  # the first cue starting inside the story (at 40 s)


def long_track(count: int = 300) -> Track:
    """Cues every 2 s (1.5 s long), a voice change every 10 cues."""
    cues = []
    for number in range(count):
        voice = "Narrator" if (number // 10) % 2 == 0 else "Storyteller"
        plain = f"Cue number {number} says something about trust."
        start = number * 2_000
        cues.append(
            Cue(start, start + 1_500, f"<v {voice}>{plain}", plain, voice=voice)
        )
    return Track(tuple(cues))


def row_of(ms: int) -> int:
    return ms // 2_000


@pytest.fixture
def panel(qtbot) -> TranscriptPanel:  # type: ignore[no-untyped-def]
    shown = TranscriptPanel()
    qtbot.addWidget(shown)
    shown.resize(420, 320)
    shown.set_track(long_track(), [STORY])
    shown.show()
    qtbot.waitExposed(shown)
    view = shown.view
    qtbot.waitUntil(lambda: view.visualRect(shown.model.index(0)).isValid())
    return shown


def row_visible(panel: TranscriptPanel, row: int) -> bool:
    rect = panel.view.visualRect(panel.model.index(row))
    return rect.isValid() and panel.view.viewport().rect().intersects(rect)


def wheel(panel: TranscriptPanel, steps: int) -> None:
    viewport = panel.view.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(),
        QPoint(0, -120 * steps), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, event)


def test_follows_the_video_and_marks_the_cue_as_current_item(panel) -> None:  # type: ignore[no-untyped-def]
    panel.set_position(400_100)
    row = row_of(400_100)
    assert panel.following
    assert row_visible(panel, row)
    assert panel.view.currentIndex().row() == row
    assert panel.view.selectionModel().isSelected(panel.model.index(row))
    assert not panel.follow_button.isEnabled()


def test_wheel_stops_following_and_follow_button_resumes(panel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.set_position(300_000)
    wheel(panel, 6)
    assert not panel.following
    assert panel.follow_button.isEnabled()
    assert panel.follow_button.isVisible()
    value = panel.view.verticalScrollBar().value()
    panel.set_position(500_000)
    assert panel.view.verticalScrollBar().value() == value
    assert not row_visible(panel, row_of(500_000))
    qtbot.mouseClick(panel.follow_button, Qt.MouseButton.LeftButton)
    assert panel.following
    assert row_visible(panel, row_of(500_000))
    assert not panel.follow_button.isEnabled()


def test_scrollbar_drag_and_page_keys_stop_following(panel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.set_position(100_000)
    panel.view.verticalScrollBar().triggerAction(
        QAbstractSlider.SliderAction.SliderPageStepAdd
    )
    assert not panel.following
    panel.resume_following()
    assert panel.following
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_PageUp)
    assert not panel.following


def test_following_scroll_is_not_taken_for_a_user_scroll(panel) -> None:  # type: ignore[no-untyped-def]
    bar = panel.view.verticalScrollBar()
    for ms in range(0, 600_000, 20_000):
        panel.set_position(ms)
        assert panel.following
    assert bar.value() > 0


def test_click_on_a_cue_seeks_to_its_start(panel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.set_position(0)
    rect = panel.view.visualRect(panel.model.index(2))
    with qtbot.waitSignal(panel.seek_requested) as seek:
        qtbot.mouseClick(
            panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert seek.args == [4_000]


def test_double_click_seeks_to_the_cue(panel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.set_position(0)
    rect = panel.view.visualRect(panel.model.index(3))
    seeks: list[int] = []
    panel.seek_requested.connect(seeks.append)
    qtbot.mouseDClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert seeks and set(seeks) == {6_000}


def test_enter_on_the_focused_cue_seeks(panel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.set_position(0)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.seek_requested) as seek:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert seek.args == [4_000]


def test_choosing_a_cue_resumes_following(panel, qtbot) -> None:  # type: ignore[no-untyped-def]
    wheel(panel, 3)
    assert not panel.following
    panel.view.setCurrentIndex(panel.model.index(5))
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Enter)
    assert panel.following


def test_click_on_the_story_header_seeks_to_the_segment_start(panel, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = FIRST_STORY_ROW
    panel.set_position(STORY.start_ms)
    rect = panel.view.visualRect(panel.model.index(first))
    with qtbot.waitSignal(panel.seek_requested) as seek:
        qtbot.mouseClick(
            panel.view.viewport(), Qt.MouseButton.LeftButton,
            pos=QPoint(rect.center().x(), rect.top() + 8),
        )  # fmt: skip
    assert seek.args == [STORY.start_ms]


def test_story_header_row_is_taller_than_a_plain_row(panel) -> None:  # type: ignore[no-untyped-def]
    view = panel.view
    view.follow_row(FIRST_STORY_ROW, always=True)  # on screen: off it a row has no rect
    header = view.visualRect(panel.model.index(FIRST_STORY_ROW))
    plain = view.visualRect(panel.model.index(FIRST_STORY_ROW + 1))
    assert header.height() > plain.height() * 2


def test_text_scale_makes_rows_taller(panel, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = panel.view
    before = view.visualRect(panel.model.index(1)).height()
    panel.set_text_scale(200)
    assert panel.text_scale() == 200
    qtbot.waitUntil(lambda: view.visualRect(panel.model.index(1)).height() > before)


def test_no_track_shows_a_message(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = TranscriptPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_track(None, ())
    assert panel.empty_label.isVisible()
    assert not panel.view.isVisible()
    panel.set_position(5_000)


def test_controls_have_accessible_names(panel) -> None:  # type: ignore[no-untyped-def]
    assert panel.view.accessibleName() == "Transcript"
    assert panel.follow_button.accessibleName() == "Follow video"
    assert panel.follow_button.text() == "Follow video"
    for widget in (panel.find_bar.field, panel.find_bar.next_button):
        assert widget.accessibleName()
        assert widget.toolTip()


def test_enter_on_the_story_header_row_plays_the_story_from_its_start(
    panel, qtbot
) -> None:  # type: ignore[no-untyped-def]
    first = FIRST_STORY_ROW
    panel.view.setCurrentIndex(panel.model.index(first))
    panel.view.setFocus()
    with qtbot.waitSignal(panel.seek_requested) as seek:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert seek.args == [STORY.start_ms]
