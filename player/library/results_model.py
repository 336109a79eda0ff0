"""Search results over all modules: a list model of hits and their delegate."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from captions.library import Hit
from captions.timefmt import format_clock, format_spoken

Index = QModelIndex | QPersistentModelIndex

# The index marks matches with these; they never occur in caption text.
MARK_START = "\x02"
MARK_END = "\x03"
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2


def snippet_html(snippet: str) -> str:
    """The snippet escaped, each match bold and underlined (not colour alone)."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(MARK_START, "<b><u>").replace(MARK_END, "</u></b>")


def snippet_plain(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


def hit_place(hit: Hit) -> str:
    """Module, video, time and speaker as one line: "Module › Video · 1:05 · Ana"."""
    parts = [f"{hit.module_title} › {hit.video_title}", format_clock(hit.start_ms)]
    if hit.speaker:
        parts.append(hit.speaker)
    if hit.track_label:
        parts.append(hit.track_label)
    return " · ".join(parts)


def hit_html(hit: Hit) -> str:
    lines = [
        f"<div>{html.escape(hit_place(hit))}</div>",
        f"<div>{snippet_html(hit.snippet)}</div>",
    ]
    if hit.attribution:
        lines.append(f"<div><i>{html.escape(hit.attribution)}</i></div>")
    return "".join(lines)


def hit_spoken(hit: Hit) -> str:
    """What a screen reader says for a hit: place, time in words, speaker, words."""
    said = snippet_plain(hit.snippet) or hit.text
    speaker = f"{hit.speaker}: " if hit.speaker else ""
    line = (
        f"{hit.module_title}, {hit.video_title}, {format_spoken(hit.start_ms)}, "
        f"{speaker}{said}"
    )
    if hit.attribution:
        line += f". Story: {hit.attribution}"
    return line


class LibraryResultsModel(QAbstractListModel):
    """The hits of the last library query, best first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def append_hits(self, hits: Sequence[Hit]) -> None:
        """More hits of the same query after those shown (they arrive in batches)."""
        if hits:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
            self._hits.extend(hits)
            self.endInsertRows()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit_place(hit)}: {snippet_plain(hit.snippet)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return hit_spoken(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Enter or double-click: open the video at this cue"
        if role == HIT_ROLE:
            return hit
        if role == HTML_ROLE:
            return hit_html(hit)
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as rich text: place line, snippet with bold matches, attribution."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        width = self._view.viewport().width()
        document.setTextWidth(max(80, width - 8))
        document.setHtml(str(index.data(HTML_ROLE)))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 6)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = QRect(option.rect)
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        colours = QPalette(palette)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
            text = palette.color(QPalette.ColorRole.HighlightedText)
            colours.setColor(QPalette.ColorRole.Text, text)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = colours
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.translate(rect.topLeft())
        document = self._document(option, index)
        document.documentLayout().draw(painter, context)
        painter.translate(-rect.topLeft())
        if state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(palette.color(QPalette.ColorRole.Text), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()
