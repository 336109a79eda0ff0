"""The learner's reading and screen reader aids: transcript text and contrast,
caption announcements, descriptions, and their preference pages."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from player.accessibility.descriptions import Descriptions, Speaker
from player.accessibility.screen_reader import CaptionAnnouncer
from player.accessibility.story_announcer import StoryAnnouncer
from player.accessibility.transcript_reading import TranscriptReading
from player.core.context import PlayerContext
from player.core.contribution import Contribution, Page, TranscriptText

TRANSCRIPT_PAGE_TITLE = "&Transcript"
SCREEN_READER_PAGE_TITLE = "Screen &reader"


@dataclass(frozen=True)
class AccessibilityAids:
    """Transcript reading, caption announcements and descriptions of one context."""

    reading: TranscriptReading
    announcer: CaptionAnnouncer
    descriptions: Descriptions
    story: StoryAnnouncer

    def contributions(self) -> list[Contribution]:
        pages = (
            Page(TRANSCRIPT_PAGE_TITLE, self.make_transcript_page),
            Page(SCREEN_READER_PAGE_TITLE, self.make_screen_reader_page),
        )
        return [
            self.reading.contribution(),
            self.announcer.contribution(),
            self.descriptions.contribution(),
            Contribution(pages=pages),
        ]

    def make_transcript_page(self) -> QWidget:
        from player.accessibility.pages import TranscriptPage  # built on first use

        return TranscriptPage(self.reading)

    def make_screen_reader_page(self) -> QWidget:
        from player.accessibility.pages import ScreenReaderPage  # built on first use

        return ScreenReaderPage(self.announcer, self.descriptions)


def build_accessibility(
    ctx: PlayerContext,
    transcript: TranscriptText,
    announce_from: QWidget,
    speaker: Speaker | None = None,
) -> AccessibilityAids:
    """Transcript size, spacing and theme; captions and the story said; descriptions.

    `announce_from` is the video: while it has focus its own description names the
    story.
    """
    return AccessibilityAids(
        reading=TranscriptReading(ctx, transcript),
        announcer=CaptionAnnouncer(ctx, transcript.speaks_current_line),
        descriptions=Descriptions(ctx, speaker),
        story=StoryAnnouncer(ctx, announce_from.hasFocus),
    )
