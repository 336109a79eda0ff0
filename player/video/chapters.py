"""Chapters (from a chapters track) and storytelling segments, as places to jump to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from captions.timefmt import format_clock, format_spoken
from media.chapters import Chapter

CURRENT_CHAPTER = "current chapter"


class ChapterList(QWidget):
    """Emits `seek_requested(ms)`; a story always starts at its segment's start.

    The chapter playing is the list's current, selected item, drawn bold with a
    play mark, and its accessible description says "current chapter". While the
    list has the keyboard, only the mark and the description move: the reader's
    place in the list stays where they put it.
    """

    seek_requested = Signal(int)
    play_story_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chapterList")
        self._chapters: tuple[Chapter, ...] = ()
        self._current = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel("Chapters", self)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setObjectName("chapterListView")
        self.list.setAccessibleName("Chapters")
        self.list.itemActivated.connect(self._on_activated)
        side = self.list.fontMetrics().height()
        self.list.setIconSize(QSize(side, side))
        blank = QPixmap(side, side)
        blank.fill(Qt.GlobalColor.transparent)
        self._no_mark = QIcon(blank)  # keeps every title in line with the marked one
        self.heading.setBuddy(self.list)
        layout.addWidget(self.list)
        self.story_button = QPushButton("Play the story from its start", self)
        self.story_button.setObjectName("playStoryButton")
        self.story_button.setAccessibleName("Play the story from its start")
        self.story_button.clicked.connect(self.play_story_requested)
        layout.addWidget(self.story_button)

    def set_content(self, chapters: Sequence[Chapter], has_story: bool) -> None:
        """Show these chapters (unchanged ones keep the list as it is)."""
        chapters = tuple(chapters)
        self.story_button.setVisible(has_story)
        if chapters == self._chapters and self.list.count() == len(chapters):
            return
        self._chapters = chapters
        self._current = -1
        self.list.clear()
        for chapter in chapters:
            item = self._item(chapter)
            item.setIcon(self._no_mark)
            self.list.addItem(item)
        self.list.setVisible(bool(chapters))
        self.heading.setVisible(bool(chapters))
        self.setVisible(bool(chapters))

    @staticmethod
    def _item(chapter: Chapter) -> QListWidgetItem:
        item = QListWidgetItem(f"{format_clock(chapter.start_ms)}  {chapter.title}")
        item.setData(Qt.ItemDataRole.UserRole, chapter.start_ms)
        spoken = f"{chapter.title}, at {format_spoken(chapter.start_ms)}"
        if chapter.attribution:
            spoken = f"{spoken}. {chapter.attribution}"
            item.setToolTip(chapter.attribution)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        return item

    def chapters(self) -> tuple[Chapter, ...]:
        return self._chapters

    def count(self) -> int:
        return self.list.count()

    def current_index(self) -> int:
        """The chapter marked as playing, -1 for none."""
        return self._current

    def set_current(self, index: int) -> None:
        """Mark chapter `index` as the one playing (-1: none), by more than colour."""
        if index == self._current or index >= self.list.count():
            return
        old = self.list.item(self._current) if self._current >= 0 else None
        if old is not None:
            self._mark(old, False)
        self._current = index
        if index < 0:
            if not self.list.hasFocus():
                self.list.clearSelection()
            return
        item = self.list.item(index)
        self._mark(item, True)
        if not self.list.hasFocus():  # never move a reader's place under them
            self.list.setCurrentItem(item)
            item.setSelected(True)

    def _mark(self, item: QListWidgetItem, current: bool) -> None:
        font = QFont(self.list.font())
        font.setBold(current)
        item.setFont(font)
        icon = QStyle.StandardPixmap.SP_MediaPlay
        item.setIcon(self.style().standardIcon(icon) if current else self._no_mark)
        item.setData(
            Qt.ItemDataRole.AccessibleDescriptionRole,
            CURRENT_CHAPTER if current else "",
        )

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.seek_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
