"""A feature test bench: one context on a plain window, with the features a test asks
for, instead of a whole main window."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow, QPushButton, QVBoxLayout, QWidget

from player.accessibility.accessibility_feature import build_accessibility
from player.core.context import PlayerContext, build_context
from player.core.contribution import Contribution
from player.core.status import StatusArea
from player.playback.fake import FakePlayback
from player.shell.preferences_dialog import Preferences
from player.transcript.transcript_feature import TranscriptFeature
from player.video.video_feature import VideoFeature


def tracks_read(showing, timeout_s: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Wait, the event loop running, until the tracks asked for have been read (they
    are read on a pool thread: player/core/track_loads.py)."""
    deadline = time.monotonic() + timeout_s
    while showing.loads.pending():
        assert time.monotonic() < deadline, "the tracks were not read in time"
        loop = (
            QEventLoop()
        )  # as qtbot.wait does (QTest.qWait can hang with QtMultimedia)
        QTimer.singleShot(5, loop.quit)
        loop.exec()


class Rig:
    """`ctx` on a host window and a fake playback; `add` wires a feature's commands."""

    def __init__(self, playback: FakePlayback | None = None) -> None:
        self.host = QMainWindow()
        self.host.resize(900, 600)
        central = QWidget(self.host)
        self.column = QVBoxLayout(central)
        self.status = StatusArea(central)
        self.column.addWidget(self.status)
        self.host.setCentralWidget(central)
        self.playback = playback or FakePlayback(duration_ms=20_000)
        self.ctx: PlayerContext = build_context(self.host, self.playback, self.status)
        self._video: VideoFeature | None = None

    def add(self, feature: Any) -> Any:
        """Connect what `feature` contributes to the keymap, as the shell does."""
        contribution: Contribution = feature.contribution()
        self.ctx.actions.connect_all(contribution.commands)
        return feature

    def place(self, widget: QWidget, stretch: int = 0) -> QWidget:
        """Show a feature's widget in the host window."""
        self.column.addWidget(widget, stretch)
        return widget

    def video(self) -> VideoFeature:
        """The video with its captions, so a test can read what is on screen."""
        if self._video is None:
            self._video = self.add(VideoFeature(self.ctx))
            self.place(self._video.view, 1)
        return self._video

    def shown(self) -> list[str]:
        return [cue.plain for cue in self.video().view.displayed_cues()]

    def open(self, path: Path, video_id: str | None = None) -> None:
        assert self.ctx.showing.open_path(path, video_id)
        self.read()

    def read(self) -> None:
        """Wait until the tracks asked for have been read."""
        tracks_read(self.ctx.showing)

    @property
    def keymap(self):  # type: ignore[no-untyped-def]
        return self.ctx.actions


class Reader:
    """The transcript with its reading aids, announcements and descriptions."""

    def __init__(self, rig) -> None:  # type: ignore[no-untyped-def]
        self.rig, ctx = rig, rig.ctx
        self.video_view = rig.video().view
        self.transcript = rig.add(TranscriptFeature(ctx)).panel
        rig.place(self.transcript, 1)
        aids = build_accessibility(ctx, self.transcript, self.video_view)
        contributions = aids.contributions()
        for contribution in contributions:
            ctx.actions.connect_all(contribution.commands)
        self.preferences = Preferences(
            rig.host, [p for c in contributions for p in c.pages]
        )
        self.reading, self.announcer = aids.reading, aids.announcer
        self.descriptions = aids.descriptions
        self.story = aids.story
        self.voice = ctx.notify.voice
        self.elsewhere = rig.place(QPushButton("Elsewhere"))  # focus off the video
        self.elsewhere.show()
        self.keymap, self.playback = ctx.actions, ctx.playback
        self.caption_clock, self.showing = ctx.clock, ctx.showing

    def open_path(self, path) -> bool:  # type: ignore[no-untyped-def]
        opened = self.rig.ctx.showing.open_path(path)
        self.rig.read()
        return opened

    def styleSheet(self) -> str:
        return self.rig.host.styleSheet()

    def close(self) -> None:
        self.rig.host.close()


class Console:
    """Presentation and discussion pauses with the video, transport and navigation."""

    def __init__(self, rig: Rig) -> None:
        from player.facilitator.presentation_feature import Presenter
        from player.shell.transport import Transport
        from player.video.navigation_feature import ModuleNavigation

        self.rig, ctx = rig, rig.ctx
        self.controls = rig.place(rig.add(Transport(ctx)).controls)
        self.video_view = rig.video().view
        self.navigation = rig.add(ModuleNavigation(ctx))
        self.presenter = rig.add(Presenter(ctx, self.video_view))
        rig.place(self.presenter.panel)
        self.keymap, self.playback = ctx.actions, ctx.playback
        self.showing = ctx.showing

    def open_path(self, path: Path, video_id: str | None = None) -> bool:
        opened = self.showing.open_path(path, video_id)
        self.rig.read()
        return opened

    def seek(self, ms: int) -> None:
        self.playback.seek(ms)

    def activateWindow(self) -> None:
        self.rig.host.activateWindow()

    def isVisible(self) -> bool:
        return self.rig.host.isVisible()

    def close(self) -> None:
        """What closing the window does to the presentation."""
        self.rig.host.close()
        self.presenter.stop()
