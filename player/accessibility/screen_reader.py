"""Screen reader announcements: each new caption, when the learner asks for them.

Announcements are QAccessibleAnnouncementEvents (Qt 6.8+): Orca, NVDA and VoiceOver
speak them politely and show them on a braille display, without moving focus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAccessible

from captions.markup import speaker_label
from captions.model import Cue, Track

try:
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - Qt before 6.8
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow

KEY_ANNOUNCE = "screenReader/announceCaptions"


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

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        value = QSettings().value(KEY_ANNOUNCE, False)
        self.enabled = str(value).lower() in ("true", "1")
        self._track: Track | None = None
        self._showing: set[int] = set()
        self.sent: list[str] = []  # the last few announcements, for the status bar

    def set_enabled(self, on: bool) -> None:
        self.enabled = bool(on)
        QSettings().setValue(KEY_ANNOUNCE, self.enabled)
        self._track = None
        self._showing = set()

    def on_position(self, ms: int) -> None:
        if not self.enabled:
            return
        track = self.window.current_track()
        if track is None:
            return
        showing = set(track.active_indices_at(ms))
        before = self._showing if track is self._track else set()
        new = sorted(showing - before)
        self._track, self._showing = track, showing
        for index in new:
            text = spoken_cue(track.cues[index])
            if announce(self.window.video_view, text):
                self.sent = [*self.sent[-9:], text]


def install_screen_reader(window: MainWindow) -> CaptionAnnouncer:
    """Connect "Announce captions" (off by default, persisted) to the playback."""
    announcer = CaptionAnnouncer(window)
    action = window.keymap["announce_captions"]
    action.setChecked(announcer.enabled)
    window.keymap.connect(
        "announce_captions", lambda: announcer.set_enabled(action.isChecked())
    )
    clock = getattr(window, "caption_clock", window.playback)  # caption time
    clock.position_changed.connect(announcer.on_position)
    return announcer
