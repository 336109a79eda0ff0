"""The transcript list: tells a user's own scrolling apart from following the video."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractSlider, QListView, QWidget

from player.transcript.model import TranscriptModel
from player.transcript.spaced_delegate import SpacedDelegate

NAVIGATION_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)
ACTIVATE_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
FOLLOW_TOP = 0.25
FOLLOW_BOTTOM = 0.8


class TranscriptView(QListView):
    """A QListView of cues; scrolls by program only through `follow_row`."""

    user_scrolled = Signal()
    cue_chosen = Signal(int, bool)  # row, whether the segment header was chosen

    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scrolling_by_program = False
        self._pressed_row = -1
        self._pending_follow = -1
        self.setModel(model)
        self.transcript_delegate = SpacedDelegate(model, self)
        self.setItemDelegate(self.transcript_delegate)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(400)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAutoScroll(False)
        self.setAccessibleName("Transcript")
        self.setAccessibleDescription(
            "Captions of the video as text; the cue now playing is marked and "
            "selected. Click or press Enter on a cue to play from there."
        )
        self.verticalScrollBar().actionTriggered.connect(self._on_scrollbar_action)
        self._retry = QTimer(self, singleShot=True, interval=50)
        self._retry.timeout.connect(self._retry_follow)

    # -- telling the user's scrolling apart ------------------------------------------

    def _on_scrollbar_action(self, action: int) -> None:
        no_action = QAbstractSlider.SliderAction.SliderNoAction.value
        if not self._scrolling_by_program and action != no_action:
            self.user_scrolled.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        super().wheelEvent(event)
        if not self._scrolling_by_program:
            self.user_scrolled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in ACTIVATE_KEYS and self.currentIndex().isValid():
            # On the story's first cue, Enter plays the story from its start.
            self.cue_chosen.emit(self.currentIndex().row(), True)
            event.accept()
            return
        super().keyPressEvent(event)
        if key in NAVIGATION_KEYS:
            self.user_scrolled.emit()
            if self.currentIndex().isValid():
                self.scrollTo(self.currentIndex())

    def keyboardSearch(self, search: str) -> None:
        """Typing letters must not jump to a cue (they may be player shortcuts)."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        self._pressed_row = index.row() if index.isValid() else -1
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        index = self.indexAt(point)
        pressed = self._pressed_row
        self._pressed_row = -1
        super().mouseReleaseEvent(event)
        if (
            event.button() == Qt.MouseButton.LeftButton
            and index.isValid()
            and index.row() == pressed
        ):
            self.cue_chosen.emit(index.row(), self._in_header(index, point))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        index = self.indexAt(point)
        super().mouseDoubleClickEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            self.cue_chosen.emit(index.row(), self._in_header(index, point))

    def _in_header(self, index: QModelIndex, point: QPoint) -> bool:
        rect = self.visualRect(index)
        height = self.transcript_delegate.header_height(index.row(), rect.width())
        return height > 0 and point.y() < rect.top() + height

    # -- following -------------------------------------------------------------------

    def mark_current(self, row: int) -> None:
        """Make `row` the view's current, selected item: what screen readers report."""
        index = self.model().index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Current
        )
        self.selectionModel().setCurrentIndex(index, flags)

    def mark_playing(self, row: int) -> None:
        """Select `row` (the cue now playing) and leave the learner's own current
        item where it is: a screen reader hears of the change, reading stays put."""
        self.selectionModel().select(
            self.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )

    def follow_row(self, row: int, always: bool = False) -> None:
        """Scroll `row` into the upper part of the view, unless it already shows."""
        index = self.model().index(row, 0)
        rect = self.visualRect(index)
        if not rect.isValid():
            self._pending_follow = row
            self._retry.start()
            return
        self._pending_follow = -1
        height = self.viewport().height()
        inside = rect.top() >= 0 and rect.bottom() <= height * FOLLOW_BOTTOM
        if inside and not always:
            return
        self.scroll_by_program(rect.top() - int(height * FOLLOW_TOP))

    def scroll_by_program(self, delta: int) -> None:
        bar = self.verticalScrollBar()
        self._scrolling_by_program = True
        try:
            bar.setValue(bar.value() + delta)
        finally:
            self._scrolling_by_program = False

    def stop_pending_follow(self) -> None:
        self._pending_follow = -1
        self._retry.stop()

    def _retry_follow(self) -> None:
        if self._pending_follow >= 0:
            self.follow_row(self._pending_follow, always=True)

    def relayout(self) -> None:
        """Measure every row again (after a text size change)."""
        self.transcript_delegate.clear_cache()
        self.scheduleDelayedItemsLayout()
