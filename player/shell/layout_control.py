"""The learner and facilitator layouts: chosen, applied, fitted to the screen, kept.

The person's arrangement of each layout is saved (Qt's saveState, and which panels
they want) through the settings accessor and comes back next time; the
presentation console keeps an arrangement of its own while presenting. Whatever is
applied is then fitted: when the window's smallest size is larger than the screen
(200 % text on 1280x720), its panels collapse into tabs, step by step, until it
fits, instead of pushing controls off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMainWindow, QWidget
from shiboken6 import isValid

from player.core.contribution import BOTTOM, FACILITATOR, LEARNER, LEFT, RIGHT, TOP
from player.core.notify import Notify
from player.core.setting_keys import (
    LAYOUT,
    LAYOUT_PANELS,
    LAYOUT_STATE,
    WINDOW_GEOMETRY,
)
from player.core.settings import Settings
from player.playback.flow_row import FlowRow
from player.shell.docks import PanelDock
from player.shell.layouts import (
    CONSOLE,
    LAYOUTS,
    Layout,
    Spot,
    collapse_steps,
    with_extra_panels,
)
from player.shell.placement import Placement

STATE_VERSION = 1  # saved arrangements of another version are not restored
WINDOW_SIZE = QSize(1280, 800)  # the first window, if the screen has room
# A layout fits when its smallest size takes at most this share of the room, so that
# each panel gets more than its bare minimum (a transcript of two lines is no use).
COMFORT_PERCENT = 75
AREAS = {
    LEFT: Qt.DockWidgetArea.LeftDockWidgetArea,
    RIGHT: Qt.DockWidgetArea.RightDockWidgetArea,
    TOP: Qt.DockWidgetArea.TopDockWidgetArea,
    BOTTOM: Qt.DockWidgetArea.BottomDockWidgetArea,
}
CHOICES = {LEARNER: "learner_layout", FACILITATOR: "facilitator_layout"}


class LayoutControl(QObject):
    """Applies a layout to the docks of `placement`, fits it, saves and restores it."""

    def __init__(
        self, placement: Placement, settings: Settings, notify: Notify
    ) -> None:
        super().__init__(placement)
        self.placement = placement
        self.window: QMainWindow = placement.window
        self.settings = settings
        self.notify = notify
        self.chosen = settings.get(LAYOUT)
        self.presenting = False
        self.spots: tuple[Spot, ...] = ()
        self._layout = self.layout(self.chosen)
        self._fresh = False  # a layout's own arrangement, not the person's saved one
        self._shown_once = False
        self._arranging = False
        self._menu()
        for dock in placement.docks.values():
            dock.shown_changed.connect(
                lambda shown, d=dock: self._on_dock_shown(d, shown)
            )

    def _on_dock_shown(self, dock: PanelDock, shown: bool) -> None:
        if shown and not self._arranging and isValid(self.window):
            self.make_room(dock)

    @property
    def current(self) -> str:
        """Whose arrangement is on screen: the chosen layout's, or the console's."""
        return CONSOLE if self.presenting else self.chosen

    def _menu(self) -> None:
        actions = self.placement.actions
        group = QActionGroup(self)
        group.setExclusive(True)
        for name, action_name in CHOICES.items():
            action = actions[action_name]
            group.addAction(action)
            action.setChecked(name == self.chosen)
            action.triggered.connect(lambda _c=False, n=name: self.choose(n))
        actions["reset_layout"].triggered.connect(lambda _c=False: self.reset())
        actions["present"].toggled.connect(self._presenting)

    def layout(self, name: str) -> Layout:
        extra = {
            panel.name: (panel.area, name in panel.shown_in or name == CONSOLE)
            for panel in self.placement.panels.values()
        }
        return with_extra_panels(LAYOUTS[name], extra)

    # -- choosing ----------------------------------------------------------------------

    def start(self) -> None:
        """The saved arrangement of the chosen layout, else the layout itself."""
        if not self.restore(self.current):
            self.apply(self.layout(self.current))

    def choose(self, name: str) -> None:
        """Switch to layout `name`, keeping the arrangement left behind."""
        if name == self.chosen and not self.presenting:
            return
        self.save()
        if self.presenting:
            self.apply(self.layout(name))  # the console takes the chosen layout's shape
        else:
            self.chosen = name
            self.settings.set(LAYOUT, name)
            if not self.restore(name):
                self.apply(self.layout(name))
        self.fit()
        self.placement.actions[CHOICES[name]].setChecked(True)
        title = LAYOUTS[name].title.replace("&", "").split(":")[0]
        self.notify.say(f"{title} layout")

    def reset(self) -> None:
        """The layout as it comes, forgetting how the person arranged it."""
        self.settings.remove(LAYOUT_STATE.at(self.current))
        self.settings.remove(LAYOUT_PANELS.at(self.current))
        self.apply(self.layout(self.current))
        self.fit()
        self.notify.say("The layout is back as it came")

    def _presenting(self, presenting: bool) -> None:
        """The console has its own arrangement while presenting."""
        if presenting == self.presenting:
            return
        self.save()
        self.presenting = presenting
        if not self.restore(self.current):
            self.apply(self.layout(self.current))
        self.fit()

    # -- applying ----------------------------------------------------------------------

    def apply(self, layout: Layout) -> None:
        """Put every dock where `layout` says, shown or hidden as it says."""
        self._arranging = True
        try:
            self._arrange(layout.spots)
            for name, dock in self.placement.docks.items():
                dock.set_wanted(name in layout.shown)
            self._layout = layout
            self._fresh = True
            self._finish()
        finally:
            self._arranging = False

    def _arrange(self, spots: tuple[Spot, ...]) -> None:
        window, docks = self.window, self.placement.docks
        for dock in docks.values():
            if dock.isFloating():
                dock.setFloating(False)
            window.removeDockWidget(dock)
        for spot in spots:
            placed = docks.get(spot.panel)
            anchor = docks.get(spot.anchor)
            if placed is None:
                continue
            if spot.area or anchor is None:
                area = AREAS[spot.area or RIGHT]
                vertical = area in (AREAS[LEFT], AREAS[RIGHT])
                window.addDockWidget(
                    area,
                    placed,
                    Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal,
                )
            elif spot.tab_with:
                window.tabifyDockWidget(anchor, placed)
            else:
                orientation = (
                    Qt.Orientation.Vertical if spot.under else Qt.Orientation.Horizontal
                )
                window.splitDockWidget(anchor, placed, orientation)
        self.spots = spots

    def _finish(self) -> None:
        """Show what should show, the layout's front tabs in front; entries in step."""
        for dock in self.placement.docks.values():
            dock.refresh()
        for name in self._layout.front:
            front = self.placement.docks.get(name)
            if front is not None and front.should_show():
                front.raise_()
        self.placement.sync_all()
        self.placement.schedule_order()

    # -- fitting the screen ------------------------------------------------------------

    def on_show(self) -> None:
        """Once the window is on a screen: fit it, and give a fresh layout its sizes."""
        self._shown_once = True
        self.fit()
        self.keep_on_screen()

    def fit(self) -> bool:
        """Collapse panels into tabs until the window fits its screen (True if so)."""
        if not self._shown_once:
            return True
        if self._fits():
            self._size_fresh()
            return True
        if not self._fresh:  # the person's arrangement does not fit this screen
            self.apply(self.layout(self.current))
            if self._fits():
                self._size_fresh()
                return True
        shown = frozenset(n for n, d in self.placement.docks.items() if d.should_show())
        self._arranging = True
        try:
            for spots in collapse_steps(self.spots, shown):
                self._arrange(spots)
                self._finish()
                if self._fits():
                    break
        finally:
            self._arranging = False
        self._size_fresh()
        return self._fits()

    def make_room(self, dock: PanelDock) -> None:
        """A panel just shown does not fit: a tab of the largest panel on screen;
        if that is not enough, every panel a tab of that one group."""
        if not self._shown_once or self._fits() or dock.isFloating():
            return
        others = [d for d in self.placement.reading_order() if d is not dock]
        others = [d for d in others if not d.isFloating()]
        if not others:
            return
        biggest = max(others, key=lambda d: d.width() * d.height())
        together = [dock]
        if not self._tabbed(biggest, together):
            rest = [d for d in others if d is not biggest]
            self._tabbed(biggest, [*rest, dock])
        self.placement.schedule_order()

    def _tabbed(self, group: PanelDock, docks: list[PanelDock]) -> bool:
        """`docks` as tabs of `group`'s group, the last in front; True if it fits."""
        self._arranging = True
        try:
            for dock in docks:
                if dock not in self.window.tabifiedDockWidgets(group):
                    self.window.tabifyDockWidget(group, dock)
            docks[-1].raise_()
        finally:
            self._arranging = False
        return self._fits()

    def target(self) -> QSize:
        """The room the window has: its screen's free area less the window frame."""
        window = self.window
        screen = window.screen()
        free = screen.availableGeometry().size()
        frame = window.frameGeometry().size() - window.geometry().size()
        return QSize(free.width() - frame.width(), free.height() - frame.height())

    def _fits(self, comfort: int = COMFORT_PERCENT) -> bool:
        _settle(self.window)
        needed = self.window.minimumSizeHint()
        room = self.target()
        return (
            needed.width() * 100 <= room.width() * comfort
            and needed.height() * 100 <= room.height() * comfort
        )

    def _size_fresh(self) -> None:
        """A layout's own shares of the window for its panels (the person's saved
        arrangement keeps its own sizes)."""
        if not self._fresh:
            return
        self._fresh = False
        window, docks, layout = self.window, self.placement.docks, self._layout
        for shares, orientation, whole in (
            (layout.widths, Qt.Orientation.Horizontal, window.width()),
            (layout.heights, Qt.Orientation.Vertical, window.height()),
        ):
            by_area: dict[Qt.DockWidgetArea, list[tuple[PanelDock, int]]] = {}
            for name, share in shares.items():
                dock = docks.get(name)
                if dock is None or dock.isHidden():
                    continue
                group = by_area.setdefault(window.dockWidgetArea(dock), [])
                if not any(d in window.tabifiedDockWidgets(dock) for d, _ in group):
                    group.append((dock, whole * share // 100))
            for group in by_area.values():  # the docks of one split, together
                window.resizeDocks(
                    [d for d, _ in group], [s for _, s in group], orientation
                )
        self.placement.schedule_order()

    # -- the window on its screen ------------------------------------------------------

    def place_window(self) -> None:
        """Where the window was last time, else as big as `WINDOW_SIZE` allows, on
        its screen's free area (Qt moves a restored window back onto a screen)."""
        window = self.window
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if geometry and window.restoreGeometry(QByteArray(geometry)):
            return
        free = window.screen().availableGeometry()
        size = WINDOW_SIZE.boundedTo(free.size())
        window.resize(size)
        window.move(
            free.x() + (free.width() - size.width()) // 2,
            free.y() + (free.height() - size.height()) // 2,
        )

    def keep_on_screen(self) -> None:
        """A window (with its frame) larger than its screen's free area: made to fit."""
        window = self.window
        if window.isFullScreen() or window.isMaximized():
            return
        free = window.screen().availableGeometry()
        room = self.target()
        if window.width() > room.width() or window.height() > room.height():
            window.resize(window.size().boundedTo(room))
        frame = window.frameGeometry()
        if not free.contains(frame):
            window.move(
                min(max(frame.x(), free.x()), free.right() - frame.width() + 1),
                min(max(frame.y(), free.y()), free.bottom() - frame.height() + 1),
            )

    # -- keeping -----------------------------------------------------------------------

    def save_on_close(self) -> None:
        self.save()
        geometry = self.window.saveGeometry()
        self.settings.set(WINDOW_GEOMETRY, bytes(geometry.data()))

    def save(self) -> None:
        """The arrangement on screen, as the current layout's."""
        name = self.current
        state = self.window.saveState(STATE_VERSION)
        self.settings.set(LAYOUT_STATE.at(name), bytes(state.data()))
        wanted = tuple(n for n, d in self.placement.docks.items() if d.wanted)
        self.settings.set(LAYOUT_PANELS.at(name), wanted)

    def restore(self, name: str) -> bool:
        """The saved arrangement of layout `name`; False when there is none to use."""
        state = self.settings.get(LAYOUT_STATE.at(name))
        if not state:
            return False
        if not self.settings.contains(LAYOUT_PANELS.at(name)):
            return False
        if not self.window.restoreState(QByteArray(state), STATE_VERSION):
            self.settings.remove(LAYOUT_STATE.at(name))
            self.notify.say("The saved layout could not be used; it is back as it came")
            return False
        saved: tuple[str, ...] = self.settings.get(LAYOUT_PANELS.at(name))
        wanted = set(saved)
        self._arranging = True
        try:
            for panel_name, dock in self.placement.docks.items():
                dock.wanted = panel_name in wanted
            self._layout = self.layout(name)
            self.spots = self._layout.spots
            self._fresh = False
            self._finish()
        finally:
            self._arranging = False
        return True


def _settle(window: QWidget) -> None:
    """Let every layout take the sizes it now has, so the minimum is the real one."""
    for _ in range(3):
        for row in window.findChildren(FlowRow):
            row.invalidate()
            parent = row.parentWidget()
            if parent is not None:
                parent.updateGeometry()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = window.layout()
        if layout is not None:
            layout.activate()
