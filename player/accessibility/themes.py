"""The built-in colour themes: the desktop's own (made readable) and high contrast.

Every theme keeps the text pairs a reader depends on at 4.5:1 or more
(design.md 8); `text_pairs` lists them so the accessibility audit can measure each.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from captions.contrast import AA_NORMAL_TEXT, contrast_ratio

Role = QPalette.ColorRole
DEFAULT = "default"
HIGH_CONTRAST = "high_contrast"
THEMES = (DEFAULT, HIGH_CONTRAST)
READABLE_HIGHLIGHT = QColor("#0b57d0")  # the focus-ring blue: 6.6:1 with white

# (text role, background role) pairs a reader meets: window, fields, selection, buttons.
TEXT_PAIRS: tuple[tuple[Role, Role], ...] = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.HighlightedText, Role.Highlight),
    (Role.ButtonText, Role.Button),
    (Role.ToolTipText, Role.ToolTipBase),
)

_HIGH_CONTRAST_COLOURS: dict[Role, str] = {
    Role.Window: "#000000",
    Role.WindowText: "#ffffff",
    Role.Base: "#000000",
    Role.AlternateBase: "#1f1f1f",
    Role.Text: "#ffffff",
    Role.Button: "#000000",
    Role.ButtonText: "#ffffff",
    Role.BrightText: "#ffff00",
    Role.Highlight: "#ffff00",
    Role.HighlightedText: "#000000",
    Role.ToolTipBase: "#000000",
    Role.ToolTipText: "#ffff00",
    Role.PlaceholderText: "#c8c8c8",
    Role.Link: "#7fdbff",
    Role.LinkVisited: "#e0a0ff",
    Role.Light: "#ffffff",
    Role.Midlight: "#c8c8c8",
    Role.Mid: "#ffffff",
    Role.Dark: "#ffffff",
    Role.Shadow: "#ffffff",
}
_HIGH_CONTRAST_DISABLED = "#a8a8a8"  # 8.5:1 on black: disabled, still readable

# Added to the window's style sheet: thick yellow focus ring and outlined buttons.
HIGH_CONTRAST_STYLE = (
    " QAbstractButton, QComboBox, QLineEdit { border: 2px solid #ffffff; }"
    " QAbstractButton:focus, QComboBox:focus, QSlider:focus, QAbstractItemView:focus,"
    " QLineEdit:focus, QLabel:focus { border: 3px solid #ffff00; }"
)


def rgb(color: QColor) -> tuple[float, float, float]:
    return (float(color.red()), float(color.green()), float(color.blue()))


def ratio(palette: QPalette, text: Role, background: Role) -> float:
    group = QPalette.ColorGroup.Active
    return contrast_ratio(
        rgb(palette.color(group, text)), rgb(palette.color(group, background))
    )


_system: list[QPalette] = []


def system_palette() -> QPalette:
    """The palette the desktop gave the application, kept before a theme replaced it."""
    if not _system:
        _system.append(QPalette(QGuiApplication.palette()))
    return QPalette(_system[0])


def default_palette() -> QPalette:
    """The desktop's palette, with any selection colour too pale for its text fixed."""
    palette = system_palette()
    if ratio(palette, Role.HighlightedText, Role.Highlight) < AA_NORMAL_TEXT:
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, Role.Highlight, READABLE_HIGHLIGHT)
            palette.setColor(group, Role.HighlightedText, QColor("#ffffff"))
    return palette


def high_contrast_palette() -> QPalette:
    """White and yellow on black, for every control and the transcript."""
    palette = QPalette()
    for role, colour in _HIGH_CONTRAST_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.HighlightedText):
        disabled = _HIGH_CONTRAST_DISABLED
        if role == Role.HighlightedText:
            disabled = "#000000"
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def theme_palette(name: str) -> QPalette:
    return high_contrast_palette() if name == HIGH_CONTRAST else default_palette()


def text_pairs(palette: QPalette) -> list[tuple[str, float]]:
    """("Text on Base", ratio) for every pair of `TEXT_PAIRS`, for the audit."""
    return [
        (f"{text.name} on {background.name}", ratio(palette, text, background))
        for text, background in TEXT_PAIRS
    ]


def system_prefers_high_contrast() -> bool:
    """True when the desktop asks for high contrast (Qt 6.10+), else False."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    preference = accessibility().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def apply_theme(name: str) -> None:
    """Give the whole application (every window and dialog) the theme's palette."""
    palette = theme_palette(name)  # reads the desktop's palette before replacing it
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setPalette(palette)
