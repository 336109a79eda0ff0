"""One side of the start-up benchmark, run as a fresh process.

    python startup_side.py bare VIDEO     a bare PySide6 script playing VIDEO
    python startup_side.py centre MODULE  the player's centre alone opening MODULE
    python startup_side.py player MODULE  the player's window opening MODULE

Each prints "frame" the moment the first decoded video frame reaches its video item,
and exits; the parent times from spawning the process to that line.
"""

from __future__ import annotations

import os
import sys


def first_frame_then_exit(item: object) -> None:
    sink = item.videoSink()  # type: ignore[attr-defined]

    def on_frame(frame: object) -> None:
        if frame.isValid():  # type: ignore[attr-defined]
            print("frame", flush=True)
            os._exit(0)

    sink.videoFrameChanged.connect(on_frame)


def bare(video: str) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
    from PySide6.QtMultimediaWidgets import QGraphicsVideoItem
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

    app = QApplication([])
    scene = QGraphicsScene()
    view = QGraphicsView(scene)
    item = QGraphicsVideoItem()
    scene.addItem(item)
    view.resize(1100, 700)
    view.show()
    player = QMediaPlayer()
    audio = QAudioOutput()
    player.setAudioOutput(audio)
    player.setVideoOutput(item)
    first_frame_then_exit(item)
    player.setSource(QUrl.fromLocalFile(video))
    player.play()
    app.exec()


def player(module: str) -> None:
    """The start a learner gets: `transcript-player MODULE` (the app's own `start`,
    which loads the video while it builds the window), then Play."""
    import argparse

    from player.shell.app import start

    window = start(argparse.Namespace(path=module, video=None, at=None))
    assert not isinstance(window, int), "the sample module opens"
    first_frame_then_exit(window.video_view.video_item)
    window.playback.play()
    from PySide6.QtWidgets import QApplication

    QApplication.instance().exec()  # type: ignore[union-attr]


def centre(module: str) -> None:
    """A floor for any start in two steps: the window's centre alone (problems, the
    video with its captions, the transport bar), built from the app's own parts on
    its own context, with the module open; no panel, menu or other feature."""
    from pathlib import Path

    from PySide6.QtWidgets import QMainWindow

    from media.manifest import load_module
    from player.core.context import build_context
    from player.core.status import StatusArea
    from player.playback.facade import Playback
    from player.shell.app import _application
    from player.shell.placement import Core, Placement
    from player.shell.transport import Transport
    from player.video.video_feature import VideoFeature

    opened = load_module(Path(module))
    video = opened.videos[0]
    app = _application()
    playback = Playback()
    playback.set_source(video.file)
    window = QMainWindow()
    status = StatusArea(window)
    window.statusBar()
    ctx = build_context(window, playback, status)
    transport = Transport(ctx)
    feature = VideoFeature(ctx)
    core = Core(status, feature.view, transport.controls)
    Placement(window, ctx.actions, core, [])
    ctx.showing.open_module(opened, video.id, Path(module))
    window.resize(1100, 700)
    window.show()
    feature.view.setFocus()
    first_frame_then_exit(feature.view.video_item)
    playback.play()
    app.exec()


if __name__ == "__main__":
    {"bare": bare, "centre": centre, "player": player}[sys.argv[1]](sys.argv[2])
