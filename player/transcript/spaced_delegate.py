"""The transcript delegate with line spacing: each wrapped line gets more room."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from player.transcript.delegate import RowGeometry, TranscriptDelegate

if TYPE_CHECKING:
    from PySide6.QtCore import QRect

SPACING_RANGE = (1.0, 2.0)


class SpacedDelegate(TranscriptDelegate):
    """The transcript delegate with line spacing: each wrapped line gets more room."""

    line_spacing = 1.0

    def set_line_spacing(self, factor: float) -> None:
        """Lines `factor` times as far apart (1.0-2.0); the caller re-lays out."""
        self.line_spacing = max(SPACING_RANGE[0], min(SPACING_RANGE[1], factor))
        self.clear_cache()

    def spaced_line(self) -> int:
        return math.ceil(self._metrics.lineSpacing() * self.line_spacing)

    def geometry(self, row: int, width: int) -> RowGeometry:
        plain = super().geometry(row, width)
        if self.line_spacing == 1.0:
            return plain
        lines = max(1, round(plain.text / self._metrics.lineSpacing()))
        return RowGeometry(
            plain.header,
            plain.gap,
            plain.speaker,
            lines * self.spaced_line(),
            plain.padding,
            plain.footer,
        )

    def document(self, row: int, font: QFont, width: int) -> QTextDocument:
        document = super().document(row, font, width)
        if self.line_spacing != 1.0:
            block = QTextBlockFormat()  # the extra room goes below each line
            extra = self.spaced_line() - QFontMetrics(font).lineSpacing()
            block.setLineHeight(
                max(0, extra), QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value
            )
            cursor = QTextCursor(document)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(block)
        return document

    def _paint_text(
        self,
        painter: QPainter,
        palette: QPalette,
        row: int,
        rect: QRect,
        current: bool,
    ) -> None:
        if self.line_spacing == 1.0:
            super()._paint_text(painter, palette, row, rect, current)
            return
        document = self.document(row, self._text_font(row, current), rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = palette
        painter.translate(rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.translate(-rect.topLeft())
