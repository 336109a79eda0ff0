"""The narrow, typed context a feature is built from, instead of the main window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow, QWidget

from player.core.actions import PlayerActions
from player.core.caption_clock import CaptionClock
from player.core.notify import Notify
from player.core.now_showing import NowShowing
from player.core.setting_keys import SCREEN_READER_ROUTE
from player.core.settings import Settings
from player.core.status import StatusArea
from player.core.stories import ShownStories
from player.playback.facade import PlaybackBase


@dataclass(frozen=True)
class PlayerContext:
    """What every feature may use.

    `window` is the top-level window only as a `QWidget`: the parent of dialogs and
    the screen the console is on; features never reach the shell's parts through it.
    """

    playback: PlaybackBase
    clock: CaptionClock  # caption time: see player/core/caption_clock.py
    actions: PlayerActions  # the keyboard map, by action name
    notify: Notify
    settings: Settings
    showing: NowShowing
    window: QWidget
    stories: ShownStories  # the shown video's stories: state, notice, where they play


def build_context(
    window: QMainWindow, playback: PlaybackBase, status: StatusArea
) -> PlayerContext:
    """The context for the features of `window`; `status` shows its problems.

    A settings value that cannot be used is reported there, naming the file.
    """
    notify = Notify(window.statusBar, status)
    settings = Settings(parent=window)
    settings.bad_value.connect(lambda text: notify.problem("settings", text))
    notify.voice.set_route(settings.get(SCREEN_READER_ROUTE))
    showing = NowShowing(playback, notify, window)
    return PlayerContext(
        playback=playback,
        clock=CaptionClock(playback, window),
        actions=PlayerActions(window),
        notify=notify,
        settings=settings,
        showing=showing,
        window=window,
        stories=ShownStories(showing, notify, window),
    )
