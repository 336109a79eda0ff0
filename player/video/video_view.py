"""The video with its caption overlay and the storytelling attribution line."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from captions.model import Cue, Track
from media.model import Segment
from player.playback.media_log import quiet_qt_multimedia
from player.video.caption_layout import (
    Box,
    place_captions,
    text_alignment,
    text_width_limit,
)
from player.video.caption_paint import caption_font, style_caption_box
from player.video.caption_style import DEFAULT_STYLE, CaptionStyle
from player.video.text_box import (
    ATTRIBUTION_BACKGROUND,
    CAPTION_BACKGROUND,
    NOTICE_TEXT,
    TextBox,
    cue_markup,
    from_top,
)

quiet_qt_multimedia()  # before QtMultimedia loads: it logs while it loads

try:
    from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
except ImportError:  # pragma: no cover - Qt build without multimedia
    QGraphicsVideoItem = None  # type: ignore[assignment,misc]


CAPTION_MODES = ("overlay", "band")
# Caption sizes tried in turn when the captions do not fit above the credit line.
FIT_STEPS = (1.0, 0.85, 0.72, 0.6, 0.5)


class VideoView(QGraphicsView):
    """Frames from a QGraphicsVideoItem under caption and attribution items.

    `set_position(ms)` is called with each frame's own time, so what is drawn changes on
    the frame that reaches a cue; `captions_shown(ms, indices)` reports every change.
    """

    captions_shown = Signal(int, list)
    segment_changed = Signal(object)
    full_screen_requested = Signal()
    play_toggle_requested = Signal()
    caption_style_changed = Signal(object)  # CaptionStyle, from any route

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoView")
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QBrush(QColor(0, 0, 0)))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAccessibleName("Video picture")
        self.setAccessibleName("Video")
        self.setAccessibleDescription("Video with captions. Space plays or pauses.")
        self.setMinimumSize(192, 108)  # small, so docks and 200 % text still fit
        self.setStyleSheet(
            "VideoView { border: 4px solid #000000; }"
            " VideoView:focus { border: 4px solid #ffbf47; }"
        )
        self.video_item = (
            QGraphicsVideoItem() if QGraphicsVideoItem is not None else None
        )
        if self.video_item is not None:
            self.scene().addItem(self.video_item)
            self.video_item.nativeSizeChanged.connect(lambda _size: self._relayout())
        self._markup = cue_markup()
        self._tracks: list[Track] = []
        self._segments: tuple[Segment, ...] = ()
        self._shown: list[tuple[int, int]] = []
        self._caption_items: list[TextBox] = []
        self._segment: Segment | None = None
        self._notices: dict[str, str] = {}
        self._position = 0
        self._style = DEFAULT_STYLE
        self.attribution = TextBox(ATTRIBUTION_BACKGROUND)
        self.attribution.setZValue(2)
        self.attribution.hide()
        self.scene().addItem(self.attribution)

    # -- inputs ------------------------------------------------------------------

    def set_tracks(self, tracks: Sequence[Track | None]) -> None:
        """Caption tracks to show (at most two languages); empty means captions off."""
        self._tracks = [t for t in tracks if t is not None][:2]
        self._shown = []
        self._update_captions(self._position, force=True)

    def set_segments(
        self, segments: Sequence[Segment], notices: Mapping[str, str] | None = None
    ) -> None:
        """The stories to attribute, where they play; `notices` by segment id say
        where a story's words differ from the reviewed version (or are unsealed).

        A story already playing stays announced: only a notice new to it is said.
        """
        self._segments = tuple(segments)
        self._notices = dict(notices or {})
        self._update_segment(self._position, refresh=True)

    def set_caption_style(self, style: CaptionStyle) -> None:
        """Draw captions in `style` (clamped); every other caption setter ends here."""
        style = style.clamped()
        if style == self._style:
            return
        self._style = style
        self._relayout()
        self.caption_style_changed.emit(style)

    @property
    def caption_style(self) -> CaptionStyle:
        return self._style

    @property
    def caption_mode(self) -> str:
        return "band" if self._style.position == "band" else "overlay"

    @property
    def caption_scale(self) -> float:
        return self._style.scale

    @property
    def honour_cue_settings(self) -> bool:
        return self._style.honour_cue_placement

    @honour_cue_settings.setter
    def honour_cue_settings(self, honour: bool) -> None:
        self.set_caption_style(replace(self._style, honour_cue_placement=honour))

    def set_caption_mode(self, mode: str) -> None:
        """Where captions go: "overlay" on the video, "band" in a strip below it."""
        if mode not in CAPTION_MODES:
            raise ValueError(mode)
        if mode != self.caption_mode:
            position = "band" if mode == "band" else "bottom"
            self.set_caption_style(replace(self._style, position=position))

    def set_caption_scale(self, scale: float) -> None:
        self.set_caption_style(self._style.with_size(scale * 100))

    def set_position(self, ms: int) -> None:
        self._position = ms
        self._update_segment(ms)
        self._update_captions(ms)

    # -- what is shown (also what tests read) -------------------------------------

    def displayed_cues(self) -> list[Cue]:
        return [self._tracks[t].cues[i] for t, i in self._shown]

    def tracks(self) -> list[Track]:
        """The caption tracks shown, for a second view (the projector) to mirror."""
        return list(self._tracks)

    def caption_boxes(self) -> list[QRectF]:
        return [
            item.sceneBoundingRect() for item in self._caption_items if item.isVisible()
        ]

    def attribution_text(self) -> str | None:
        """The attribution on screen now, or None when no story is playing."""
        return (
            self._segment.attribution_line
            if self._segment and self.attribution.isVisible()
            else None
        )

    def attribution_rect(self) -> QRectF:
        return self.attribution.sceneBoundingRect()

    def current_segment(self) -> Segment | None:
        return self._segment

    def story_notice_text(self) -> str | None:
        """The notice on the video now (the story's words differ, or are not
        sealed), or None."""
        segment = self._segment
        if segment is None or not self.attribution.isVisible():
            return None
        return self._notices.get(segment.id) or None

    # -- internals ---------------------------------------------------------------

    def _update_segment(self, ms: int, refresh: bool = False) -> None:
        segment = next((s for s in self._segments if s.contains(ms)), None)
        old = self._segment
        same_story = (old is None) == (segment is None) and (
            old is None or segment is None or old.id == segment.id
        )
        if same_story and not refresh and segment == old:
            return
        self._segment = segment
        notice = self._notices.get(segment.id, "") if segment is not None else ""
        if segment is None:
            self.attribution.hide()
            self.setAccessibleDescription("Video with captions. Space plays or pauses.")
        else:
            self.attribution.show()
            # Said to a screen reader by player/accessibility/story_announcer.py.
            told = f"Story: {segment.title}. {segment.attribution_line}"
            self.setAccessibleDescription(f"{told}. {notice}" if notice else told)
        self._relayout()
        if not same_story:
            self.segment_changed.emit(segment)

    def _update_captions(self, ms: int, force: bool = False) -> None:
        shown = [
            (t, i)
            for t, track in enumerate(self._tracks)
            for i in track.active_indices_at(ms)
        ]
        if shown == self._shown and not force:
            return
        self._shown = shown
        self._relayout()
        self.captions_shown.emit(ms, [i for _t, i in shown])

    def _video_rect(self) -> QRectF:
        view = QRectF(self.viewport().rect())
        band = self._band_height() if self.caption_mode == "band" else 0.0
        area = QRectF(0, 0, view.width(), max(1.0, view.height() - band))
        if self.video_item is None:
            return area
        self.video_item.setPos(0, 0)
        self.video_item.setSize(QSizeF(area.width(), area.height()))
        shown = self.video_item.boundingRect()
        return shown if shown.width() > 1 and shown.height() > 1 else area

    def _font(self, video_height: float, shrink: float = 1.0) -> QFont:
        smallest = 14 if shrink >= 1.0 else 12
        size = max(smallest, round(video_height * 0.055 * self.caption_scale * shrink))
        return caption_font(self._style, size)

    def _band_height(self) -> float:
        return self._font(self.viewport().height() * 0.8).pixelSize() * 3.6

    def _relayout(self) -> None:
        """Captions at the learner's size, smaller only when a small picture has no
        room for them above the story's credit line; in a picture too small even
        then, they rise above it into the black margin rather than cover the credit."""
        view = QRectF(self.viewport().rect())
        self.scene().setSceneRect(view)
        video = self._video_rect()
        if self._segment is None:  # no credit line to keep clear: one layout
            self._lay_out(view, video, 1.0)
            return
        for shrink in FIT_STEPS:
            if self._lay_out(view, video, shrink):
                return
        self._lay_out(view, video, FIT_STEPS[-1], rise=True)

    def _lay_out(
        self, view: QRectF, video: QRectF, shrink: float, rise: bool = False
    ) -> bool:
        """Place the credit line and the captions; whether the captions all fit
        inside their area and clear of the credit line."""
        font = self._font(video.height(), shrink)
        reserved = self._place_attribution(video, font)
        if self.caption_mode == "band":
            area = Box(
                view.x(), video.bottom(), view.width(), view.bottom() - video.bottom()
            )
        elif rise:
            area = Box(video.x(), view.y(), video.width(), video.bottom() - view.y())
        else:
            area = Box(video.x(), video.y(), video.width(), video.height())
        cues = self.displayed_cues()
        honour = self.honour_cue_settings and self.caption_mode == "overlay"
        self._fill_caption_items(cues, font, area, honour)
        kept_clear = reserved if self._style.position == "bottom" else 0.0
        boxes = place_captions(
            area,
            [item.size() for item in self._caption_items[: len(cues)]],
            [cue.settings for cue in cues],
            reserved_bottom=kept_clear,
            honour_settings=honour,
            line_height=font.pixelSize() * 1.3,
        )
        fits = all(
            b.y >= area.y - 0.5 and b.bottom <= area.bottom - kept_clear + 0.5
            for b in boxes
        )
        if self._style.position == "top":
            auto = [not honour or cue.settings.line is None for cue in cues]
            boxes = from_top(area, boxes, auto)
        for index, item in enumerate(self._caption_items):
            item.setVisible(index < len(boxes))
            if index < len(boxes):
                item.setPos(boxes[index].x, boxes[index].y)
        return fits

    def _fill_caption_items(
        self, cues: list[Cue], font: QFont, area: Box, honour: bool
    ) -> None:
        """Each cue's text wrapped in its own box's width (`size`, when honoured)."""
        while len(self._caption_items) < len(cues):
            item = TextBox(CAPTION_BACKGROUND)
            item.setZValue(3)
            self.scene().addItem(item)
            self._caption_items.append(item)
        for item, cue in zip(self._caption_items, cues, strict=False):
            width = text_width_limit(area, cue.settings, honour)
            side = text_alignment(cue.settings, honour)
            item.set_content(self._markup(cue), font, width, side)
            style_caption_box(item, item.text, self._style)

    def _place_attribution(self, video: QRectF, caption_font: QFont) -> float:
        """Put the lower-third on the video; return the height captions keep clear."""
        if self._segment is None:
            return 0.0
        font = QFont(caption_font)
        font.setPixelSize(max(12, round(caption_font.pixelSize() * 0.75)))
        markup = f"<b>{html.escape(self._segment.attribution_line)}</b>"
        notice = self._notices.get(self._segment.id, "")
        if notice:
            markup += (
                f'<div style="color: {NOTICE_TEXT.name()}">'
                f"⚠ {html.escape(notice)}</div>"
            )
        self.attribution.set_content(markup, font, video.width() * 0.8)
        _width, height = self.attribution.size()
        margin = max(6.0, video.height() * 0.03)
        self.attribution.setPos(video.x() + margin, video.bottom() - margin - height)
        return margin + height + 4

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.full_screen_requested.emit()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.LeftButton:
            self.play_toggle_requested.emit()
        event.accept()
