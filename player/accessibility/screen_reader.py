"""Screen reader announcements: each new caption, when the learner asks for them.

They go through the window's voice (player/core/voice.py), which Orca 43 and later
speak and braille whatever has focus, and which waits while the learner uses the
keyboard. The speaker is named when the speaker changes, not before every caption.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from captions.markup import speaker_label
from captions.model import Cue, Track
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import ANNOUNCE_CAPTIONS

KEY_ANNOUNCE = ANNOUNCE_CAPTIONS.name
# A jump further on than this, or back, is a new place: the speaker is named again.
# (A real player's frames may step back a little after a seek.)
SEEK_GAP_MS = 3000
STEP_BACK_MS = 1000


def spoken_cue(cue: Cue, name_speaker: bool = True) -> str:
    """A caption as one line to hear or read in braille: "Speaker: text"."""
    text = " ".join(cue.plain.split())
    speaker = speaker_label(cue.voice) if name_speaker else ""
    return f"{speaker}: {text}" if speaker else text


class CaptionAnnouncer(QObject):
    """Announces each caption as it starts, from the track caption navigation follows.

    That is the shown captions, or the transcript's track when captions are off, so a
    learner who cannot see the screen need not turn captions on to hear them. While
    the focused transcript follows the video, its own focus moves read each line, so
    the same caption is not announced as well.
    """

    def __init__(
        self,
        ctx: PlayerContext,
        transcript_reads_lines: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.voice = ctx.notify.voice
        self.transcript_reads_lines = transcript_reads_lines
        self.enabled = ctx.settings.get(ANNOUNCE_CAPTIONS)
        self._track: Track | None = None
        self._showing: set[int] = set()
        self._speaker = ""  # the speaker last named
        self._last_ms = 0
        self.sent: list[str] = []  # the last few captions said, for the audit
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
        self._track, self._showing, self._speaker = None, set(), ""

    def on_position(self, ms: int) -> None:
        if not self.enabled:
            return
        track = self.ctx.showing.current_track()
        if track is None:
            return
        if track is not self._track or not (
            -STEP_BACK_MS <= ms - self._last_ms <= SEEK_GAP_MS
        ):
            self._speaker = ""
        self._last_ms = ms
        showing = set(track.active_indices_at(ms))
        before = self._showing if track is self._track else set()
        self._track, self._showing = track, showing
        new = sorted(showing - before)
        if new and self._read_by_transcript(track):
            new = []
        for index in new:
            self._say(track, index)

    def _read_by_transcript(self, track: Track) -> bool:
        return (
            self.ctx.showing.transcript_track is track and self.transcript_reads_lines()
        )

    def _say(self, track: Track, index: int) -> None:
        cue = track.cues[index]
        speaker = speaker_label(cue.voice)
        held = self.voice.learner_is_typing()  # it may never be said: name the speaker
        text = spoken_cue(cue, name_speaker=held or speaker != self._speaker)
        if speaker:
            self._speaker = "" if held else speaker
        self.voice.say_caption(text, lambda: self._still_showing(track, index))
        self.sent = [*self.sent[-9:], text]

    def _still_showing(self, track: Track, index: int) -> bool:
        return self.enabled and track is self._track and index in self._showing
