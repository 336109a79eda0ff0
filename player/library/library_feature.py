"""Search all modules (Ctrl+Shift+F): which modules it covers, and opening a hit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from media.model import Module
from media.samples import sample_module_path
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.setting_keys import KNOWN_MODULES
from player.core.settings import Settings

if TYPE_CHECKING:
    from player.library.dialog import LibrarySearchDialog


def remembered_module_paths(settings: Settings) -> list[Path]:
    """Modules opened in earlier sessions that are still there."""
    return [Path(name) for name in settings.get(KNOWN_MODULES) if Path(name).exists()]


def remember_module(settings: Settings, path: Path) -> None:
    """Add a module to the ones "Search all modules" covers, for later sessions too."""
    paths = [str(p) for p in dict.fromkeys([*remembered_module_paths(settings), path])]
    settings.set(KNOWN_MODULES, tuple(paths))


class LibrarySearch(QObject):
    """The search dialog over every module the app knows; a hit opens its cue.

    `index_path` None is the index in the user's cache folder (tests give their own).
    """

    def __init__(self, ctx: PlayerContext, index_path: Path | None = None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.index_path = index_path
        self.dialog: LibrarySearchDialog | None = None
        self.known_module_paths: list[Path] = []  # opened in this session
        ctx.showing.module_changed.connect(self._on_module)

    def contribution(self) -> Contribution:
        return Contribution(
            commands={"search_all": self.open_dialog}, on_close=self.shutdown
        )

    def _on_module(self, _module: Module) -> None:
        path = self.ctx.showing.module_path
        if path is not None and path not in self.known_module_paths:
            self.known_module_paths.append(path)
            remember_module(self.ctx.settings, path)

    def module_paths(self) -> list[str]:
        """The modules search covers: the sample and every module the app has opened."""
        paths = [
            sample_module_path().resolve(),
            *remembered_module_paths(self.ctx.settings),
            *self.known_module_paths,
        ]
        return [str(p) for p in dict.fromkeys(paths)]

    def open_dialog(self) -> LibrarySearchDialog:
        """Show "search all modules"; a chosen hit opens its module and video."""
        from player.library.dialog import LibrarySearchDialog  # built on first use

        dialog = self.dialog
        if dialog is None:
            dialog = LibrarySearchDialog(
                self.ctx.window, self.module_paths(), index_path=self.index_path
            )
            dialog.open_requested.connect(self.open_hit)
            self.dialog = dialog
        else:
            dialog.set_module_paths(self.module_paths())
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_hit(
        self, module_path: str, video_id: str, cue_ms: int, track_path: str = ""
    ) -> bool:
        """Open the hit's module (unless open), then its video and the track the
        hit was found in (French subtitles for a French hit), then play its cue.

        `cue_ms` is the cue's own (caption) time: it goes through the caption clock,
        after the video's caption delay is in force.
        """
        showing, path = self.ctx.showing, Path(module_path)
        if not showing.is_open(path) and not showing.open_path(path, video_id):
            return False
        on_show = showing.video is not None and showing.video.id == video_id
        if not on_show and not showing.show_video(video_id):
            return False
        if track_path:
            showing.show_track_file(track_path)
        self.ctx.clock.seek(cue_ms)
        return True

    def shutdown(self) -> None:
        """Its indexing thread must end before the window goes."""
        if self.dialog is not None:
            self.dialog.shutdown()
