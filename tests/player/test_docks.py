"""Panels as docks: shown, hidden, tabbed, moved, floated and widened by keyboard,
kept per layout in the settings; on a bench of stand-in panels (dock_bench.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from dock_bench import DockBench, named_list, stand_in
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication

from player.core.contribution import (
    CHAPTERS,
    DESCRIPTIONS,
    DISCUSSION,
    LEFT,
    NOTES,
    TRANSCRIPT,
    VIDEOS,
    Panel,
)
from player.core.setting_keys import (
    LAYOUT,
    LAYOUT_PANELS,
    LAYOUT_STATE,
    WINDOW_GEOMETRY,
)
from player.core.settings import application_settings
from player.shell.placement import PLACES

RIGHT_AREA = Qt.DockWidgetArea.RightDockWidgetArea


@pytest.fixture
def make_bench(qtbot) -> Callable[..., DockBench]:  # type: ignore[no-untyped-def]
    return lambda *extra: DockBench(extra).show(qtbot)


@pytest.fixture
def bench(make_bench) -> DockBench:  # type: ignore[no-untyped-def]
    return make_bench()


def test_every_panel_is_a_named_dock_with_an_entry_and_keys(bench) -> None:
    menu = bench.actions.menus["View/Panels"]
    entries = [a for a in menu.actions() if not a.isSeparator()][: len(PLACES)]
    assert [a.objectName() for a in entries] == [
        f"action_{place.toggle}" for place in PLACES.values()
    ]
    keys = [a.shortcuts()[-1].toString() for a in entries]
    assert keys == [f"Ctrl+{n}" for n in range(1, 8)]
    help_rows = dict(bench.actions.rows())
    assert help_rows["T, Ctrl+1"] == "Transcript panel on/off"
    assert help_rows["F6"] == "Next panel"
    for name, dock in bench.docks.items():
        assert dock.objectName() == PLACES[name].dock
        assert dock.accessibleName() == dock.windowTitle()
        assert (
            dock.title_bar.close_button.accessibleName()
            == f"Close {dock.windowTitle()}"
        )


def test_the_learner_layout_tabs_videos_behind_chapters(bench) -> None:
    docks, actions = bench.docks, bench.actions
    assert bench.window.dockWidgetArea(docks[TRANSCRIPT]) == RIGHT_AREA
    assert docks[VIDEOS] in bench.window.tabifiedDockWidgets(docks[CHAPTERS])
    assert docks[CHAPTERS].on_screen() and docks[VIDEOS].behind()
    assert not bench.lists[VIDEOS].isVisible(), "nothing of a tab behind is shown"
    assert not docks[NOTES].isVisible() and not docks[DISCUSSION].isVisible()
    assert not actions["videos_panel"].isChecked(), "behind a tab: not checked"
    assert actions["chapters_panel"].isChecked() and actions["transcript"].isChecked()


def test_an_entry_brings_a_tab_forward_then_hides_it(qtbot, bench) -> None:
    videos, entry = bench.docks[VIDEOS], bench.actions["videos_panel"]
    entry.trigger()
    assert videos.on_screen() and entry.isChecked()
    assert not bench.actions["chapters_panel"].isChecked()
    qtbot.waitUntil(lambda: bench.lists[VIDEOS].hasFocus())
    entry.trigger()
    assert videos.isHidden() and not entry.isChecked() and not videos.wanted
    qtbot.waitUntil(lambda: bench.docks[CHAPTERS].on_screen())


def test_the_close_button_hides_the_panel_as_its_entry_does(bench) -> None:
    transcript = bench.docks[TRANSCRIPT]
    transcript.title_bar.close_button.click()
    assert transcript.isHidden() and not bench.actions["transcript"].isChecked()
    bench.actions["transcript"].trigger()
    assert transcript.on_screen()


def test_a_panel_with_nothing_to_show_goes_and_its_entry_is_off(bench) -> None:
    chapters, entry = bench.docks[CHAPTERS], bench.actions["chapters_panel"]
    chapters.panel.widget.hide()  # a video without chapters
    assert chapters.isHidden() and not entry.isEnabled()
    chapters.panel.widget.show()
    assert not chapters.isHidden() and entry.isEnabled()


def test_descriptions_show_when_turned_on_and_their_close_turns_them_off(bench) -> None:
    dock, entry = bench.docks[DESCRIPTIONS], bench.actions["descriptions"]
    assert dock.isHidden(), "descriptions start off"
    entry.trigger()
    assert dock.on_screen() and bench.description.isVisible()
    assert bench.window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    dock.title_bar.close_button.click()
    assert not entry.isChecked() and not bench.description.isVisible()


def test_full_screen_keeps_video_description_and_discussion(bench) -> None:
    bench.layouts.choose("facilitator")
    docks = bench.docks
    bench.actions["descriptions"].trigger()
    bench.placement.set_full_screen(True)
    assert [n for n, d in docks.items() if not d.isHidden()] == [
        DESCRIPTIONS,
        DISCUSSION,
    ], "the notes are private, the rest leaves the video room"
    bench.actions["transcript"].trigger()  # T in full screen: it comes back
    assert docks[TRANSCRIPT].on_screen()
    bench.placement.set_full_screen(False)
    assert all(not docks[n].isHidden() for n in (NOTES, CHAPTERS, TRANSCRIPT))


def test_f6_goes_round_the_video_and_the_panels_on_screen(qtbot, bench) -> None:
    bench.video.setFocus()
    qtbot.waitUntil(bench.video.hasFocus)
    visits = []
    for _ in range(3):
        bench.actions["next_panel"].trigger()
        visits.append(QApplication.focusWidget())
    assert visits == [bench.lists[TRANSCRIPT], bench.lists[CHAPTERS], bench.video]
    bench.actions["previous_panel"].trigger()
    assert QApplication.focusWidget() is bench.lists[CHAPTERS]


def test_keys_widen_and_narrow_the_transcript(qtbot, bench) -> None:
    transcript = bench.docks[TRANSCRIPT]
    before, step = transcript.width(), bench.window.width() // 10
    bench.actions["wider_panel"].trigger()  # with the video focused: the transcript
    qtbot.waitUntil(lambda: abs(transcript.width() - (before + step)) <= 2)
    assert bench.ctx.notify.shown() == "Transcript panel wider"
    bench.actions["narrower_panel"].trigger()
    qtbot.waitUntil(lambda: abs(transcript.width() - before) <= 2)
    assert bench.ctx.notify.shown() == "Transcript panel narrower"


def test_keys_move_the_panel_round_the_sides_and_float_it(qtbot, bench) -> None:
    window, transcript = bench.window, bench.docks[TRANSCRIPT]
    bench.placement.focus_panel(transcript)
    sides = []
    for _ in range(4):
        bench.actions["move_panel"].trigger()
        sides.append(window.dockWidgetArea(transcript))
    area = Qt.DockWidgetArea
    assert sides == [area.BottomDockWidgetArea, area.LeftDockWidgetArea,
                     area.TopDockWidgetArea, area.RightDockWidgetArea]  # fmt: skip
    assert bench.ctx.notify.shown() == "Transcript panel moved to the right"
    bench.actions["float_panel"].trigger()
    assert transcript.isFloating() and transcript.on_screen()
    free = window.screen().availableGeometry()
    assert free.contains(transcript.frameGeometry()), "a floating panel on screen"
    assert transcript.title_bar.float_button.accessibleName() == "Dock Transcript"
    bench.actions["float_panel"].trigger()
    assert not transcript.isFloating() and bench.lists[TRANSCRIPT].hasFocus()


def test_the_tab_order_follows_where_the_panels_are(bench) -> None:
    order = bench.placement.tab_order()
    transcript, video = bench.lists[TRANSCRIPT], bench.video
    assert order.index(video) < order.index(bench.controls.play_button)
    assert order.index(bench.controls.play_button) < order.index(transcript)
    bench.placement.focus_panel(bench.docks[TRANSCRIPT])
    bench.actions["move_panel"].trigger()  # bottom
    bench.actions["move_panel"].trigger()  # left of the video: read before it
    order = bench.placement.tab_order()
    assert order.index(transcript) < order.index(video)
    assert bench.placement.next_stop(bench.status.label, True) is transcript


def test_layouts_round_trip_through_the_settings(qtbot, make_bench) -> None:
    first = make_bench()
    first.layouts.choose("facilitator")
    first.actions["notes_panel"].trigger()  # hide my notes
    first.placement.focus_panel(first.docks[TRANSCRIPT])
    first.actions["move_panel"].trigger()
    first.actions["move_panel"].trigger()  # the transcript on the left
    first.close()
    settings = application_settings()
    assert settings.value(LAYOUT.name) == "facilitator"
    again = make_bench()
    assert again.layouts.chosen == "facilitator"
    assert again.actions["facilitator_layout"].isChecked()
    area = again.window.dockWidgetArea(again.docks[TRANSCRIPT])
    assert area == Qt.DockWidgetArea.LeftDockWidgetArea
    assert again.docks[NOTES].isHidden() and again.docks[DISCUSSION].on_screen()
    again.layouts.choose("learner")
    assert again.docks[DISCUSSION].isHidden(), "each layout keeps its own"
    again.layouts.choose("facilitator")
    assert again.window.dockWidgetArea(again.docks[TRANSCRIPT]) == area
    again.actions["reset_layout"].trigger()
    assert again.window.dockWidgetArea(again.docks[TRANSCRIPT]) == RIGHT_AREA
    assert again.docks[NOTES].on_screen()


@pytest.mark.parametrize(
    "stored",
    [
        QByteArray(b"\x00\x00\x00\xff garbage that is not a window state"),
        QByteArray(b"\x00" * 2_000_000),  # huge
        "@not bytes at all",
        ["a", "list"],
    ],
    ids=["broken", "huge", "text", "list"],
)
def test_a_saved_layout_that_cannot_be_used_gives_the_layout_as_it_comes(
    make_bench, stored
) -> None:
    settings = application_settings()
    settings.setValue(LAYOUT_STATE.at("learner").name, stored)
    settings.setValue(LAYOUT_PANELS.at("learner").name, [NOTES])
    settings.sync()
    bench = make_bench()
    assert bench.docks[TRANSCRIPT].on_screen() and bench.docks[NOTES].isHidden()
    said = bench.ctx.notify.shown() + " ".join(bench.status.messages("settings"))
    assert "layout" in said
    assert not application_settings().contains(LAYOUT_STATE.at("learner").name)


def test_the_presentation_console_keeps_its_own_layout(bench) -> None:
    present = bench.actions["present"]
    present.setChecked(True)  # as the presenter does when the room's window opens
    assert bench.docks[DISCUSSION].on_screen() and bench.docks[NOTES].on_screen()
    bench.actions["discussion_panel"].trigger()  # the console without discussion
    present.setChecked(False)
    assert bench.docks[NOTES].isHidden(), "back to the learner layout"
    present.setChecked(True)
    assert bench.docks[DISCUSSION].isHidden() and bench.docks[NOTES].on_screen()
    present.setChecked(False)


def test_a_panel_the_shell_does_not_know_gets_a_dock_an_entry_and_a_key(
    qtbot, make_bench
) -> None:
    glossary = stand_in("glossary", named_list("Glossary terms"))
    bench = make_bench(Panel("glossary", "Glossary", glossary, area=LEFT))
    dock, entry = bench.docks["glossary"], bench.actions["glossary_panel"]
    assert dock.objectName() == "glossaryDock" and dock.on_screen()
    assert bench.window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert entry.text() == "Glo&ssary panel" and entry.isChecked()
    assert entry.shortcut().toString() == "Ctrl+8", "Ctrl+7 is the sign window's"
    assert ("Ctrl+8", "Glossary panel on/off") in bench.actions.rows()
    assert entry in bench.actions.menus["View/Panels"].actions()
    glossary.hide()  # nothing to show for this video
    assert dock.isHidden() and not entry.isEnabled()
    glossary.show()
    assert dock.on_screen()
    entry.trigger()
    assert dock.isHidden()


def test_a_panel_shown_that_would_not_fit_becomes_a_tab(qtbot, bench) -> None:
    window = bench.window
    discussion = bench.docks[DISCUSSION]
    room = bench.layouts.target()
    discussion.panel.widget.setMinimumHeight(room.height() * 6 // 10)
    bench.actions["discussion_panel"].trigger()
    qtbot.waitUntil(discussion.on_screen)
    assert window.tabifiedDockWidgets(discussion), "a tab of a panel on screen"
    assert window.minimumSizeHint().height() <= room.height()


@pytest.mark.parametrize(
    "stored", [QByteArray(b"\x01\xd9\xd0\xcb broken"), "text", QByteArray(b"")]
)
def test_a_saved_window_place_that_cannot_be_used_gives_one_on_the_screen(
    qtbot, stored
) -> None:
    settings = application_settings()
    settings.setValue(WINDOW_GEOMETRY.name, stored)
    settings.sync()
    bench = DockBench()
    qtbot.addWidget(bench.window)
    bench.window.resize(5000, 5000)
    bench.layouts.place_window()
    free = bench.window.screen().availableGeometry()
    assert free.contains(bench.window.geometry())
    assert bench.window.width() == min(1280, free.width())


def test_the_window_comes_back_where_it_was(qtbot, make_bench) -> None:
    first = make_bench()
    first.window.setGeometry(40, 50, 700, 500)
    first.close()
    again = DockBench()
    qtbot.addWidget(again.window)
    again.layouts.place_window()
    assert again.window.size().toTuple() == (700, 500)
