"""View > Single-key shortcuts (WCAG 2.1.4), as the learner last left it."""

from __future__ import annotations

from PySide6.QtCore import QObject

from player.core.actions import SingleKeyGuard
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import SINGLE_KEYS


class SingleKeys(QObject):
    """Turns the single-key shortcuts on or off through the application's guard."""

    def __init__(self, ctx: PlayerContext, guard: SingleKeyGuard | None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.guard = guard
        self.action = ctx.actions["single_keys"]
        self.action.setChecked(ctx.settings.get(SINGLE_KEYS))
        self.apply()
        self.action.toggled.connect(lambda on: ctx.settings.set(SINGLE_KEYS, bool(on)))

    def contribution(self) -> Contribution:
        return Contribution(commands={"single_keys": self.apply})

    def apply(self) -> None:
        if self.guard is not None:
            self.guard.enabled = self.action.isChecked()
