"""The transcript list: tells a user's own scrolling apart from following the video.

It is a one-column QTreeView. A long track scrolls per row: the view then measures
only the rows it shows, so a ten-hour track appears at once and a resize re-measures a
screenful, where a QListView measures every row before it paints the first. A track of
up to PIXEL_SCROLL_ROWS rows scrolls per pixel (every row measured, which is cheap):
smooth, and a row taller than the view (a story header at 300 %) can be read to its
end.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QRegion, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractSlider, QTreeView, QWidget

from player.transcript.model import (
    CURRENT_MATCH_ROLE,
    IS_CURRENT_ROLE,
    MATCH_SPANS_ROLE,
    TranscriptModel,
)
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
PIXEL_SCROLL_ROWS = 2_000
# Roles whose change never changes a row's height (the current cue is measured bold).
LOOK_ONLY_ROLES = frozenset(
    {
        IS_CURRENT_ROLE,
        MATCH_SPANS_ROLE,
        CURRENT_MATCH_ROLE,
        Qt.ItemDataRole.AccessibleDescriptionRole,
    }
)


class TranscriptView(QTreeView):
    """The cues as a one-column tree; scrolls by program only through `follow_row`."""

    user_scrolled = Signal()
    cue_chosen = Signal(int, bool)  # row, whether the segment header was chosen

    def __init__(self, model: TranscriptModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scrolling_by_program = False
        self._pressed_row = -1
        self._pending_follow = -1
        self._measured_width = -1
        self.setModel(model)
        self.transcript_delegate = SpacedDelegate(model, self)
        self.setItemDelegate(self.transcript_delegate)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.fit_scrolling(model.rowCount())
        # A switch measures the rows then in the model: to per row before the long
        # track's rows arrive, to per pixel after the short track's have.
        model.modelAboutToBeReset.connect(
            lambda: self.fit_scrolling(max(model.cue_count(), model.rowCount()))
        )
        model.modelReset.connect(lambda: self.fit_scrolling(model.rowCount()))
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

    def fit_scrolling(self, rows: int) -> None:
        """Scroll per pixel while measuring every row is cheap, per row beyond."""
        per_pixel = rows <= PIXEL_SCROLL_ROWS
        mode = QAbstractItemView.ScrollMode
        wanted = mode.ScrollPerPixel if per_pixel else mode.ScrollPerItem
        if self.verticalScrollMode() != wanted:
            self.setVerticalScrollMode(wanted)

    def _per_item(self) -> bool:
        mode = QAbstractItemView.ScrollMode.ScrollPerItem
        return self.verticalScrollMode() == mode

    def follow_row(self, row: int, always: bool = False) -> None:
        """Scroll `row` into the upper part of the view, unless it already shows.

        Per row, it never asks where a far row is: that would measure every row
        between it and the top.
        """
        if not 0 <= row < self.model().rowCount():
            return
        self._pending_follow = -1
        height = self.viewport().height()
        rect = self.visualRect(self.model().index(row, 0))
        if height <= 0 or (not self._per_item() and not rect.isValid()):
            self._pending_follow = row  # not laid out yet
            self._retry.start()
            return
        inside = rect.isValid() and rect.top() >= 0
        if inside and rect.bottom() <= height * FOLLOW_BOTTOM and not always:
            return
        room = int(height * FOLLOW_TOP)
        if self._per_item():
            self._scroll_to(self._top_row_for(row, room))
        else:
            self._scroll_to(self.verticalScrollBar().value() + rect.top() - room)

    def _top_row_for(self, row: int, room: int) -> int:
        """The first row to show so that `row` starts about `room` pixels down."""
        width = self.viewport().width()
        top, above = row, 0
        while top > 0:
            taller = above + self.transcript_delegate.row_height(top - 1, width)
            if taller > room:
                break
            top, above = top - 1, taller
        return top

    def scroll_to_start(self) -> None:
        self._scroll_to(0)

    def _scroll_to(self, value: int) -> None:
        """Set the scroll bar (rows or pixels) as the program, not as the user."""
        bar = self.verticalScrollBar()
        self._scrolling_by_program = True
        try:
            bar.setValue(value)
        finally:
            self._scrolling_by_program = False

    def stop_pending_follow(self) -> None:
        self._pending_follow = -1
        self._retry.stop()

    def _retry_follow(self) -> None:
        if self._pending_follow >= 0:
            self.follow_row(self._pending_follow, always=True)

    def relayout(self) -> None:
        """Measure the rows again (after a text size change); only shown ones are."""
        self.transcript_delegate.clear_cache()
        self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        if width != self._measured_width:  # text wraps anew: heights change
            self._measured_width = width
            self.scheduleDelayedItemsLayout()

    def currentChanged(
        self,
        current: QModelIndex | QPersistentModelIndex,
        previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Qt repaints the old and new current rows, finding each by measuring every
        row up to it: the new one is scrolled to first (as Qt's own auto-scroll
        would), then the old one is left alone if that put it off screen."""
        if not self._per_item():  # every row measured: nothing to walk over
            super().currentChanged(current, previous)
            return
        if current.isValid() and not self._on_screen(current.row()):
            self._scrolling_by_program = True
            try:
                self.scrollTo(current)
            finally:
                self._scrolling_by_program = False
        if previous.isValid() and not self._on_screen(previous.row()):
            previous = QModelIndex()
        super().currentChanged(current, previous)

    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:
        """Where a shown row is; an empty rect for a row off screen, whose place
        the tree view would find by measuring every row between it and the top."""
        if self._per_item() and index.isValid() and not self._on_screen(index.row()):
            return QRect()
        return super().visualRect(index)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        """Repaint the screenful: the exact region costs a walk to far rows."""
        if selection.isEmpty():
            return QRegion()
        return QRegion(self.viewport().rect())

    def _on_screen(self, row: int) -> bool:
        return self._first_shown_row() <= row <= self._last_shown_row()

    def _first_shown_row(self) -> int:
        if self._per_item():
            return self.verticalScrollBar().value()
        return max(0, self.indexAt(QPoint(1, 0)).row())

    def _last_shown_row(self) -> int:
        last = self.indexAt(QPoint(1, max(0, self.viewport().height() - 1))).row()
        return last if last >= 0 else self.model().rowCount() - 1

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """A change of look only repaints, and only if on screen: the tree view
        would re-measure every row in the range, and find where each is."""
        if roles and LOOK_ONLY_ROLES.issuperset(roles):
            top = self._first_shown_row()
            if top_left.row() <= self._last_shown_row() and bottom_right.row() >= top:
                self.viewport().update()
            return
        super().dataChanged(top_left, bottom_right, roles)
