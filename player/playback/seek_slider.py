"""The seek slider with the video's chapter boundaries drawn as ticks on it.

The ticks are placed from the style's own groove and handle geometry, so they stay
on the right times whatever the slider's size or style; a screen reader gets the
chapter from the slider's description (set by whoever knows the chapters) and the
time in words as its value (player/playback/spoken_slider.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionSlider, QWidget

from player.playback.accessible import provide_interface
from player.playback.spoken_slider import SpokenSlider, SpokenSliderInterface, Words

MIN_TICK = 3  # pixels of tick above and below the groove, at the least


class SeekSlider(SpokenSlider):
    """The spoken slider over milliseconds that also marks where chapters start."""

    def __init__(
        self,
        words: Words,
        per: int = 1,
        follows_quietly: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(words, per, follows_quietly, parent)
        self._marks: tuple[int, ...] = ()

    def set_chapter_marks(self, starts_ms: Sequence[int]) -> None:
        """Mark these chapter starts (the video's own start is no boundary)."""
        marks = tuple(sorted({int(ms) for ms in starts_ms if ms > 0}))
        if marks != self._marks:
            self._marks = marks
            self.update()

    def chapter_marks(self) -> tuple[int, ...]:
        return self._marks

    def mark_positions(self) -> list[int]:
        """The x of each mark inside the slider, where its time is on the groove."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider,
            option,
            QStyle.SubControl.SC_SliderGroove,
            self,
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider,
            option,
            QStyle.SubControl.SC_SliderHandle,
            self,
        )
        span = max(1, groove.width() - handle.width())
        left = groove.left() + handle.width() // 2
        low, high = self.minimum(), self.maximum()
        return [
            left
            + QStyle.sliderPositionFromValue(
                low, high, min(max(ms, low), high), span, option.upsideDown
            )
            for ms in self._marks
            if low < ms < high
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._marks or self.maximum() <= self.minimum():
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider,
            option,
            QStyle.SubControl.SC_SliderGroove,
            self,
        )
        painter = QPainter(self)
        color = self.palette().color(QPalette.ColorRole.WindowText)
        width = max(2, self.height() // 12)
        for x in self.mark_positions():
            for tick in self._tick_rects(x, width, groove):
                painter.fillRect(tick, color)
        painter.end()

    def _tick_rects(self, x: int, width: int, groove: QRect) -> list[QRect]:
        """Above and below the groove (clear of the handle's track); across it when
        the slider leaves no room."""
        top, bottom = self.rect().top() + 1, self.rect().bottom() - 1
        above = groove.top() - 1 - top
        below = bottom - (groove.bottom() + 1)
        left = x - width // 2
        if above < MIN_TICK or below < MIN_TICK:
            return [QRect(left, top, width, bottom - top + 1)]
        return [
            QRect(left, top, width, above),
            QRect(left, groove.bottom() + 2, width, below),
        ]


provide_interface(SeekSlider, SpokenSliderInterface)
