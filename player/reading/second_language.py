"""A second caption language shown with the first (two at most), kept per module."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from captions.model import Track
from player.core.settings import reading_settings
from player.playback.controls import CAPTIONS_OFF

if TYPE_CHECKING:
    from media.model import TrackRef
    from player.shell.main_window import MainWindow

NO_SECOND = "None"


def second_style(track: Track) -> Track:
    """The second language in italics, so the two read apart at a glance."""
    cues = tuple(replace(cue, text=f"<i>{cue.text}</i>") for cue in track.cues)
    return Track(
        cues,
        kind=track.kind,
        language=track.language,
        label=track.label,
        source=track.source,
        warnings=track.warnings,
    )


def ref_code(ref: TrackRef) -> str:
    """How a choice is remembered: the language, else the label, else the file name."""
    return ref.language or ref.label or ref.file.name


class SecondLanguage(QObject):
    """View > Second caption language: None, or one of the video's caption tracks.

    The choice is kept as a language code per module, so it follows the learner from
    video to video; it shows only while the first captions are on and differ from it.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._styled: tuple[Track, Track] | None = None  # (track, its styled copy)
        view_menu = window.keymap.menus["View"]
        self.menu = QMenu("Second caption lan&guage", view_menu)
        self.menu.setObjectName("secondLanguageMenu")
        self.menu.setAccessibleName("Second caption language")
        self.menu.setToolTipsVisible(True)
        self.menu.menuAction().setToolTip(
            "Captions in a second language, in italics above the first (no shortcut)"
        )
        self.group = QActionGroup(self.menu)
        self.group.setExclusive(True)
        after = window.keymap["next_language"]
        actions = view_menu.actions()
        at = actions.index(after) + 1 if after in actions else len(actions)
        if at < len(actions):
            view_menu.insertMenu(actions[at], self.menu)
        else:
            view_menu.addMenu(self.menu)
        self.group.triggered.connect(lambda action: self.choose(action.data()))
        window.video_shown.connect(self._refresh_choices)
        window.caption_track_selected.connect(lambda _index: self.apply())
        self._refresh_choices()

    def _key(self) -> str | None:
        module = self.window.module
        return f"reading/second_language/{module.id}" if module else None

    def wanted_code(self) -> str:
        key = self._key()
        return str(reading_settings().value(key, "")) if key else ""

    def wanted_index(self) -> int:
        """Index in the video's caption tracks of the remembered language, else off."""
        session, code = self.window.session, self.wanted_code()
        if session is None or not code:
            return CAPTIONS_OFF
        for index, ref in enumerate(session.caption_refs):
            if ref_code(ref) == code:
                return index
        return CAPTIONS_OFF

    def choose(self, index: int) -> None:
        """Show track `index` as the second language (CAPTIONS_OFF: none); remember."""
        window, session, key = self.window, self.window.session, self._key()
        if key is None or session is None:
            return
        if 0 <= index < len(session.caption_refs):
            reading_settings().setValue(key, ref_code(session.caption_refs[index]))
        else:
            reading_settings().remove(key)
        self._check(index)
        window.select_caption_track(window.caption_index)  # then apply() adds it

    def apply(self) -> None:
        """Put the second track beside the first on the video, when both are on."""
        window, session = self.window, self.window.session
        first, second = window.caption_index, self.wanted_index()
        if session is None or CAPTIONS_OFF in (first, second) or first == second:
            return
        track, other = session.track(first), session.track(second)
        if track is None or other is None:
            return
        if self._styled is None or self._styled[0] is not other:
            self._styled = (other, second_style(other))
        window.video_view.set_tracks([track, self._styled[1]])

    def _refresh_choices(self) -> None:
        session = self.window.session
        self.menu.clear()
        labels = [NO_SECOND, *(session.labels() if session else [])]
        for index, label in enumerate(labels, start=CAPTIONS_OFF):
            action = self.menu.addAction(label)
            action.setCheckable(True)
            action.setData(index)
            self.group.addAction(action)
        self._check(self.wanted_index())
        self.menu.setEnabled(len(labels) > 2)
        self.apply()

    def _check(self, index: int) -> None:
        for action in self.group.actions():
            action.setChecked(action.data() == index)

    def current_choice(self) -> str:
        """The label checked in the menu, for tests and the audit."""
        checked = self.group.checkedAction()
        return checked.text() if checked is not None else NO_SECOND
