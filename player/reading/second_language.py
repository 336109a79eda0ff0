"""A second caption language shown with the first (two at most), kept per module."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup

from media.model import Module
from player.core.actions import SECOND_LANGUAGE_MENU
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.now_showing import ref_code
from player.core.setting_keys import SECOND_LANGUAGE
from player.playback.controls import CAPTIONS_OFF

NO_SECOND = "None"


class SecondLanguage(QObject):
    """View > Second caption language: None, or one of the video's caption tracks.

    The choice is kept as a language code per module, so it follows the learner from
    video to video; what is shown is decided by `NowShowing` (only while the first
    captions are on and differ from it).
    """

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.menu = ctx.actions.menus[SECOND_LANGUAGE_MENU]
        self.group = QActionGroup(self.menu)
        self.group.setExclusive(True)
        self.group.triggered.connect(self._on_triggered)
        ctx.showing.module_changed.connect(self._on_module)
        ctx.showing.video_changed.connect(self._refresh_choices)
        self._refresh_choices()

    def contribution(self) -> Contribution:
        return Contribution()  # its menu has its place in the keymap's table

    def _on_module(self, module: Module) -> None:
        code = self.ctx.settings.get(SECOND_LANGUAGE.at(module.id))
        self.ctx.showing.set_second_language(code)

    def _on_triggered(self, action: QAction) -> None:
        self.choose(int(action.data()))

    def wanted_index(self) -> int:
        """Index in the video's caption tracks of the remembered language, else off."""
        return self.ctx.showing.second_index()

    def choose(self, index: int) -> None:
        """Show track `index` as the second language (CAPTIONS_OFF: none); remember."""
        showing = self.ctx.showing
        session, module = showing.session, showing.module
        if module is None or session is None:
            return
        key = SECOND_LANGUAGE.at(module.id)
        if 0 <= index < len(session.caption_refs):
            code = ref_code(session.caption_refs[index])
            self.ctx.settings.set(key, code)
        else:
            code = ""
            self.ctx.settings.remove(key)
        self._check(index)
        showing.set_second_language(code)

    def _refresh_choices(self, _video: object = None) -> None:
        session = self.ctx.showing.session
        self.menu.clear()
        labels = [NO_SECOND, *(session.labels() if session else [])]
        for index, label in enumerate(labels, start=CAPTIONS_OFF):
            action = self.menu.addAction(label)
            action.setCheckable(True)
            action.setData(index)
            self.group.addAction(action)
        self._check(self.wanted_index())
        self.menu.setEnabled(len(labels) > 2)

    def _check(self, index: int) -> None:
        for action in self.group.actions():
            action.setChecked(action.data() == index)

    def current_choice(self) -> str:
        """The label checked in the menu, for tests and the audit."""
        checked = self.group.checkedAction()
        return checked.text() if checked is not None else NO_SECOND
