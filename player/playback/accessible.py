"""Custom accessible interfaces for our own widgets, and what this platform's screen
readers read.

Qt asks every installed factory for the interface of each object a screen reader
meets; `provide_interface` registers one of our widget classes with the one factory
this module installs. Widgets of every layer use it, so it sits in the lowest Qt
layer.

`AT_SPI` is true where screen readers talk to Qt through AT-SPI (Linux and the
BSDs: Orca). There Qt passes a slider's value on as a number only (its value text
never reaches Orca), and Orca 43 ignores Qt's announcement event but presents an
object with the Notification role each time it becomes showing
(player/core/voice.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface

AT_SPI = sys.platform not in ("win32", "darwin")

Maker = Callable[[Any], QAccessibleInterface]
_makers: dict[str, tuple[type, Maker]] = {}
_installed: list[bool] = []


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    found = _makers.get(key)
    if found is None or not isinstance(obj, found[0]):
        return None
    return found[1](obj)


def provide_interface(widget_class: type, make: Maker) -> None:
    """From now on a screen reader meets each `widget_class` through `make(widget)`.

    Call it before the first widget of the class is shown (Qt keeps an interface
    once made). Cheap for every other object: Qt asks per class name.
    """
    _makers[widget_class.__name__] = (widget_class, make)
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed.append(True)


def cast_to(part: shiboken6.Object | None) -> Any:
    """What `interface_cast` returns for `part` (a Python-made interface), or null.

    PySide's stubs say int; Qt gets the pointer from a shiboken VoidPtr.
    """
    if part is None:
        return shiboken6.VoidPtr(0)
    return shiboken6.VoidPtr(shiboken6.getCppPointer(part)[0])
