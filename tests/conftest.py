"""Every Qt test runs offscreen: set before anything imports Qt."""

import os
import sys
from collections.abc import Iterator

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _collector():  # type: ignore[no-untyped-def]
    """The app's GUI-thread collector, once a Qt application exists (as in the app)."""
    if "PySide6.QtCore" not in sys.modules:
        return None
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None:
        return None
    from player.core.gui_gc import collect_on_gui_thread

    return collect_on_gui_thread(app)


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_gui_thread() -> Iterator[None]:
    """Cycles holding Qt objects are never collected by a worker thread."""
    _collector()
    yield
    collector = _collector()
    if collector is not None:
        collector.collect_due()
