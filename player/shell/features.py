"""Builds every feature on one context, in the order their signals should run."""

from __future__ import annotations

from dataclasses import dataclass

from player.accessibility.accessibility_feature import (
    AccessibilityAids,
    build_accessibility,
)
from player.alignment.alignment_feature import CaptionMaker
from player.core.actions import SingleKeyGuard
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.export.export_feature import TranscriptExport
from player.facilitator.notes_feature import NotesFeature
from player.facilitator.presentation_feature import Presenter
from player.library.library_feature import LibrarySearch
from player.reading.aids import ReadingAids, build_reading_aids
from player.shell.module_check import ModuleCheck
from player.shell.transport import Transport
from player.transcript.transcript_feature import TranscriptFeature
from player.video.caption_style_feature import CaptionStyleFeature
from player.video.navigation_feature import ModuleNavigation
from player.video.sign_feature import SignLanguage
from player.video.video_feature import VideoFeature


@dataclass(frozen=True)
class Features:
    """The features of one window, each built as `Feature(ctx, its own widgets)`."""

    video: VideoFeature
    sign: SignLanguage
    transcript: TranscriptFeature
    navigation: ModuleNavigation
    caption_style: CaptionStyleFeature
    accessibility: AccessibilityAids
    presenter: Presenter
    reading: ReadingAids
    transport: Transport
    notes: NotesFeature
    export: TranscriptExport
    library: LibrarySearch
    module_check: ModuleCheck
    captions_maker: CaptionMaker

    def contributions(self) -> list[Contribution]:
        """What each feature adds, in the order the shell places and wires it."""
        return [
            self.transport.contribution(),
            self.video.contribution(),
            self.sign.contribution(),
            self.navigation.contribution(),
            self.transcript.contribution(),
            self.caption_style.contribution(),
            *self.accessibility.contributions(),
            self.presenter.contribution(),
            *self.reading.contributions(),
            self.notes.contribution(),
            self.export.contribution(),
            self.library.contribution(),
            self.module_check.contribution(),
            self.captions_maker.contribution(),
        ]


def show_chapters_on_seek_bar(
    navigation: ModuleNavigation, transport: Transport
) -> None:
    """The chapter marks on the seek slider, and the chapter playing as its
    description, so a screen reader reaches them."""
    controls = transport.controls
    navigation.chapters_changed.connect(controls.set_chapter_marks)
    navigation.chapter_described.connect(controls.set_chapter_description)


def build_features(ctx: PlayerContext, guard: SingleKeyGuard | None) -> Features:
    """Every feature on `ctx`, the transport bar first."""
    transport = Transport(ctx)
    video = VideoFeature(ctx)
    sign = SignLanguage(ctx)
    transcript = TranscriptFeature(ctx)
    navigation = ModuleNavigation(ctx)
    caption_style = CaptionStyleFeature(ctx, video.view)
    accessibility = build_accessibility(ctx, transcript.panel, video.view)
    presenter = Presenter(ctx, video.view, sign)
    reading = build_reading_aids(ctx, guard)
    show_chapters_on_seek_bar(navigation, transport)
    return Features(
        video=video,
        sign=sign,
        transcript=transcript,
        navigation=navigation,
        caption_style=caption_style,
        accessibility=accessibility,
        presenter=presenter,
        reading=reading,
        transport=transport,
        notes=NotesFeature(ctx),
        export=TranscriptExport(ctx),
        library=LibrarySearch(ctx),
        module_check=ModuleCheck(ctx),
        captions_maker=CaptionMaker(ctx),
    )
