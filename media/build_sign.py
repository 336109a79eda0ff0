"""Build tool only: the sample's stand-in sign-language video, drawn with Qt.

We have no interpreter's recording, so the sample's sign track is a clearly labelled
placeholder: a figure, the words "Stand-in", and the frame's own running timecode
(as on the main video), so that the sign window's sync can be checked by eye. Same
duration and 25 fps as the main video, no audio track. Like media/build_slides.py,
only the build imports it.
"""

from __future__ import annotations

import math
import subprocess
import tempfile
from pathlib import Path

import imageio_ffmpeg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from media.build_slides import FPS, FRAME_MS, font, text_block, timecode

SIGN_WIDTH, SIGN_HEIGHT = 320, 240
SIGN_TEXT = "Stand-in: a sign-language interpreter's video plays here"
BACKDROP, FIGURE, SKIN = QColor("#1f3b4d"), QColor("#0d1b24"), QColor("#d9b38c")
LABEL = QColor("#f2c14e")
_APPLICATION: list[QGuiApplication] = []


def hand_at(ms: int, left: bool) -> QPointF:
    """Where a hand is at `ms`: a slow loop, so motion shows the video is playing."""
    phase = 2 * math.pi * ms / 2400 + (0 if left else math.pi)
    x = (118 if left else 202) + 18 * math.cos(phase)
    y = 128 + 14 * math.sin(2 * phase)
    return QPointF(x, y)


def draw_figure(painter: QPainter, ms: int) -> None:
    """Head, shoulders and two moving hands: an interpreter's outline."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(FIGURE)
    painter.drawRoundedRect(QRectF(96, 112, 128, 110), 40, 40)
    painter.setBrush(SKIN)
    painter.drawEllipse(QRectF(134, 56, 52, 60))
    for left in (True, False):
        painter.drawEllipse(hand_at(ms, left), 13, 13)


def draw_sign_frame(ms: int) -> QImage:
    """One frame: the figure, the stand-in label below it, the timecode above."""
    image = QImage(SIGN_WIDTH, SIGN_HEIGHT, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(0, 0, SIGN_WIDTH, SIGN_HEIGHT, BACKDROP)
    draw_figure(painter, ms)
    box = QRectF(SIGN_WIDTH / 2 - 56, 12, 112, 30)
    painter.fillRect(box, QColor("#0e1821"))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(font(18, family="DejaVu Sans Mono"))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), timecode(ms))
    band = QRectF(0, 188, SIGN_WIDTH, SIGN_HEIGHT - 188)
    painter.fillRect(band, QColor("#0e1821"))
    painter.setPen(LABEL)
    painter.setFont(font(15, bold=True))
    center = int(Qt.AlignmentFlag.AlignHCenter)
    text_block(painter, band.adjusted(10, 6, -10, -4), SIGN_TEXT, center)
    painter.end()
    return image


def sign_ffmpeg_command(out: Path) -> list[str]:
    return [
        imageio_ffmpeg.get_ffmpeg_exe(),
        "-y", "-hide_banner", "-loglevel", "error",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{SIGN_WIDTH}x{SIGN_HEIGHT}",
        "-r", str(FPS), "-i", "-", "-an",
        "-c:v", "libx264", "-preset", "veryslow", "-crf", "34",
        "-pix_fmt", "yuv420p", "-g", str(2 * FPS), "-threads", "1",
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
        "-movflags", "+faststart", str(out),
    ]  # fmt: skip


def encode_sign_video(duration_ms: int, out: Path) -> None:
    """As many frames as the main video has, each stamped with its own time."""
    if QGuiApplication.instance() is None:  # fonts need one; keep it alive
        _APPLICATION.append(QGuiApplication([]))
    count = -(-duration_ms // FRAME_MS)
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            sign_ffmpeg_command(out), stdin=subprocess.PIPE, stderr=errors
        )
        assert process.stdin is not None
        for number in range(count):
            image = draw_sign_frame(number * FRAME_MS)  # alive while its bits are read
            process.stdin.write(bytes(image.constBits()))
        process.stdin.close()
        if process.wait() != 0:
            errors.seek(0)
            raise RuntimeError(
                f"ffmpeg failed: {errors.read().decode(errors='replace')}"
            )
