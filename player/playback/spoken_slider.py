"""A slider whose value a screen reader hears in words, and which never chatters.

Its value text is words ("2 minutes 25 seconds of 3 minutes 19 seconds", "80
percent"); the number a screen reader gets is in whole spoken units (seconds, not
milliseconds), so it changes at most once a second. A slider the program moves often
(the seek slider, `follows_quietly`) sends no accessibility event when the video
plays on: QAbstractSlider sends its event in `setValue`, and with tracking off
`setSliderPosition` moves the handle without one. So a focused seek slider never
talks over the captions.

Under AT-SPI no screen reader gets the value text, only the number: there the quiet
slider's keys move it without a value event too, and `learner_changed` carries the
words, which the window's voice says (player/core/voice.py) — one utterance per
change. Elsewhere the value event comes, and the screen reader reads the value text.
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
from PySide6.QtWidgets import QAbstractSlider, QAccessibleWidget, QSlider, QWidget

from player.playback.accessible import AT_SPI, cast_to, provide_interface

Words = Callable[[int], str]
Action = QAbstractSlider.SliderAction
STEP_KEYS = {
    Qt.Key.Key_Left: Action.SliderSingleStepSub,
    Qt.Key.Key_Down: Action.SliderSingleStepSub,
    Qt.Key.Key_Right: Action.SliderSingleStepAdd,
    Qt.Key.Key_Up: Action.SliderSingleStepAdd,
    Qt.Key.Key_PageDown: Action.SliderPageStepSub,
    Qt.Key.Key_PageUp: Action.SliderPageStepAdd,
    Qt.Key.Key_Home: Action.SliderToMinimum,
    Qt.Key.Key_End: Action.SliderToMaximum,
}


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

    def _quiet(self) -> bool:
        return not self.hasTracking()

    def follow(self, value: int, jumped: bool = False) -> None:
        """The program's own change (never while the learner holds the handle).

        A jump (a seek made elsewhere) while the slider has focus is told like the
        learner's own change.
        """
        if self.isSliderDown():
            return
        before = self.value_text()
        blocked = self.blockSignals(True)
        try:
            if not self._quiet() or (jumped and self.hasFocus() and not AT_SPI):
                self.setValue(value)
            else:
                self.setSliderPosition(value)
        finally:
            self.blockSignals(blocked)
        if jumped and self.hasFocus() and self.value_text() != before:
            self.learner_changed.emit(self.value_text())

    def triggerAction(self, action: QAbstractSlider.SliderAction) -> None:
        """Steps start where the handle is, not at the value last set."""
        if self._quiet() and AT_SPI and action in STEP_KEYS.values():
            self._step_quietly(action)
            return
        self._catch_up()
        super().triggerAction(action)

    def _step_quietly(self, action: QAbstractSlider.SliderAction) -> None:
        """An action as QAbstractSlider does it, without the value event."""
        position = self.sliderPosition()
        target = {
            Action.SliderSingleStepAdd: position + self.singleStep(),
            Action.SliderSingleStepSub: position - self.singleStep(),
            Action.SliderPageStepAdd: position + self.pageStep(),
            Action.SliderPageStepSub: position - self.pageStep(),
            Action.SliderToMinimum: self.minimum(),
            Action.SliderToMaximum: self.maximum(),
        }[action]
        self.setSliderPosition(max(self.minimum(), min(self.maximum(), target)))
        self.actionTriggered.emit(action.value)

    def _catch_up(self) -> None:
        """Before the learner's change: a screen reader asks for the value later,
        after the change, so the event this may send reads the new value."""
        if self.value() != self.sliderPosition():
            blocked = self.blockSignals(True)
            self.setValue(self.sliderPosition())
            self.blockSignals(blocked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = STEP_KEYS.get(Qt.Key(event.key()))
        if (
            action is not None
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.triggerAction(action)
            event.accept()
            return
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


class SpokenSliderInterface(QAccessibleWidget):
    """Role Slider, value in spoken units, value text in words.

    Under AT-SPI, where no screen reader gets the value text, the words also start the
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
            words = self.slider.value_text()  # first: the time, then the chapter
            return f"{words}. {own}" if own else words
        return own


provide_interface(SpokenSlider, SpokenSliderInterface)
