"""Screen reader announcements: each new caption, when the learner asks for them.

Announcements are QAccessibleAnnouncementEvents (Qt 6.8+): Orca, NVDA and VoiceOver
speak them politely and show them on a braille display, without moving focus.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from captions.markup import speaker_label
from captions.model import Cue, Track
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import ANNOUNCE_CAPTIONS

try:
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - Qt before 6.8
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

KEY_ANNOUNCE = ANNOUNCE_CAPTIONS.name


def announce(source: QObject, text: str) -> bool:
    """Send `text` to the screen reader, if one listens; True when it was sent."""
    if QAccessibleAnnouncementEvent is None or not text or not QAccessible.isActive():
        return False
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source, text))
    return True


def spoken_cue(cue: Cue) -> str:
    """A caption as one line to hear or read in braille: "Speaker: text"."""
    text = " ".join(cue.plain.split())
    speaker = speaker_label(cue.voice)
    return f"{speaker}: {text}" if speaker else text


class CaptionAnnouncer(QObject):
    """Announces each caption as it starts, from the track caption navigation follows.

    That is the shown captions, or the transcript's track when captions are off, so a
    learner who cannot see the screen need not turn captions on to hear them.
    """

    def __init__(self, ctx: PlayerContext, source: QWidget) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.source = source  # what announcements come from: the video
        self.enabled = ctx.settings.get(ANNOUNCE_CAPTIONS)
        self._track: Track | None = None
        self._showing: set[int] = set()
        self.sent: list[str] = []  # the last few announcements, for the status bar
        self.action = ctx.actions["announce_captions"]
        self.action.setChecked(self.enabled)
        ctx.clock.position_changed.connect(self.on_position)  # caption time

    def contribution(self) -> Contribution:
        return Contribution(
            commands={
                "announce_captions": lambda: self.set_enabled(self.action.isChecked())
            }
        )

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        self.ctx.settings.set(ANNOUNCE_CAPTIONS, self.enabled)
        self._track = None
        self._showing = set()

    def on_position(self, ms: int) -> None:
        if not self.enabled:
            return
        track = self.ctx.showing.current_track()
        if track is None:
            return
        showing = set(track.active_indices_at(ms))
        before = self._showing if track is self._track else set()
        new = sorted(showing - before)
        self._track, self._showing = track, showing
        for index in new:
            text = spoken_cue(track.cues[index])
            if announce(self.source, text):
                self.sent = [*self.sent[-9:], text]
