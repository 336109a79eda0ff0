"""The private notes as a feature: their dock, B (bookmark) and the notes menu items.

The notes themselves (the file, the list, the dialogs: notes_controller.py) are built
on first use: when their panel first shows, or a notes command first runs. A
learner's start, which never shows them, does not pay for them.

The notes panel is private: the shell keeps it in the console only, and off the
screen while the window is full screen, so a mirrored screen never shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from player.core.context import PlayerContext
from player.core.contribution import NOTES, Contribution, Panel

if TYPE_CHECKING:
    from player.facilitator.notes_controller import NotesController

NOTES_TITLE = "My notes (private)"


class NotesHost(QWidget):
    """Where the notes panel goes in its dock; says when it is first shown."""

    first_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesHost")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self._shown = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._shown:  # before the first paint, so the panel shows with it
            self._shown = True
            self.first_shown.emit()
        super().showEvent(event)


class NotesFeature(QObject):
    """The notes panel's dock and commands; `controller()` builds the notes once."""

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.host = NotesHost(ctx.window)
        self._controller: NotesController | None = None
        ctx.actions["notes_panel"].setChecked(True)
        self.host.first_shown.connect(self.controller)

    def controller(self) -> NotesController:
        """The notes at work, built now if this is their first use."""
        if self._controller is None:
            from player.facilitator.notes_controller import NotesController

            self._controller = NotesController(self.ctx)
            self.host.column.addWidget(self._controller.panel)
            self._controller.panel.show()  # added in a show event: not shown with it
        return self._controller

    def is_built(self) -> bool:
        return self._controller is not None

    def contribution(self) -> Contribution:
        panel = Panel(NOTES, NOTES_TITLE, self.host, toggle="notes_panel", private=True)
        return Contribution(
            panels=(panel,),
            commands={
                "bookmark": lambda: self.controller().bookmark_here(),
                "export_notes": lambda: self.controller().export_notes(),
                "delete_all_notes": lambda: self.controller().delete_all(),
            },
            on_close=self._close,
        )

    def _close(self) -> None:
        if self._controller is not None:
            self._controller.close()
