"""The sign window's keys: to a corner of the video (floating), bigger, smaller.

Docked, it sits beside the video (the left column) and never covers anything; in a
corner it floats over the picture, clear of the captions and the storytelling
credit (player/shell/sign_corners.py), and follows the video when the window moves
or resizes. The corner is kept in the settings; Qt's saved layout keeps the size.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QMainWindow

from player.core.contribution import SIGN
from player.core.notify import Notify
from player.core.setting_keys import SIGN_CORNER
from player.core.settings import Settings
from player.shell.docks import PanelDock
from player.shell.placement import Placement
from player.video.sign_corners import Rect, corner_place, next_corner, resized
from player.video.sign_view import SIGN_ASPECT
from player.video.video_view import VideoView

STEP_PERCENT = 20
FIRST_CORNER_WIDTH = 320  # px: the sign video's own width
DOCKED_STEP_PERCENT = 5  # of the window's width, docked


class SignWindow(QObject):
    """Ctrl+Shift+S, Ctrl+Alt+= and Ctrl+Alt+- on the sign window's dock."""

    def __init__(
        self, placement: Placement, settings: Settings, notify: Notify
    ) -> None:
        super().__init__(placement)
        self.window: QMainWindow = placement.window
        self.dock: PanelDock | None = placement.docks.get(SIGN)
        self.video = placement.core.video
        self.settings = settings
        self.notify = notify
        self._placing = False
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self.keep_in_corner)
        if self.dock is None:
            return
        self.dock.topLevelChanged.connect(self._on_floating)
        self.dock.shown_changed.connect(lambda shown: shown and self._follow.start())
        self.video.installEventFilter(self)
        self.window.installEventFilter(self)

    def table(self) -> dict[str, Callable[[], object]]:
        return {
            "sign_corner": self.to_next_corner,
            "sign_bigger": lambda: self.resize(STEP_PERCENT),
            "sign_smaller": lambda: self.resize(-STEP_PERCENT),
        }

    def corner(self) -> str:
        return self.settings.get(SIGN_CORNER)

    def _shown(self) -> PanelDock | None:
        dock = self.dock
        if dock is None or dock.isHidden():
            self.notify.say("No sign-language window: this video has no sign track")
            return None
        return dock

    def to_next_corner(self) -> None:
        """Float the window into the next corner of the video."""
        dock = self._shown()
        if dock is None:
            return
        corner = next_corner(self.corner())
        if self._place_in(corner) is None:
            self.notify.say(
                "The video is too small to keep a corner clear of the captions: "
                f"the {dock.windowTitle()} window stays beside it"
            )
            return
        self.settings.set(SIGN_CORNER, corner)
        self._placing = True
        try:
            if not dock.isFloating():
                dock.toggle_floating()
                dock.resize(*self._shape(FIRST_CORNER_WIDTH))
        finally:
            self._placing = False
        self.keep_in_corner()
        words = corner.replace("-", " ")
        self.notify.say(
            f"{dock.windowTitle()} window in the {words} corner of the video"
        )

    def resize(self, percent: int) -> None:
        """Bigger or smaller: floating, by its own size (kept in its corner); docked,
        wider or narrower by a share of the window."""
        dock = self._shown()
        if dock is None:
            return
        if dock.isFloating():
            width, height = resized(self._shape(dock.width()), percent)
            dock.resize(width, height)
            self.keep_in_corner()
        else:
            step = self.window.width() * DOCKED_STEP_PERCENT // 100
            step = step if percent > 0 else -step
            self.window.resizeDocks(
                [dock], [max(96, dock.width() + step)], Qt.Orientation.Horizontal
            )
        word = "bigger" if percent > 0 else "smaller"
        self.notify.say(f"{dock.windowTitle()} window {word}")

    def picture(self) -> Rect:
        """The video picture on screen, in global coordinates."""
        video = self.video
        surface = video.viewport() if isinstance(video, VideoView) else video
        area = QRect(surface.rect())
        item = video.video_item if isinstance(video, VideoView) else None
        if item is not None:
            shown = item.boundingRect().toRect()
            if shown.width() > 1 and shown.height() > 1:
                area = shown
        corner = surface.mapToGlobal(area.topLeft())
        return Rect(corner.x(), corner.y(), area.width(), area.height())

    def _place_in(self, corner: str) -> Rect | None:
        assert self.dock is not None
        scale, at_top = 1.0, False
        if isinstance(self.video, VideoView):
            style = self.video.caption_style
            scale, at_top = style.scale, style.position == "top"
        return corner_place(self.picture(), corner, self._shape(), scale, at_top)

    def _shape(self, width: int = 0) -> tuple[int, int]:
        """The window's size in a corner: the sign video's shape, under its title."""
        assert self.dock is not None
        floating = self.dock.isFloating()
        width = width or (self.dock.width() if floating else FIRST_CORNER_WIDTH)
        title = self.dock.title_bar.sizeHint().height()
        return width, round(width / SIGN_ASPECT) + title

    def keep_in_corner(self) -> None:
        """A floating window in a corner goes back to it (the video moved or grew);
        when the video became too small for a clear corner, it docks beside it."""
        dock, corner = self.dock, self.corner()
        if dock is None or not corner or not dock.isFloating() or dock.isHidden():
            return
        place = self._place_in(corner)
        if place is None:
            self.settings.set(SIGN_CORNER, "")
            dock.toggle_floating()
            return
        self._placing = True
        try:
            dock.resize(place.width, place.height)
            dock.move(QPoint(place.x, place.y))
        finally:
            self._placing = False

    def _on_floating(self, floating: bool) -> None:
        """Docked again (by the person): no longer in a corner."""
        if not floating and not self._placing:
            self.settings.set(SIGN_CORNER, "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self.corner():
            self._follow.start()
        return False
