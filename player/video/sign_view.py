"""The sign-language video's picture: frames only, the whole picture always shown."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QSizePolicy, QWidget

from player.playback.media_log import quiet_qt_multimedia

quiet_qt_multimedia()  # before QtMultimedia loads: it logs while it loads

try:
    from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
except ImportError:  # pragma: no cover - depends on the Qt build
    QGraphicsVideoItem = None  # type: ignore[assignment,misc]

SIGN_ASPECT = 4 / 3  # the sample's; a video of another shape is letterboxed


class SignView(QGraphicsView):
    """A QGraphicsVideoItem filling the view, aspect kept; a Tab stop with a name, so
    the panel keys (wider, move, float) reach its window."""

    def __init__(
        self, parent: QWidget | None = None, *, focusable: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signView")
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QBrush(QColor(0, 0, 0)))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        policy = Qt.FocusPolicy.StrongFocus if focusable else Qt.FocusPolicy.NoFocus
        self.setFocusPolicy(policy)
        self.setMinimumSize(96, 72)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet(
            "SignView { border: 3px solid #000000; }"
            " SignView:focus { border: 3px solid #ffbf47; }"
        )
        self.viewport().setAccessibleName("Sign-language video picture")
        self.video_item = (
            QGraphicsVideoItem() if QGraphicsVideoItem is not None else None
        )
        if self.video_item is not None:
            self.scene().addItem(self.video_item)

    def sizeHint(self) -> QSize:
        return QSize(256, round(256 / SIGN_ASPECT))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        view = QRectF(self.viewport().rect())
        self.scene().setSceneRect(view)
        if self.video_item is not None:
            self.video_item.setPos(0, 0)
            self.video_item.setSize(QSizeF(view.width(), view.height()))
