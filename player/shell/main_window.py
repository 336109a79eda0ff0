"""The composition root: builds the context and the features, places and wires them.

Nothing else imports this module: a feature gets a `PlayerContext`, never the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from player.core.actions import SingleKeyGuard
from player.core.context import build_context
from player.core.contribution import Contribution
from player.core.status import StatusArea
from player.playback.facade import PlaybackBase
from player.shell.commands import WindowCommands
from player.shell.features import Features, build_features
from player.shell.layout_control import LayoutControl
from player.shell.panel_commands import PanelCommands
from player.shell.placement import Core, Placement
from player.shell.preferences_dialog import Preferences
from player.shell.sign_window import SignWindow

FOCUS_RING = (
    "QAbstractButton:focus, QComboBox:focus, QSlider:focus,"
    " QAbstractItemView:focus, QTabBar:focus,"
    " QLineEdit:focus { border: 3px solid #0b57d0; }"
)
TITLE = "Transcript Player"


class MainWindow(QMainWindow):
    """Video with captions and controls; the transcript, lists and facilitator's
    panels in docks, laid out for a learner or a facilitator."""

    def __init__(
        self, playback: PlaybackBase, guard: SingleKeyGuard | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(TITLE)
        self.setStyleSheet(FOCUS_RING)  # before the theme adds its own rules
        self.playback = playback
        self.guard = guard  # the application's single-key filter, if installed
        self.status = StatusArea(self)
        self.statusBar()  # now, so the window's smallest size counts it
        self.ctx = build_context(self, playback, self.status)
        self.keymap = self.ctx.actions
        self.showing = self.ctx.showing
        self.features: Features = build_features(self.ctx, guard)
        contributions = self.features.contributions()
        self.video_view = self.features.video.view
        self.controls = self.features.transport.controls
        self.transcript = self.features.transcript.panel
        self.video_list = self.features.navigation.videos
        self.chapters = self.features.navigation.chapters
        self.controls.add_indicators([w for c in contributions for w in c.indicators])
        self.placement = Placement(
            self,
            self.keymap,
            Core(self.status, self.video_view, self.controls),
            [panel for c in contributions for panel in c.panels],
        )
        self.layouts = LayoutControl(self.placement, self.ctx.settings, self.ctx.notify)
        self.panel_commands = PanelCommands(
            self.placement, self.layouts, self.ctx.notify
        )
        self.sign_window = SignWindow(
            self.placement, self.ctx.settings, self.ctx.notify
        )
        self.preferences = Preferences(
            self, [p for c in contributions for p in c.pages]
        )
        self.commands = WindowCommands(self, self.ctx, self.placement, self.preferences)
        self._wire(contributions)
        self.status.label.setToolTip(
            "Problems found while opening this module or video"
        )

    def _wire(self, contributions: list[Contribution]) -> None:
        """Every action to its command, in one place; then the window's own state."""
        self.keymap.connect_all(self.commands.table())
        self.keymap.connect_all(self.panel_commands.table())
        self.keymap.connect_all(self.sign_window.table())
        for contribution in contributions:
            self.keymap.connect_all(contribution.commands)
        self._closing = [c.on_close for c in contributions if c.on_close is not None]
        self._closing.append(self.layouts.save_on_close)
        self.showing.video_changed.connect(self._show_title)
        self.layouts.start()

    def _show_title(self, _video: object = None) -> None:
        video, module = self.showing.video, self.showing.module
        if video is not None and module is not None:
            self.setWindowTitle(f"{video.title} — {module.title} — {TITLE}")

    # -- what the command line and tests ask of the window ----------------------------

    def open_path(self, path: str | Path, video_id: str | None = None) -> bool:
        return self.showing.open_path(path, video_id)

    def seek(self, ms: int) -> None:
        """Go to video time `ms` (the command line's --at)."""
        self.playback.seek(max(0, int(ms)))

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab follows the panels as they are now placed (player/shell/tab_order.py)."""
        target = self.placement.next_stop(QApplication.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        reason = (
            Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        )
        target.setFocus(reason)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.layouts.on_show()  # fit the screen before the first frame is drawn

    def closeEvent(self, event: QCloseEvent) -> None:
        for close in self._closing:  # save places, end the presentation, stop threads
            close()
        self.playback.pause()
        super().closeEvent(event)
