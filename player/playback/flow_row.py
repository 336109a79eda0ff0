"""A row of controls that wraps onto more lines when there is no room (WCAG 1.4.10).

At 200 % text on a small screen a transport bar in one line would be wider than the
window; this layout keeps the controls' order and moves the ones that do not fit to
the next line, so nothing is cut off and nothing forces the window wider than the
screen. A label stays on the line of the control it names (its buddy). On each line
the items with a stretch (the seek slider) share the room left over. The layout
tells its parent the height it needs for a width, so the window gives it that
height instead of squeezing it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QWidget,
)

DEFAULT_SPACING = 6


class Unit(list[QLayoutItem]):
    """Items that share a line: a label and what it names."""

    starts_line = False  # set on a unit that follows a line break


class FlowRow(QLayout):
    """Lays items out left to right (mirrored right to left), wrapping whole units.

    It takes `addWidget(widget, stretch)` and `addLayout(layout)` as QHBoxLayout
    does, so a bar can switch to it without other changes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}
        self._line_starts: set[int] = set()  # ids of the items that begin a line
        self._width = -1  # the width last laid out, for minimumSize's height
        self._lines = 0
        self._later = QTimer(self)  # a child: it goes when the layout goes
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._tell_parents)

    # -- QLayout's interface ------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        super().addWidget(widget)
        self._stretch[id(widget)] = stretch

    def addLayout(self, layout: QLayout) -> None:
        self.addChildLayout(layout)
        self.addItem(layout)

    def add_line_break(self) -> None:
        """Start a new line with the next item, whatever room is left on this one."""
        self._line_starts.add(len(self._items))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def sizeHint(self) -> QSize:
        """Everything on as few lines as the line breaks allow."""
        gap = self._spacing()
        lines = _break_lines(self._units(), 1 << 24, gap)
        width = max((_hint_width(line, gap) for line in lines), default=0)
        heights = [max(i.sizeHint().height() for i in line) for line in lines]
        height = sum(heights) + gap * max(0, len(heights) - 1)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(),
            height + margins.top() + margins.bottom(),
        )

    def minimumSize(self) -> QSize:
        """As narrow as the widest unit; as tall as the lines need at the width now."""
        gap = self._spacing()
        narrowest = max((_minimum_width(u, gap) for u in self._units()), default=0)
        margins = self.contentsMargins()
        width = narrowest + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(max(self._width, width)))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._width = rect.width()
        lines = self._lines
        self._arrange(rect, apply=True)
        if lines != self._lines:
            self._later.start()  # the parents ask minimumSize again, after this pass

    # -- arranging ----------------------------------------------------------------

    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return DEFAULT_SPACING
        metric = QStyle.PixelMetric.PM_LayoutHorizontalSpacing
        return max(0, parent.style().pixelMetric(metric))

    def _units(self) -> list[Unit]:
        """The shown items, a label together with the control after it that it names."""
        units: list[Unit] = []
        breaking = False
        for index, item in enumerate(self._items):
            breaking = breaking or index in self._line_starts
            if item.isEmpty():
                continue
            previous = units[-1][-1].widget() if units else None
            widget = item.widget()
            names_it = isinstance(previous, QLabel) and previous.buddy() is widget
            if widget is not None and names_it and not breaking:
                units[-1].append(item)
            else:
                units.append(Unit([item]))
                units[-1].starts_line = breaking and len(units) > 1
            breaking = False
        return units

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Place the items in `rect` (when `apply`); the height the lines take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(
            margins.left(), margins.top(), -margins.right(), -margins.bottom()
        )
        gap = self._spacing()
        lines = _break_lines(self._units(), max(1, inner.width()), gap)
        y = inner.y()
        for line in lines:
            height = max(item.sizeHint().height() for item in line)
            if apply:
                self._place_line(line, QRect(inner.x(), y, inner.width(), height))
            y += height + gap
        if apply:
            self._lines = len(lines)
        used = max(0, y - inner.y() - (gap if lines else 0))
        return used + margins.top() + margins.bottom()

    def _place_line(self, line: list[QLayoutItem], box: QRect) -> None:
        gap = self._spacing()
        widths = _share(line, box.width() - gap * (len(line) - 1), self._stretch_of)
        parent = self.parentWidget()
        direction = (
            parent.layoutDirection()
            if parent is not None
            else Qt.LayoutDirection.LeftToRight
        )
        x = box.x()
        for item, width in zip(line, widths, strict=True):
            height = _height_in_line(item, box.height())
            top = box.y() + (box.height() - height) // 2
            place = QRect(QPoint(x, top), QSize(width, height))
            item.setGeometry(QStyle.visualRect(direction, self.geometry(), place))
            x += width + gap

    def _stretch_of(self, item: QLayoutItem) -> int:
        widget = item.widget()
        return self._stretch.get(id(widget), 0) if widget is not None else 0

    def _tell_parents(self) -> None:
        self.invalidate()
        parent = self.parentWidget()
        if parent is not None:
            parent.updateGeometry()


def _hint_width(unit: list[QLayoutItem], gap: int) -> int:
    return sum(i.sizeHint().width() for i in unit) + gap * (len(unit) - 1)


def _minimum_width(unit: Unit, gap: int) -> int:
    return sum(i.minimumSize().width() for i in unit) + gap * (len(unit) - 1)


def _break_lines(units: list[Unit], width: int, gap: int) -> list[list[QLayoutItem]]:
    """Greedy: each unit on the current line if its preferred width fits there."""
    lines: list[list[QLayoutItem]] = []
    used = 0
    for unit in units:
        needed = _hint_width(unit, gap)
        if lines and not unit.starts_line and used + gap + needed <= width:
            lines[-1].extend(unit)
            used += gap + needed
        else:
            lines.append(list(unit))
            used = needed
    return lines


def _share(
    line: list[QLayoutItem], room: int, stretch_of: Callable[[QLayoutItem], int]
) -> list[int]:
    """Each item's width: its preferred one, the room left over going to the items
    that stretch; when the room is short, every item gives up width down to its
    minimum."""
    hints = [item.sizeHint().width() for item in line]
    spare = room - sum(hints)
    if spare >= 0:
        weights = [stretch_of(item) for item in line]
        if not any(weights):
            return hints
        extra = [spare * w // sum(weights) for w in weights]
        extra[weights.index(max(weights))] += spare - sum(extra)
        return [h + e for h, e in zip(hints, extra, strict=True)]
    mins = [item.minimumSize().width() for item in line]
    give = [max(0, h - m) for h, m in zip(hints, mins, strict=True)]
    short = min(-spare, sum(give))
    if short <= 0:
        return hints
    cuts = [short * g // sum(give) for g in give]
    for index in range(len(cuts)):  # the rounding's remainder, one pixel at a time
        if sum(cuts) >= short:
            break
        if cuts[index] < give[index]:
            cuts[index] += 1
    return [h - c for h, c in zip(hints, cuts, strict=True)]


def _height_in_line(item: QLayoutItem, line_height: int) -> int:
    """An item that may grow takes the line's height; others keep their own."""
    widget = item.widget()
    if widget is not None:
        policy = widget.sizePolicy().verticalPolicy()
        if policy.value & QSizePolicy.PolicyFlag.GrowFlag.value:
            return min(line_height, item.maximumSize().height())
    return item.sizeHint().height()
