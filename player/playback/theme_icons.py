"""Standard icons drawn in the theme's own text colour.

The style's media icons are drawn in fixed colours: black on the high-contrast
theme's black buttons. Painting each icon's shape in the button's text colour keeps
it as visible as the button's text in every theme.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QWidget

SIZES = (16, 24, 32, 48)


def theme_icon(
    widget: QWidget, which: QStyle.StandardPixmap, palette: QPalette | None = None
) -> QIcon:
    """`which` from `widget`'s style, in the ButtonText colour of `palette` (by
    default the widget's own)."""
    source = widget.style().standardIcon(which, None, widget)
    colours = palette if palette is not None else widget.palette()
    colour = colours.color(QPalette.ColorRole.ButtonText)
    disabled = colours.color(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText
    )
    icon = QIcon()
    for size in SIZES:
        shape = source.pixmap(QSize(size, size))
        if shape.isNull():
            continue
        for mode, paint in (
            (QIcon.Mode.Normal, colour),
            (QIcon.Mode.Disabled, disabled),
        ):
            tinted = QPixmap(shape)
            painter = QPainter(tinted)
            painter.setCompositionMode(
                QPainter.CompositionMode.CompositionMode_SourceIn
            )
            painter.fillRect(tinted.rect(), paint)
            painter.end()
            icon.addPixmap(tinted, mode)
    return icon
