"""The module's videos, with previous and next."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from media.model import Video


class VideoList(QWidget):
    """Lists the videos; emits `video_chosen(id)` and never opens anything itself."""

    video_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoList")
        self._ids: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(self)
        self.list.setObjectName("videoListView")
        self.list.setAccessibleName("Videos in this module")
        self.list.itemActivated.connect(self._on_activated)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.previous_button = QPushButton("Previous video", self)
        self.previous_button.setObjectName("previousVideoButton")
        self.previous_button.setAccessibleName("Previous video")
        self.next_button = QPushButton("Next video", self)
        self.next_button.setObjectName("nextVideoButton")
        self.next_button.setAccessibleName("Next video")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        layout.addLayout(row)

    def set_videos(self, videos: Sequence[Video], current_id: str | None) -> None:
        self.list.clear()
        self._ids = [video.id for video in videos]
        for number, video in enumerate(videos, start=1):
            item = QListWidgetItem(f"{number}. {video.title}")
            item.setData(Qt.ItemDataRole.UserRole, video.id)
            self.list.addItem(item)
        self.set_current(current_id)

    def set_current(self, video_id: str | None) -> None:
        row = self._ids.index(video_id) if video_id in self._ids else -1
        self.list.setCurrentRow(row)
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(0 <= row < len(self._ids) - 1)

    def current_id(self) -> str | None:
        row = self.list.currentRow()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def step(self, delta: int) -> bool:
        """Ask for the neighbouring video; False at either end of the list."""
        row = self.list.currentRow() + delta
        if not self._ids or not 0 <= row < len(self._ids):
            return False
        self.video_chosen.emit(self._ids[row])
        return True

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.video_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
