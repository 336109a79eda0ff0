"""Guards the PySide6 pin: 6.12.0 lost a reference to None/True per emit and call.

On Python 3.11 that aborts the interpreter within seconds of a running window
("Fatal Python error: bool_dealloc"), so pyproject.toml excludes that release.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    fired = Signal(int)


def test_signal_emits_and_void_calls_keep_reference_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    label = QLabel()
    qtbot.addWidget(label)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(200):
        emitter.fired.emit(i)
        label.setText(str(i))
    assert len(received) == 200
    assert sys.getrefcount(None) >= none_before - 20
    assert sys.getrefcount(True) >= true_before - 20
