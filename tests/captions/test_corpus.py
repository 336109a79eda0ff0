"""Every real caption file in shared/corpus loads, with the cues it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
import shared_data

from captions import load_track

CORPUS = shared_data.CORPUS
FILES = sorted(CORPUS.glob("*/*.vtt"))

# Cue counts read off the files by hand (their "-->" lines); paulallen_meta.vtt has one
# timing line the spec rejects ("00.02:32.000"), which is skipped with a warning.
BROKEN = {"paulallen_meta.vtt": 1}


def _arrow_lines(path: Path) -> int:
    return path.read_bytes().decode("utf-8-sig").count("-->")


def test_corpus_is_there() -> None:
    assert len(FILES) >= 50
    scripts = {p.name for p in FILES}
    assert {"captions.ja.vtt", "captions.ar.vtt", "captions.ru.vtt"} <= scripts
    assert "itaccess_subtitles_zh-cn.vtt" in scripts


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_file_loads(path: Path) -> None:
    track = load_track(path)
    broken = BROKEN.get(path.name, 0)
    assert len(track) == _arrow_lines(path) - broken
    assert len(track.warnings) == broken
    assert all(cue.end_ms > cue.start_ms for cue in track.cues)
    assert sum(1 for cue in track.cues if cue.plain.strip()) >= len(track) - 1
    assert "<" not in "".join(c.plain for c in track.cues if "<" not in c.text)


def test_broken_timing_warning_names_its_line() -> None:
    track = load_track(CORPUS / "ableplayer" / "paulallen_meta.vtt")
    assert track.warnings[0].startswith("line 15: ")
    assert "cue skipped" in track.warnings[0]


def test_non_latin_scripts_keep_their_text() -> None:
    ja = load_track(CORPUS / "elephants-dream" / "captions.ja.vtt")
    ar = load_track(CORPUS / "elephants-dream" / "captions.ar.vtt")
    assert any("\u3040" <= ch <= "\u30ff" for cue in ja.cues for ch in cue.plain)
    assert any("\u0600" <= ch <= "\u06ff" for cue in ar.cues for ch in cue.plain)
