"""Build tool only: draws the sample's slides (and its stand-in sign-language video)
with Qt and encodes them with ffmpeg.

This is the one file under media/ that imports Qt; the app never imports it. Frames are
960x540 at 25 fps, each with a running timecode (minutes:seconds.hundredths of the
frame's own time) in the top right corner so that sync can be checked by eye.
"""

from __future__ import annotations

import math
import os
import subprocess
import tempfile
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import imageio_ffmpeg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from media import sample_script as script
from media.build_timeline import TimedSlide, Timeline

WIDTH, HEIGHT, FPS = 960, 540, 25
FRAME_MS = 1000 // FPS
MARGIN = 64
CONTENT_BOTTOM = 420  # below this the player draws captions: keep it clear
STORY_CONTENT_BOTTOM = 330  # in a story, captions stack above the attribution
FAMILY = "DejaVu Sans"
INK, MUTED, ACCENT = QColor("#14202b"), QColor("#46525e"), QColor("#16625b")
PAPER, DEEP, STORY = QColor("#f6f4ef"), QColor("#15433f"), QColor("#2a2233")
AMBER = QColor("#f2c14e")
_APPLICATION: list[QGuiApplication] = []


def font(size: int, bold: bool = False, family: str = FAMILY) -> QFont:
    result = QFont(family)
    result.setPixelSize(size)
    result.setBold(bold)
    return result


def text_block(painter: QPainter, rect: QRectF, text: str, flags: int = 0) -> float:
    """Draw wrapped text in `rect`; returns the height it took."""
    options = int(Qt.TextFlag.TextWordWrap) | flags
    used = painter.boundingRect(rect, options, text)
    painter.drawText(rect, options, text)
    return used.height()


def draw_header(painter: QPainter, header: str, light: bool) -> None:
    painter.setPen(QColor("#d6e6e3") if light else MUTED)
    painter.setFont(font(14, bold=True))
    left = int(Qt.AlignmentFlag.AlignLeft)
    painter.drawText(QRectF(MARGIN, 22, 700, 24), left, header)


def draw_points_slide(
    painter: QPainter, slide: TimedSlide, header: str, shown: int, current: int
) -> None:
    painter.fillRect(0, 0, WIDTH, HEIGHT, PAPER)
    painter.fillRect(0, 0, WIDTH, 6, ACCENT)
    draw_header(painter, header, light=False)
    painter.setPen(INK)
    painter.setFont(font(34, bold=True))
    top = 62 + text_block(
        painter, QRectF(MARGIN, 62, WIDTH - 2 * MARGIN, 90), slide.slide.heading
    )
    painter.fillRect(QRectF(MARGIN, top + 12, 72, 5), ACCENT)
    y = top + 44
    size = 26 if len(slide.slide.points) <= 4 else 24
    for index, point in enumerate(slide.slide.points[:shown]):
        is_current = index == current
        painter.setBrush(ACCENT if is_current else QColor("#8fa3a0"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QRectF(MARGIN + 2, y + size * 0.42, 11, 11))
        painter.setPen(INK if is_current else QColor("#36424d"))
        painter.setFont(font(size, bold=is_current))
        rect = QRectF(MARGIN + 30, y, WIDTH - 2 * MARGIN - 30, CONTENT_BOTTOM - y)
        y += text_block(painter, rect, point) + 16


def draw_title_slide(painter: QPainter, slide: TimedSlide, header: str) -> None:
    painter.fillRect(0, 0, WIDTH, HEIGHT, DEEP)
    painter.fillRect(0, 0, WIDTH, 6, AMBER)
    draw_header(painter, header, light=True)
    center = int(Qt.AlignmentFlag.AlignHCenter)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(font(44, bold=True))
    height = text_block(
        painter,
        QRectF(MARGIN, 150, WIDTH - 2 * MARGIN, 130),
        slide.slide.heading,
        center,
    )
    painter.fillRect(QRectF(WIDTH / 2 - 40, 150 + height + 18, 80, 5), AMBER)
    painter.setPen(QColor("#e3efed"))
    painter.setFont(font(24))
    text_block(
        painter,
        QRectF(MARGIN, 150 + height + 42, WIDTH - 2 * MARGIN, 40),
        slide.slide.subtitle,
        center,
    )
    painter.setPen(QColor("#c9dcd9"))
    painter.setFont(font(15))
    credit = (
        "Sample made for the transcript-player project "
        "after a public training module on trafficked persons"
    )
    text_block(painter, QRectF(MARGIN, 370, WIDTH - 2 * MARGIN, 44), credit, center)


def draw_story_slide(painter: QPainter, slide: TimedSlide) -> None:
    """Badge, heading, attribution band, body: all above STORY_CONTENT_BOTTOM."""
    painter.fillRect(0, 0, WIDTH, HEIGHT, STORY)
    painter.fillRect(0, 0, WIDTH, 6, AMBER)
    draw_story_badge(painter)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(font(34, bold=True))
    width = WIDTH - 2 * MARGIN
    top = 64 + text_block(painter, QRectF(MARGIN, 64, width, 90), slide.slide.heading)
    top = draw_attribution_band(painter, top + 16)
    painter.setPen(QColor("#ece6f1"))
    painter.setFont(font(20))
    body = (
        "In the licensed module, Rose Henry tells this story in her own words. "
        "This sample does not include her recording: a stand-in narrator says "
        "what the story is about."
    )
    room = STORY_CONTENT_BOTTOM - top - 22
    top += 22 + text_block(painter, QRectF(MARGIN, top + 22, width, room), body)
    painter.setPen(AMBER)
    painter.setFont(font(19, bold=True))
    about = "About: " + " ".join(slide.slide.points)
    room = STORY_CONTENT_BOTTOM - top - 14
    top += 14 + text_block(painter, QRectF(MARGIN, top + 14, width, room), about)
    if top > STORY_CONTENT_BOTTOM:
        raise ValueError(f"story slide text ends at y={top:.0f}, below the clear area")


def draw_story_badge(painter: QPainter) -> None:
    badge = QRectF(MARGIN, 22, 196, 28)
    painter.setBrush(AMBER)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(badge, 6, 6)
    painter.setPen(QColor("#1d1724"))
    painter.setFont(font(14, bold=True))
    painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), "STAND-IN SEGMENT")


def draw_attribution_band(painter: QPainter, top: float) -> float:
    """The slide's attribution under its heading; returns the band's bottom."""
    band = QRectF(MARGIN - 16, top, WIDTH - 2 * MARGIN + 32, 64)
    painter.fillRect(band, QColor("#ffffff"))
    painter.fillRect(QRectF(band.left(), band.top(), 8, band.height()), AMBER)
    first, second = script.STORY_LOWER_THIRD
    left = int(Qt.AlignmentFlag.AlignLeft)
    painter.setPen(QColor("#1d1724"))
    painter.setFont(font(21, bold=True))
    painter.drawText(
        QRectF(band.left() + 26, band.top() + 8, band.width() - 40, 28), left, first
    )
    painter.setPen(QColor("#3d3546"))
    painter.setFont(font(17))
    painter.drawText(
        QRectF(band.left() + 26, band.top() + 36, band.width() - 40, 24), left, second
    )
    return band.bottom()


def draw_slide(slide: TimedSlide, header: str, shown: int, current: int) -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    if slide.slide.style == "title":
        draw_title_slide(painter, slide, header)
    elif slide.slide.style == "story":
        draw_story_slide(painter, slide)
    else:
        draw_points_slide(painter, slide, header, shown, current)
    painter.end()
    return image


def timecode(ms: int) -> str:
    return f"{ms // 60_000:02d}:{ms // 1000 % 60:02d}.{ms % 1000 // 10:02d}"


def stamp(image: QImage, ms: int) -> QImage:
    """A copy of the slide with the frame's time in the top right corner."""
    frame = image.copy()
    painter = QPainter(frame)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    box = QRectF(WIDTH - 124, 18, 104, 30)
    painter.fillRect(box, QColor("#0e1821"))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(font(17, family="DejaVu Sans Mono"))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), timecode(ms))
    painter.end()
    return frame


def slide_header(timeline: Timeline, slide: TimedSlide) -> str:
    """The small line above a slide: where this is in the module."""
    if slide.slide.style == "title":
        number = [v.id for v in script.VIDEOS].index(timeline.video.id) + 1
        where = f"VIDEO {number} OF {len(script.VIDEOS)}"
        return f"{script.MODULE_TITLE.upper()}   ·   {where}"
    titles = [c.title for c in timeline.chapters]
    where = f"PART {titles.index(slide.chapter) + 1} OF {len(titles)}"
    return f"{timeline.video.title.upper()}   ·   {where}"


class SlideFrames:
    """The picture at any time: slide images cached per reveal state."""

    def __init__(self, timeline: Timeline) -> None:
        self.slides = timeline.slides
        self.headers = [slide_header(timeline, slide) for slide in self.slides]
        self.starts = [s.start_ms for s in self.slides]
        self.cache: dict[tuple[int, int], QImage] = {}

    def at(self, ms: int) -> QImage:
        index = max(bisect_right(self.starts, ms) - 1, 0)
        slide = self.slides[index]
        times = [r[0] for r in slide.reveals]
        step = max(bisect_right(times, ms) - 1, 0)
        key = (index, step)
        if key not in self.cache:
            _, shown, current = slide.reveals[step]
            header = self.headers[index]
            self.cache[key] = draw_slide(slide, header, shown, current)
        return stamp(self.cache[key], ms)


def ffmpeg_command(audio: Path, out: Path) -> list[str]:
    return [
        imageio_ffmpeg.get_ffmpeg_exe(),
        "-y", "-hide_banner", "-loglevel", "error",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{WIDTH}x{HEIGHT}",
        "-r", str(FPS), "-i", "-", "-i", str(audio),
        "-map", "0:v", "-map", "1:a",
        "-c:v", "libx264", "-preset", "veryslow", "-tune", "stillimage",
        "-crf", "30", "-pix_fmt", "yuv420p", "-g", str(2 * FPS), "-threads", "2",
        "-c:a", "aac", "-b:a", "48k", "-ac", "1", "-ar", "48000",
        "-map_metadata", "-1", "-fflags", "+bitexact",
        "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-movflags", "+faststart", str(out),
    ]  # fmt: skip


def encode_frames(
    command: list[str], frame_at: Callable[[int], QImage], count: int
) -> None:
    """Pipe `count` frames (frame n drawn at n * FRAME_MS) to ffmpeg's `command`."""
    if QGuiApplication.instance() is None:  # fonts need one; keep it alive
        _APPLICATION.append(QGuiApplication([]))
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=errors)
        assert process.stdin is not None
        for number in range(count):
            image = frame_at(number * FRAME_MS)  # alive while its bits are read
            process.stdin.write(bytes(image.constBits()))
        process.stdin.close()
        if process.wait() != 0:
            errors.seek(0)
            raise RuntimeError(
                f"ffmpeg failed: {errors.read().decode(errors='replace')}"
            )


def encode_video(timeline: Timeline, audio: Path, out: Path) -> None:
    """Pipe every frame to ffmpeg with the narration track; H.264 + AAC in MP4."""
    if QGuiApplication.instance() is None:  # fonts need one; keep it alive
        _APPLICATION.append(QGuiApplication([]))
    frames = SlideFrames(timeline)
    count = -(-timeline.duration_ms // FRAME_MS)
    encode_frames(ffmpeg_command(audio, out), frames.at, count)


# -- the stand-in sign-language video ---------------------------------------------
# We have no interpreter's recording, so the sample's sign track is a clearly labelled
# placeholder: a figure, the words "Stand-in", and the frame's own running timecode
# (as on the main video), so that the sign window's sync can be checked by eye. Same
# duration and 25 fps as the main video, no audio track.

SIGN_WIDTH, SIGN_HEIGHT = 320, 240
SIGN_TEXT = "Stand-in: a sign-language interpreter's video plays here"
BACKDROP, FIGURE, SKIN = QColor("#1f3b4d"), QColor("#0d1b24"), QColor("#d9b38c")
LABEL = QColor("#f2c14e")


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
    count = -(-duration_ms // FRAME_MS)
    encode_frames(sign_ffmpeg_command(out), draw_sign_frame, count)
