"""Draws one transcript row: segment header, speaker heading, time and cue text.

Heights are measured with the bold font (the current cue is bold) so a row never
needs re-measuring when it becomes current, and they are cached per view width;
the view asks only for the rows it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from captions.timefmt import format_clock
from player.transcript.model import TranscriptModel
from player.transcript.rows import SegmentBlock

Index = QModelIndex | QPersistentModelIndex

BAR_WIDTH = 5
SEGMENT_RULE = 3
SEGMENT_FOOTER = 8
_TALL = 1 << 20
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
MATCH_BACKGROUND = QColor("#ffe066")
CURRENT_MATCH_BACKGROUND = QColor("#ff9f1c")
MATCH_TEXT = QColor("#000000")


def notice_line(notice: str) -> str:
    """A story's notice as the header shows it, marked as a warning."""
    return f"⚠ {notice}"


@dataclass(frozen=True, slots=True)
class RowGeometry:
    """Heights of a row's parts, top to bottom, in pixels."""

    header: int
    gap: int
    speaker: int
    text: int
    padding: int
    footer: int = 0

    @property
    def total(self) -> int:
        parts = self.header + self.gap + self.speaker + self.text + self.footer
        return parts + 2 * self.padding

    @property
    def text_top(self) -> int:
        return self.header + self.gap + self.speaker + self.padding


class TranscriptDelegate(QStyledItemDelegate):
    """Paints cues with the current-cue bar, bold text, match highlights, focus ring."""

    def __init__(self, model: TranscriptModel, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._scale = 100
        self._heights: dict[int, int] = {}
        self._heights_width = -1
        self._update_fonts()
        model.modelReset.connect(self.clear_cache)  # new rows, new heights

    # -- fonts and scale ---------------------------------------------------------

    def set_text_scale(self, percent: int) -> None:
        """Scale every transcript font (75-300 %); the caller re-lays out the view."""
        self._scale = max(50, min(400, int(percent)))
        self._update_fonts()

    def text_scale(self) -> int:
        return self._scale

    def _update_fonts(self) -> None:
        base = QFont(self._view.font())
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        base.setPointSizeF(size * self._scale / 100)
        self.font = base
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.italic = QFont(base)
        self.italic.setItalic(True)
        self.bold_italic = QFont(self.bold)
        self.bold_italic.setItalic(True)
        self.small = QFont(base)
        self.small.setPointSizeF(base.pointSizeF() * 0.85)
        self.title = QFont(self.bold)
        self.title.setPointSizeF(base.pointSizeF() * 1.15)
        self._metrics = QFontMetrics(self.bold)
        self._title_metrics = QFontMetrics(self.title)
        self._italic_metrics = QFontMetrics(self.italic)
        self.gutter = QFontMetrics(self.small).horizontalAdvance("00:00:00") + 14
        self.clear_cache()

    def clear_cache(self) -> None:
        self._heights = {}
        self._heights_width = -1

    # -- geometry ----------------------------------------------------------------

    def text_left(self) -> int:
        return BAR_WIDTH + 8 + self.gutter

    def text_width(self, width: int) -> int:
        return max(40, width - self.text_left() - 8)

    def _header_height(self, block: SegmentBlock | None, width: int) -> int:
        if block is None:
            return 0
        inner = max(40, width - 24)
        title = self._title_metrics.boundingRect(
            QRect(0, 0, inner, _TALL), _WRAP, block.title
        ).height()
        attribution = 0
        if block.attribution:
            attribution = self._italic_metrics.boundingRect(
                QRect(0, 0, inner, _TALL), _WRAP, block.attribution
            ).height()
        notice = 0
        if block.notice:
            notice = (
                4
                + self._metrics.boundingRect(
                    QRect(0, 0, inner, _TALL), _WRAP, notice_line(block.notice)
                ).height()
            )
        return title + attribution + notice + 20

    def geometry(self, row: int, width: int) -> RowGeometry:
        model = self._model
        line = self._metrics.lineSpacing()
        first = row == 0
        header = self._header_height(model.segment_header(row), width)
        gap = line // 2 if model.is_paragraph_start(row) and not first else 0
        speaker = line + 2 if model.speaker_heading(row) else 0
        text = self._metrics.boundingRect(
            QRect(0, 0, self.text_width(width), _TALL), _WRAP, model.text(row)
        ).height()
        footer = SEGMENT_FOOTER if model.is_segment_end(row) else 0
        return RowGeometry(header, gap, speaker, max(text, line), 3, footer)

    def header_height(self, row: int, width: int) -> int:
        return self._header_height(self._model.segment_header(row), width)

    def row_height(self, row: int, width: int) -> int:
        """The row's height at view `width`, measured once per width."""
        if width != self._heights_width:
            self._heights = {}
            self._heights_width = width
        height = self._heights.get(row)
        if height is None:
            height = self._heights[row] = self.geometry(row, width).total
        return height

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._view.viewport().width()
        return QSize(width, self.row_height(index.row(), width))

    # -- painting ----------------------------------------------------------------

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> None:
        row = index.row()
        model = self._model
        rect = QRect(option.rect)
        palette: QPalette = option.palette
        geometry = self.geometry(row, rect.width())
        painter.save()
        painter.setClipRect(rect)
        current = model.is_current(row)
        block = model.segment(row)
        body = QRect(rect.left(), rect.top() + geometry.header, rect.width(), 0)
        body.setBottom(rect.bottom())
        if current:
            painter.fillRect(body, palette.color(QPalette.ColorRole.AlternateBase))
        if block is not None:
            rule = QRect(rect.left(), body.top(), SEGMENT_RULE, body.height())
            painter.fillRect(rule, palette.color(QPalette.ColorRole.Mid))
            if geometry.footer:
                end = QRect(rect.left(), rect.bottom() - 3, rect.width(), 2)
                painter.fillRect(end, palette.color(QPalette.ColorRole.Mid))
        header = model.segment_header(row)
        if header is not None:
            self._paint_header(painter, palette, header, rect, geometry.header)
        top = rect.top() + geometry.header + geometry.gap + geometry.padding
        heading = model.speaker_heading(row)
        if heading:
            painter.setFont(self.bold)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            speaker_rect = QRect(rect.left() + BAR_WIDTH + 8, top, rect.width(), 0)
            speaker_rect.setHeight(geometry.speaker)
            painter.drawText(speaker_rect, int(Qt.AlignmentFlag.AlignLeft), heading)
        text_top = rect.top() + geometry.text_top
        if current:
            bar = QRect(rect.left() + SEGMENT_RULE + 1, text_top, BAR_WIDTH, 0)
            bar.setHeight(geometry.text)
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
        self._paint_time(painter, palette, row, rect.left(), text_top)
        text_rect = QRect(rect.left() + self.text_left(), text_top, 0, geometry.text)
        text_rect.setWidth(self.text_width(rect.width()))
        self._paint_text(painter, palette, row, text_rect, current)
        if option.state & QStyle.StateFlag.State_HasFocus:
            self._paint_focus(painter, palette, body)
        painter.restore()

    def _paint_header(
        self,
        painter: QPainter,
        palette: QPalette,
        block: SegmentBlock,
        rect: QRect,
        height: int,
    ) -> None:
        box = QRect(rect.left(), rect.top() + 4, rect.width(), height - 4)
        painter.fillRect(box, palette.color(QPalette.ColorRole.AlternateBase))
        painter.fillRect(
            QRect(box.left(), box.top(), box.width(), 2),
            palette.color(QPalette.ColorRole.Mid),
        )
        painter.fillRect(
            QRect(box.left(), box.top(), SEGMENT_RULE, box.height()),
            palette.color(QPalette.ColorRole.Mid),
        )
        inner = QRect(box.left() + 12, box.top() + 6, box.width() - 24, box.height())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(self.title)
        title = painter.drawText(inner, _WRAP, block.title)
        below = title.bottom()
        if block.attribution:
            painter.setFont(self.italic)
            inner.setTop(below + 2)
            below = painter.drawText(inner, _WRAP, block.attribution).bottom()
        if block.notice:  # bold, with a sign: not by colour alone
            painter.setFont(self.bold)
            inner.setTop(below + 6)
            painter.drawText(inner, _WRAP, notice_line(block.notice))

    def _paint_time(
        self, painter: QPainter, palette: QPalette, row: int, left: int, top: int
    ) -> None:
        painter.setFont(self.small)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        stamp = format_clock(self._model.cue(row).start_ms)
        time_rect = QRect(left + BAR_WIDTH + 8, top, self.gutter - 8, 0)
        time_rect.setHeight(self._metrics.lineSpacing())
        painter.drawText(time_rect, int(Qt.AlignmentFlag.AlignLeft), stamp)

    def _text_font(self, row: int, current: bool) -> QFont:
        if self._model.is_sound(row):
            return self.bold_italic if current else self.italic
        return self.bold if current else self.font

    def _paint_text(
        self,
        painter: QPainter,
        palette: QPalette,
        row: int,
        rect: QRect,
        current: bool,
    ) -> None:
        model = self._model
        font = self._text_font(row, current)
        spans = model.match_spans(row)
        rich = model.rich_text(row)
        if not spans and "<" not in rich:
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(rect, _WRAP, model.text(row))
            return
        document = self.document(row, font, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = palette
        painter.translate(rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.translate(-rect.topLeft())

    def document(self, row: int, font: QFont, width: int) -> QTextDocument:
        """The row's text as a document, find matches marked (not by colour alone)."""
        model = self._model
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        document.setTextWidth(width)
        text = model.text(row)
        document.setHtml(model.rich_text(row))
        if document.toPlainText() != text:
            document.setPlainText(text)
        current = model.current_match(row)
        for start, end in model.match_spans(row):
            mark = QTextCharFormat()
            mark.setFontUnderline(True)
            mark.setForeground(MATCH_TEXT)
            is_current = current == (start, end)
            mark.setBackground(
                CURRENT_MATCH_BACKGROUND if is_current else MATCH_BACKGROUND
            )
            if is_current:
                mark.setFontOverline(True)
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(min(end, len(text)), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark)
        return document

    def _paint_focus(self, painter: QPainter, palette: QPalette, rect: QRect) -> None:
        pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1, 1, -2, -2))

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> None:  # type: ignore[override]
        return None
