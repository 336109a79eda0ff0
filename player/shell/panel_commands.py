"""What the keyboard does to panels: go to the next one, widen, move, float.

Splitters and docks are moved with the mouse in Qt; these commands do the same by
key, on the panel with the keyboard focus (the transcript when the video has it),
and say what they did, for a screen reader too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from player.core.contribution import TRANSCRIPT
from player.core.notify import Notify
from player.shell.docks import PanelDock
from player.shell.layout_control import LayoutControl
from player.shell.placement import Placement

STEP_PERCENT = 10  # of the window, per Wider or Narrower
SMALLEST_PX = 80
SIDES = (
    (Qt.DockWidgetArea.RightDockWidgetArea, "right"),
    (Qt.DockWidgetArea.BottomDockWidgetArea, "bottom"),
    (Qt.DockWidgetArea.LeftDockWidgetArea, "left"),
    (Qt.DockWidgetArea.TopDockWidgetArea, "top"),
)


class PanelCommands(QObject):
    """F6 / Shift+F6, Ctrl+] / Ctrl+[, Ctrl+Shift+M and Ctrl+Shift+D."""

    def __init__(
        self, placement: Placement, layouts: LayoutControl, notify: Notify
    ) -> None:
        super().__init__(placement)
        self.placement = placement
        self.layouts = layouts
        self.notify = notify

    def table(self) -> dict[str, Callable[[], object]]:
        return {
            "next_panel": lambda: self.step(1),
            "previous_panel": lambda: self.step(-1),
            "wider_panel": lambda: self.resize(STEP_PERCENT),
            "narrower_panel": lambda: self.resize(-STEP_PERCENT),
            "move_panel": self.move,
            "float_panel": self.toggle_floating,
        }

    def target(self) -> PanelDock | None:
        """The panel with the keyboard focus, else the transcript if it is shown."""
        dock = self.placement.current_dock()
        if dock is not None:
            return dock
        transcript = self.placement.docks.get(TRANSCRIPT)
        return transcript if transcript is not None and transcript.on_screen() else None

    def step(self, delta: int) -> None:
        """Focus to the next (or previous) place: the video, then each panel shown."""
        places: list[QWidget | PanelDock] = [
            self.placement.core.video,
            *self.placement.reading_order(),
        ]
        focus = QApplication.focusWidget()
        here = 0
        for index, place in enumerate(places):
            if focus is not None and (place is focus or place.isAncestorOf(focus)):
                here = index
        target = places[(here + delta) % len(places)]
        if isinstance(target, PanelDock):
            if target.isFloating():
                target.activateWindow()
            self.placement.focus_panel(target)
        else:
            self.placement.window.activateWindow()
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def resize(self, percent: int) -> None:
        """Wider (or narrower) by a share of the window; in the top or bottom area,
        taller (or shorter)."""
        dock = self.target()
        if dock is None:
            self.notify.say("No panel to resize: show one first (View > Panels)")
            return
        window = self.placement.window
        area = window.dockWidgetArea(dock)
        across = area in (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        if dock.isFloating():
            step = window.width() * percent // 100
            dock.resize(max(SMALLEST_PX, dock.width() + step), dock.height())
        else:
            whole = window.width() if across else window.height()
            now = dock.width() if across else dock.height()
            size = max(SMALLEST_PX, now + whole * percent // 100)
            orientation = (
                Qt.Orientation.Horizontal if across else Qt.Orientation.Vertical
            )
            window.resizeDocks([dock], [size], orientation)
        word = (
            ("wider" if across or dock.isFloating() else "taller")
            if percent > 0
            else ("narrower" if across or dock.isFloating() else "shorter")
        )
        self.notify.say(f"{dock.windowTitle()} panel {word}")

    def move(self) -> None:
        """To the next side of the window: right, bottom, left, top."""
        dock = self.target()
        if dock is None:
            self.notify.say("No panel to move: show one first (View > Panels)")
            return
        window = self.placement.window
        if dock.isFloating():
            dock.setFloating(False)
        areas = [area for area, _word in SIDES]
        now = window.dockWidgetArea(dock)
        index = areas.index(now) if now in areas else -1
        area, word = SIDES[(index + 1) % len(SIDES)]
        window.addDockWidget(area, dock)
        dock.raise_()
        self.layouts.make_room(dock)
        self.placement.focus_panel(dock)
        self.placement.schedule_order()
        self.notify.say(f"{dock.windowTitle()} panel moved to the {word}")

    def toggle_floating(self) -> None:
        """Into a window of its own, on this screen, or back into the main window."""
        dock = self.target()
        if dock is None:
            self.notify.say("No panel to float: show one first (View > Panels)")
            return
        dock.toggle_floating()
        if dock.isFloating():
            free = self.placement.window.screen().availableGeometry()
            size = dock.size().boundedTo(free.size())
            dock.resize(size)
            dock.move(
                free.x() + (free.width() - size.width()) // 2,
                free.y() + (free.height() - size.height()) // 2,
            )
            dock.raise_()
            dock.activateWindow()
        self.placement.focus_panel(dock)
        self.placement.schedule_order()
        where = "in a window of its own" if dock.isFloating() else "back in the window"
        self.notify.say(f"{dock.windowTitle()} panel {where}")
