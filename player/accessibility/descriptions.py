"""Descriptions from a "descriptions" track: shown as text, and spoken if possible.

Speech uses QtTextToSpeech when a real engine works on this machine (the "mock"
engine is for tests only); without one the text still shows and is announced, and
the View menu says speech is unavailable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from captions.model import Cue, Track
from media.model import TrackRef, Video
from player.accessibility.screen_reader import announce
from player.core.video_session import load_ref

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow

KEY_SHOW = "descriptions/show"
KEY_SPEAK = "descriptions/speak"
KEY_PAUSE = "descriptions/pauseVideo"
NO_SPEECH = "S&peak descriptions (no speech engine on this computer)"
TEST_ENGINES = frozenset({"mock"})


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    return str(settings.value(key, default)).lower() in ("true", "1")


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
        self._tts = None
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # pragma: no cover - Qt build without text to speech
            return
        names = [engine] if engine else engine_names()
        for name in names:
            if name in TEST_ENGINES and engine is None:
                continue
            tts = QTextToSpeech(name, self)
            if tts.state() != QTextToSpeech.State.Error:
                self._tts, self.engine_name = tts, name
                tts.stateChanged.connect(self._on_state)
                break
            tts.deleteLater()

    @property
    def available(self) -> bool:
        return self._tts is not None

    def speaking(self) -> bool:
        from PySide6.QtTextToSpeech import QTextToSpeech

        return self._tts is not None and self._tts.state() in (
            QTextToSpeech.State.Speaking,
            QTextToSpeech.State.Synthesizing,
        )

    def say(self, text: str) -> None:
        if self._tts is not None:
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
    """Follows the playback; shows, announces or speaks each new description."""

    def __init__(self, window: MainWindow, speaker: Speaker | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.pane = DescriptionPane(window)
        self.speaker = speaker if speaker is not None else Speaker(self)
        settings = QSettings()
        self.showing = _flag(settings, KEY_SHOW, False)
        self.speak = _flag(settings, KEY_SPEAK, True)
        self.pause_video = _flag(settings, KEY_PAUSE, False)
        self.track: Track | None = None
        self.message = ""
        self._video: Video | None = None
        self._cue: Cue | None = None
        self._resume_after_speech = False
        self.speaker.finished.connect(self._on_speech_finished)

    def set_showing(self, on: bool) -> None:
        self.showing = bool(on)
        QSettings().setValue(KEY_SHOW, self.showing)
        self.pane.setVisible(self.showing)
        self._cue = None
        if not self.showing:
            self.speaker.stop()
        self.on_position(self.window.playback.position())

    def set_speak(self, on: bool) -> None:
        self.speak = bool(on)
        QSettings().setValue(KEY_SPEAK, self.speak)
        if not self.speak:
            self.speaker.stop()

    def set_pause_video(self, on: bool) -> None:
        self.pause_video = bool(on)
        QSettings().setValue(KEY_PAUSE, self.pause_video)

    def current_text(self) -> str:
        return self._cue.plain if self._cue is not None else ""

    def on_position(self, ms: int) -> None:
        if not self.showing:
            return
        if self.window.video is not self._video:
            self._load(self.window.video)
        active = self.track.active_at(ms) if self.track is not None else []
        cue = active[-1] if active else None
        if cue == self._cue:
            return
        self._cue = cue
        self.pane.show_text(self.message or self.current_text())
        if cue is not None:
            self._deliver(" ".join(cue.plain.split()))

    def _load(self, video: Video | None) -> None:
        self._video, self._cue, self.track, self.message = video, None, None, ""
        if video is None:
            return
        track = self.window.current_track()
        ref = description_ref(video, track.language if track is not None else "")
        if ref is None:
            self.message = "This video has no descriptions."
            return
        self.track, error = load_ref(ref)
        self.message = error

    def _deliver(self, text: str) -> None:
        if self.speak and self.speaker.available:
            if self.pause_video and self.window.playback.is_playing():
                self.window.playback.pause()
                self._resume_after_speech = True
            self.speaker.say(text)
        else:
            announce(self.pane, f"Description: {text}")

    def _on_speech_finished(self) -> None:
        if self._resume_after_speech:
            self._resume_after_speech = False
            self.window.playback.play()


def _checked_into(
    action: QAction, setter: Callable[[bool], None]
) -> Callable[[], None]:
    return lambda: setter(action.isChecked())


def install_descriptions(
    window: MainWindow, speaker: Speaker | None = None
) -> Descriptions:
    """Put the description pane under the video and connect the View menu's toggles."""
    descriptions = Descriptions(window, speaker)
    column = window.video_view.parentWidget()
    layout = column.layout() if column is not None else None
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(layout.indexOf(window.video_view) + 1, descriptions.pane)
    QWidget.setTabOrder(window.video_view, descriptions.pane)
    keymap = window.keymap
    for name, setter, value in (
        ("descriptions", descriptions.set_showing, descriptions.showing),
        ("speak_descriptions", descriptions.set_speak, descriptions.speak),
        (
            "pause_for_descriptions",
            descriptions.set_pause_video,
            descriptions.pause_video,
        ),
    ):
        keymap[name].setChecked(value)
        keymap.connect(name, _checked_into(keymap[name], setter))
    if not descriptions.speaker.available:
        for name in ("speak_descriptions", "pause_for_descriptions"):
            keymap[name].setChecked(False)  # the saved choice stays for a later engine
            keymap[name].setEnabled(False)
        keymap["speak_descriptions"].setText(NO_SPEECH)
        keymap["speak_descriptions"].setToolTip(NO_SPEECH.replace("&", ""))
    window.playback.position_changed.connect(descriptions.on_position)
    descriptions.pane.setVisible(descriptions.showing)
    return descriptions
