"""Forced alignment of known words to speech with pocketsphinx 5 (no Qt).

The words are aligned window by window (WINDOW_MS of audio, and the next words of the
text that could be spoken in it): a grammar takes the words in order and may stop
after any of them, so a window ends wherever its speech ends. Only words that end
well before the window's end are kept; the next window starts after the last kept
word. Memory and time per window stay bounded however long the recording is.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from media.audio_decode import BYTES_PER_SECOND, FRAME_MS, frame_peaks
from media.speech_model import INSTALL_HINT, ModelUnavailableError, SpeechModel

WINDOW_MS = 20_000
KEEP_MARGIN_MS = 3_000
WORDS_PER_WINDOW = 120
EXIT_PROBABILITY = 1e-3
SKIP_PROBABILITY = 1e-6
WIDE_BEAM = 1e-80
_ALTERNATE = re.compile(r"\(\d+\)$")
Progress = Callable[[int, int | None], None]
Span = tuple[int, int]
Placed = tuple[int, int, int]  # position in the window's words, start, end


@dataclass
class Alignment:
    """Times (ms) per word, None where a word was not placed; the level of every
    10 ms frame; how much audio there was; windows the decoder could not align."""

    times: list[Span | None]
    peaks: array[int] = field(default_factory=lambda: array("H"))
    audio_ms: int = 0
    failed_windows: list[Span] = field(default_factory=list)


class _Decoder:
    """One pocketsphinx decoder in alignment mode, made when first needed."""

    def __init__(self, model: SpeechModel, wide: bool) -> None:
        try:
            import pocketsphinx
        except ImportError:
            raise ModelUnavailableError(
                f"aligning needs pocketsphinx: {INSTALL_HINT}"
            ) from None
        options: dict[str, Any] = {
            "hmm": str(model.acoustic),
            "dict": str(model.dictionary),
            "lm": None,
            "loglevel": "FATAL",
            "dither": True,  # digital silence would break the features otherwise
            "seed": 1,
        }
        if wide:
            options.update(beam=WIDE_BEAM, pbeam=WIDE_BEAM, wbeam=WIDE_BEAM * 1e20)
        try:
            self.decoder = pocketsphinx.Decoder(**options)
        except (RuntimeError, ValueError) as exc:
            raise ModelUnavailableError(
                f"{model.acoustic}: the speech model cannot be loaded ({exc})"
            ) from None

    def add_word(self, name: str, phones: str) -> bool:
        try:
            self.decoder.add_word(name, phones, True)
        except RuntimeError:  # a phone the acoustic model does not have
            return False
        return True

    def align(
        self, pcm: bytes, names: Sequence[str], skips: Sequence[Span] = ()
    ) -> list[Placed] | None:
        """(position in `names`, first frame, last frame) of each word heard, in
        order; None when the search lost every path."""
        count = len(names)
        transitions: list[tuple[int, int, float] | tuple[int, int, float, str]] = [
            (i, i + 1, 1.0, name) for i, name in enumerate(names)
        ]
        transitions += [(i, count, EXIT_PROBABILITY) for i in range(count)]
        transitions += [(i, j, SKIP_PROBABILITY) for i, j in skips]
        try:
            fsg = self.decoder.create_fsg("window", 0, count, transitions)
            self.decoder.add_fsg("window", fsg)
            self.decoder.activate_search("window")
            self.decoder.start_utt()
            self.decoder.process_raw(pcm, full_utt=True)
            self.decoder.end_utt()
        except (RuntimeError, ValueError):
            return None
        if self.decoder.hyp() is None:
            return None
        found: list[Placed] = []
        position = 0
        for segment in self.decoder.seg():
            word = _ALTERNATE.sub("", segment.word)
            if _is_filler(word):
                continue
            try:
                position = names.index(word, position)
            except ValueError:
                return None
            found.append((position, segment.start_frame, segment.end_frame))
            position += 1
        return found


def _is_filler(word: str) -> bool:
    return word in ("<s>", "</s>", "<sil>", "(NULL)") or (
        word.startswith("[") and word.endswith("]")
    )


class SpeechAligner:
    """Aligns dictionary entries (see `add_word`) to a stream of 16 kHz PCM."""

    def __init__(self, model: SpeechModel) -> None:
        self.model = model
        self._decoder = _Decoder(model, wide=False)
        self._wide: _Decoder | None = None
        self._added: list[tuple[str, str]] = []

    def lookup(self, word: str) -> str | None:
        """The dictionary's phones for a word (its first pronunciation)."""
        phones: str | None = self._decoder.decoder.lookup_word(word)
        return phones

    def add_word(self, name: str, alternatives: Sequence[str]) -> bool:
        """Teach the decoder a word; False when the model cannot say its phones."""
        added = False
        for number, phones in enumerate(alternatives, start=1):
            entry = name if number == 1 else f"{name}({number})"
            if self._decoder.add_word(entry, phones):
                self._added.append((entry, phones))
                added = True
            elif number == 1:
                return False
        return added

    def _wide_decoder(self) -> _Decoder:
        if self._wide is None:
            self._wide = _Decoder(self.model, wide=True)
            for entry, phones in self._added:
                self._wide.add_word(entry, phones)
        return self._wide

    def align(
        self,
        blocks: Iterable[bytes],
        names: Sequence[str | None],
        sentence_starts: Collection[int] = (),
        total_ms: int | None = None,
        progress: Progress | None = None,
    ) -> Alignment:
        """Place each named word (None: cannot be said, left unplaced) in the audio.

        A whole sentence (from one of `sentence_starts` to the next) may be left
        out, so a transcript's sentence that was never said cannot push the words
        after it onto later speech; a single word cannot be left out.
        """
        source = iter(blocks)
        try:
            result = self._align_all(source, names, sentence_starts, progress, total_ms)
        finally:  # stopped early (an error, or a progress callback that cancels)
            close = getattr(source, "close", None)
            if close is not None:
                close()
        if progress is not None:
            progress(result.audio_ms, total_ms)
        return result

    def _align_all(
        self,
        source: Iterator[bytes],
        names: Sequence[str | None],
        sentence_starts: Collection[int],
        progress: Progress | None,
        total_ms: int | None,
    ) -> Alignment:
        result = Alignment([None] * len(names))
        order = [i for i, name in enumerate(names) if name is not None]
        audio = _Buffer(source, result.peaks)
        next_word = 0
        while next_word < len(order):
            window = audio.window(WINDOW_MS)
            if not window:
                break
            last = audio.finished and len(window) >= audio.available_bytes
            indices = order[next_word : next_word + WORDS_PER_WINDOW]
            spoken = [names[i] or "" for i in indices]
            skips = _sentence_skips(indices, sentence_starts)
            offset = audio.position_ms
            placed, advance = self._place(
                window, spoken, skips, audio.peaks_from(offset), last
            )
            if placed is None:
                result.failed_windows.append((offset, offset + _ms(len(window))))
            for position, start, end in placed or []:
                result.times[indices[position]] = (offset + start, offset + end)
            next_word += placed[-1][0] + 1 if placed else 0
            if last and placed is not None:
                break
            audio.advance_ms(advance)
            if progress is not None:
                progress(audio.position_ms, total_ms)
        result.audio_ms = audio.drain_ms()
        return result

    def _place(
        self,
        window: bytes,
        names: list[str],
        skips: list[Span],
        peaks: Sequence[int],
        last: bool,
    ) -> tuple[list[Placed] | None, int]:
        """The words placed in this window (ms from its start) and how far to move on.

        The window is cut in a pause, so no word is cut in two at its end; if the
        decoder finds no path, a wider beam and then an earlier pause are tried.
        """
        length = _ms(len(window))
        cuts = [length] if last else _pause_cuts(peaks, length)
        for cut in cuts:
            pcm = window[: cut * BYTES_PER_SECOND // 1000]
            for decoder in (self._decoder, self._wide_decoder()):
                frames = decoder.align(pcm, names, skips)
                if frames is not None:
                    spans = [
                        (p, s * FRAME_MS, (e + 1) * FRAME_MS) for p, s, e in frames
                    ]
                    return _kept(spans, cut, last)
        return None, max(FRAME_MS, length - KEEP_MARGIN_MS)


def _sentence_skips(indices: Sequence[int], starts: Collection[int]) -> list[Span]:
    """Grammar states (positions in the window) from each sentence start to the
    next one, or to the window's end."""
    positions = [p for p, index in enumerate(indices) if index in starts]
    if not positions:
        return []
    ends = [*positions[1:], len(indices)]
    return [(start, end) for start, end in zip(positions, ends, strict=True)]


def _ms(byte_count: int) -> int:
    return byte_count * 1000 // BYTES_PER_SECOND


def _pause_cuts(peaks: Sequence[int], length_ms: int) -> list[int]:
    """Window ends (ms) at the quietest moment of its last quarter, else of the
    quarter before: a pause between words where there is one."""
    frames = length_ms // FRAME_MS
    late = _quietest(peaks, frames * 3 // 4, frames)
    early = _quietest(peaks, frames // 2, frames * 3 // 4)
    return [late * FRAME_MS, early * FRAME_MS]


def _quietest(peaks: Sequence[int], low: int, high: int, width: int = 20) -> int:
    """The frame in [low, high) at the middle of the quietest `width` frames."""
    high = min(high, len(peaks))
    if high - low <= width:
        return max(high, low + 1)
    total = sum(peaks[low : low + width])
    best, best_at = total, low
    for start in range(low + 1, high - width + 1):
        total += peaks[start + width - 1] - peaks[start - 1]
        if total <= best:
            best, best_at = total, start
    return best_at + width // 2


def _kept(spans: list[Placed], cut_ms: int, last: bool) -> tuple[list[Placed], int]:
    """The words safely inside the window (ending before its last seconds) and
    where the next window starts: after them, or before the first word heard."""
    if last:
        return spans, cut_ms
    kept = [span for span in spans if span[2] < cut_ms - KEEP_MARGIN_MS]
    if kept:
        return kept, kept[-1][2]
    if spans:
        return [], max(FRAME_MS, spans[0][1] - 300)
    return [], max(FRAME_MS, cut_ms - KEEP_MARGIN_MS)


class _Buffer:
    """The audio from the current position on, read from the blocks as needed."""

    def __init__(self, blocks: Iterator[bytes], peaks: array[int]) -> None:
        self._blocks = blocks
        self._peaks = peaks
        self._data = bytearray()
        self._pending = b""  # the part of the last block too short for a frame
        self._dropped = 0
        self.position_ms = 0
        self.finished = False

    @property
    def available_bytes(self) -> int:
        return len(self._data)

    def _read(self, keep: bool = True) -> None:
        block = next(self._blocks, None)
        if block is None:
            self.finished = True
            return
        joined = self._pending + block
        whole = len(joined) - len(joined) % (FRAME_MS * BYTES_PER_SECOND // 1000)
        self._peaks.extend(frame_peaks(joined[:whole]))
        self._pending = joined[whole:]
        if keep:
            self._data += block
        else:
            self._dropped += len(block)

    def peaks_from(self, ms: int) -> Sequence[int]:
        """The frame levels from `ms` on, as far as the audio has been read."""
        return self._peaks[ms // FRAME_MS :]

    def window(self, length_ms: int) -> bytes:
        wanted = length_ms * BYTES_PER_SECOND // 1000
        while len(self._data) < wanted and not self.finished:
            self._read()
        return bytes(self._data[:wanted])

    def advance_ms(self, ms: int) -> None:
        step = ms * BYTES_PER_SECOND // 1000
        while len(self._data) < step and not self.finished:
            self._read()
        step = min(step, len(self._data))
        del self._data[:step]
        self.position_ms += _ms(step)

    def drain_ms(self) -> int:
        """Read what is left (for the sound levels) and return the audio's length."""
        while not self.finished:
            self._read(keep=False)
        return self.position_ms + _ms(len(self._data) + self._dropped)
