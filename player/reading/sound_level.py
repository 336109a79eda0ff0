"""The volume and mute as the learner left them, from one start to the next."""

from __future__ import annotations

from PySide6.QtCore import QObject

from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import MUTED, VOLUME


class SoundLevel(QObject):
    """Restores the volume and mute at start; keeps each change."""

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        playback, settings = ctx.playback, ctx.settings
        playback.set_volume(settings.get(VOLUME))
        playback.set_muted(settings.get(MUTED))
        playback.volume_changed.connect(lambda volume: settings.set(VOLUME, volume))
        playback.muted_changed.connect(lambda muted: settings.set(MUTED, bool(muted)))

    def contribution(self) -> Contribution:
        return Contribution()
