"""Forced alignment with pocketsphinx on clips cut from the sample module.

The sample's captions start exactly on their speech (README, "Rebuilding it"), so a
caption's start is where its first word must be found.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from align_support import Clip, cut_clip

from captions.transcript_text import parse_transcript
from captions.word_timing import timed_words
from media import align_speech
from media.align_speech import SpeechAligner
from media.align_track import prepare_words
from media.audio_decode import AudioStream
from media.speech_model import find_model

TOLERANCE_MS = 100


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Clip:
    """0:43 to 0:59.5: a chime, then five captions of speech."""
    return cut_clip(tmp_path_factory.mktemp("clip"), 43.0, 16.5)


@pytest.fixture(scope="module")
def long_clip(tmp_path_factory: pytest.TempPathFactory) -> Clip:
    """0:43 to 1:22: enough speech for several windows."""
    return cut_clip(tmp_path_factory.mktemp("long"), 43.0, 39.0)


def align(clip: Clip, text: str) -> tuple[list[tuple[int, int] | None], list[str]]:
    """The aligned time of each word of `text` in the clip, and the words."""
    transcript = parse_transcript(text)
    aligner = SpeechAligner(find_model("en"))
    prepared = prepare_words(aligner, transcript.words, english=True)
    result = aligner.align(
        AudioStream(clip.path).blocks(), prepared.names, prepared.sentence_starts
    )
    assert len(result.peaks) == result.audio_ms // 10
    return result.times, [w.text for w in transcript.words]


def first_word_errors(clip: Clip, times: list[tuple[int, int] | None]) -> list[int]:
    """For each caption of speech, how far its first word was found from its start."""
    errors, index = [], 0
    for cue in clip.cues:
        found = times[index]
        if not cue.plain.startswith("["):
            errors.append(abs(found[0] - cue.start_ms) if found else 10**9)
        index += len(cue.plain.split())
    return errors


def test_each_caption_starts_where_its_first_word_is_found(clip):
    times, words = align(clip, clip.transcript())
    errors = first_word_errors(clip, times)
    assert len(errors) == 5
    assert all(error <= TOLERANCE_MS for error in errors), errors
    sounds = [i for i, w in enumerate(words) if w.startswith("[")]
    assert sounds == [0] and times[0] is None  # a sound is not speech
    assert all(times[i] is not None for i in range(1, len(words)))


def test_times_are_in_order_and_inside_the_audio(clip):
    times, _ = align(clip, clip.transcript())
    placed = [t for t in times if t is not None]
    for (start, end), (next_start, _) in itertools.pairwise(placed):
        assert start < end <= next_start
    assert placed[-1][1] <= 16_500


def test_long_audio_is_aligned_in_bounded_windows(long_clip, monkeypatch):
    monkeypatch.setattr(align_speech, "WINDOW_MS", 8_000)
    monkeypatch.setattr(align_speech, "KEEP_MARGIN_MS", 2_000)
    lengths: list[int] = []
    real_align = align_speech._Decoder.align

    def measured(self, pcm, names, skips=()):  # type: ignore[no-untyped-def]
        lengths.append(len(pcm))
        return real_align(self, pcm, names, skips)

    monkeypatch.setattr(align_speech._Decoder, "align", measured)
    times, _ = align(long_clip, long_clip.transcript())
    assert len(lengths) >= 5
    assert max(lengths) <= 8 * 32_000
    errors = first_word_errors(long_clip, times)
    assert sum(error <= TOLERANCE_MS for error in errors) >= 0.9 * len(errors), errors


def test_a_sentence_never_said_is_left_unplaced_and_the_rest_stays_in_sync(clip):
    never_said = "This sentence was written down but nobody ever said it aloud."
    text = clip.transcript().replace("Be patient.", f"Be patient. {never_said}")
    times, words = align(clip, text)
    start, count = words.index("This"), len(never_said.split())
    assert all(times[i] is None for i in range(start, start + count))
    kept = [t for i, t in enumerate(times) if not start <= i < start + count]
    errors = first_word_errors(clip, kept)
    assert all(error <= TOLERANCE_MS for error in errors), errors


def test_speech_missing_from_the_transcript_does_not_shift_what_follows(clip):
    text = clip.transcript().replace("They may need time to decide what to share.", "")
    times, words = align(clip, text)
    start = words.index("Trust")
    assert times[start] is not None
    assert abs(times[start][0] - clip.speech_starts()[-1]) <= TOLERANCE_MS


def test_a_word_with_no_pronunciation_is_left_for_its_neighbours(clip):
    text = clip.transcript().replace("Be patient.", "Be 患者 patient.")
    times, words = align(clip, text)
    index = words.index("患者")
    assert times[index] is None
    assert times[index - 1] is not None and times[index + 1] is not None
    timed = timed_words(parse_transcript(text).words, times)
    assert timed[index - 1].end_ms <= timed[index].start_ms
    assert timed[index].end_ms <= timed[index + 1].start_ms


def test_a_window_the_decoder_cannot_align_is_reported_and_skipped(clip, monkeypatch):
    monkeypatch.setattr(align_speech._Decoder, "align", lambda *args: None)
    transcript = parse_transcript(clip.transcript())
    aligner = SpeechAligner(find_model("en"))
    prepared = prepare_words(aligner, transcript.words, english=True)
    result = aligner.align(AudioStream(clip.path).blocks(), prepared.names)
    assert result.times == [None] * len(prepared.names)
    assert result.failed_windows and result.failed_windows[0][0] == 0
    assert result.audio_ms == pytest.approx(16_500, abs=50)


def test_progress_is_reported_up_to_the_end(clip):
    transcript = parse_transcript(clip.transcript())
    aligner = SpeechAligner(find_model("en"))
    prepared = prepare_words(aligner, transcript.words, english=True)
    seen: list[tuple[int, int | None]] = []
    aligner.align(
        AudioStream(clip.path).blocks(),
        prepared.names,
        total_ms=16_500,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1][0] == pytest.approx(16_500, abs=50)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_words_the_dictionary_lacks_are_taught_and_placed(tmp_path: Path):
    clip = cut_clip(tmp_path, 4.7, 6.0)  # "This short module is for front-line workers
    text = clip.transcript()  # who may meet people who have been trafficked."
    assert "front-line" in text and "trafficked." in text
    aligner = SpeechAligner(find_model("en"))
    assert aligner.lookup("front-line") is None
    times, words = align(clip, text)
    for word in ("front-line", "trafficked."):
        assert times[words.index(word)] is not None, word


def test_a_progress_callback_can_cancel_and_ffmpeg_stops(long_clip, monkeypatch):
    """The app's Cancel: the callback raises after the first window; ffmpeg, still
    blocked on the rest of the audio, is ended rather than left running."""
    import subprocess

    from media import audio_decode

    started: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def recording_popen(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(real_popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(audio_decode.subprocess, "Popen", recording_popen)

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int | None) -> None:
        raise Cancelled

    monkeypatch.setattr(align_speech, "WINDOW_MS", 6_000)
    transcript = parse_transcript(long_clip.transcript())
    aligner = SpeechAligner(find_model("en"))
    prepared = prepare_words(aligner, transcript.words, english=True)
    blocks = AudioStream(long_clip.path).blocks()
    with pytest.raises(Cancelled):
        aligner.align(blocks, prepared.names, progress=cancel)
    assert len(started) == 1
    assert started[0].returncode is not None and started[0].returncode < 0
