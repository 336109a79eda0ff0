"""Where the learner left off: the module and video shown last, for the next start.

The position inside each video is ResumePosition's (player/reading/resume.py); this
keeps which module and which of its videos were on show, so a start without a path
reopens them (player/shell/app.py decides what a start shows).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from media.model import Video
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import LAST_MODULE, LAST_VIDEO
from player.core.settings import Settings


@dataclass(frozen=True)
class LastShown:
    """The module (as opened: folder, manifest or video file) and the video id."""

    module_path: Path
    video_id: str


def last_shown(settings: Settings) -> LastShown | None:
    """What was on show when the app was last used, if anything was."""
    path = settings.get(LAST_MODULE)
    if not path:
        return None
    return LastShown(Path(path), settings.get(LAST_VIDEO))


class LastWatched(QObject):
    """Remembers each video shown, and writes the settings out when the window closes
    (after the features' own closing saves, the position included)."""

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        ctx.showing.video_changed.connect(self._remember)

    def contribution(self) -> Contribution:
        return Contribution(on_close=self.ctx.settings.sync)

    def _remember(self, video: Video) -> None:
        path = self.ctx.showing.module_path
        if path is None:
            return
        self.ctx.settings.set(LAST_MODULE, str(path))
        self.ctx.settings.set(LAST_VIDEO, video.id)
