"""The console's Discussion panel and the dialog that adds a facilitator's own pause."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from captions.timefmt import format_clock, format_spoken
from media.model import Pause
from player.playback.flow_row import FlowRow

SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse
    | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def _label(parent: QWidget, name: str, accessible: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(SELECTABLE)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


class DiscussionPanel(QWidget):
    """What the facilitator needs: the stop, the next pause, the pause tools."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("discussionPanel")
        self.setAccessibleName("Discussion")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.presenting_label = _label(self, "presentingLabel", "Presentation")
        self.presenting_label.setStyleSheet(
            "QLabel { background: #10284a; color: #ffffff; padding: 4px; }"
        )
        self.presenting_label.hide()
        self.prompt_label = _label(self, "discussionPrompt", "Discussion")
        self.prompt_label.setStyleSheet(
            "QLabel:focus { border: 3px solid #0b57d0; }"
            ' QLabel[stopped="true"] { background: #fff4ce; color: #1a1a1a;'
            " border: 2px solid #8a6d00; font-size: 14pt; padding: 6px; }"
        )
        row = FlowRow()  # the tools wrap onto more lines in a narrow dock
        self.buttons: list[QToolButton] = []
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(f"button_{action.objectName()}")
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            row.addWidget(button)
            self.buttons.append(button)
        layout.addWidget(self.presenting_label)
        layout.addLayout(row)
        layout.addWidget(self.prompt_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_state(
        self, stopped: Pause | None, upcoming: Pause | None, skipped: bool, on: bool
    ) -> str:
        """Write the panel's line; returns it (for announcing)."""
        if stopped is not None:
            text = (
                f"Paused for discussion at {format_clock(stopped.at_ms)}: "
                f"{stopped.prompt}\nSpace continues."
            )
        elif not on:
            text = "Discussion pauses are off."
        elif upcoming is None:
            text = "No more discussion pauses in this video."
        else:
            state = " (will be skipped)" if skipped else ""
            text = (
                f"Next pause at {format_clock(upcoming.at_ms)}{state}: "
                f"{upcoming.prompt}"
            )
        self.prompt_label.setText(text)
        self.prompt_label.setAccessibleDescription(text)
        self.prompt_label.setProperty("stopped", stopped is not None)
        self.prompt_label.style().unpolish(self.prompt_label)
        self.prompt_label.style().polish(self.prompt_label)
        return text

    def show_presenting(self, where: str) -> None:
        """Say where the room's window is ("" when not presenting)."""
        self.presenting_label.setText(
            f"Presenting on {where}. Esc ends the presentation." if where else ""
        )
        self.presenting_label.setVisible(bool(where))


class AddPauseDialog(QDialog):
    """Asks for the prompt of a pause at a fixed time; refuses, with the reason, a time
    where no pause may go."""

    def __init__(
        self, at_ms: int, add: Callable[[int, str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addPauseDialog")
        self.setWindowTitle("Add a discussion pause")
        self.at_ms = at_ms
        self._add = add
        layout = QVBoxLayout(self)
        heading = QLabel(
            f"A pause at {format_clock(at_ms)}. What should the room discuss?", self
        )
        heading.setWordWrap(True)
        self.prompt_field = QPlainTextEdit(self)
        self.prompt_field.setObjectName("pausePrompt")
        self.prompt_field.setAccessibleName("Prompt")
        self.prompt_field.setAccessibleDescription(
            f"The question shown to the room at {format_spoken(at_ms)}"
        )
        self.prompt_field.setTabChangesFocus(True)
        heading.setBuddy(self.prompt_field)
        self.error_label = _label(self, "pauseProblem", "Problem")
        self.error_label.setStyleSheet(
            "QLabel { background: #fff4ce; color: #1a1a1a;"
            " border: 1px solid #8a6d00; padding: 4px; }"
        )
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add pause")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(heading)
        layout.addWidget(self.prompt_field)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(460, 240)

    def problem(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def accept(self) -> None:
        problem = self._add(self.at_ms, self.prompt_field.toPlainText())
        if not problem:
            super().accept()
            return
        self.error_label.setText(problem)
        self.error_label.setAccessibleDescription(problem)
        self.error_label.show()
        self.error_label.setFocus()
