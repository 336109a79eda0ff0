"""Audio of any media file as 16 kHz mono 16-bit PCM, decoded by the ffmpeg binary
that the `imageio-ffmpeg` package ships (no system package needed).

The audio is streamed in blocks, so a ten-hour recording never sits in memory whole.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import tempfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from captions.safe_files import UnreadableFileError, check_regular_file

SAMPLE_RATE = 16_000
BYTES_PER_SECOND = SAMPLE_RATE * 2
FRAME_MS = 10
SAMPLES_PER_FRAME = SAMPLE_RATE * FRAME_MS // 1000
BLOCK_BYTES = BYTES_PER_SECOND * 2
FFMPEG_HINT = "pip install imageio-ffmpeg (or: pip install 'transcript-player[align]')"
_DURATION = re.compile(r"Duration:\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)")
_AUDIO_STREAM = re.compile(r"Stream #\d+:\d+.*?: Audio:")
_PROBE_SECONDS = 120


class DecoderMissingError(Exception):
    """No ffmpeg to decode with: says how to install it."""


@dataclass(frozen=True, slots=True)
class MediaInfo:
    duration_ms: int | None
    has_audio: bool


def ffmpeg_executable() -> str:
    """The ffmpeg binary of imageio-ffmpeg (IMAGEIO_FFMPEG_EXE overrides it)."""
    try:
        import imageio_ffmpeg
    except ImportError:
        raise DecoderMissingError(
            f"decoding audio needs ffmpeg: {FFMPEG_HINT}"
        ) from None
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError as exc:
        raise DecoderMissingError(f"no ffmpeg binary found ({exc})") from None


def _ffmpeg_input(path: Path) -> str:
    """An input name ffmpeg cannot mistake for an option or a protocol."""
    return "file:" + os.path.abspath(path)


def probe_media(path: str | Path) -> MediaInfo:
    """Duration and whether there is an audio stream; UnreadableFileError if ffmpeg
    cannot read the file at all."""
    media = Path(path)
    check_regular_file(media)
    command = [ffmpeg_executable(), "-hide_banner", "-nostdin", "-i"]
    try:
        result = subprocess.run(
            [*command, _ffmpeg_input(media)],
            capture_output=True,
            timeout=_PROBE_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise UnreadableFileError(media, "ffmpeg took too long to read it") from None
    except OSError as exc:
        raise DecoderMissingError(f"cannot run ffmpeg: {exc.strerror}") from None
    report = result.stderr.decode("utf-8", "replace")
    streams = [line for line in report.splitlines() if "Stream #" in line]
    if not streams:
        raise UnreadableFileError(media, _ffmpeg_reason(report))
    return MediaInfo(_duration_ms(report), bool(_AUDIO_STREAM.search(report)))


def _duration_ms(report: str) -> int | None:
    match = _DURATION.search(report)
    if match is None:
        return None
    hours, minutes, seconds = match.groups()
    return round(((int(hours) * 60 + int(minutes)) * 60 + float(seconds)) * 1000)


def _ffmpeg_reason(report: str) -> str:
    """ffmpeg's last line, without the file name it repeats."""
    lines = [line.strip() for line in report.splitlines() if line.strip()]
    if not lines:
        return "not a media file ffmpeg can read"
    last = lines[-1].rsplit(": ", 1)[-1]
    return f"not a media file ffmpeg can read ({last})"


class AudioStream:
    """The PCM blocks of a file's first audio stream, decoded as they are read.

    `warning` is set after the blocks ran out if ffmpeg met damaged data (a
    truncated file): what could be decoded is still used.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.warning = ""

    def blocks(self) -> Iterator[bytes]:
        check_regular_file(self.path)
        command = [
            ffmpeg_executable(),
            *("-nostdin", "-hide_banner", "-loglevel", "error"),
            *("-i", _ffmpeg_input(self.path)),
            *("-map", "0:a:0", "-vn", "-sn", "-dn", "-ac", "1"),
            *("-ar", str(SAMPLE_RATE), "-f", "s16le", "-acodec", "pcm_s16le"),
            "pipe:1",
        ]
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL
            )
            decoded = 0
            try:
                assert process.stdout is not None
                while block := process.stdout.read(BLOCK_BYTES):
                    decoded += len(block)
                    yield block
                process.wait()
            finally:  # the reader stopped early: ffmpeg must not linger
                _stop(process)
            errors.seek(0)
            report = errors.read(65536).decode("utf-8", "replace")
        if decoded == 0:
            raise UnreadableFileError(self.path, _ffmpeg_reason(report))
        if process.returncode != 0 or report.strip():  # -loglevel error: all errors
            last = report.strip().splitlines()[-1] if report.strip() else "stopped"
            self.warning = f"{self.path}: the audio is damaged ({last.strip()})"


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    with contextlib.suppress(OSError):
        if process.stdout is not None:
            process.stdout.close()
    process.wait()


def frame_peaks(pcm: bytes) -> array[int]:
    """The peak level of each 10 ms frame (0..32768), to find sounds between words."""
    samples = array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    peaks = array("H")
    for start in range(0, len(samples) - SAMPLES_PER_FRAME + 1, SAMPLES_PER_FRAME):
        frame = samples[start : start + SAMPLES_PER_FRAME]
        peaks.append(min(32767, max(max(frame), -min(frame))))
    return peaks
