"""The window's Tab order, worked out from what is on screen each time Tab is pressed.

Docks move, tab together, float and come back; Qt's focus chain, set once with
setTabOrder, falls apart under that (a floated dock takes its part of the chain
with it). So the main window asks here for the next control instead: problems, the
panels left of and above the video, the video and its description, the transport
bar, then the panels below and to the right; for each panel its group's tabs, its
own controls in their own order, then its title bar's buttons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabBar, QWidget

from player.shell.docks import PanelDock

# The reading order of the dock areas around the centre (left to right, top down).
AREA_ORDER = (
    Qt.DockWidgetArea.LeftDockWidgetArea,
    Qt.DockWidgetArea.TopDockWidgetArea,
    Qt.DockWidgetArea.NoDockWidgetArea,  # the centre: video and transport bar
    Qt.DockWidgetArea.BottomDockWidgetArea,
    Qt.DockWidgetArea.RightDockWidgetArea,
)
CENTRE = AREA_ORDER.index(Qt.DockWidgetArea.NoDockWidgetArea)


def reading_order(window: QMainWindow, docks: Iterable[PanelDock]) -> list[PanelDock]:
    """The docks on screen: left column, top, bottom, right column, each top down;
    a floating panel last (it is a window of its own)."""
    shown = [d for d in docks if d.on_screen()]

    def where(dock: PanelDock) -> tuple[int, int, int]:
        rank = AREA_ORDER.index(window.dockWidgetArea(dock))
        return rank, dock.geometry().y(), dock.geometry().x()

    docked = sorted((d for d in shown if not d.isFloating()), key=where)
    return docked + [d for d in shown if d.isFloating()]


def tab_order(
    window: QMainWindow,
    first: Sequence[QWidget],
    centre: Sequence[QWidget],
    docks: Sequence[PanelDock],
    with_video: frozenset[str],
) -> list[QWidget]:
    """Every Tab stop in reading order. `first` goes before all (the problems),
    `centre` is the video then the transport bar; the panels named in `with_video`
    are read right after the video, wherever they are."""
    bars = name_tab_bars(window)
    seen: set[int] = set()
    before: list[QWidget] = []
    after_video: list[QWidget] = []
    after: list[QWidget] = []
    for dock in reading_order(window, docks):
        stops: list[QWidget] = []
        bar = bars.get(dock.windowTitle())
        if bar is not None and id(bar) not in seen:
            seen.add(id(bar))
            stops.append(bar)
        stops += tab_chain(dock.panel.widget)
        stops += [dock.title_bar.float_button, dock.title_bar.close_button]
        rank = AREA_ORDER.index(window.dockWidgetArea(dock))
        if dock.isFloating():
            after.extend(stops)
        elif dock.panel.name in with_video:
            after_video.extend(stops)
        else:
            (before if rank < CENTRE else after).extend(stops)
    video, *rest = centre
    return [*first, *before, video, *after_video, *rest, *after]


def next_stop(
    order: Sequence[QWidget], current: QWidget | None, forward: bool
) -> QWidget | None:
    """The Tab stop after (or before) `current` that can take the keyboard now;
    None when `current` is not in `order` (then Qt's own chain decides)."""
    at = _position(order, current)
    if at is None:
        return None
    step = 1 if forward else -1
    for offset in range(1, len(order) + 1):
        candidate = order[(at + step * offset) % len(order)]
        if _takes_tab(candidate) and candidate.window() is current.window():  # type: ignore[union-attr]
            return candidate
    return None


def _position(order: Sequence[QWidget], current: QWidget | None) -> int | None:
    if current is None:
        return None
    for index, widget in enumerate(order):
        if widget is current:
            return index
    for index, widget in enumerate(order):  # inside a stop (the video's viewport)
        if widget.isAncestorOf(current):
            return index
    return None


def _takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def name_tab_bars(window: QMainWindow) -> dict[str, QTabBar]:
    """The tab bars of tabbed docks, by the titles of their tabs; each named for a
    screen reader by the panels it switches between, and showing whole names."""
    found: dict[str, QTabBar] = {}
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window:
            continue
        if bar.count() == 0:
            bar.hide()  # one Qt keeps for later, sometimes left shown off screen
            continue
        bar.setElideMode(Qt.TextElideMode.ElideNone)  # whole names, scrolled
        bar.setUsesScrollButtons(True)
        titles = [bar.tabText(i) for i in range(bar.count())]
        bar.setAccessibleName(f"Panels here: {', '.join(titles)}")
        bar.setAccessibleDescription(
            "Left and Right arrows bring another panel of this place to the front"
        )
        if bar.isVisible():
            found.update(dict.fromkeys(titles, bar))
    return found


def tab_chain(root: QWidget) -> list[QWidget]:
    """`root` and its descendants that take Tab, in their own focus-chain order."""
    found: list[QWidget] = []
    widget: QWidget | None = root
    for _ in range(5000):
        if widget is None:
            break
        inside = widget is root or root.isAncestorOf(widget)
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if inside and takes_tab and widget.focusProxy() is None and widget not in found:
            found.append(widget)
        widget = widget.nextInFocusChain()
        if widget is root:
            break
    return found
