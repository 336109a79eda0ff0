"""Where each part of the window goes, and the Tab order: decided here only.

The centre holds the problems, the video and the transport bar. Every panel a
feature contributes is a dock (player/shell/docks.py) that the person can show,
hide, move, tab and float, by mouse or keyboard (View > Panels); where each starts
is the learner or facilitator layout (player/shell/layouts.py).

How a feature adds a panel: return it in its contribution,

    Contribution(panels=(Panel("glossary", "Glossary", widget, area=RIGHT),))

and the shell gives it a dock called "glossaryDock" (kept with the saved layout), an
entry with a shortcut in View > Panels (and in Help), a place in the Tab order and in
F6's round of the panels, and room in both layouts (`shown_in` says which show it).
While `widget` is hidden (its feature has nothing to show, say no sign track), the
dock is gone and its entry is off. A panel named in `PLACES` gets the entry and
dock name given there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from player.core.actions import PANELS_MENU, ActionSpec, PlayerActions, shortcut_text
from player.core.contribution import (
    CHAPTERS,
    DESCRIPTIONS,
    DISCUSSION,
    NOTES,
    SIGN,
    TRANSCRIPT,
    VIDEOS,
    Panel,
)
from player.core.status import StatusArea
from player.playback.controls import Controls
from player.shell.docks import PanelDock
from player.shell.tab_order import (
    name_tab_bars,
    next_stop,
    reading_order,
    tab_chain,
    tab_order,
)


@dataclass(frozen=True)
class Place:
    """The shell's own choices for a panel it knows."""

    dock: str  # the dock's object name: saved layouts find docks by it
    toggle: str  # the View > Panels action that shows and hides it
    follows_panel: bool = True  # the entry is off while the panel has nothing
    in_full_screen: bool = False  # stays on screen in full screen
    after_video: bool = False  # read (Tab) right after the video, wherever it is


PLACES: dict[str, Place] = {
    TRANSCRIPT: Place("transcriptDock", "transcript"),
    VIDEOS: Place("videosDock", "videos_panel"),
    CHAPTERS: Place("chaptersDock", "chapters_panel"),
    # What the video shows: read right after the video. Its entry is the feature's
    # own on/off, which turns descriptions on.
    DESCRIPTIONS: Place(
        "descriptionsDock",
        "descriptions",
        follows_panel=False,
        in_full_screen=True,
        after_video=True,
    ),
    DISCUSSION: Place("discussionDock", "discussion_panel", in_full_screen=True),
    NOTES: Place("notesDock", "notes_panel"),
    # A sign-language interpretation is, for those who read it, what captions are.
    SIGN: Place("signDock", "sign_panel", in_full_screen=True),
}
# Keys for panels the shell does not know, in the order they come.
SPARE_KEYS = ("Ctrl+7", "Ctrl+8", "Ctrl+9")


@dataclass(frozen=True)
class Core:
    """The shell's own parts, around which the panels go."""

    status: StatusArea
    video: QWidget
    controls: Controls


class Placement(QObject):
    """Builds the centre and a dock per panel, keeps each panel's entry in step with
    its dock, and says where Tab goes from what is on screen."""

    order_changed = Signal()

    def __init__(
        self,
        window: QMainWindow,
        actions: PlayerActions,
        core: Core,
        panels: Sequence[Panel],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self.core = core
        self.panels = {panel.name: panel for panel in panels}
        self.docks: dict[str, PanelDock] = {}
        self.toggles: dict[str, QAction] = {}
        self._syncing = False
        self._settle_order = _soon(self, self._order_settled)
        self._focus_later = _soon(self, self._focus_pending)
        self._pending_focus: PanelDock | None = None
        self._last_dock: PanelDock | None = None
        self._build_centre()
        _set_up_docking(window)
        for panel in panels:
            self._dock(panel)
        self._order_panels_menu()
        actions["full_screen"].toggled.connect(self.set_full_screen)
        window.tabifiedDockWidgetActivated.connect(lambda _d: self.schedule_order())
        QApplication.instance().focusChanged.connect(self._remember_focus)  # type: ignore[union-attr]

    def container(self, name: str) -> QWidget:
        """What shows and hides panel `name`: its dock."""
        return self.docks[name]

    def _build_centre(self) -> None:
        window, core = self.window, self.core
        centre = QWidget(window)
        centre.setObjectName("videoColumn")
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(core.status)
        column.addWidget(core.video, 1)
        column.addWidget(core.controls)
        window.setCentralWidget(centre)
        self.centre = centre

    # -- one dock per panel ------------------------------------------------------------

    def _dock(self, panel: Panel) -> None:
        place = PLACES.get(panel.name)
        name = place.dock if place else f"{panel.name}Dock"
        dock = PanelDock(panel, name, self.window)
        dock.hide()  # until a layout places it
        action = self._toggle_for(panel, place)
        specs = self.actions.specs
        dock.float_keys = shortcut_text(specs["float_panel"])
        dock.set_close_keys(shortcut_text(specs[action.objectName()[len("action_") :]]))
        self.docks[panel.name] = dock
        self.toggles[panel.name] = action
        action.toggled.connect(lambda checked, d=dock: self._toggled(d, checked))
        action.triggered.connect(lambda _checked=False, d=dock: self._triggered(d))
        dock.close_requested.connect(lambda a=action: a.isChecked() and a.trigger())
        dock.visibilityChanged.connect(lambda _on, d=dock: self._shown(d))
        dock.available_changed.connect(lambda _on, d=dock: self._shown(d))
        dock.dockLocationChanged.connect(lambda _area: self.schedule_order())
        dock.topLevelChanged.connect(lambda _floating: self.schedule_order())

    def _toggle_for(self, panel: Panel, place: Place | None) -> QAction:
        """The panel's entry: the one PLACES or the panel names, else a new one."""
        name = panel.toggle or (place.toggle if place else "")
        if name:
            return self.actions[name]
        used = {spec.keys[0] for spec in self.actions.specs.values() if spec.keys}
        keys = tuple(k for k in SPARE_KEYS if k not in used)[:1]
        return self.actions.add(
            ActionSpec(
                f"{panel.name}_panel",
                _with_access_key(f"{panel.title} panel", self._used_letters()),
                keys,
                PANELS_MENU,
                checkable=True,
            )
        )

    def _used_letters(self) -> set[str]:
        menu = self.actions.menus[PANELS_MENU]
        letters = set()
        for action in menu.actions():
            text = action.text().replace("&&", "")
            at = text.find("&")
            if 0 <= at < len(text) - 1:
                letters.add(text[at + 1].lower())
        return letters

    def _order_panels_menu(self) -> None:
        """The panels' entries first (those PLACES knows in its order, then the rest),
        then a line, then the verbs that act on a panel."""
        menu = self.actions.menus[PANELS_MENU]
        known = [name for name in PLACES if name in self.toggles]
        names = known + [name for name in self.toggles if name not in PLACES]
        entries = [self.toggles[name] for name in names]
        for action in entries:
            menu.removeAction(action)
        verbs = menu.actions()
        before = verbs[0] if verbs else None
        for action in entries:
            menu.insertAction(before, action)  # type: ignore[arg-type]
        if before is not None:
            menu.insertSeparator(before)

    # -- wanted, shown, and the entry --------------------------------------------------

    def _toggled(self, dock: PanelDock, checked: bool) -> None:
        """The entry was checked or unchecked (by the person or by its feature); a
        panel behind another tab is unchecked, so checking it brings it forward."""
        if self._syncing or not isValid(self.window):
            return
        if checked and dock.suppressed:
            dock.set_suppressed(False)  # asked for in full screen: it comes back
        dock.set_wanted(checked)
        if checked and dock.should_show():
            dock.raise_()
        self._sync(dock)
        self.schedule_order()

    def _triggered(self, dock: PanelDock) -> None:
        """Chosen by the person: a shown panel gets the keyboard, a hidden one gives
        it back to the video."""
        if dock.should_show():
            self._pending_focus = dock  # once Qt has put it in front
            self._focus_later.start()
        else:
            focus = QApplication.focusWidget()
            if focus is None or dock.isAncestorOf(focus) or not focus.isVisible():
                self.core.video.setFocus(Qt.FocusReason.OtherFocusReason)

    def _shown(self, dock: PanelDock) -> None:
        if not isValid(self.window):
            return  # a dock hidden while the window is being destroyed
        self._sync(dock)
        self.schedule_order()

    def _sync(self, dock: PanelDock) -> None:
        """The entry is checked while the panel is in front, and off while its
        panel has nothing to show. An entry that is its feature's own on/off
        (Descriptions) is left as the feature sets it."""
        place = PLACES.get(dock.panel.name)
        if place is not None and not place.follows_panel:
            return
        action = self.toggles[dock.panel.name]
        self._syncing = True
        try:
            action.setChecked(dock.should_show() and not dock.behind())
            action.setEnabled(dock.available)
        finally:
            self._syncing = False

    def sync_all(self) -> None:
        for dock in self.docks.values():
            self._sync(dock)

    def set_full_screen(self, full: bool) -> None:
        """Full screen keeps the video, its description and the discussion; private
        panels leave the screen, which may be mirrored."""
        for name, dock in self.docks.items():
            place = PLACES.get(name)
            keep = place.in_full_screen if place else True
            dock.set_suppressed(full and (dock.panel.private or not keep))
        self.schedule_order()

    # -- the keyboard: focus and Tab order ---------------------------------------------

    def focus_panel(self, dock: PanelDock) -> None:
        """The keyboard to the panel's first control, in whichever window it is."""
        stops = [w for w in tab_chain(dock.panel.widget) if w.isVisible()]
        target = stops[0] if stops else dock.panel.widget
        target.window().activateWindow()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _remember_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not isValid(self.window):
            return
        for dock in self.docks.values():
            if dock.isAncestorOf(new):
                self._last_dock = dock
                return

    def current_dock(self) -> PanelDock | None:
        """The panel with the keyboard focus, else the last one that had it."""
        focus = QApplication.focusWidget()
        for dock in self.docks.values():
            if focus is not None and dock.isAncestorOf(focus):
                return dock
        last = self._last_dock
        return last if last is not None and last.on_screen() else None

    def reading_order(self) -> list[PanelDock]:
        """The docks on screen, in reading order (see player/shell/tab_order.py)."""
        return reading_order(self.window, self.docks.values())

    def tab_order(self) -> list[QWidget]:
        """Every Tab stop of the window, in reading order, as things are now."""
        core = self.core
        with_video = frozenset(n for n, p in PLACES.items() if p.after_video)
        return tab_order(
            self.window,
            [core.status.label],
            [core.video, *tab_chain(core.controls)],
            list(self.docks.values()),
            with_video,
        )

    def next_stop(self, current: QWidget | None, forward: bool) -> QWidget | None:
        """Where Tab (or Shift+Tab) goes from `current`."""
        return next_stop(self.tab_order(), current, forward)

    def schedule_order(self) -> None:
        """Name the tab bars now and once the layout has settled (docks move in
        bursts), then say the order changed."""
        if not isValid(self.window):
            return
        name_tab_bars(self.window)
        self._settle_order.start()

    def _order_settled(self) -> None:
        name_tab_bars(self.window)
        self.order_changed.emit()

    def _focus_pending(self) -> None:
        dock, self._pending_focus = self._pending_focus, None
        if dock is not None and dock.on_screen():
            self.focus_panel(dock)


def _soon(parent: QObject, slot: Callable[[], None]) -> QTimer:
    """A timer for "once the layout has settled", a child so it goes with `parent`."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer


def _set_up_docking(window: QMainWindow) -> None:
    """Docks nest and tab, without animation (they move at once, WCAG 2.3.3); the
    side columns run the window's full height; a group's tabs are above it."""
    window.setDockOptions(
        QMainWindow.DockOption.AllowNestedDocks
        | QMainWindow.DockOption.AllowTabbedDocks
    )
    for corner, area in (
        (Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
        (Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
        (Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea),
        (Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea),
    ):
        window.setCorner(corner, area)
    window.setTabPosition(
        Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North
    )


def _with_access_key(text: str, used: set[str]) -> str:
    """`text` with "&" before its first letter no other entry uses."""
    for index, letter in enumerate(text):
        if letter.isalpha() and letter.lower() not in used:
            return f"{text[:index]}&{text[index:]}"
    return text
