"""Choosing a transcript line plays from it; reading through the lines does not.

What YouTube's and Kaltura's transcripts do, and what README and Help promise: a
click, Enter or a double-click on a line plays from its cue; a screen-reader user
moving through the lines with the arrow keys only reads them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from player.core.actions import OTHER_KEYS
from player.transcript.transcript_feature import TranscriptFeature


@pytest.fixture
def reader(rig, module_folder: Path, qtbot):  # type: ignore[no-untyped-def]
    feature = rig.add(TranscriptFeature(rig.ctx))
    rig.place(feature.panel, 1)
    rig.open(module_folder)
    panel = feature.panel
    view = panel.view
    last = panel.model.index(panel.model.rowCount() - 1)
    qtbot.waitUntil(lambda: view.visualRect(last).isValid())
    rig.playback.calls.clear()
    return rig, panel


def test_arrow_keys_read_lines_without_seeking_or_playing(reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    rig, panel = reader
    panel.view.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown):
        qtbot.keyClick(panel.view, key)
    assert panel.view.currentIndex().row() > 0, "the arrows moved through the lines"
    assert rig.playback.calls == []
    assert not rig.playback.is_playing()


def test_enter_on_a_line_plays_from_its_cue(reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    rig, panel = reader
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    row = panel.view.currentIndex().row()
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert rig.playback.position() == panel.model.cue(row).start_ms
    assert rig.playback.is_playing()
    assert rig.playback.calls[-1] == ("play", None)


def test_a_click_on_a_line_plays_from_its_cue(reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    rig, panel = reader
    rect = panel.view.visualRect(panel.model.index(2))
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert rig.playback.position() == panel.model.cue(2).start_ms
    assert rig.playback.is_playing()


def test_a_double_click_plays_from_the_line(reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    rig, panel = reader
    rect = panel.view.visualRect(panel.model.index(5))
    qtbot.mouseDClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert rig.playback.position() == panel.model.cue(5).start_ms
    assert rig.playback.is_playing()


def test_enter_on_a_find_match_plays_from_it(reader, qtbot) -> None:  # type: ignore[no-untyped-def]
    rig, panel = reader
    panel.open_find()
    qtbot.keyClicks(panel.find_bar.field, "safety")
    qtbot.waitUntil(lambda: panel.find_bar.count_label.text() == "1 of 1")
    qtbot.keyClick(panel.find_bar.field, Qt.Key.Key_Return)
    assert rig.playback.position() == 14_010
    assert rig.playback.is_playing()


def test_help_says_what_enter_and_the_arrows_do() -> None:
    keys = dict(OTHER_KEYS)
    assert keys["Enter (on a transcript line)"] == "Play from that line"
    assert "without" in keys["Up / Down (in the transcript)"]


def test_the_readme_promises_the_same() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "press **Enter**, to play\nfrom there" in readme
