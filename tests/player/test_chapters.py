"""Chapters follow playback: the list marks the chapter playing, Ctrl+Shift+Left /
Right go to the previous / next chapter, and the seek bar shows the boundaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow

from player.core.actions import SPECS, PlayerActions
from player.shell.features import show_chapters_on_seek_bar
from player.shell.help_dialog import HelpDialog
from player.shell.transport import Transport
from player.video.chapters import CURRENT_CHAPTER
from player.video.navigation_feature import ModuleNavigation

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
# The test module's chapters: Welcome at 0, The story at 7.13 s, Safety at 12.33 s.


@pytest.fixture
def chaptered(rig, module_folder: Path):  # type: ignore[no-untyped-def]
    transport = rig.add(Transport(rig.ctx))
    navigation = rig.add(ModuleNavigation(rig.ctx))
    show_chapters_on_seek_bar(navigation, transport)
    rig.video()
    rig.place(transport.controls)
    rig.place(navigation.chapters, 1)
    rig.open(module_folder)
    return rig, navigation.chapters, transport.controls


def current_row_facts(chapters) -> tuple[int, bool, bool, str]:  # type: ignore[no-untyped-def]
    """(current row, selected, bold, accessible description) of the chapter list."""
    view = chapters.list
    item = view.currentItem()
    description = item.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    return view.currentRow(), item.isSelected(), item.font().bold(), description


def test_the_chapter_playing_is_marked_as_the_video_plays(chaptered) -> None:  # type: ignore[no-untyped-def]
    rig, chapters, _controls = chaptered
    assert current_row_facts(chapters) == (0, True, True, CURRENT_CHAPTER)
    rig.playback.advance_to(8_000)
    assert current_row_facts(chapters) == (1, True, True, CURRENT_CHAPTER)
    assert not chapters.list.currentItem().icon().isNull(), "a play mark, too"
    first = chapters.list.item(0)
    assert not first.isSelected() and not first.font().bold()
    assert not first.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    rig.playback.advance_to(13_000)
    assert current_row_facts(chapters)[0] == 2


def test_a_reader_in_the_list_keeps_their_place(chaptered, qtbot) -> None:  # type: ignore[no-untyped-def]
    rig, chapters, _controls = chaptered
    chapters.list.setFocus()
    qtbot.waitUntil(chapters.list.hasFocus)
    rig.playback.advance_to(8_000)
    assert chapters.list.currentRow() == 0, "focus stays where the reader is"
    playing = chapters.list.item(1)
    assert playing.font().bold()
    assert playing.data(Qt.ItemDataRole.AccessibleDescriptionRole) == CURRENT_CHAPTER
    assert chapters.current_index() == 1


def test_a_seek_moves_the_mark(chaptered) -> None:  # type: ignore[no-untyped-def]
    rig, chapters, _controls = chaptered
    rig.playback.advance_to(13_000)
    rig.playback.seek(1_000)
    assert current_row_facts(chapters)[:2] == (0, True)


def test_a_screen_reader_gets_the_current_chapter(chaptered) -> None:  # type: ignore[no-untyped-def]
    rig, chapters, controls = chaptered
    rig.playback.advance_to(8_000)
    view = QAccessible.queryAccessibleInterface(chapters.list)
    cells = [view.child(i) for i in range(view.childCount())]
    story = next(
        c for c in cells if c.text(QAccessible.Text.Name).startswith("The story")
    )
    assert story.text(QAccessible.Text.Description) == CURRENT_CHAPTER
    assert story.state().selected
    slider = controls.seek_slider.accessibleDescription()
    assert slider.endswith("Chapter 2 of 3: The story")


def test_ctrl_shift_right_and_left_go_to_the_next_and_previous_chapter(
    chaptered, qtbot
) -> None:  # type: ignore[no-untyped-def]
    rig, chapters, _controls = chaptered
    rig.playback.seek(1_000)
    qtbot.keyClick(rig.host, Qt.Key.Key_Right, CTRL_SHIFT)
    assert rig.playback.position() == 7_130
    assert rig.ctx.notify.shown() == "Chapter 2 of 3: The story"
    qtbot.keyClick(rig.host, Qt.Key.Key_Right, CTRL_SHIFT)
    assert rig.playback.position() == 12_330
    qtbot.keyClick(rig.host, Qt.Key.Key_Right, CTRL_SHIFT)
    assert rig.playback.position() == 12_330, "after the last chapter: stays"
    assert rig.ctx.notify.shown() == "This is the last chapter"
    rig.playback.advance_to(16_000)  # more than 3 s into Safety: back to its start
    qtbot.keyClick(rig.host, Qt.Key.Key_Left, CTRL_SHIFT)
    assert rig.playback.position() == 12_330
    qtbot.keyClick(
        rig.host, Qt.Key.Key_Left, CTRL_SHIFT
    )  # at its start: the one before
    assert rig.playback.position() == 7_130
    assert current_row_facts(chapters)[0] == 1


def test_the_chapter_keys_leave_a_text_field_its_word_selection(
    chaptered, qtbot
) -> None:  # type: ignore[no-untyped-def]
    rig, _chapters, _controls = chaptered
    field = rig.place(QLineEdit("two words", rig.host))
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    field.setCursorPosition(0)
    rig.playback.seek(1_000)
    qtbot.keyClick(field, Qt.Key.Key_Right, CTRL_SHIFT)
    assert rig.playback.position() == 1_000
    assert field.selectedText().strip() == "two"


def test_the_chapter_keys_clash_with_no_other_key() -> None:
    keys = [key for spec in SPECS for key in spec.keys]
    for key in ("Ctrl+Shift+Left", "Ctrl+Shift+Right"):
        assert keys.count(key) == 1


def test_the_seek_bar_marks_each_chapter_boundary(chaptered) -> None:  # type: ignore[no-untyped-def]
    _rig, _chapters, controls = chaptered
    slider = controls.seek_slider
    assert slider.chapter_marks() == (7_130, 12_330)
    for height in (22, 40):  # the painting follows the slider's size
        slider.setFixedHeight(height)
        slider.resize(400, height)
        xs = slider.mark_positions()
        assert len(xs) == 2 and 0 < xs[0] < xs[1] < slider.width()
        assert 0.25 < xs[0] / slider.width() < 0.5, "7.13 s of 20 s: a third along"
        image = slider.grab().toImage()
        tick = QColor(slider.palette().color(QPalette.ColorRole.WindowText))
        for x in xs:
            column = [QColor(image.pixel(x, y)) for y in range(image.height())]
            assert sum(c == tick for c in column) >= height // 3, (height, x)


def test_help_and_readme_give_the_chapter_keys_and_the_3_second_rule(qtbot) -> None:  # type: ignore[no-untyped-def]
    host = QMainWindow()
    qtbot.addWidget(host)
    rows = dict(PlayerActions(host).rows())
    assert rows["Ctrl+Shift+Left"] == "Previous chapter"
    assert rows["Ctrl+Shift+Right"] == "Next chapter"
    dialog = HelpDialog(list(rows.items()), host)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "more than 3 seconds into it" in texts
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "| Ctrl+Shift+Left / Ctrl+Shift+Right | Previous / next chapter" in readme
    assert "more than 3 seconds" in readme


def test_under_a_caption_delay_the_story_chapter_lands_on_the_story(chaptered) -> None:  # type: ignore[no-untyped-def]
    """Chapters are video time, a story's cues caption time: with captions 500 ms
    later, the story's chapter starts 500 ms later in the video."""
    rig, chapters, _controls = chaptered
    view = rig.video().view
    rig.ctx.clock.set_delay(500)
    story = chapters.list.item(1)
    assert story.data(Qt.ItemDataRole.UserRole) == 7_630
    chapters.list.itemActivated.emit(story)
    assert rig.playback.position() == 7_630
    assert view.attribution_text(), "the story's credit shows at once"
    assert chapters.list.item(2).data(Qt.ItemDataRole.UserRole) == 12_330


def test_a_focused_playing_seek_slider_keeps_its_chapter_until_playback_stops(
    qtbot,
) -> None:  # type: ignore[no-untyped-def]
    """A screen reader speaks a focused control's new description: the playing seek
    slider must stay quiet under the captions, so the chapter waits for a pause."""
    from player.playback.controls import Controls

    controls = Controls()
    qtbot.addWidget(controls)
    controls.show()
    qtbot.waitExposed(controls)
    controls.set_chapter_description("Chapter 1 of 2: First")
    controls.seek_slider.setFocus()
    qtbot.waitUntil(controls.seek_slider.hasFocus)
    controls.set_playing(True)
    controls.set_chapter_description("Chapter 2 of 2: Second")
    assert controls.seek_slider.accessibleDescription() == "Chapter 1 of 2: First"
    controls.set_playing(False)
    assert controls.seek_slider.accessibleDescription() == "Chapter 2 of 2: Second"


def test_a_seek_into_another_chapter_is_said_once_with_its_chapter(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Paused, a seek across a chapter start changes the focused slider's
    description, which a screen reader reads with the new time: the time is then
    not said a second time. Within a chapter, or while playing (the description
    waits), the time is said."""
    from player.playback.controls import Controls

    controls = Controls()
    qtbot.addWidget(controls)
    controls.show()
    qtbot.waitExposed(controls)
    controls.set_duration(200_000)
    controls.set_chapter_marks([0, 181_000])
    controls.set_position(172_000)
    controls.set_chapter_description("Chapter 1 of 2: First")
    slider = controls.seek_slider
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    said: list[str] = []
    controls.seek_said.connect(said.append)
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # 2:52 to 2:57, the same chapter
    assert said == ["2 minutes 57 seconds of 3 minutes 20 seconds"]
    controls.set_position(177_000)
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # to 3:02, the next chapter
    assert len(said) == 1, "the new description says the time with the chapter"
    controls.set_position(182_000)
    controls.set_chapter_description("Chapter 2 of 2: Second")
    assert slider.accessibleDescription() == "Chapter 2 of 2: Second"
    qtbot.keyClick(slider, Qt.Key.Key_Left)  # back to 2:57: chapter 1 again
    assert len(said) == 1
    controls.set_position(177_000)
    controls.set_chapter_description("Chapter 1 of 2: First")
    controls.set_playing(True)
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # playing: the description waits
    assert said[-1] == "3 minutes 2 seconds of 3 minutes 20 seconds"
