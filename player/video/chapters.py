"""Chapters (from a chapters track) and storytelling segments, as places to jump to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from captions.model import Track
from captions.timefmt import format_clock, format_spoken
from media.model import Segment


class ChapterList(QWidget):
    """Emits `seek_requested(ms)`; a story always starts at its segment's start."""

    seek_requested = Signal(int)
    play_story_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chapterList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("Chapters", self)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setObjectName("chapterListView")
        self.list.setAccessibleName("Chapters")
        self.list.itemActivated.connect(self._on_activated)
        self.heading.setBuddy(self.list)
        layout.addWidget(self.list)
        self.story_button = QPushButton("Play the story from its start", self)
        self.story_button.setObjectName("playStoryButton")
        self.story_button.setAccessibleName("Play the story from its start")
        self.story_button.clicked.connect(self.play_story_requested)
        layout.addWidget(self.story_button)

    def set_content(self, chapters: Track | None, segments: Sequence[Segment]) -> None:
        self.list.clear()
        stories = {segment.start_ms: segment for segment in segments}
        entries: list[tuple[int, str, str]] = []
        for cue in chapters.cues if chapters else ():
            story = stories.pop(cue.start_ms, None)
            title = cue.plain.replace("\n", " ")
            entries.append(
                (cue.start_ms, title, story.attribution_line if story else "")
            )
        entries += [
            (s.start_ms, f"Story: {s.title}", s.attribution_line)
            for s in stories.values()
        ]
        for start, title, attribution in sorted(entries, key=lambda e: e[0]):
            item = QListWidgetItem(f"{format_clock(start)}  {title}")
            item.setData(Qt.ItemDataRole.UserRole, start)
            spoken = f"{title}, at {format_spoken(start)}"
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{spoken}. {attribution}" if attribution else spoken,
            )
            if attribution:
                item.setToolTip(attribution)
            self.list.addItem(item)
        self.list.setVisible(bool(entries))
        self.heading.setVisible(bool(entries))
        self.story_button.setVisible(bool(segments))
        self.setVisible(bool(entries))

    def count(self) -> int:
        return self.list.count()

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.seek_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
