"""Decoding a recording's audio with imageio-ffmpeg's ffmpeg: streamed, checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from align_support import VIDEO, cut_clip, silent_video

from captions.safe_files import UnreadableFileError
from media import audio_decode
from media.audio_decode import (
    BYTES_PER_SECOND,
    AudioStream,
    DecoderMissingError,
    frame_peaks,
    probe_media,
)


def test_probe_finds_the_duration_and_the_audio_stream():
    info = probe_media(VIDEO)
    assert info.has_audio
    assert info.duration_ms is not None and abs(info.duration_ms - 199_400) < 100


def test_probe_of_a_video_without_sound(tmp_path):
    info = probe_media(silent_video(tmp_path))
    assert not info.has_audio


@pytest.mark.parametrize(
    "data",
    [b"", b"not a video at all\n" * 100, b"\x00" * 4096],
    ids=["empty", "text", "zeros"],
)
def test_files_ffmpeg_cannot_read_say_so(tmp_path, data):
    path = tmp_path / "broken.mp4"
    path.write_bytes(data)
    with pytest.raises(UnreadableFileError, match="not a media file ffmpeg can read"):
        probe_media(path)


def test_missing_folder_and_fifo_are_refused_before_ffmpeg_runs(tmp_path):
    with pytest.raises(UnreadableFileError, match="file not found"):
        probe_media(tmp_path / "missing.mp4")
    with pytest.raises(UnreadableFileError, match="folder"):
        probe_media(tmp_path)
    fifo = tmp_path / "pipe.mp4"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFileError, match="named pipe"):
        probe_media(fifo)
    with pytest.raises(UnreadableFileError, match="named pipe"):
        next(AudioStream(fifo).blocks())


def test_a_name_that_looks_like_an_option_is_still_a_file(tmp_path, monkeypatch):
    clip = cut_clip(tmp_path, 1.0, 1.0)
    odd = tmp_path / "-i"
    clip.path.rename(odd)
    monkeypatch.chdir(tmp_path)
    assert probe_media(Path("-i")).has_audio


def test_blocks_hold_16_khz_mono_pcm_of_the_whole_recording(tmp_path):
    clip = cut_clip(tmp_path, 10.0, 5.0)
    stream = AudioStream(clip.path)
    blocks = list(stream.blocks())
    total = sum(len(block) for block in blocks)
    assert abs(total - 5 * BYTES_PER_SECOND) <= BYTES_PER_SECOND // 50
    assert max(len(block) for block in blocks) <= audio_decode.BLOCK_BYTES
    assert stream.warning == ""


def test_a_file_without_sound_cannot_be_decoded(tmp_path):
    with pytest.raises(UnreadableFileError):
        list(AudioStream(silent_video(tmp_path)).blocks())


def test_a_truncated_file_gives_what_it_holds_and_a_warning(tmp_path):
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(VIDEO.read_bytes()[:1_500_000])
    stream = AudioStream(cut)
    total = sum(len(block) for block in stream.blocks())
    assert 10 * BYTES_PER_SECOND < total < 190 * BYTES_PER_SECOND
    assert stream.warning.startswith(f"{cut}: the audio is damaged (")


def test_stopping_early_ends_ffmpeg(tmp_path, monkeypatch):
    started: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def recording_popen(*args, **kwargs):  # type: ignore[no-untyped-def]
        process = real_popen(*args, **kwargs)
        started.append(process)
        return process

    monkeypatch.setattr(audio_decode.subprocess, "Popen", recording_popen)
    blocks = AudioStream(VIDEO).blocks()
    next(blocks)
    blocks.close()
    assert started and started[0].returncode is not None


def test_without_imageio_ffmpeg_the_message_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)
    with pytest.raises(DecoderMissingError, match="pip install"):
        audio_decode.ffmpeg_executable()


def test_frame_peaks_are_per_10_ms():
    samples = [0] * 160 + [1000, -3000] + [0] * 158 + [5] * 100
    pcm = b"".join(value.to_bytes(2, "little", signed=True) for value in samples)
    assert list(frame_peaks(pcm)) == [0, 3000]
