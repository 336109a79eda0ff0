"""A bench for the shell's docks: the placement, layouts and panel commands on a
plain window, with simple stand-in panels instead of the features."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from player.core.context import build_context
from player.core.contribution import (
    CHAPTERS,
    DESCRIPTIONS,
    DISCUSSION,
    NOTES,
    TRANSCRIPT,
    VIDEOS,
    Panel,
)
from player.core.status import StatusArea
from player.playback.controls import Controls
from player.playback.fake import FakePlayback
from player.shell.layout_control import LayoutControl
from player.shell.panel_commands import PanelCommands
from player.shell.placement import Core, Placement


def stand_in(name: str, *controls: QWidget) -> QWidget:
    panel = QWidget()
    panel.setObjectName(f"{name}Panel")
    column = QVBoxLayout(panel)
    for control in controls:
        control.setParent(panel)
        column.addWidget(control)
    return panel


def named_list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setObjectName(f"{name}List")
    widget.setAccessibleName(name)
    widget.addItems([f"{name} {n}" for n in range(3)])
    return widget


class DockBench:
    """The six known panels (or `extra` ones too) as the shell places them."""

    def __init__(self, extra: tuple[Panel, ...] = ()) -> None:
        self.window = QMainWindow()
        self.window.resize(1000, 700)
        self.status = StatusArea(self.window)
        self.window.statusBar()
        self.ctx = build_context(self.window, FakePlayback(), self.status)
        self.actions = self.ctx.actions
        self.video = QPushButton("Video")
        self.video.setAccessibleName("Video")
        self.controls = Controls()
        self.lists = {name: named_list(name) for name in (TRANSCRIPT, VIDEOS, CHAPTERS)}
        self.description = QLabel("What the video shows")
        self.description.setAccessibleName("Description")
        self.description.hide()  # descriptions off, as the feature starts them
        self.actions["notes_panel"].setChecked(True)
        panels = (
            Panel(VIDEOS, "Videos", stand_in("videos", self.lists[VIDEOS])),
            Panel(CHAPTERS, "Chapters", stand_in("chapters", self.lists[CHAPTERS])),
            Panel(
                TRANSCRIPT,
                "Transcript",
                stand_in("transcript", self.lists[TRANSCRIPT]),
                toggle="transcript",
            ),
            Panel(DESCRIPTIONS, "Description", self.description),
            Panel(
                DISCUSSION, "Discussion", stand_in("discussion", QPushButton("Present"))
            ),
            Panel(
                NOTES,
                "My notes (private)",
                stand_in("notes", named_list("My notes")),
                toggle="notes_panel",
                private=True,
            ),
            *extra,
        )
        self.placement = Placement(
            self.window,
            self.actions,
            Core(self.status, self.video, self.controls),
            panels,
        )
        self.layouts = LayoutControl(self.placement, self.ctx.settings, self.ctx.notify)
        self.commands = PanelCommands(self.placement, self.layouts, self.ctx.notify)
        self.actions.connect_all(self.commands.table())
        descriptions = self.actions["descriptions"]  # as the feature does
        self.actions.connect(
            "descriptions",
            lambda: self.description.setVisible(descriptions.isChecked()),
        )
        self.docks = self.placement.docks
        self.layouts.start()

    def show(self, qtbot) -> DockBench:  # type: ignore[no-untyped-def]
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.layouts.on_show()
        self.window.activateWindow()
        qtbot.waitUntil(lambda: self.docks[TRANSCRIPT].on_screen())
        return self

    def close(self) -> None:
        self.layouts.save_on_close()
        self.window.close()
