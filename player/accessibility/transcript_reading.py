"""Reading the transcript one's own way: text size, line spacing and high contrast.

The settings persist under QSettings "transcript/"; `install_transcript_reading`
connects the View menu's actions (SPECS rows in player/actions.py) to them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from player.accessibility.themes import (
    DEFAULT,
    HIGH_CONTRAST,
    HIGH_CONTRAST_STYLE,
    apply_theme,
    system_prefers_high_contrast,
)
from player.transcript.delegate import RowGeometry, TranscriptDelegate

if TYPE_CHECKING:
    from PySide6.QtCore import QRect

    from player.shell.main_window import MainWindow

SCALE_RANGE = (75, 300)
SCALE_STEPS = (75, 90, 100, 115, 130, 150, 175, 200, 250, 300)
SPACING_RANGE = (1.0, 2.0)
SPACING_STEPS = (1.0, 1.25, 1.5, 1.75, 2.0)
KEY_SCALE = "transcript/textScale"
KEY_SPACING = "transcript/lineSpacing"
KEY_HIGH_CONTRAST = "transcript/highContrast"  # absent: follow the desktop


def _step(steps: tuple[float, ...], value: float, direction: int) -> float:
    if direction > 0:
        return next((s for s in steps if s > value + 1e-6), steps[-1])
    return next((s for s in reversed(steps) if s < value - 1e-6), steps[0])


class ReadingDelegate(TranscriptDelegate):
    """The transcript delegate with line spacing: each wrapped line gets more room."""

    line_spacing = 1.0

    def set_line_spacing(self, factor: float) -> None:
        """Lines `factor` times as far apart (1.0-2.0); the caller re-lays out."""
        self.line_spacing = max(SPACING_RANGE[0], min(SPACING_RANGE[1], factor))
        self.clear_cache()

    def spaced_line(self) -> int:
        return math.ceil(self._metrics.lineSpacing() * self.line_spacing)

    def geometry(self, row: int, width: int) -> RowGeometry:
        plain = super().geometry(row, width)
        if self.line_spacing == 1.0:
            return plain
        lines = max(1, round(plain.text / self._metrics.lineSpacing()))
        return RowGeometry(
            plain.header,
            plain.gap,
            plain.speaker,
            lines * self.spaced_line(),
            plain.padding,
            plain.footer,
        )

    def document(self, row: int, font: QFont, width: int) -> QTextDocument:
        document = super().document(row, font, width)
        if self.line_spacing != 1.0:
            block = QTextBlockFormat()  # the extra room goes below each line
            extra = self.spaced_line() - QFontMetrics(font).lineSpacing()
            block.setLineHeight(
                max(0, extra), QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value
            )
            cursor = QTextCursor(document)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(block)
        return document

    def _paint_text(
        self,
        painter: QPainter,
        palette: QPalette,
        row: int,
        rect: QRect,
        current: bool,
    ) -> None:
        if self.line_spacing == 1.0:
            super()._paint_text(painter, palette, row, rect, current)
            return
        document = self.document(row, self._text_font(row, current), rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = palette
        painter.translate(rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.translate(-rect.topLeft())


class TranscriptReading(QObject):
    """Text size, line spacing and theme, read from and saved to QSettings."""

    changed = Signal(
        str
    )  # what changed, in words, for the status bar and screen reader

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.delegate = _install_delegate(window)
        settings = QSettings()
        self.scale = _clamp_int(settings.value(KEY_SCALE, 100), SCALE_RANGE, 100)
        self.spacing = _clamp_float(settings.value(KEY_SPACING, 1.0), SPACING_RANGE)
        stored = settings.value(KEY_HIGH_CONTRAST)
        self.high_contrast_choice: bool | None = (
            None if stored is None else str(stored).lower() in ("true", "1")
        )
        self.high_contrast = False
        self._apply_text()
        self._apply_theme()

    # -- text ------------------------------------------------------------------------

    def set_scale(self, percent: int) -> None:
        self.scale = _clamp_int(percent, SCALE_RANGE, 100)
        QSettings().setValue(KEY_SCALE, self.scale)
        self._apply_text()
        self.changed.emit(f"Transcript text {self.scale} percent")

    def step_scale(self, direction: int) -> None:
        self.set_scale(int(_step(SCALE_STEPS, self.scale, direction)))

    def set_spacing(self, factor: float) -> None:
        self.spacing = _clamp_float(factor, SPACING_RANGE)
        QSettings().setValue(KEY_SPACING, self.spacing)
        self._apply_text()
        self.changed.emit(f"Transcript line spacing {self.spacing:g}")

    def step_spacing(self, direction: int) -> None:
        self.set_spacing(_step(SPACING_STEPS, self.spacing, direction))

    def reset_text(self) -> None:
        self.set_spacing(1.0)
        self.set_scale(100)

    def _apply_text(self) -> None:
        if self.delegate is not None:
            self.delegate.set_line_spacing(self.spacing)
        self.window.transcript.set_text_scale(self.scale)

    # -- theme -----------------------------------------------------------------------

    def set_high_contrast(self, on: bool) -> None:
        """The user's own choice: saved, and from now on it overrides the desktop's."""
        self.high_contrast_choice = bool(on)
        QSettings().setValue(KEY_HIGH_CONTRAST, self.high_contrast_choice)
        self._apply_theme()
        self.changed.emit("High contrast on" if on else "High contrast off")

    def follow_system(self) -> None:
        """Forget the user's choice: the desktop's contrast preference decides again."""
        self.high_contrast_choice = None
        QSettings().remove(KEY_HIGH_CONTRAST)
        self._apply_theme()

    def on_system_contrast(self, _preference: object = None) -> None:
        if self.high_contrast_choice is None:
            self._apply_theme()

    def _apply_theme(self) -> None:
        choice = self.high_contrast_choice
        on = system_prefers_high_contrast() if choice is None else choice
        self.high_contrast = on
        apply_theme(HIGH_CONTRAST if on else DEFAULT)
        sheet = self.window.styleSheet().replace(HIGH_CONTRAST_STYLE, "")
        self.window.setStyleSheet(sheet + HIGH_CONTRAST_STYLE if on else sheet)
        if "high_contrast" in self.window.keymap.actions:
            self.window.keymap["high_contrast"].setChecked(on)
        self.window.transcript.view.viewport().update()


def _clamp_int(value: object, bounds: tuple[int, int], fallback: int) -> int:
    try:
        number = int(float(str(value)))
    except ValueError:
        number = fallback
    return max(bounds[0], min(bounds[1], number))


def _clamp_float(value: object, bounds: tuple[float, float]) -> float:
    try:
        number = float(str(value))
    except ValueError:
        number = bounds[0]
    return max(bounds[0], min(bounds[1], number))


def _install_delegate(window: MainWindow) -> ReadingDelegate | None:
    """Replace the transcript's delegate with one that also spaces lines."""
    view = getattr(window.transcript, "view", None)
    old = getattr(view, "transcript_delegate", None)
    if view is None or not isinstance(old, TranscriptDelegate):
        return None
    if isinstance(old, ReadingDelegate):
        return old
    delegate = ReadingDelegate(view.model(), view)
    delegate.set_text_scale(old.text_scale())
    view.setItemDelegate(delegate)
    view.transcript_delegate = delegate
    old.deleteLater()
    return delegate


def install_transcript_reading(window: MainWindow) -> TranscriptReading:
    """Read the saved settings, apply them, and connect the View menu's actions."""
    reading = TranscriptReading(window)
    keymap = window.keymap
    keymap.connect("bigger_transcript", lambda: reading.step_scale(1))
    keymap.connect("smaller_transcript", lambda: reading.step_scale(-1))
    keymap.connect("more_line_spacing", lambda: reading.step_spacing(1))
    keymap.connect("less_line_spacing", lambda: reading.step_spacing(-1))
    keymap.connect("normal_transcript", reading.reset_text)
    keymap.connect(
        "high_contrast",
        lambda: reading.set_high_contrast(keymap["high_contrast"].isChecked()),
    )
    keymap["high_contrast"].setChecked(reading.high_contrast)
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "accessibility"):
        hints.accessibility().contrastPreferenceChanged.connect(
            reading.on_system_contrast
        )
    reading.changed.connect(lambda text: _tell(window, text))
    return reading


def _tell(window: MainWindow, text: str) -> None:
    window.statusBar().showMessage(text, 3000)
    window.status.announce(text)
