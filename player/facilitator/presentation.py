"""The room's window: only the video, large captions, the attribution and the prompt."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QResizeEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from player.video.sign_corners import Rect, corner_place
from player.video.sign_view import SIGN_ASPECT, SignView
from player.video.video_view import VideoView

DEFAULT_CAPTION_PERCENT = 160
SIGN_BESIDE_SHARE = 0.26  # of the room's width, for the sign video beside the picture
SIGN_CORNER_SHARE = 0.24  # of the picture's width, for the sign video in a corner
PRESENTATION_STYLE = (
    "PresentationWindow { background: #000000; }"
    " VideoView, VideoView:focus { border: none; }"
    " QLabel#presentationPrompt { background: #10284a; color: #ffffff;"
    " border: 3px solid #ffbf47; border-radius: 8px; padding: 18px; }"
)


class _Named(Protocol):
    def name(self) -> str: ...


S = TypeVar("S", bound=_Named)


def choose_screen(
    screens: Sequence[S], console: S | None, preferred_name: str = ""
) -> S | None:
    """The screen to present on: the one asked for, else another than the console's."""
    if not screens:
        return None
    named = [s for s in screens if preferred_name and s.name() == preferred_name]
    if named:
        return named[0]
    others = [s for s in screens if s is not console]
    return others[0] if others else screens[0]


def screen_label(index: int, screen: QScreen) -> str:
    size = screen.geometry().size()
    name = f": {screen.name()}" if screen.name() else ""
    return f"screen {index + 1}{name} ({size.width()}×{size.height()})"


class PresentationWindow(QWidget):
    """A top-level window of its own: nothing of the console is ever built into it.

    It shows what the facade's single position says, exactly as the console does:
    both views receive the same frame times.
    """

    closed = Signal()
    play_toggle_requested = Signal()

    def __init__(self, caption_percent: int = DEFAULT_CAPTION_PERCENT) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("presentationWindow")
        self.setWindowTitle("Presentation — Transcript Player")
        self.setAccessibleName("Presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PRESENTATION_STYLE)
        self.view = VideoView(self)
        self.view.setObjectName("presentationVideo")
        self.view.setAccessibleName("Presented video")
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setCursor(Qt.CursorShape.BlankCursor)
        self.view.play_toggle_requested.connect(self.play_toggle_requested)
        self.set_caption_percent(caption_percent)
        self.sign = SignView(self, focusable=False)
        self.sign.setObjectName("presentationSign")
        self.sign.setAccessibleName("Presented sign-language video")
        self.sign.hide()
        self.sign_place = "beside"
        self._sign_shown = False
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(0)
        self._row.addWidget(self.view, 1)
        self.prompt = QLabel(self)
        self.prompt.setObjectName("presentationPrompt")
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setAccessibleName("Discussion prompt")
        self.prompt.hide()

    def show_sign(self, shown: bool, place: str) -> None:
        """The sign video beside the picture or in a corner of it, or not at all."""
        self.sign_place = place
        self._sign_shown = shown
        self._row.removeWidget(self.sign)
        if shown and place == "beside":
            self._row.addWidget(self.sign)
        self.sign.setVisible(shown)
        self._place_sign()

    def _place_sign(self) -> None:
        """Beside: a column of the room's width; in a corner: clear of the captions
        and the credit (player/video/sign_corners.py)."""
        if not self._sign_shown:
            return
        if self.sign_place == "beside":
            self.sign.setFixedSize(
                round(self.width() * SIGN_BESIDE_SHARE), self.view.height()
            )
            return
        width = round(self.width() * SIGN_CORNER_SHARE)
        picture = Rect(
            self.view.x(), self.view.y(), self.view.width(), self.view.height()
        )
        place = corner_place(
            picture,
            self.sign_place,
            (width, round(width / SIGN_ASPECT)),
            self.view.caption_style.scale,
            self.view.caption_style.position == "top",
        )
        self.sign.setVisible(place is not None)  # no clear corner: not over captions
        if place is None:
            return
        self.sign.setFixedSize(place.width, place.height)
        self.sign.move(place.x, place.y)
        self.sign.raise_()

    def set_caption_percent(self, percent: int) -> None:
        self.view.set_caption_scale(percent / 100)

    def caption_percent(self) -> int:
        return round(self.view.caption_scale * 100)

    def show_prompt(self, text: str) -> None:
        """The discussion prompt, large, over the upper part of the picture."""
        self.prompt.setText(text)
        self.prompt.setVisible(bool(text))
        self._place_prompt()

    def prompt_text(self) -> str:
        return self.prompt.text() if self.prompt.isVisible() else ""

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on `screen`; a plain window on a lone offscreen test display."""
        lone_test_screen = (
            QGuiApplication.platformName() == "offscreen"
            and len(QGuiApplication.screens()) < 2
        )
        if screen is None or lone_test_screen:
            self.resize(960, 540)
            self.show()
            return
        self.setGeometry(screen.geometry())
        self.create()
        handle = self.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        self.showFullScreen()

    def _place_prompt(self) -> None:
        """Large, near the top; a long prompt gets a smaller font, never cut off."""
        if not self.prompt.isVisible():
            return
        width = round(self.width() * 0.86)
        self.prompt.setFixedWidth(width)
        font = QFont(self.prompt.font())
        size = max(18, round(self.height() * 0.065))
        while True:
            font.setPixelSize(size)
            self.prompt.setFont(font)
            height = self.prompt.heightForWidth(width)
            if size <= 12 or height <= self.height() * 0.84:
                break
            size -= 2
        self.prompt.setFixedHeight(max(height, 0))
        self.prompt.move((self.width() - width) // 2, round(self.height() * 0.08))
        self.prompt.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_prompt()
        self._place_sign()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
