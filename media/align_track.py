"""Captions from a transcript and a recording: decode, align, time, build cues.

The one entry point the command line (and later the app) calls. No Qt; pocketsphinx
is imported only when an alignment runs, so the rest of the program works without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from captions.cue_builder import DEFAULT_RULES, CueRules, build_cues
from captions.cue_lines import ends_sentence
from captions.model import Cue
from captions.safe_files import UnreadableFileError
from captions.timefmt import format_vtt
from captions.transcript_text import Transcript, TranscriptWord
from captions.word_timing import TimedWord, timed_words
from media.align_speech import SpeechAligner
from media.audio_decode import AudioStream, probe_media
from media.pronounce import Pronouncer
from media.speech_model import find_model

Progress = Callable[[int, int | None], None]
NOTE_WORD_LIMIT = 200


@dataclass
class AlignedCaptions:
    """The cues, every word with its time, and what a person should check."""

    cues: list[Cue]
    words: list[TimedWord]
    audio_ms: int
    guessed: list[str] = field(default_factory=list)
    unsayable: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def unheard(self) -> list[TimedWord]:
        """Spoken words (not [sounds] or punctuation) whose times are estimates."""
        return [w for w in self.words if not w.heard and _is_spoken(w.word)]


def _is_spoken(word: TranscriptWord) -> bool:
    return not word.sound and any(ch.isalnum() for ch in word.text)


@dataclass
class _Prepared:
    names: list[str | None]
    sentence_starts: set[int]
    guessed: list[str]
    unsayable: list[str]


def align_transcript(
    media: str | Path,
    transcript: Transcript,
    *,
    language: str = "en",
    model_dir: str | Path | None = None,
    progress: Progress | None = None,
    edges_ms: Sequence[int] = (),
    rules: CueRules = DEFAULT_RULES,
) -> AlignedCaptions:
    """Align `transcript` to the speech of `media` and build its captions.

    Raises UnreadableFileError (media unreadable or without sound),
    ModelUnavailableError (no pocketsphinx or no model for the language) and
    DecoderMissingError (no ffmpeg).
    """
    model = find_model(language, model_dir)
    info = probe_media(media)
    if not info.has_audio:
        raise UnreadableFileError(media, "has no audio stream to align to")
    aligner = SpeechAligner(model)
    prepared = prepare_words(aligner, transcript.words, english=model.english)
    stream = AudioStream(media)
    alignment = aligner.align(
        stream.blocks(),
        prepared.names,
        prepared.sentence_starts,
        total_ms=info.duration_ms,
        progress=progress,
    )
    words = timed_words(
        transcript.words, alignment.times, alignment.peaks, alignment.audio_ms
    )
    result = AlignedCaptions(
        build_cues(words, rules, edges_ms),
        words,
        alignment.audio_ms,
        prepared.guessed,
        prepared.unsayable,
    )
    if stream.warning:
        result.warnings.append(stream.warning)
    for start, end in alignment.failed_windows:
        result.warnings.append(
            f"the speech from {format_vtt(start)} to {format_vtt(end)} could not be "
            "aligned; the words there have estimated times"
        )
    return result


def prepare_words(
    aligner: SpeechAligner, words: Sequence[TranscriptWord], *, english: bool
) -> _Prepared:
    """The decoder's name for each word (None: a sound, punctuation, or a word
    with no pronunciation), teaching it the words its dictionary lacks."""
    pronouncer = Pronouncer(aligner.lookup, english=english)
    prepared = _Prepared([], set(), [], [])
    taught: dict[str, bool] = {}
    previous: TranscriptWord | None = None
    sentence_pending = True
    for index, word in enumerate(words):
        if previous is not None and (
            previous.paragraph != word.paragraph
            or ends_sentence(previous.text)
            or previous.sound
        ):
            sentence_pending = True
        previous = word
        key = pronouncer.key(word.text) if not word.sound else ""
        if key and key not in taught:
            taught[key] = _teach(aligner, pronouncer, word.text, key, prepared)
        if not key or not taught[key]:
            prepared.names.append(None)
            continue
        prepared.names.append(key)
        if sentence_pending:
            prepared.sentence_starts.add(index)
            sentence_pending = False
    return prepared


def _teach(
    aligner: SpeechAligner,
    pronouncer: Pronouncer,
    text: str,
    key: str,
    prepared: _Prepared,
) -> bool:
    if aligner.lookup(key):
        return True
    found = pronouncer.pronounce(text)
    if found.found and aligner.add_word(key, found.phones):
        if found.guessed:
            prepared.guessed.append(text)
        return True
    prepared.unsayable.append(text)
    return False


def to_webvtt(result: AlignedCaptions, source: str = "") -> str:
    """The captions as a WebVTT file, with a NOTE saying how they were made and
    which words a person should check."""
    note = [
        "NOTE",
        _safe(f"Made by transcript-player align from {source or 'a transcript'}."),
    ]
    unheard = result.unheard
    if unheard:
        were = "1 word was" if len(unheard) == 1 else f"{len(unheard)} words were"
        note.append(
            f"{were} not heard; the times are estimates. "
            "Check them against the recording:"
        )
        for word in unheard[:NOTE_WORD_LIMIT]:
            note.append(_safe(f"{format_vtt(word.start_ms)} {word.text}"))
        if len(unheard) > NOTE_WORD_LIMIT:
            note.append(f"... and {len(unheard) - NOTE_WORD_LIMIT} more")
    blocks = ["WEBVTT", "\n".join(note)]
    blocks.extend(_cue_block(cue) for cue in result.cues)
    return "\n\n".join(blocks) + "\n"


def _safe(line: str) -> str:
    """One NOTE line: no "-->" (it would end the note) and no line breaks."""
    return " ".join(line.replace("-->", "->").split())


def _cue_block(cue: Cue) -> str:
    timing = f"{format_vtt(cue.start_ms)} --> {format_vtt(cue.end_ms)}"
    text = cue.text.replace("-->", "--&gt;")
    return f"{timing}\n{text}"
