"""The accessibility audit: names, Tab order, shortcuts in tooltips, and contrast.

It walks the main window and every dialog as a keyboard user does (Tab, from widget
to widget) and reads names the way a screen reader gets them (the accessible
interface), so a new control that forgets its name, its place in the Tab order or
its shortcut makes these tests fail.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from captions.contrast import (
    AA_NORMAL_TEXT,
    AAA_NORMAL_TEXT,
    caption_contrast,
    parse_hex,
)
from player.accessibility.themes import (
    DEFAULT,
    THEMES,
    apply_theme,
    text_pairs,
    theme_palette,
)
from player.video.caption_style import DEFAULT_STYLE

NATIVE = QKeySequence.SequenceFormat.NativeText
MOST_STAYS = 400  # Tab presses inside one widget (table cells) before calling it a trap


@dataclass
class Audit:
    """What a keyboard and screen reader user would trip over in one window."""

    unnamed: list[str] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)
    order: list[QWidget] = field(default_factory=list)
    tab_presses: int = 0


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}({widget.objectName() or text or '?'})"


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces: the accessible interface's Name text."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or "").strip()


def focusable(root: QWidget) -> list[QWidget]:
    """Widgets of `root`'s own window that Tab may stop on, as Qt decides it."""
    return [
        w
        for w in [root, *root.findChildren(QWidget)]
        if w.window() is root
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisible()
        and w.isEnabled()
        and w.focusProxy() is None
    ]


def tab_walk(qtbot, start: QWidget) -> tuple[list[QWidget], list[str], int]:  # type: ignore[no-untyped-def]
    """Press Tab from `start` until focus comes back: the widgets visited, in order."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    order, traps, presses, stays = [start], [], 0, 0
    while presses < 2000:
        current = QApplication.focusWidget()
        QTest.keyClick(current, Qt.Key.Key_Tab)
        presses += 1
        now = QApplication.focusWidget()
        if now is current:
            stays += 1
            if stays > MOST_STAYS:
                traps.append(describe(current))
                break
            continue
        stays = 0
        if now is start or now is None:
            break
        if now not in order:
            order.append(now)
    return order, traps, presses


def audit(qtbot, root: QWidget, start: QWidget | None = None) -> Audit:  # type: ignore[no-untyped-def]
    widgets = focusable(root)
    found = Audit()
    found.unnamed = [describe(w) for w in widgets if not accessible_name(w)]
    first = start if start is not None else root.focusWidget() or widgets[0]
    found.order, found.traps, found.tab_presses = tab_walk(qtbot, first)
    found.unreachable = [describe(w) for w in widgets if w not in found.order]
    return found


def shortcut_problems(root: QWidget) -> list[str]:
    """Actions, and buttons acting for them, whose tooltip does not name their keys."""
    problems = []
    for action in root.findChildren(QAction):
        for keys in action.shortcuts():
            if keys.toString(NATIVE) not in action.toolTip():
                problems.append(f"action {action.text()!r}: {keys.toString(NATIVE)}")
    for button in root.findChildren(QToolButton):
        action = button.defaultAction()
        keys = action.shortcut().toString(NATIVE) if action is not None else ""
        if keys and keys not in button.toolTip():
            problems.append(f"button {describe(button)}")
    return problems


def button_actions(window) -> dict[QAbstractButton, str]:  # type: ignore[no-untyped-def]
    """The window's buttons that do what a keyboard action does."""
    controls, videos = window.controls, window.video_list
    return {
        controls.play_button: "play_pause",
        controls.mute_button: "mute",
        controls.full_screen_button: "full_screen",
        videos.previous_button: "previous_video",
        videos.next_button: "next_video",
        window.transcript.find_bar.next_button: "find_next",
        window.transcript.find_bar.previous_button: "find_previous",
    }


@pytest.fixture
def audited(window, tmp_path) -> Iterator:  # type: ignore[no-untyped-def]
    window.features.library.index_path = (
        tmp_path / "index.sqlite3"
    )  # never the user's cache
    window.video_view.setFocus()
    yield window
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


def open_dialog(qtbot, window, key: Qt.Key, modifiers, title: str) -> QDialog:  # type: ignore[no-untyped-def]
    """Press the dialog's shortcut on the window; find it among top-level widgets."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.video_view.setFocus()
    qtbot.waitUntil(window.video_view.hasFocus)
    QTest.keyClick(window.video_view, key, modifiers)

    def shown() -> QDialog | None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QDialog)
                and widget.isVisible()
                and widget.windowTitle() == title
            ):
                return widget
        return None

    qtbot.waitUntil(lambda: shown() is not None)
    dialog = shown()
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def assert_top_to_bottom(order: list[QWidget]) -> None:
    """Each widget Tab reaches next is not wholly above the one before it."""
    for before, after in itertools.pairwise(order):
        top_before = before.mapToGlobal(before.rect().topLeft()).y()
        bottom_after = after.mapToGlobal(after.rect().bottomLeft()).y()
        assert bottom_after >= top_before, (
            f"Tab goes up from {describe(before)} to {describe(after)}"
        )


# -- the main window --------------------------------------------------------------


def test_every_control_of_the_window_is_named_and_reached_by_tab(
    qtbot, audited
) -> None:
    window = audited
    window.transcript.open_find()  # the find bar's controls count too
    found = audit(qtbot, window, window.video_view)
    assert found.unnamed == []
    assert found.unreachable == []
    assert found.traps == []
    assert len(found.order) >= 14


def test_tab_goes_video_then_controls_then_transcript_then_chapters(
    qtbot, audited
) -> None:
    """The learner layout: the transcript beside the video, chapters and videos
    tabbed under it; Tab reaches only the tab in front."""
    window = audited
    order = audit(qtbot, window, window.video_view).order
    docks = window.placement.docks
    tabs = [w for w in order if isinstance(w, QTabBar)]
    landmarks = [
        window.video_view,
        window.controls.seek_slider,
        window.controls.play_button,
        window.transcript.view,
        docks["transcript"].title_bar.float_button,
        docks["transcript"].title_bar.close_button,
        *tabs,
        window.chapters.list,
        docks["chapters"].title_bar.close_button,
    ]
    positions = [order.index(w) for w in landmarks]
    assert positions == sorted(positions), [describe(w) for w in order]
    assert (
        len(tabs) == 1 and tabs[0].accessibleName() == "Panels here: Chapters, Videos"
    )
    assert window.video_list.list not in order, "the Videos tab is behind Chapters"
    window.keymap["videos_panel"].trigger()  # brings that tab to the front
    order = audit(qtbot, window, window.video_view).order
    assert window.video_list.list in order and window.chapters.list not in order


def test_the_description_pane_is_named_and_follows_the_video(qtbot, audited) -> None:
    window = audited
    window.keymap["descriptions"].trigger()
    found = audit(qtbot, window, window.video_view)
    assert found.unnamed == [] and found.unreachable == []
    pane = window.features.accessibility.descriptions.pane
    dock = window.placement.docks["descriptions"]
    assert found.order[1:5] == [
        pane,
        dock.title_bar.float_button,
        dock.title_bar.close_button,
        window.controls.seek_slider,
    ], "what the video shows is read right after it, then the transport bar"
    assert found.order.index(pane) < found.order.index(window.transcript.view)


def test_every_panel_of_the_facilitator_layout_is_named_and_reached(
    qtbot, audited
) -> None:
    """Discussion and notes as docks: the docks, their title bars' buttons and the
    tabs between panels are named and in the Tab order."""
    window = audited
    with qtbot.waitSignal(window.placement.order_changed):
        window.layouts.choose("facilitator")
    found = audit(qtbot, window, window.video_view)
    assert found.unnamed == [] and found.unreachable == [] and found.traps == []
    for name, dock in window.placement.docks.items():
        if not dock.on_screen():
            continue
        title = dock.windowTitle()
        assert accessible_name(dock) == title, name
        buttons = (dock.title_bar.float_button, dock.title_bar.close_button)
        assert [accessible_name(b) for b in buttons] == [
            f"Float {title}",
            f"Close {title}",
        ]
        assert all(b in found.order for b in buttons), name
        assert all(b.height() >= 24 and b.width() >= 24 for b in buttons), name
    assert window.features.notes.is_built(), "built when its panel showed"
    notes = window.features.notes.controller().panel
    discussion = window.features.presenter.panel
    assert notes.list in found.order and discussion.buttons[0] in found.order
    assert shortcut_problems(window) == []


def test_nothing_behind_a_tab_is_reached_or_shown_to_a_screen_reader(
    qtbot, audited
) -> None:
    window = audited
    behind = window.placement.docks["videos"]
    assert behind.behind()
    order = audit(qtbot, window, window.video_view).order
    inside = [w for w in order if behind.isAncestorOf(w)]
    assert inside == []
    assert not window.video_list.list.isVisible(), "hidden, so AT-SPI says not showing"


def test_every_shortcut_is_named_in_its_tooltip(audited) -> None:
    window = audited
    assert shortcut_problems(window) == []
    for button, name in button_actions(window).items():
        for keys in window.keymap[name].shortcuts():
            assert keys.toString(NATIVE) in button.toolTip(), describe(button)


def test_the_audit_catches_a_control_that_forgets_its_name(qtbot, audited) -> None:
    window = audited
    forgetful = QPushButton(window.controls)
    forgetful.setObjectName("forgetful")
    window.controls.layout().addWidget(forgetful)
    forgetful.show()
    found = audit(qtbot, window, window.video_view)
    assert found.unnamed == ["QPushButton(forgetful)"]
    forgetful.setAccessibleName("Now named")
    assert audit(qtbot, window, window.video_view).unnamed == []


def test_the_audit_catches_a_tab_trap_and_what_it_hides(qtbot, audited) -> None:
    window = audited
    notes = QPlainTextEdit(window.controls)  # takes Tab as text unless told not to
    notes.setObjectName("notes")
    notes.setAccessibleName("Notes")
    window.controls.layout().addWidget(notes)
    notes.show()
    QWidget.setTabOrder(window.controls.play_button, notes)
    found = audit(qtbot, window, window.video_view)
    assert found.traps == ["QPlainTextEdit(notes)"]
    assert describe(window.transcript.view) in found.unreachable
    notes.setTabChangesFocus(True)
    found = audit(qtbot, window, window.video_view)
    assert found.traps == [] and found.unreachable == []


def test_the_audit_catches_a_shortcut_missing_from_a_tooltip(audited) -> None:
    action = QAction("Secret", audited)
    action.setShortcut(QKeySequence("Ctrl+Alt+Q"))
    audited.addAction(action)
    assert shortcut_problems(audited) == ["action 'Secret': Ctrl+Alt+Q"]
    action.setToolTip("Secret (Ctrl+Alt+Q)")
    assert shortcut_problems(audited) == []


# -- the dialogs -----------------------------------------------------------------

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def test_help_dialog_f1(qtbot, audited) -> None:
    dialog = open_dialog(qtbot, audited, Qt.Key.Key_F1, NONE, "Keyboard shortcuts")
    found = audit(qtbot, dialog, dialog.focusWidget())
    assert found.traps == [], "Tab never leaves this widget"
    assert found.unreachable == []
    assert found.unnamed == []
    assert_top_to_bottom(found.order)
    assert shortcut_problems(dialog) == []


def test_library_search_dialog_ctrl_shift_f(qtbot, audited) -> None:
    dialog = open_dialog(
        qtbot, audited, Qt.Key.Key_F, CTRL | SHIFT, "Search all modules"
    )
    qtbot.waitUntil(lambda: not dialog.indexing, timeout=30_000)
    dialog.query_field.setText("trust")
    dialog.run_query()
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() > 0, timeout=5_000)
    found = audit(qtbot, dialog, dialog.query_field)
    assert found.traps == [], "Tab never leaves this widget"
    assert found.unreachable == []
    assert found.unnamed == []
    assert_top_to_bottom(found.order)
    assert shortcut_problems(dialog) == []


def test_preferences_dialog_ctrl_comma_every_page(qtbot, audited) -> None:
    dialog = open_dialog(qtbot, audited, Qt.Key.Key_Comma, CTRL, "Preferences")
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert {"&Transcript", "Screen &reader"} <= set(titles)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        found = audit(qtbot, dialog, dialog.tabs.tabBar())
        assert found.unnamed == [], titles[index]
        assert found.unreachable == [], titles[index]
        assert found.traps == [], titles[index]
        assert_top_to_bottom(found.order)
    assert shortcut_problems(dialog) == []


# -- contrast --------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_every_built_in_theme_keeps_text_at_4_5_to_1(qapp, theme: str) -> None:
    pairs = text_pairs(theme_palette(theme))
    assert len(pairs) >= 4
    weak = [(name, round(ratio, 2)) for name, ratio in pairs if ratio < AA_NORMAL_TEXT]
    assert weak == []


def test_the_high_contrast_theme_is_what_the_window_gets(audited) -> None:
    window = audited
    window.keymap["high_contrast"].trigger()
    try:
        palette = window.transcript.view.palette()
        assert all(ratio >= AAA_NORMAL_TEXT for _n, ratio in text_pairs(palette))
    finally:
        apply_theme(DEFAULT)


def test_the_default_caption_style_passes_7_to_1_over_any_frame(audited) -> None:
    style = audited.video_view.caption_style
    assert style == DEFAULT_STYLE
    assert (style.text_color, style.background_color) == ("#ffffff", "#000000")
    assert style.background_opacity == 80
    ratio = caption_contrast(
        parse_hex(style.text_color),
        parse_hex(style.background_color),
        style.background_opacity / 100,
    )
    assert ratio >= AAA_NORMAL_TEXT
