"""What the alignment tests share: short clips cut from the sample at test time, the
transcript of a clip (the built track's own words), and the times its captions
start (the sample's captions start exactly on their speech)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg

from captions.loader import load_track
from captions.model import Cue

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "media" / "modules" / "trusting-relationship"
VIDEO = SAMPLE / "building-trust.mp4"
TRACK = SAMPLE / "building-trust.en.vtt"


@dataclass(frozen=True)
class Clip:
    """A piece of the sample's audio and what its captions say and when."""

    path: Path
    start_ms: int
    cues: tuple[Cue, ...]  # times relative to the clip

    def transcript(self) -> str:
        """Paragraph per cue, `Name:` where the speaker changes, sounds as lines."""
        paragraphs: list[str] = []
        speaker = ""
        for cue in self.cues:
            words = " ".join(cue.plain.split())
            if cue.voice and cue.voice != speaker:
                speaker = cue.voice
                words = f"{speaker}: {words}"
            paragraphs.append(words)
        return "\n\n".join(paragraphs) + "\n"

    def speech_starts(self) -> list[int]:
        return [cue.start_ms for cue in self.cues if not cue.plain.startswith("[")]


def ffmpeg() -> str:
    return str(imageio_ffmpeg.get_ffmpeg_exe())


def cut_clip(
    folder: Path, start_s: float, seconds: float, name: str = "clip.wav"
) -> Clip:
    """A 16 kHz mono WAV of the sample from `start_s`, and the cues inside it."""
    path = folder / name
    subprocess.run(
        [
            ffmpeg(),
            *("-nostdin", "-v", "error", "-y", "-ss", str(start_s), "-t", str(seconds)),
            *("-i", str(VIDEO), "-vn", "-ac", "1", "-ar", "16000", str(path)),
        ],
        check=True,
    )
    start_ms, end_ms = round(start_s * 1000), round((start_s + seconds) * 1000)
    inside = [
        Cue(c.start_ms - start_ms, c.end_ms - start_ms, c.text, c.plain, voice=c.voice)
        for c in load_track(TRACK).cues
        if start_ms <= c.start_ms and c.end_ms <= end_ms
    ]
    return Clip(path, start_ms, tuple(inside))


def silent_video(folder: Path, name: str = "silent.mp4") -> Path:
    """One second of black video with no audio stream."""
    path = folder / name
    subprocess.run(
        [
            ffmpeg(),
            *("-nostdin", "-v", "error", "-y", "-f", "lavfi"),
            *("-i", "color=c=black:s=64x64:d=1", "-c:v", "mpeg4", str(path)),
        ],
        check=True,
    )
    return path
