"""Plain in-window messages: why the video cannot play, what the module check found."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

try:
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - Qt before 6.8
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]


class StatusArea(QWidget):
    """Messages grouped by topic ("video", "captions", "module"), shown as plain text.

    A topic's messages replace its old ones, so reopening a video clears its problem.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusArea")
        self._messages: dict[str, list[str]] = {}
        self._speak: Callable[[str], None] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel(self)
        self.label.setObjectName("statusText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.label.setAccessibleName("Problems")
        self.label.setStyleSheet(
            "QLabel { background: #fff4ce; color: #1a1a1a;"
            " border: 1px solid #8a6d00; padding: 4px; }"
            "QLabel:focus { border: 3px solid #0b57d0; }"
        )
        layout.addWidget(self.label)
        self.hide()

    def set_messages(self, topic: str, messages: list[str]) -> None:
        unique = list(dict.fromkeys(m for m in messages if m))
        if unique == self._messages.get(topic, []):
            return
        fresh = [m for m in unique if m not in self._messages.get(topic, [])]
        self._messages[topic] = unique
        self._refresh()
        if fresh:
            self.announce(" ".join(fresh))

    def add_message(self, topic: str, message: str) -> None:
        self.set_messages(topic, [*self._messages.get(topic, []), message])

    def clear(self, topic: str) -> None:
        self.set_messages(topic, [])

    def messages(self, topic: str | None = None) -> list[str]:
        if topic is not None:
            return list(self._messages.get(topic, []))
        return [m for group in self._messages.values() for m in group]

    def text(self) -> str:
        return self.label.text()

    def _refresh(self) -> None:
        text = "\n".join(self.messages())
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def speak_with(self, speak: Callable[[str], None]) -> None:
        """Say messages through `speak` (the window's screen reader voice)."""
        self._speak = speak

    def announce(self, text: str) -> None:
        """Tell a screen reader something once, without showing it here."""
        if self._speak is not None:
            self._speak(text)
        elif QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(self.window(), text)
            )
