"""The text boxes drawn over the video (captions, the attribution line), their
colours, and the markup they show."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QTextOption
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsTextItem

from captions.model import Cue
from player.video.caption_layout import Box


def _escape_plain(cue: Cue) -> str:
    return html.escape(cue.plain).replace("\n", "<br>")


def cue_markup() -> Callable[[Cue], str]:
    """Cue text as rich text (plain text escaped when the markup module is absent)."""
    try:
        from captions.markup import cue_to_html
    except ImportError:
        return _escape_plain
    return lambda cue: cue_to_html(cue.text)


def from_top(area: Box, boxes: list[Box], auto: list[bool]) -> list[Box]:
    """Mirror the automatically placed boxes so they stack down from the top."""
    return [
        Box(box.x, area.y + area.bottom - box.bottom, box.width, box.height)
        if mirrored
        else box
        for box, mirrored in zip(boxes, auto, strict=True)
    ]


LINE_SIDES = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}
CAPTION_TEXT = QColor(255, 255, 255)
CAPTION_BACKGROUND = QColor(0, 0, 0, 204)
ATTRIBUTION_BACKGROUND = QColor(16, 40, 72, 235)
NOTICE_TEXT = QColor(255, 214, 90)  # over 9:1 on the attribution's background


class TextBox(QGraphicsRectItem):
    """Rich text on a semi-opaque box: one caption, or the attribution line."""

    def __init__(self, background: QColor) -> None:
        super().__init__()
        self.setBrush(QBrush(background))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.text = QGraphicsTextItem(self)
        self.text.setDefaultTextColor(CAPTION_TEXT)
        self.padding = 6.0

    def set_content(
        self, markup: str, font: QFont, max_width: float, side: str = "left"
    ) -> None:
        """Show `markup`, wrapped within `max_width` with the padding, lines on `side`
        ("left", "center" or "right")."""
        self.text.setFont(font)
        self.text.setTextWidth(-1)
        self.text.setHtml(markup)
        inner = max(1.0, max_width - 2 * self.padding)
        if self.text.document().idealWidth() > inner:
            self.text.setTextWidth(inner)
        option = QTextOption(LINE_SIDES.get(side, Qt.AlignmentFlag.AlignLeft))
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.text.document().setDefaultTextOption(option)
        self.text.setTextWidth(self.text.document().idealWidth())
        size = self.text.boundingRect().size()
        self.text.setPos(self.padding, 0)
        self.setRect(0, 0, size.width() + 2 * self.padding, size.height())

    def size(self) -> tuple[float, float]:
        return self.rect().width(), self.rect().height()
