"""The playback speed on screen and remembered ("reading/rate")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from player.core.settings import read_float, reading_settings

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow

RATE_KEY = "reading/rate"


def insert_after(anchor: QWidget, widget: QWidget) -> None:
    """Place `widget` right after `anchor` in the controls' row."""
    parent = anchor.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(layout.indexOf(anchor) + 1, widget)


def rate_text(rate: float) -> str:
    return f"Speed {rate:g}×"


def spoken_rate(rate: float) -> str:
    return "Normal speed" if rate == 1.0 else f"Speed {rate:g} times"


class PlaybackRate(QObject):
    """Shows the speed beside the time, restores it at start, saves each change."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        playback = window.playback
        self.label = QLabel(window.controls)
        self.label.setObjectName("rateLabel")
        keymap = window.keymap
        self.label.setToolTip(
            f"Playback speed ({keymap.tooltip('slower')}, {keymap.tooltip('faster')},"
            f" {keymap.tooltip('normal_speed')})"
        )
        insert_after(window.controls.time_label, self.label)
        playback.rate_changed.connect(self._on_rate)
        saved = read_float(RATE_KEY, 1.0)
        if saved != playback.rate():
            playback.set_rate(saved)
        self._show(playback.rate())

    def _on_rate(self, rate: float) -> None:
        self._show(rate)
        settings = reading_settings()
        if rate == 1.0:
            settings.remove(RATE_KEY)
        else:
            settings.setValue(RATE_KEY, rate)

    def _show(self, rate: float) -> None:
        self.label.setText(rate_text(rate))
        self.label.setAccessibleName(spoken_rate(rate))
