"""Where the reading aids keep their settings ("reading/..." in the app's QSettings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow


# As player/app.py names the application; explicit, so tests without those names
# (pytest-qt's QApplication has no organisation) still read and write settings.
ORGANISATION = "transcript-player"
APPLICATION = "Transcript Player"


def reading_settings() -> QSettings:
    """The application's settings file, in the default format (INI in the tests)."""
    return QSettings(
        QSettings.defaultFormat(), QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def read_bool(key: str, default: bool) -> bool:
    value = reading_settings().value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def read_float(key: str, default: float) -> float:
    try:
        return float(str(reading_settings().value(key, default)))
    except (TypeError, ValueError):
        return default


def read_int(key: str, default: int) -> int:
    try:
        return int(str(reading_settings().value(key, default)))
    except (TypeError, ValueError):
        return default


def video_key(window: MainWindow) -> str | None:
    """ "<module id>/<video id>" of the video shown, the key of per-video settings."""
    if window.module is None or window.video is None:
        return None
    return f"{window.module.id}/{window.video.id}"
