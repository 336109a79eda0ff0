"""One panel in a dock: a title bar with keyboard-reachable buttons, and its content.

Two things decide whether a dock shows: the person wants it (its View > Panels entry,
the layout) and its feature has something to show (a feature hides its panel widget
when there is nothing, as the chapter list does for a video without chapters). The
dock shows when both hold. A dock tabbed behind another stays "visible" to Qt, moved
off screen; its content is hidden then, so neither Tab nor a screen reader meets
controls nobody can see.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from player.core.contribution import Panel

TARGET_PX = 24  # WCAG 2.5.8: a target at least 24 by 24 CSS pixels
FEATURES = (
    QDockWidget.DockWidgetFeature.DockWidgetClosable
    | QDockWidget.DockWidgetFeature.DockWidgetMovable
    | QDockWidget.DockWidgetFeature.DockWidgetFloatable
)


class TitleBar(QWidget):
    """The panel's name, then Float (or Dock) and Close, each a Tab stop with a name.

    Mouse presses on the name are left to the dock, which drags and floats it.
    """

    def __init__(self, dock: PanelDock) -> None:
        super().__init__(dock)
        self.setObjectName(f"{dock.objectName()}Title")
        self.dock = dock
        title = dock.windowTitle()
        self.label = QLabel(title, self)
        self.label.setObjectName("dockTitle")
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.label.setMinimumWidth(
            self.label.fontMetrics().horizontalAdvance(title[:12])
        )
        style = self.style()
        self.float_button = self._button(
            "floatButton",
            style.standardIcon(QStyle.StandardPixmap.SP_TitleBarNormalButton),
        )
        self.close_button = self._button(
            "closeButton",
            style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton),
        )
        self.float_button.clicked.connect(dock.toggle_floating)
        self.close_button.clicked.connect(dock.close_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 1, 1, 1)
        layout.setSpacing(2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)
        self.describe("")

    def _button(self, name: str, icon: QIcon) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(icon)
        button.setAutoRaise(True)
        button.setMinimumSize(TARGET_PX, TARGET_PX)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def describe(self, close_keys: str) -> None:
        """Names and tooltips that say which panel, and the keys that do the same."""
        title = self.dock.windowTitle()
        floating = self.dock.isFloating()
        verb = "Dock" if floating else "Float"
        self.float_button.setText(f"{verb} {title}")
        self.float_button.setAccessibleName(f"{verb} {title}")
        where = "back into the main window" if floating else "in a window of its own"
        float_keys = self.dock.float_keys
        self.float_button.setToolTip(
            f"Put the {title} panel {where}"
            + (f" ({float_keys}, on the panel with focus)" if float_keys else "")
        )
        self.close_button.setText(f"Close {title}")
        self.close_button.setAccessibleName(f"Close {title}")
        self.close_button.setToolTip(
            f"Hide the {title} panel"
            + (f" ({close_keys})" if close_keys else "")
            + "; View > Panels shows it again"
        )
        for button in (self.float_button, self.close_button):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def set_reachable(self, reachable: bool) -> None:
        """Tab stops only while the dock is on screen."""
        policy = Qt.FocusPolicy.TabFocus if reachable else Qt.FocusPolicy.NoFocus
        for button in (self.float_button, self.close_button):
            button.setFocusPolicy(policy)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), TARGET_PX + 2))


class PanelDock(QDockWidget):
    """A contributed panel as a dock; `wanted` and the feature's own hiding decide
    whether it shows (see the module's docstring)."""

    close_requested = Signal()  # its Close button: the shell unchecks its toggle
    shown_changed = Signal(bool)  # shown or hidden as a whole (not tab switches)
    available_changed = Signal(bool)  # its feature showed or hid the panel widget

    def __init__(self, panel: Panel, object_name: str, window: QMainWindow) -> None:
        super().__init__(panel.title, window)
        self.panel = panel
        self.setObjectName(object_name)
        self.setAccessibleName(panel.title)
        self.setAccessibleDescription(f"The {panel.title} panel")
        self.setFeatures(FEATURES)
        self.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        self.float_keys = ""
        self._close_keys = ""
        self.wanted = True
        self.suppressed = False  # off screen while the window is full screen
        self.in_front = False  # Qt's last word: in front of its tab group or not
        self.available = not _explicitly_hidden(panel.widget)
        # The dock's widget stays shown; the holder inside it is what hides behind a
        # tab. (A dock whose own widget is hidden has no room to grow, and a tab
        # group takes its smallest member's limit, so the group could not widen.)
        self.content = QWidget(self)
        self.content.setObjectName(f"{object_name}Content")
        self.holder = QWidget(self.content)
        self.holder.setObjectName(f"{object_name}Holder")
        outer = QVBoxLayout(self.content)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.holder)
        column = QVBoxLayout(self.holder)
        column.setContentsMargins(0, 0, 0, 0)
        grows = panel.widget.sizePolicy().verticalPolicy().value & (
            QSizePolicy.PolicyFlag.GrowFlag.value
        )
        top = Qt.AlignmentFlag(0) if grows else Qt.AlignmentFlag.AlignTop
        column.addWidget(panel.widget, 0, top)  # a panel that cannot grow: at the top
        self.setWidget(self.content)
        self.title_bar = TitleBar(self)
        self.setTitleBarWidget(self.title_bar)
        panel.widget.installEventFilter(self)
        panel.widget.windowTitleChanged.connect(self._retitle)
        self.visibilityChanged.connect(self._on_screen_changed)
        self.topLevelChanged.connect(
            lambda _floating: self.title_bar.describe(self._close_keys)
        )

    def _retitle(self, title: str) -> None:
        """The feature named its panel anew (the sign language of this video)."""
        if not title or title == self.windowTitle():
            return
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"The {title} panel")
        self.title_bar.label.setText(title)
        self.title_bar.describe(self._close_keys)

    def set_close_keys(self, keys: str) -> None:
        self._close_keys = keys
        self.title_bar.describe(keys)

    # -- wanted and available ----------------------------------------------------------

    def set_wanted(self, wanted: bool) -> None:
        self.wanted = wanted
        self._apply()

    def set_suppressed(self, suppressed: bool) -> None:
        self.suppressed = suppressed
        self._apply()

    def should_show(self) -> bool:
        return self.wanted and self.available and not self.suppressed

    def refresh(self) -> None:
        """Shown or hidden as `should_show` says (after Qt restored or moved it)."""
        self._apply()

    def _apply(self) -> None:
        show = self.should_show()
        if show == (not self.isHidden()):
            return
        self.setVisible(show)
        self.shown_changed.emit(show)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The feature hiding or showing its own panel widget."""
        kind = event.type()
        if watched is self.panel.widget and kind in (
            QEvent.Type.HideToParent,
            QEvent.Type.ShowToParent,
        ):
            available = kind == QEvent.Type.ShowToParent
            if available != self.available:
                self.available = available
                self.available_changed.emit(available)
                self._apply()
        return False

    # -- on screen or tabbed behind ----------------------------------------------------

    def on_screen(self) -> bool:
        """Shown, and in front if tabbed (Qt moves a tab behind to negative places)."""
        if self.isHidden() or not self.isVisible():
            return False
        return self.isFloating() or self.in_front

    def behind(self) -> bool:
        """Shown, but behind another panel's tab."""
        return not self.isHidden() and not self.isFloating() and not self.in_front

    def _on_screen_changed(self, in_front: bool) -> None:
        if not self.isHidden():
            self.in_front = in_front
        reachable = self.in_front or self.isFloating()
        self.holder.setVisible(reachable)
        self.title_bar.set_reachable(reachable)

    def closeEvent(self, event: QCloseEvent) -> None:
        """A floating panel's window closed: the same as its Close button."""
        event.ignore()
        self.close_requested.emit()

    def toggle_floating(self) -> None:
        self.setFloating(not self.isFloating())
        if self.isFloating():
            self.activateWindow()
        self.title_bar.describe(self._close_keys)


def _explicitly_hidden(widget: QWidget) -> bool:
    return widget.isHidden() and widget.testAttribute(
        Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    )
