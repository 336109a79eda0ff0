"""Descriptions from a "descriptions" track: shown as text, and spoken if possible.

Speech uses QtTextToSpeech when a real engine works on this machine (the "mock"
engine is for tests only); without one the text still shows and is announced, and
the View menu says speech is unavailable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from captions.model import Cue, Track
from media.model import TrackRef, Video
from player.core.actions import READER_MENU
from player.core.context import PlayerContext
from player.core.contribution import DESCRIPTIONS, Contribution, Panel
from player.core.setting_keys import (
    PAUSE_FOR_DESCRIPTIONS,
    SHOW_DESCRIPTIONS,
    SPEAK_DESCRIPTIONS,
)

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

KEY_SHOW = SHOW_DESCRIPTIONS.name
KEY_SPEAK = SPEAK_DESCRIPTIONS.name
KEY_PAUSE = PAUSE_FOR_DESCRIPTIONS.name
NO_SPEECH = "S&peak descriptions (no speech engine on this computer)"
NO_SPEECH_SAID = (
    "No speech engine on this computer: descriptions are shown, and sent to your"
    " screen reader"
)
TEST_ENGINES = frozenset({"mock"})


def description_ref(video: Video, language: str = "") -> TrackRef | None:
    """The video's descriptions track, in `language` when there is one."""
    refs = [t for t in video.tracks if t.kind == "descriptions"]
    same = [t for t in refs if language and t.language == language]
    found = same or refs
    return found[0] if found else None


def engine_names() -> list[str]:
    """The text-to-speech plug-ins Qt found (each may still fail to start)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # pragma: no cover - Qt build without text to speech
        return []
    return list(QTextToSpeech.availableEngines())


class Speaker(QObject):
    """One QTextToSpeech engine that works here, or none; `finished` after each text."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None, engine: str | None = None):
        super().__init__(parent)
        self.engine_name = ""
        self._engine = engine
        self._tts: QTextToSpeech | None = None
        self._tried = False

    @property
    def possible(self) -> bool:
        """Whether an engine is listed; cheap, starts no speech service."""
        if self._tried:
            return self._tts is not None
        names = [self._engine] if self._engine else engine_names()
        return any(self._engine or name not in TEST_ENGINES for name in names)

    @property
    def available(self) -> bool:
        """Whether speech works; the first call creates the engine (never at start)."""
        if not self._tried:
            self._tried = True
            self._create()
        return self._tts is not None

    def _create(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # pragma: no cover - Qt build without text to speech
            return
        names = [self._engine] if self._engine else engine_names()
        for name in names:
            if name in TEST_ENGINES and self._engine is None:
                continue
            tts = QTextToSpeech(name, self)
            if tts.state() != QTextToSpeech.State.Error:
                self._tts, self.engine_name = tts, name
                tts.stateChanged.connect(self._on_state)
                break
            tts.deleteLater()

    def speaking(self) -> bool:
        from PySide6.QtTextToSpeech import QTextToSpeech

        return self._tts is not None and self._tts.state() in (
            QTextToSpeech.State.Speaking,
            QTextToSpeech.State.Synthesizing,
        )

    def say(self, text: str) -> None:
        if self.available and self._tts is not None:
            self._tts.say(text)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _on_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Ready:
            self.finished.emit()


class DescriptionPane(QLabel):
    """The description now current, as text under the video (hidden when off)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("descriptionPane")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Description")
        self.setToolTip("What the video shows, described in words")
        self.setStyleSheet(
            "QLabel { background: #000000; color: #ffffff; padding: 4px 8px;"
            " border: 1px solid #ffffff; } QLabel:focus { border: 3px solid #ffbf47; }"
        )
        self.hide()

    def show_text(self, text: str) -> None:
        shown = text or "No description at this point."
        self.setText(shown)
        self.setAccessibleDescription(shown)


class Descriptions(QObject):
    """Follows the video's own time; shows, announces or speaks each description.

    Descriptions tell what the picture shows, so they follow video time, not the
    caption delay.
    """

    def __init__(self, ctx: PlayerContext, speaker: Speaker | None = None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.pane = DescriptionPane(ctx.window)  # the shell places it under the video
        self.speaker = speaker if speaker is not None else Speaker(self)
        settings = ctx.settings
        self.showing = settings.get(SHOW_DESCRIPTIONS)
        self.speak = settings.get(SPEAK_DESCRIPTIONS)
        self.pause_video = settings.get(PAUSE_FOR_DESCRIPTIONS)
        self.track: Track | None = None
        self.message = ""
        self._video: Video | None = None
        self._cue: Cue | None = None
        self._resume_after_speech = False
        self.speaker.finished.connect(self._on_speech_finished)
        self._show_in_menu()
        ctx.playback.position_changed.connect(self.on_position)
        ctx.showing.video_changed.connect(self._on_video)
        self.pane.setVisible(self.showing)

    def contribution(self) -> Contribution:
        actions = self.ctx.actions
        return Contribution(
            panels=(Panel(DESCRIPTIONS, "Description", self.pane),),
            commands={
                name: _checked_into(actions[name], setter)
                for name, setter in (
                    ("descriptions", self.set_showing),
                    ("speak_descriptions", self.set_speak),
                    ("pause_for_descriptions", self.set_pause_video),
                )
            },
        )

    def _show_in_menu(self) -> None:
        actions = self.ctx.actions
        actions["descriptions"].setChecked(self.showing)
        actions["speak_descriptions"].setChecked(self.speak)
        actions["pause_for_descriptions"].setChecked(self.pause_video)
        menu = self.ctx.actions.menus.get(READER_MENU)
        if menu is not None:
            menu.aboutToShow.connect(self.speech_possible)

    def speech_possible(self) -> bool:
        """Whether a speech engine is listed, asked on first use (the menu opening,
        speech turned on, a description to say): listing the engines loads Qt's
        text to speech, which a start does without. Without one the menu says so."""
        possible = self.speaker.possible
        if not possible:
            self._no_speech()
        return possible

    def _no_speech(self) -> None:
        """The menu shows speech off for want of an engine (the saved choice stays)."""
        actions = self.ctx.actions
        for name in ("speak_descriptions", "pause_for_descriptions"):
            actions[name].setChecked(False)  # the saved choice stays for later
            actions[name].setEnabled(False)
        actions["speak_descriptions"].setText(NO_SPEECH)
        actions["speak_descriptions"].setToolTip(NO_SPEECH.replace("&", ""))

    def set_showing(self, on: bool) -> None:
        self.showing = bool(on)
        self.ctx.settings.set(SHOW_DESCRIPTIONS, self.showing)
        self.pane.setVisible(self.showing)
        self._cue = None
        if not self.showing:
            self.speaker.stop()
        self.on_position(self.ctx.playback.position())

    def set_speak(self, on: bool) -> None:
        if on and not self.speech_possible():
            self.ctx.notify.say(NO_SPEECH_SAID)
            return
        self.speak = bool(on)
        self.ctx.settings.set(SPEAK_DESCRIPTIONS, self.speak)
        if not self.speak:
            self.speaker.stop()

    def set_pause_video(self, on: bool) -> None:
        if on and not self.speech_possible():
            self.ctx.notify.say(NO_SPEECH_SAID)
            return
        self.pause_video = bool(on)
        self.ctx.settings.set(PAUSE_FOR_DESCRIPTIONS, self.pause_video)

    def current_text(self) -> str:
        return self._cue.plain if self._cue is not None else ""

    def on_position(self, ms: int) -> None:
        if not self.showing:
            return
        video = self.ctx.showing.video
        if video is not self._video:
            self._load(video)
        active = self.track.active_at(ms) if self.track is not None else []
        cue = active[-1] if active else None
        if cue == self._cue:
            return
        self._cue = cue
        self.pane.show_text(self.message or self.current_text())
        if cue is not None:
            self._deliver(" ".join(cue.plain.split()))

    def _on_video(self, video: Video) -> None:
        """Read a shown video's descriptions while it starts, not at its first frame."""
        if self.showing:
            self._load(video)

    def _caption_language(self) -> str:
        """The language of the captions chosen (or to be shown) on this video."""
        showing = self.ctx.showing
        session, index = showing.session, showing.chosen_index()
        if session is None:
            return ""
        if not 0 <= index < len(session.caption_refs):
            index = session.default_index()
        return session.caption_refs[index].language if index >= 0 else ""

    def _load(self, video: Video | None) -> None:
        self._video, self._cue, self.track, self.message = video, None, None, ""
        if video is None:
            return
        ref = description_ref(video, self._caption_language())
        if ref is None:
            self.message = "This video has no descriptions."
            return
        self.message = "Loading descriptions…"

        def done(track: Track | None, error: str) -> None:
            if self._video is video:
                self.track, self.message = track, error
                self.pane.show_text(self.message or self.current_text())
                self.on_position(self.ctx.playback.position())

        self.ctx.showing.loads.load(ref, done)

    def _deliver(self, text: str) -> None:
        playback = self.ctx.playback
        if self.speak and self.speech_possible() and not self.speaker.available:
            self._no_speech()
        if self.speak and self.speaker.available:
            if self.pause_video and playback.is_playing():
                playback.pause()
                self._resume_after_speech = True
            self.speaker.say(text)
        else:
            cue = self._cue
            self.ctx.notify.voice.say_caption(
                f"Description: {text}", lambda: self.showing and self._cue is cue
            )

    def _on_speech_finished(self) -> None:
        if self._resume_after_speech:
            self._resume_after_speech = False
            self.ctx.playback.play()


def _checked_into(
    action: QAction, setter: Callable[[bool], None]
) -> Callable[[], None]:
    return lambda: setter(action.isChecked())
