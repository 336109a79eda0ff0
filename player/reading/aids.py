"""Installs the reading aids: speed, caption delay, pause after each caption, a second
language, resume, and the remembered single-key shortcut setting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from player.core.settings import read_bool, reading_settings
from player.reading.caption_delay import CaptionDelay
from player.reading.pause_after_caption import CaptionPauser
from player.reading.playback_rate import PlaybackRate
from player.reading.resume import ResumePosition
from player.reading.second_language import SecondLanguage

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow

SINGLE_KEYS_KEY = "reading/single_keys"


@dataclass
class ReadingAids:
    """The installed parts, kept on the window as `window.reading_aids` for tests."""

    rate: PlaybackRate
    delay: CaptionDelay
    pauser: CaptionPauser
    second_language: SecondLanguage
    resume: ResumePosition


def install_single_key_memory(window: MainWindow) -> None:
    """View > Single-key shortcuts (WCAG 2.1.4) as the learner last left it."""
    action = window.keymap["single_keys"]
    action.setChecked(read_bool(SINGLE_KEYS_KEY, True))
    window.set_single_keys_enabled(action.isChecked())
    action.toggled.connect(
        lambda on: reading_settings().setValue(SINGLE_KEYS_KEY, bool(on))
    )


def install_reading_aids(window: MainWindow) -> ReadingAids:
    """Build the reading aids into `window` and restore what the learner chose."""
    install_single_key_memory(window)
    aids = ReadingAids(
        rate=PlaybackRate(window),
        delay=CaptionDelay(window),
        pauser=CaptionPauser(window),
        second_language=SecondLanguage(window),
        resume=ResumePosition(window),
    )
    window.reading_aids = aids
    return aids
