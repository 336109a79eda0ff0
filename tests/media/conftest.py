"""Small modules written into tmp_path: a video, a storytelling segment, its tracks."""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

CAPTIONS = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Narrator>Welcome to the module.

00:00:04.000 --> 00:00:08.000
<v Narrator>Listen to the story that follows.

00:00:10.000 --> 00:00:14.000
<v Storyteller>This cue stands in for the recorded story.

00:00:14.000 --> 00:00:18.000
<v Storyteller>It is the second line
of   the story.

00:00:20.000 --> 00:00:24.000
<v Narrator>Thank you for listening.
"""

SUBTITLES = """WEBVTT

00:00:01.000 --> 00:00:08.000
<v Narrator>Bienvenue dans le module.

00:00:10.000 --> 00:00:18.000
<v Storyteller>Ce passage remplace le récit enregistré.

00:00:20.000 --> 00:00:24.000
<v Narrator>Merci de votre écoute.
"""

CHAPTERS = """WEBVTT

00:00:00.000 --> 00:00:10.000
Welcome

00:00:10.000 --> 00:00:19.000
The story

00:00:19.000 --> 00:00:24.000
Closing
"""

# What design.md 4.2 seals for the segment [10 s, 19 s) of CAPTIONS, typed by hand.
SEALED_TEXT = (
    "Storyteller\tThis cue stands in for the recorded story.\n"
    "Storyteller\tIt is the second line of the story.\n"
)
SEALED = "sha256:" + hashlib.sha256(SEALED_TEXT.encode("utf-8")).hexdigest()
# ...and of SUBTITLES, and of the segment's own fields.
SEALED_FR_TEXT = "Storyteller\tCe passage remplace le récit enregistré.\n"
SEALED_FIELDS_TEXT = (
    "title\tThe story\n"
    "speaker\tStoryteller\n"
    "attribution\tStoryteller, a stand-in for the recorded story\n"
    "stand_in\tfalse\n"
)

SEGMENT = {
    "id": "story",
    "kind": "storytelling",
    "title": "The story",
    "start": "00:00:10.000",
    "end": "00:00:19.000",
    "speaker": "Storyteller",
    "attribution": "Storyteller, a stand-in for the recorded story",
}

MANIFEST_HEAD = """schema = 1
id = "test-module"
title = "Test module"
language = "en"
credit = "Our own words, written for the tests."

[[videos]]
id = "talk"
title = "A talk"
file = "talk.mp4"

  [[videos.tracks]]
  kind = "captions"
  language = "en"
  label = "English (CC)"
  file = "talk.en.vtt"
  default = true

  [[videos.tracks]]
  kind = "subtitles"
  language = "fr"
  label = "Français"
  file = "talk.fr.vtt"

  [[videos.tracks]]
  kind = "chapters"
  language = "en"
  label = "Chapters"
  file = "talk.chapters.vtt"
"""


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def table(header: str, values: dict[str, object]) -> str:
    lines = [f"\n  [[{header}]]"]
    lines += [f"  {key} = {toml_value(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def mp4_bytes(duration_ms: int, version: int = 0) -> bytes:
    """The smallest MP4 that declares a duration: ftyp, then moov holding mvhd."""

    def box(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I4s", 8 + len(payload), kind) + payload

    if version == 1:
        mvhd = bytes([1, 0, 0, 0]) + struct.pack(">QQIQ", 0, 0, 1000, duration_ms)
    else:
        mvhd = bytes(4) + struct.pack(">IIII", 0, 0, 1000, duration_ms)
    mvhd += bytes(80)
    return box(b"ftyp", b"isom" + bytes(4)) + box(b"moov", box(b"mvhd", mvhd))


ModuleWriter = Callable[..., Path]


def seal_lines(folder: Path) -> str:
    """The seal lines `seal` prints for the module in `folder`, as TOML text."""
    from media.manifest import load_module
    from media.sealing import seal_module

    report = seal_module(load_module(folder))
    assert not report.refused, report.problems
    (sealed,) = report.seals
    return "".join(f"  {line}\n" for line in sealed.toml_lines()[1:])


def write_module(
    folder: Path,
    *,
    captions: str = CAPTIONS,
    subtitles: str = SUBTITLES,
    chapters: str = CHAPTERS,
    segment: dict[str, object] | None = None,
    drop: tuple[str, ...] = (),
    pauses: tuple[str, ...] = ("00:00:09.000",),
    video: bytes | None = None,
    sealed: str = "tracks",
    with_video: bool = True,
) -> Path:
    """A module sealed as written by default, then changed one thing at a time.

    The seal is taken of the default texts and fields; `captions`, `subtitles`,
    `chapters`, `segment` (changed fields), `drop` (removed keys) and `pauses` then
    change what the seal is checked against. The video declares 60 s unless `video`
    gives other bytes; `with_video=False` leaves it out. `sealed` is "tracks" (the seal
    `transcript-player seal` writes), "legacy" (the old single checksum) or "none".
    """
    folder.mkdir(parents=True, exist_ok=True)
    if video is None and with_video:
        video = mp4_bytes(60_000)
    seals = ""
    if sealed == "tracks":
        _write_files(folder, CAPTIONS, SUBTITLES, CHAPTERS, dict(SEGMENT), (), video)
        seals = seal_lines(folder)
    values = {**SEGMENT, **(segment or {})}
    if sealed == "legacy":
        values["checksum"] = SEALED
    values = {key: value for key, value in values.items() if key not in drop}
    _write_files(folder, captions, subtitles, chapters, values, pauses, video, seals)
    return folder


def _write_files(
    folder: Path,
    captions: str,
    subtitles: str,
    chapters: str,
    values: dict[str, object],
    pauses: tuple[str, ...],
    video: bytes | None,
    seals: str = "",
) -> None:
    (folder / "talk.en.vtt").write_text(captions, encoding="utf-8")
    (folder / "talk.fr.vtt").write_text(subtitles, encoding="utf-8")
    (folder / "talk.chapters.vtt").write_text(chapters, encoding="utf-8")
    if video is not None:
        (folder / "talk.mp4").write_bytes(video)
    text = MANIFEST_HEAD + table("videos.segments", values) + seals
    for at in pauses:
        text += table("videos.pauses", {"at": at, "prompt": "What did you notice?"})
    (folder / "module.toml").write_text(text, encoding="utf-8")


@pytest.fixture
def make_module(tmp_path: Path) -> ModuleWriter:
    """Write a module into tmp_path/module (see write_module for the options)."""

    def make(**changes: object) -> Path:
        return write_module(tmp_path / "module", **changes)  # type: ignore[arg-type]

    return make


@pytest.fixture
def texts() -> SimpleNamespace:
    """The texts behind make_module, for tests that change or compare them."""
    return SimpleNamespace(
        captions=CAPTIONS,
        subtitles=SUBTITLES,
        chapters=CHAPTERS,
        sealed=SEALED,
        sealed_text=SEALED_TEXT,
        sealed_fr_text=SEALED_FR_TEXT,
        sealed_fields_text=SEALED_FIELDS_TEXT,
        segment=dict(SEGMENT),
        mp4_bytes=mp4_bytes,
    )
