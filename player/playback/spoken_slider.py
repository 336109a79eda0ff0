"""A slider whose value a screen reader hears in words, and which never chatters.

Its value text is words ("2 minutes 25 seconds of 3 minutes 19 seconds", "80
percent"); the number a screen reader gets is in whole spoken units (seconds, not
milliseconds), so it changes at most once a second. When the program moves it (the
video playing on), the handle moves at once but no accessibility event is sent:
only the learner's own changes are spoken, so a focused seek slider never talks over
the captions. QAbstractSlider sends its event in `setValue`; with tracking off,
`setSliderPosition` moves the handle without one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleValueInterface,
    QKeyEvent,
    QMouseEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAccessibleWidget, QSlider, QWidget

from player.playback.accessible import AT_SPI, cast_to, provide_interface

Words = Callable[[int], str]


class SpokenSlider(QSlider):
    """A horizontal slider read in words; `per` raw units make one spoken unit.

    `follows_quietly`: the program moves it often (the seek slider), so `follow`
    moves only the handle; otherwise `follow` sets the value (one event per change).
    """

    learner_changed = Signal(str)  # the learner set it here: the new value in words
    set_by_screen_reader = Signal(int)  # a screen reader set the value (raw units)

    def __init__(
        self,
        words: Words,
        per: int = 1,
        follows_quietly: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._words = words
        self.per = max(1, per)
        self.setTracking(not follows_quietly)
        self.actionTriggered.connect(self._on_action)
        self.sliderReleased.connect(self._said_by_learner)

    def value_text(self) -> str:
        """What the slider shows, in words: its value text for screen readers."""
        return self._words(self.sliderPosition())

    def spoken_number(self) -> int:
        """The value a screen reader gets, in whole spoken units."""
        return self.sliderPosition() // self.per

    def follow(self, value: int, jumped: bool = False) -> None:
        """The program's own change (never while the learner holds the handle).

        Playing on moves only the handle. A jump (a seek from anywhere) sets the
        value too; made while the slider has focus, it is said like the learner's.
        """
        if self.isSliderDown():
            return
        before = self.value_text()
        blocked = self.blockSignals(True)
        try:
            if self.hasTracking() or jumped:
                self.setValue(value)
            else:
                self.setSliderPosition(value)
        finally:
            self.blockSignals(blocked)
        if jumped and self.hasFocus() and self.value_text() != before:
            self.learner_changed.emit(self.value_text())

    def _catch_up(self) -> None:
        """Before the learner's key, click or wheel: steps start where the handle is.

        Any event this sends is read after the learner's own change is made (a
        screen reader asks for the value later), so only the new value is heard.
        """
        if self.value() != self.sliderPosition():
            blocked = self.blockSignals(True)
            self.setValue(self.sliderPosition())
            self.blockSignals(blocked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._catch_up()
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._catch_up()
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._catch_up()
        super().wheelEvent(event)

    def set_from_screen_reader(self, spoken: float) -> None:
        self.setValue(round(spoken * self.per))
        self.set_by_screen_reader.emit(self.value())
        self._said_by_learner()

    def _on_action(self, action: int) -> None:
        if action != QSlider.SliderAction.SliderMove.value:
            self._said_by_learner()

    def _said_by_learner(self) -> None:
        self.learner_changed.emit(self.value_text())


class _SpokenValue(QAccessibleValueInterface):
    """The slider's value for screen readers, in whole spoken units."""

    def __init__(self, slider: SpokenSlider) -> None:
        super().__init__()
        self.slider = slider

    def currentValue(self) -> int:
        return self.slider.spoken_number()

    def setCurrentValue(self, value: object) -> None:
        if isinstance(value, (int, float)):
            self.slider.set_from_screen_reader(float(value))

    def maximumValue(self) -> int:
        return self.slider.maximum() // self.slider.per

    def minimumValue(self) -> int:
        return self.slider.minimum() // self.slider.per

    def minimumStepSize(self) -> int:
        return max(1, self.slider.singleStep() // self.slider.per)


class _SpokenSliderInterface(QAccessibleWidget):
    """Role Slider, value in spoken units, value text in words.

    Under AT-SPI, where no screen reader gets the value text, the words also end the
    description, so Orca says them when the slider gets focus.
    """

    def __init__(self, slider: SpokenSlider) -> None:
        super().__init__(slider, QAccessible.Role.Slider)
        self.slider = slider
        self.value_part = _SpokenValue(slider)

    def interface_cast(self, kind: QAccessible.InterfaceType) -> Any:
        if kind == QAccessible.InterfaceType.ValueInterface:
            return cast_to(self.value_part)
        got = super().interface_cast(kind)
        return cast_to(None) if got is None else got

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            return self.slider.value_text()
        own = super().text(kind)
        if kind == QAccessible.Text.Description and AT_SPI:
            words = self.slider.value_text()
            return f"{own}. {words}" if own else words
        return own


provide_interface(SpokenSlider, _SpokenSliderInterface)
