"""Builds the sample module reproducibly: `python -m media.build_sample`.

Each caption is narrated on its own with espeak-ng and placed so that its speech
starts exactly at the cue start; the cue timings are computed from the synthesised
durations, so captions, audio and slides agree by construction. Slides are drawn with
Qt and encoded with the ffmpeg binary of imageio-ffmpeg (see media/build_slides.py);
the main video's stand-in sign-language video likewise (media/build_slides.py).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import subprocess
import sys
import tempfile
import wave
from array import array
from pathlib import Path

from media import sample_script as script
from media.build_timeline import SAMPLE_RATE, Timeline, layout_video
from media.build_tracks import SIGN_TRACK, SIGNED_VIDEOS, write_module_files

MODULE_FOLDER = Path(__file__).parent / "modules" / script.MODULE_ID
VOICES = {script.NARRATOR: ("en-us", 160), script.STAND_IN: ("en-gb-x-rp", 150)}
SILENCE_LEVEL = 300  # |sample| at or below this counts as silence when trimming


def synthesize(text: str, voice: str, cache: Path) -> array[int]:
    """The speech for one cue, silence trimmed at both ends, at SAMPLE_RATE."""
    language, speed = VOICES[voice]
    key = hashlib.sha256(f"{language}|{speed}|{text}".encode()).hexdigest()[:20]
    wav = cache / f"{key}.wav"
    if not wav.is_file():
        command = ["espeak-ng", "-v", language, "-s", str(speed), "-w", str(wav), text]
        subprocess.run(command, check=True, capture_output=True)
    samples = read_wav(wav)
    return trim_silence(samples)


def read_wav(path: Path) -> array[int]:
    """Mono 16-bit samples of a wav file (espeak-ng writes 22050 Hz mono)."""
    with wave.open(str(path), "rb") as reader:
        if reader.getnchannels() != 1 or reader.getsampwidth() != 2:
            raise ValueError(f"{path}: expected mono 16-bit audio")
        if reader.getframerate() != SAMPLE_RATE:
            raise ValueError(f"{path}: expected {SAMPLE_RATE} Hz")
        samples = array("h")
        samples.frombytes(reader.readframes(reader.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def trim_silence(samples: array[int]) -> array[int]:
    """Drop the leading and trailing near-silence so speech starts at sample 0."""
    loud = [i for i, value in enumerate(samples) if abs(value) > SILENCE_LEVEL]
    if not loud:
        raise ValueError("espeak-ng produced only silence")
    return samples[loud[0] : loud[-1] + 1]


def chime(duration_ms: int = 700) -> array[int]:
    """A soft two-tone chime that marks a new chapter (captioned "[chime]")."""
    count = SAMPLE_RATE * duration_ms // 1000
    samples = array("h")
    for i in range(count):
        t = i / SAMPLE_RATE
        envelope = math.exp(-6.0 * t) * min(1.0, t / 0.004)
        tone = math.sin(2 * math.pi * 880 * t) + 0.6 * math.sin(2 * math.pi * 1320 * t)
        samples.append(int(7000 * envelope * tone))
    return samples


def mix(timeline: Timeline) -> array[int]:
    """The whole soundtrack: silence with each clip copied in at its start."""
    total = timeline.duration_ms * SAMPLE_RATE // 1000
    track = array("h", bytes(2 * total))
    for start_ms, clip in timeline.clips:
        first = start_ms * SAMPLE_RATE // 1000
        if first + len(clip) > total:
            raise ValueError(f"audio at {start_ms} ms runs past the end")
        track[first : first + len(clip)] = clip
    return track


def write_wav(path: Path, samples: array[int]) -> None:
    data = array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(SAMPLE_RATE)
        writer.writeframes(data.tobytes())


def build(folder: Path, work: Path, with_video: bool = True) -> list[Timeline]:
    """Synthesise, lay out, write tracks and manifest, and (optionally) encode."""
    cache = work / "speech"
    cache.mkdir(parents=True, exist_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    timelines = [
        layout_video(video, lambda text, voice: synthesize(text, voice, cache), chime())
        for video in script.VIDEOS
    ]
    write_module_files(folder, timelines)
    for timeline in timelines:
        wav = work / f"{timeline.video.id}.wav"
        write_wav(wav, mix(timeline))
        if with_video:
            from media.build_slides import encode_video  # Qt only when encoding

            encode_video(timeline, wav, folder / f"{timeline.video.id}.mp4")
        if with_video and timeline.video.id in SIGNED_VIDEOS:
            from media.build_slides import encode_sign_video

            sign_file = folder / f"{timeline.video.id}.{SIGN_TRACK[3]}"
            encode_sign_video(timeline.duration_ms, sign_file)
    return timelines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m media.build_sample")
    parser.add_argument("--out", type=Path, default=MODULE_FOLDER)
    parser.add_argument("--work", type=Path, help="keep speech and audio here")
    parser.add_argument(
        "--tracks-only", action="store_true", help="write tracks and manifest only"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        timelines = build(args.out, work, with_video=not args.tracks_only)
    for timeline in timelines:
        print(f"{timeline.video.id}: {timeline.duration_ms / 1000:.1f} s")
    total = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(f"{args.out}: {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
