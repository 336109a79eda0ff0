"""Paints a caption box in a `CaptionStyle`: colours, font, outline or drop shadow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QGraphicsDropShadowEffect,
    QGraphicsRectItem,
    QGraphicsTextItem,
)

from player.video.caption_style import CaptionStyle

OUTLINE_ATTRIBUTE = "outline_text"  # the box's outline copy of its text


def caption_font(style: CaptionStyle, pixel_size: int) -> QFont:
    font = QFont()
    if style.font_family:
        font.setFamily(style.font_family)
    font.setPixelSize(pixel_size)
    return font


def background_color(style: CaptionStyle) -> QColor:
    color = QColor(style.background_color)
    color.setAlpha(round(style.background_opacity * 255 / 100))
    return color


def style_caption_box(
    box: QGraphicsRectItem, text: QGraphicsTextItem, style: CaptionStyle
) -> None:
    """Colour the box and its text; draw the edge. Call after each `setHtml`."""
    box.setBrush(QBrush(background_color(style)))
    text.setDefaultTextColor(QColor(style.text_color))
    _outline(box, text, style)
    _shadow(text, style)


def caption_outline(box: QGraphicsRectItem) -> QGraphicsTextItem | None:
    """The outline drawn behind the caption text, when the style has one."""
    behind = getattr(box, OUTLINE_ATTRIBUTE, None)
    return behind if behind is not None and behind.isVisible() else None


def _outline(
    box: QGraphicsRectItem, text: QGraphicsTextItem, style: CaptionStyle
) -> None:
    """A copy of the text stroked in the edge colour, behind the text, so the outline
    grows outwards and the letters keep their full shape and colour.
    """
    behind = getattr(box, OUTLINE_ATTRIBUTE, None)
    if style.edge != "outline":
        if behind is not None:
            behind.hide()
        return
    if not isinstance(behind, QGraphicsTextItem):
        behind = QGraphicsTextItem(box)
        behind.setZValue(text.zValue() - 1)
        setattr(box, OUTLINE_ATTRIBUTE, behind)  # the reference keeps it alive
    edge = QColor(style.edge_color())
    behind.setFont(text.font())
    behind.setDefaultTextColor(edge)
    behind.setHtml(text.document().toHtml())
    behind.document().setDefaultTextOption(text.document().defaultTextOption())
    behind.setTextWidth(text.textWidth())
    behind.setPos(text.pos())
    cursor = QTextCursor(behind.document())
    cursor.select(QTextCursor.SelectionType.Document)
    stroke = QTextCharFormat()
    stroke.setForeground(edge)
    width = max(2.0, text.font().pixelSize() / 8)
    stroke.setTextOutline(
        QPen(edge, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
             Qt.PenJoinStyle.RoundJoin)
    )  # fmt: skip
    cursor.mergeCharFormat(stroke)
    behind.show()


def _shadow(text: QGraphicsTextItem, style: CaptionStyle) -> None:
    if style.edge != "drop-shadow":
        text.setGraphicsEffect(None)  # type: ignore[arg-type]
        return
    effect = text.graphicsEffect()
    if not isinstance(effect, QGraphicsDropShadowEffect):
        effect = QGraphicsDropShadowEffect()
        text.setGraphicsEffect(effect)
    offset = max(2.0, text.font().pixelSize() / 12)
    effect.setOffset(offset, offset)
    effect.setBlurRadius(offset * 1.5)
    effect.setColor(QColor(style.edge_color()))
