"""One side of the transcript first-rows benchmark, run as a process of its own.

    python first_rows_side.py CUES

Opens a placeholder video whose English track has CUES cues in a whole main window
(fake playback: no decoding), and prints the milliseconds from `open_path` until the
transcript's delegate first draws a row, the milliseconds from the model being filled
(the track read and its rows made) to that first row, the rows the delegate measured
by then, and the longest gap of a 5 ms timer (the GUI thread's longest stall) over
that time and the half second after.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def write_video(folder: Path, cues: int) -> Path:
    from captions.timefmt import format_vtt

    lines = ["WEBVTT", ""]
    for n in range(cues):
        lines += [
            f"{format_vtt(n * 1000)} --> {format_vtt(n * 1000 + 900)}",
            f"Line {n} of the long talk, wrapped as a transcript row would be.",
            "",
        ]
    (folder / "talk.en.vtt").write_text("\n".join(lines), encoding="utf-8")
    video = folder / "talk.mp4"
    video.write_bytes(b"not decoded by the fake playback")
    return video


def main() -> None:
    cues = int(sys.argv[1])
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from player.core.gil_share import share_gil_with_gui
    from player.core.gui_gc import collect_on_gui_thread

    collect_on_gui_thread(app)  # as the app's own start does
    share_gil_with_gui()
    from player.playback.fake import FakePlayback
    from player.shell.app import new_main_window

    with tempfile.TemporaryDirectory() as folder:
        video = write_video(Path(folder), cues)
        window = new_main_window(FakePlayback(duration_ms=cues * 1000))
        window.resize(1100, 700)
        window.show()
        for _ in range(10):
            app.processEvents()
        delegate = window.transcript.view.transcript_delegate
        drawn: list[float] = []
        filled: list[float] = []
        measured: set[int] = set()
        paint = delegate.paint
        geometry = delegate.geometry
        window.transcript.model.modelReset.connect(
            lambda: filled.append(time.perf_counter())
        )

        def measuring(row: int, width: int):  # type: ignore[no-untyped-def]
            if not drawn:
                measured.add(row)
            return geometry(row, width)

        delegate.geometry = measuring  # type: ignore[method-assign]

        def noting(*args: object) -> None:
            if not drawn:
                drawn.append(time.perf_counter())
            paint(*args)  # type: ignore[arg-type]

        delegate.paint = noting  # type: ignore[method-assign]
        gaps: list[int] = []
        clock = QElapsedTimer()
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: gaps.append(clock.restart()))
        start = time.perf_counter()
        clock.start()
        timer.start()
        window.open_path(video)
        gaps.append(clock.restart())  # open_path itself
        while not drawn and time.perf_counter() - start < 60:
            app.processEvents()
        settle = time.perf_counter() + 0.5
        while time.perf_counter() < settle:
            app.processEvents()
        first = (drawn[0] - start) * 1000 if drawn else float("nan")
        after_fill = (
            (drawn[0] - filled[-1]) * 1000 if drawn and filled else float("nan")
        )
        print(f"{first:.1f} {after_fill:.1f} {len(measured)} {max(gaps)}")
        window.close()


if __name__ == "__main__":
    main()
