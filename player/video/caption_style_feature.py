"""Connects the caption style: saved settings, View menu, shortcuts and preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from player.shell.preferences_dialog import add_preferences_page, open_preferences
from player.video.caption_style import (
    CaptionStyle,
    load_caption_style,
    save_caption_style,
)

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow

CAPTION_PAGE_TITLE = "Caption st&yle"


def install_caption_style(window: MainWindow) -> None:
    """Show the saved style; from then on every change (dialog, Ctrl+=, View menu)
    goes through `video_view.set_caption_style`, is saved, and the menu follows it.
    """
    view = window.video_view
    view.set_caption_style(load_caption_style())
    _show_in_menu(window, view.caption_style)
    shown = [view.caption_style]

    def changed(style: CaptionStyle) -> None:
        save_caption_style(style)
        _show_in_menu(window, style)
        if style.size_percent != shown[0].size_percent:
            _say(window, f"Caption size {style.size_percent} %")
        shown[0] = style

    view.caption_style_changed.connect(changed)

    def make_page():  # type: ignore[no-untyped-def]
        from player.video.caption_style_page import (
            CaptionStylePage,  # built on first use
        )

        return CaptionStylePage(view)

    add_preferences_page(window, CAPTION_PAGE_TITLE, make_page)
    window.keymap.connect("preferences", lambda: open_preferences(window))


def _show_in_menu(window: MainWindow, style: CaptionStyle) -> None:
    window.keymap["caption_band"].setChecked(style.position == "band")
    window.keymap["cue_positions"].setChecked(style.honour_cue_placement)


def _say(window: MainWindow, message: str) -> None:
    window.statusBar().showMessage(message, 3000)
    announce = getattr(window.status, "announce", None)
    if callable(announce):
        announce(message)
