"""One side of the start-up benchmark, run as a fresh process.

    python startup_side.py bare VIDEO     a bare PySide6 script playing VIDEO
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


if __name__ == "__main__":
    {"bare": bare, "player": player}[sys.argv[1]](sys.argv[2])
