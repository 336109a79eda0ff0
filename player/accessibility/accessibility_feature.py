"""Installs the learner's reading and screen reader aids on a main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.accessibility.descriptions import install_descriptions
from player.accessibility.screen_reader import install_screen_reader
from player.accessibility.transcript_reading import install_transcript_reading
from player.shell.preferences_dialog import add_preferences_page

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow

TRANSCRIPT_PAGE_TITLE = "&Transcript"
SCREEN_READER_PAGE_TITLE = "Screen &reader"


def install_accessibility(window: MainWindow) -> None:
    """Transcript size, spacing and theme; caption announcements; descriptions."""
    reading = install_transcript_reading(window)
    announcer = install_screen_reader(window)
    descriptions = install_descriptions(window)
    window.reading = reading  # type: ignore[attr-defined]
    window.announcer = announcer  # type: ignore[attr-defined]
    window.descriptions = descriptions  # type: ignore[attr-defined]

    def transcript_page():  # type: ignore[no-untyped-def]
        from player.accessibility.pages import TranscriptPage  # built on first use

        return TranscriptPage(reading)

    def screen_reader_page():  # type: ignore[no-untyped-def]
        from player.accessibility.pages import ScreenReaderPage

        return ScreenReaderPage(announcer, descriptions)

    add_preferences_page(window, TRANSCRIPT_PAGE_TITLE, transcript_page)
    add_preferences_page(window, SCREEN_READER_PAGE_TITLE, screen_reader_page)
