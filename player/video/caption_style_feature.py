"""The caption style: saved settings, View menu, Ctrl+= / Ctrl+- / Ctrl+0, a page."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from player.core.context import PlayerContext
from player.core.contribution import Contribution, Page
from player.video.caption_style import (
    CaptionStyle,
    load_caption_style,
    save_caption_style,
)
from player.video.video_view import VideoView

CAPTION_PAGE_TITLE = "Caption st&yle"


class CaptionStyleFeature(QObject):
    """Shows the saved style; from then on every change (dialog, Ctrl+=, View menu)
    goes through `view.set_caption_style`, is saved, and the menu follows it.
    """

    def __init__(self, ctx: PlayerContext, view: VideoView) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.view = view
        view.set_caption_style(load_caption_style(ctx.settings))
        self._shown = view.caption_style
        self._show_in_menu(self._shown)
        view.caption_style_changed.connect(self._changed)

    def contribution(self) -> Contribution:
        return Contribution(
            commands={
                "bigger_captions": lambda: self.scale_captions(1.25),
                "smaller_captions": lambda: self.scale_captions(0.8),
                "reset_captions": lambda: self.scale_captions(None),
                "caption_band": self.place_captions,
                "cue_positions": self.place_captions,
            },
            pages=(Page(CAPTION_PAGE_TITLE, self.make_page),),
        )

    def make_page(self) -> QWidget:
        from player.video.caption_style_page import CaptionStylePage  # on first use

        return CaptionStylePage(self.view)

    def scale_captions(self, factor: float | None) -> None:
        view = self.view
        view.set_caption_scale(1.0 if factor is None else view.caption_scale * factor)

    def place_captions(self) -> None:
        """Apply the View menu's choices: band below the video, positions from cues."""
        actions = self.ctx.actions
        self.view.honour_cue_settings = actions["cue_positions"].isChecked()
        self.view.set_caption_mode(
            "band" if actions["caption_band"].isChecked() else "overlay"
        )

    def _changed(self, style: CaptionStyle) -> None:
        save_caption_style(style, self.ctx.settings)
        self._show_in_menu(style)
        if style.size_percent != self._shown.size_percent:
            self.ctx.notify.say(f"Caption size {style.size_percent} %")
        self._shown = style

    def _show_in_menu(self, style: CaptionStyle) -> None:
        actions = self.ctx.actions
        actions["caption_band"].setChecked(style.position == "band")
        actions["cue_positions"].setChecked(style.honour_cue_placement)
