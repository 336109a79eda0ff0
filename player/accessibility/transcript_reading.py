"""Reading the transcript one's own way: text size, line spacing and high contrast.

The choices persist under "transcript/" (player/core/setting_keys.py); the View
menu's actions and the Transcript preferences page change them here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from player.accessibility.themes import (
    DEFAULT,
    HIGH_CONTRAST,
    HIGH_CONTRAST_STYLE,
    apply_theme,
    system_prefers_high_contrast,
)
from player.core.context import PlayerContext
from player.core.contribution import Contribution, TranscriptText
from player.core.setting_keys import HIGH_CONTRAST as KEY_HIGH_CONTRAST_SETTING
from player.core.setting_keys import LINE_SPACING, TEXT_SCALE

SCALE_RANGE = (TEXT_SCALE.low, TEXT_SCALE.high)
SCALE_STEPS = (75, 90, 100, 115, 130, 150, 175, 200, 250, 300)
SPACING_RANGE = (LINE_SPACING.low, LINE_SPACING.high)
SPACING_STEPS = (1.0, 1.25, 1.5, 1.75, 2.0)
KEY_SCALE = TEXT_SCALE.name
KEY_SPACING = LINE_SPACING.name
KEY_HIGH_CONTRAST = KEY_HIGH_CONTRAST_SETTING.name  # absent: follow the desktop


def _step(steps: tuple[float, ...], value: float, direction: int) -> float:
    if direction > 0:
        return next((s for s in steps if s > value + 1e-6), steps[-1])
    return next((s for s in reversed(steps) if s < value - 1e-6), steps[0])


class TranscriptReading(QObject):
    """Text size, line spacing and theme, read from and saved to the settings."""

    changed = Signal(str)  # what changed, in words, for the status bar and reader

    def __init__(self, ctx: PlayerContext, transcript: TranscriptText) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.transcript = transcript
        self.scale = ctx.settings.get(TEXT_SCALE)
        self.spacing = ctx.settings.get(LINE_SPACING)
        self.high_contrast_choice = ctx.settings.get(KEY_HIGH_CONTRAST_SETTING)
        self.high_contrast = False
        self._apply_text()
        self._apply_theme()
        ctx.actions["high_contrast"].setChecked(self.high_contrast)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "accessibility"):
            hints.accessibility().contrastPreferenceChanged.connect(
                self.on_system_contrast
            )
        self.changed.connect(ctx.notify.say)

    def contribution(self) -> Contribution:
        actions = self.ctx.actions
        return Contribution(
            commands={
                "bigger_transcript": lambda: self.step_scale(1),
                "smaller_transcript": lambda: self.step_scale(-1),
                "more_line_spacing": lambda: self.step_spacing(1),
                "less_line_spacing": lambda: self.step_spacing(-1),
                "normal_transcript": self.reset_text,
                "high_contrast": lambda: self.set_high_contrast(
                    actions["high_contrast"].isChecked()
                ),
            },
        )  # its preferences page comes with the screen reader's (accessibility_feature)

    # -- text ------------------------------------------------------------------------

    def set_scale(self, percent: int) -> None:
        self.scale = self.ctx.settings.set(TEXT_SCALE, percent)
        self._apply_text()
        self.changed.emit(f"Transcript text {self.scale} percent")

    def step_scale(self, direction: int) -> None:
        self.set_scale(int(_step(SCALE_STEPS, self.scale, direction)))

    def set_spacing(self, factor: float) -> None:
        self.spacing = self.ctx.settings.set(LINE_SPACING, factor)
        self._apply_text()
        self.changed.emit(f"Transcript line spacing {self.spacing:g}")

    def step_spacing(self, direction: int) -> None:
        self.set_spacing(_step(SPACING_STEPS, self.spacing, direction))

    def reset_text(self) -> None:
        self.set_spacing(1.0)
        self.set_scale(100)

    def _apply_text(self) -> None:
        self.transcript.set_line_spacing(self.spacing)
        self.transcript.set_text_scale(self.scale)

    # -- theme -----------------------------------------------------------------------

    def set_high_contrast(self, on: bool) -> None:
        """The user's own choice: saved, and from now on it overrides the desktop's."""
        self.high_contrast_choice = self.ctx.settings.set(
            KEY_HIGH_CONTRAST_SETTING, bool(on)
        )
        self._apply_theme()
        self.changed.emit("High contrast on" if on else "High contrast off")

    def follow_system(self) -> None:
        """Forget the user's choice: the desktop's contrast preference decides again."""
        self.high_contrast_choice = None
        self.ctx.settings.remove(KEY_HIGH_CONTRAST_SETTING)
        self._apply_theme()

    def on_system_contrast(self, _preference: object = None) -> None:
        if self.high_contrast_choice is None:
            self._apply_theme()

    def _apply_theme(self) -> None:
        """The palette for the application, the focus rings for the whole window."""
        choice = self.high_contrast_choice
        on = system_prefers_high_contrast() if choice is None else choice
        self.high_contrast = on
        apply_theme(HIGH_CONTRAST if on else DEFAULT)
        window = self.ctx.window
        sheet = window.styleSheet().replace(HIGH_CONTRAST_STYLE, "")
        wanted = sheet + HIGH_CONTRAST_STYLE if on else sheet
        if wanted != window.styleSheet():  # each change re-styles every widget
            window.setStyleSheet(wanted)
        self.ctx.actions["high_contrast"].setChecked(on)
        self.transcript.repaint_text()
