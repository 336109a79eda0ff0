"""Installs the learner's reading and screen reader aids on a main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.descriptions import install_descriptions
from player.preferences_dialog import add_preferences_page
from player.screen_reader import install_screen_reader
from player.transcript_reading import install_transcript_reading

if TYPE_CHECKING:
    from player.main_window import MainWindow

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
        from player.transcript_page import TranscriptPage  # built on first use

        return TranscriptPage(reading)

    def screen_reader_page():  # type: ignore[no-untyped-def]
        from player.transcript_page import ScreenReaderPage

        return ScreenReaderPage(announcer, descriptions)

    add_preferences_page(window, TRANSCRIPT_PAGE_TITLE, transcript_page)
    add_preferences_page(window, SCREEN_READER_PAGE_TITLE, screen_reader_page)
