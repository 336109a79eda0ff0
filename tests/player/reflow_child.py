"""Run by test_reflow.py in a process of its own: the main window on the screen that
process was given (QT_QPA_PLATFORM=offscreen:configfile=..., QT_FONT_DPI), once it
has been fitted. Prints what a low-vision user would meet, as one JSON object."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QSlider,
    QTabBar,
    QWidget,
)
from rig import tracks_read

from media.samples import sample_module_path
from player.playback.fake import FakePlayback
from player.shell.app import _application, build_window


def report(window) -> dict:  # type: ignore[no-untyped-def]
    screen = window.screen().availableGeometry()
    stops = []
    for widget in [window, *window.findChildren(QWidget)]:
        if (
            widget.window() is window
            and widget.isVisible()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            place = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
            stops.append(
                {
                    "name": widget.accessibleName()
                    or widget.objectName()
                    or type(widget).__name__,
                    "inside": screen.contains(place),
                    "rect": [place.x(), place.y(), place.width(), place.height()],
                    "slider": isinstance(widget, QSlider),
                    # a button or list of choices narrower than its text needs
                    "cut": isinstance(widget, (QAbstractButton, QComboBox))
                    and not isinstance(widget.parent(), QTabBar)  # its arrows
                    and widget.width() < widget.sizeHint().width(),
                }
            )
    frame = window.frameGeometry()
    return {
        "screen": [screen.width(), screen.height()],
        "dpr": window.devicePixelRatio(),
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "fits": screen.contains(frame),
        "stops": stops,
        "tab_order": [
            w.accessibleName() or w.objectName() for w in window.placement.tab_order()
        ],
        "on_screen": [n for n, d in window.placement.docks.items() if d.on_screen()],
        "find_field_width": window.transcript.find_bar.field.width(),
    }


def main() -> int:
    app = _application()
    window = build_window(app, FakePlayback(duration_ms=200_000))  # type: ignore[arg-type]
    assert window.open_path(sample_module_path())
    tracks_read(window.showing)
    window.show()
    if "find" in sys.argv[1:]:
        window.transcript.open_find()

    def done() -> None:
        if os.environ.get("SHOT"):  # to look at it: SHOT=file.png
            window.grab().save(os.environ["SHOT"])
        print(json.dumps(report(window)))
        app.quit()

    QTimer.singleShot(600, done)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
