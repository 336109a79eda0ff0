"""Keeps tests away from the real user's settings and data (shared by conftests)."""

from __future__ import annotations

from pathlib import Path

import pytest


def isolate_settings(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """QSettings of this process, and of app processes tests start, go to `folder`."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder)
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder
