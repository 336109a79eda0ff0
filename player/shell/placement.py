"""Where each part of the window goes, and the Tab order: decided here only.

The video column holds the problems, the video, the description under it, the
transport bar, and the videos and chapters side by side; the transcript sits beside
the column in a splitter; the facilitator's panels are docks at the bottom. Which
panel goes where is the table `PLACES`; a panel named there but not contributed is
simply absent.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from player.core.actions import PlayerActions
from player.core.contribution import (
    CHAPTERS,
    DESCRIPTIONS,
    DISCUSSION,
    NOTES,
    TRANSCRIPT,
    VIDEOS,
    Panel,
)
from player.core.status import StatusArea
from player.playback.controls import Controls

UNDER_VIDEO = "under video"
LISTS = "lists"
BESIDE = "beside"
DOCK = "dock"
# Panel name -> (place, its dock's object name, whether it can be moved and closed).
PLACES: dict[str, tuple[str, str, bool]] = {
    DESCRIPTIONS: (UNDER_VIDEO, "", False),
    VIDEOS: (LISTS, "", False),
    CHAPTERS: (LISTS, "", False),
    TRANSCRIPT: (BESIDE, "", False),
    DISCUSSION: (DOCK, "discussionDock", False),
    NOTES: (DOCK, "notesDock", True),
}
LISTS_MAX_HEIGHT = 170


@dataclass(frozen=True)
class Core:
    """The shell's own parts, around which the panels go."""

    status: StatusArea
    video: QWidget
    controls: Controls


class Placement:
    """Puts the panels in the window, wires their toggles, and sets the Tab order."""

    def __init__(
        self,
        window: QMainWindow,
        actions: PlayerActions,
        core: Core,
        panels: Sequence[Panel],
    ) -> None:
        self.window = window
        self.actions = actions
        self.core = core
        self.panels = {panel.name: panel for panel in panels}
        self.docks: dict[str, QDockWidget] = {}
        self._private_hidden: list[QDockWidget] = []
        self.lists = QWidget(window)
        self._build_column()
        for panel in panels:
            if PLACES.get(panel.name, (DOCK,))[0] == DOCK:
                self._dock(panel)
        actions["full_screen"].toggled.connect(self._full_screen_changed)
        self.set_tab_order()

    def container(self, name: str) -> QWidget:
        """What shows and hides panel `name`: its dock, or the panel itself."""
        return self.docks.get(name) or self.panels[name].widget

    def _build_column(self) -> None:
        window, core = self.window, self.core
        left = QWidget(window)
        left.setObjectName("videoColumn")
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(core.status)
        column.addWidget(core.video, 1)
        for panel in self._placed(UNDER_VIDEO):
            column.addWidget(panel.widget)
        column.addWidget(core.controls)
        row = QHBoxLayout(self.lists)
        row.setContentsMargins(4, 0, 4, 4)
        for panel in self._placed(LISTS):
            row.addWidget(panel.widget)
        self.lists.setMaximumHeight(LISTS_MAX_HEIGHT)
        column.addWidget(self.lists)
        splitter = QSplitter(Qt.Orientation.Horizontal, window)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        for panel in self._placed(BESIDE):
            splitter.addWidget(panel.widget)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        window.setCentralWidget(splitter)
        self.splitter = splitter

    def _placed(self, place: str) -> list[Panel]:
        names = [name for name, where in PLACES.items() if where[0] == place]
        return [self.panels[name] for name in names if name in self.panels]

    def _dock(self, panel: Panel) -> None:
        _place, object_name, movable = PLACES.get(panel.name, (DOCK, "", True))
        dock = QDockWidget(panel.title, self.window)
        dock.setObjectName(object_name or f"{panel.name}Dock")
        dock.setAccessibleName(panel.title)
        dock.setWidget(panel.widget)
        features = QDockWidget.DockWidgetFeature
        dock.setFeatures(
            features.DockWidgetClosable | features.DockWidgetMovable
            if movable
            else features.NoDockWidgetFeatures
        )
        self.window.addDockWidget(
            Qt.DockWidgetArea.BottomDockWidgetArea, dock, Qt.Orientation.Horizontal
        )
        self.docks[panel.name] = dock
        if panel.toggle:
            action = self.actions[panel.toggle]
            action.toggled.connect(dock.setVisible)
            dock.visibilityChanged.connect(
                lambda _shown, d=dock, a=action: a.setChecked(not d.isHidden())
            )

    def _full_screen_changed(self, full: bool) -> None:
        """Private panels leave the screen while it may be mirrored."""
        if full:
            private = [self.docks[n] for n, p in self.panels.items() if p.private]
            self._private_hidden = [d for d in private if d.isVisible()]
            for dock in self._private_hidden:
                dock.hide()
        else:
            for dock in self._private_hidden:
                dock.show()
            self._private_hidden = []

    def set_tab_order(self) -> None:
        """Reading order: problems, video, description, transport bar, videos,
        chapters, transcript, then the docks."""
        core = self.core
        order: list[QWidget] = [core.status.label, core.video]
        for name in (DESCRIPTIONS,):
            order += self._tab_stops(name)
        order += _tab_chain(core.controls)
        for name in (VIDEOS, CHAPTERS, TRANSCRIPT, DISCUSSION, NOTES):
            order += self._tab_stops(name)
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def _tab_stops(self, name: str) -> list[QWidget]:
        panel = self.panels.get(name)
        return _tab_chain(panel.widget) if panel is not None else []


def _tab_chain(root: QWidget) -> list[QWidget]:
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
