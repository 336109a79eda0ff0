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
    from player.shell.app import _application, build_window

    app = _application()
    window = build_window(app)
    first_frame_then_exit(window.video_view.video_item)
    window.show()
    window.open_path(module)
    window.playback.play()
    app.exec()


if __name__ == "__main__":
    {"bare": bare, "player": player}[sys.argv[1]](sys.argv[2])
