"""Python's cycle collector, run on the GUI thread only.

A collection runs in whichever thread happens to allocate; when a worker thread
(reading a track, checking a story) collects a cycle that holds a Qt object, that
object is destroyed off the GUI thread and the process crashes. So automatic
collection is turned off and a timer on the GUI thread collects instead, by the
collector's own thresholds (the approach of pyqtgraph's GarbageCollector).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Collects, generation by generation as due, each time its timer fires."""

    def __init__(self, app: QCoreApplication, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(app)
        self.setObjectName("gui-thread-collector")
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; the number
        of unreachable objects found."""
        first, second, third = gc.get_threshold()
        young, middle, old = gc.get_count()
        found = 0
        if young > first:
            found = gc.collect(0)
            if middle > second:
                found += gc.collect(1)
                if old > third:
                    found += gc.collect(2)
        return found


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """The application's collector, made on first call (it is the app's child)."""
    existing = app.findChild(GuiThreadCollector, "gui-thread-collector")
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)
