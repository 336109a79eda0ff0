"""Previous, next and replay caption (Ctrl+Left, Ctrl+Right, R), in caption time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from captions.model import Track
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.playback import caption_navigation


class CaptionSteps(QObject):
    """Moves by caption on the track caption navigation follows, through the clock."""

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx

    def contribution(self) -> Contribution:
        return Contribution(
            commands={
                "previous_caption": self.previous_caption,
                "next_caption": self.next_caption,
                "replay_caption": self.replay_caption,
            }
        )

    def go_to_caption(self, where: Callable[[Track, int], int | None]) -> bool:
        """Seek to the caption time `where(track, now)` gives."""
        track, clock = self.ctx.showing.current_track(), self.ctx.clock
        start = where(track, clock.position()) if track is not None else None
        if start is None:
            return False
        clock.seek(start)
        return True

    def previous_caption(self) -> None:
        self.go_to_caption(caption_navigation.previous_start)

    def next_caption(self) -> None:
        self.go_to_caption(caption_navigation.next_start)

    def replay_caption(self) -> None:
        if self.go_to_caption(caption_navigation.current_start):
            self.ctx.playback.play()
