"""The window's own verbs: full screen, help, about, open, preferences, quit.

The panels' own verbs are in player/shell/panel_commands.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QWidget

from player.core.context import PlayerContext
from player.shell.placement import Placement
from player.shell.preferences_dialog import Preferences

if TYPE_CHECKING:
    from player.shell.help_dialog import HelpDialog


class WindowCommands:
    """What the shell itself does for the keyboard map; features bring the rest."""

    def __init__(
        self,
        window: QMainWindow,
        ctx: PlayerContext,
        placement: Placement,
        preferences: Preferences,
    ) -> None:
        self.window = window
        self.keymap, self.showing = ctx.actions, ctx.showing
        self.placement = placement
        self.preferences = preferences
        self.help_dialog: HelpDialog | None = None
        self._hidden_for_full_screen: list[QWidget] = []

    def table(self) -> dict[str, Callable[[], object]]:
        return {
            "open": self.open_dialog,
            "quit": self.window.close,
            "preferences": self.preferences.open,
            "full_screen": self.toggle_full_screen,
            "leave_full_screen": self.leave_full_screen,
            "help": self.show_help,
            "about": self.show_about,
        }

    def toggle_full_screen(self) -> None:
        window = self.window
        if window.isFullScreen():
            self.leave_full_screen()
            return
        placement = self.placement  # hides its panels as the action turns on
        self._hidden_for_full_screen = [w for w in (window.menuBar(),) if w.isVisible()]
        for widget in self._hidden_for_full_screen:
            widget.hide()
        window.showFullScreen()
        self.keymap["full_screen"].setChecked(True)
        self.keymap["leave_full_screen"].setEnabled(True)
        placement.core.video.setFocus()

    def leave_full_screen(self) -> None:
        window = self.window
        if window.isFullScreen():
            window.showNormal()
        for widget in self._hidden_for_full_screen:
            widget.show()
        self._hidden_for_full_screen = []
        self.keymap["full_screen"].setChecked(False)
        self.keymap["leave_full_screen"].setEnabled(False)

    def show_help(self) -> None:
        if self.help_dialog is None:
            from player.shell.help_dialog import HelpDialog  # built on first use only

            self.help_dialog = HelpDialog(self.keymap.rows(), self.window)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def show_about(self) -> None:
        module = self.showing.module
        credit = module.credit if module is not None and module.credit else ""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self.window,
            "About Transcript Player",
            f"Transcript Player\n\n{credit}".strip(),
        )

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            "Open module or video",
            "",
            "Modules and videos (module.toml *.mp4 *.webm *.mkv *.mov);;All files (*)",
        )
        if path:
            self.showing.open_path(path)
