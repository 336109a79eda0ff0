"""The playback speed ([ / ] / Backspace), on screen and remembered ("reading/rate")."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import RATE

RATES = (0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


def rate_text(rate: float) -> str:
    return f"Speed {rate:g}×"


def spoken_rate(rate: float) -> str:
    return "Normal speed" if rate == 1.0 else f"Speed {rate:g} times"


def next_rate(rate: float, direction: int) -> float:
    """The next step up (direction > 0) or down (< 0), or 1.0 (0)."""
    if direction == 0:
        return 1.0
    if direction > 0:
        return next((r for r in RATES if r > rate + 1e-6), RATES[-1])
    return next((r for r in reversed(RATES) if r < rate - 1e-6), RATES[0])


class PlaybackRate(QObject):
    """Shows the speed beside the time, restores it at start, saves each change."""

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        playback, actions = ctx.playback, ctx.actions
        self.label = QLabel(ctx.window)  # the shell places it in the transport bar
        self.label.setObjectName("rateLabel")
        self.label.setToolTip(
            f"Playback speed ({actions.tooltip('slower')}, {actions.tooltip('faster')},"
            f" {actions.tooltip('normal_speed')})"
        )
        playback.rate_changed.connect(self._on_rate)
        saved = ctx.settings.get(RATE)
        if saved != playback.rate():
            playback.set_rate(saved)
        self._show(playback.rate())

    def contribution(self) -> Contribution:
        return Contribution(
            indicators=(self.label,),
            commands={
                "slower": lambda: self.change(-1),
                "faster": lambda: self.change(1),
                "normal_speed": lambda: self.change(0),
            },
        )

    def change(self, direction: int) -> None:
        new_rate = next_rate(self.ctx.playback.rate(), direction)
        self.ctx.playback.set_rate(new_rate)
        self.ctx.notify.say(rate_text(new_rate), spoken=spoken_rate(new_rate))

    def _on_rate(self, rate: float) -> None:
        self._show(rate)
        if rate == 1.0:
            self.ctx.settings.remove(RATE)
        else:
            self.ctx.settings.set(RATE, rate)

    def _show(self, rate: float) -> None:
        self.label.setText(rate_text(rate))
        self.label.setAccessibleName(spoken_rate(rate))
