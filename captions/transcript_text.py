"""Plain transcripts read for alignment: words in order, with speakers and sounds.

Two shapes are understood:

* plain UTF-8 text: paragraphs separated by blank lines, an optional `Name:` at the
  start of a paragraph naming its speaker (a paragraph without one continues the
  last speaker), and `[sound]` phrases, on a line of their own or inside a line;
* the project's own `.txt` transcript export (captions/export.py): a `[m:ss] Name`
  heading over each paragraph. The titles and credit above the first heading and
  the storytelling segment's heading and attribution lines are not speech, so they
  are left out.

Every other character sequence between white space is a word, kept exactly as
written, so the captions made from it say exactly what the transcript says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from captions.safe_files import UnreadableFileError, read_regular_file

MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024
_HEADING = re.compile(r"\[(?:\d+:)?\d{1,2}:\d{2}\](?:[ \t]+(?P<name>\S.*?))?[ \t]*")
_SEGMENT_LINE = re.compile(r"==[ \t].*[ \t]==[ \t]*")
_SPEAKER = re.compile(
    r"(?P<name>[^\W\d_][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,3}):(?=\s|$)[ \t]*"
)
_SOUND = re.compile(r"\[[^\[\]\n]*[^\[\]\s][^\[\]\n]*\]")


@dataclass(frozen=True, slots=True)
class TranscriptWord:
    """One word as written ("Relationship."), or one whole sound phrase ("[door
    slams]"), with the speaker and the paragraph it belongs to."""

    text: str
    speaker: str = ""
    paragraph: int = 0
    sound: bool = False


@dataclass(frozen=True, slots=True)
class Transcript:
    words: tuple[TranscriptWord, ...]
    source: str = ""

    def text(self) -> str:
        """The words joined by single spaces, to compare with captions made from it."""
        return " ".join(word.text for word in self.words)


def read_transcript(path: str | Path) -> Transcript:
    """Read and parse a transcript file; UnreadableFileError says why it cannot be."""
    data = read_regular_file(path, max_bytes=MAX_TRANSCRIPT_BYTES, what="transcripts")
    text = decode_transcript(data, path)
    transcript = parse_transcript(text, source=str(path))
    if not transcript.words:
        raise UnreadableFileError(path, "the transcript holds no words")
    return transcript


def decode_transcript(data: bytes, path: str | Path = "") -> str:
    """UTF-8 (with or without a BOM); UTF-16 with a BOM, as Windows Notepad saves."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableFileError(path, "not valid UTF-16 text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text (byte {exc.start}); save it as UTF-8"
        raise UnreadableFileError(path, reason) from None


def parse_transcript(text: str, source: str = "") -> Transcript:
    """The words of a transcript text, in order (see the module docstring)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any(_HEADING.fullmatch(line.strip()) for line in lines):
        paragraphs = _export_paragraphs(lines)
    else:
        paragraphs = _plain_paragraphs(lines)
    words: list[TranscriptWord] = []
    for number, (speaker, body) in enumerate(paragraphs):
        for line in body:
            words.extend(_line_words(line, speaker, number))
    return Transcript(tuple(words), source)


def _plain_paragraphs(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(speaker, lines) per blank-line separated paragraph; names carry on."""
    paragraphs: list[tuple[str, list[str]]] = []
    speaker = ""
    for block in _blocks(lines):
        first = block[0].strip()
        named = _SPEAKER.match(first)
        if named and not _SOUND.fullmatch(first):
            speaker = " ".join(named.group("name").split())
            block = [first[named.end() :], *block[1:]]
        paragraphs.append((speaker, block))
    return paragraphs


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _export_paragraphs(lines: list[str]) -> list[tuple[str, list[str]]]:
    """The paragraphs under `[m:ss] Name` headings; the rest is not speech."""
    paragraphs: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for raw in lines:
        line = raw.strip()
        heading = _HEADING.fullmatch(line)
        if heading:
            current = []
            paragraphs.append(
                (" ".join((heading.group("name") or "").split()), current)
            )
            continue
        if _SEGMENT_LINE.fullmatch(line):
            current = None  # a segment's heading and attribution line are not speech
            continue
        if current is not None and line:
            current.append(line)
    return paragraphs


def _line_words(line: str, speaker: str, paragraph: int) -> list[TranscriptWord]:
    words: list[TranscriptWord] = []
    position = 0
    for sound in _SOUND.finditer(line):
        words.extend(_plain_words(line[position : sound.start()], speaker, paragraph))
        phrase = " ".join(sound.group().split())
        words.append(TranscriptWord(phrase, speaker, paragraph, sound=True))
        position = sound.end()
    words.extend(_plain_words(line[position:], speaker, paragraph))
    return words


def _plain_words(text: str, speaker: str, paragraph: int) -> list[TranscriptWord]:
    return [TranscriptWord(word, speaker, paragraph) for word in text.split()]
