"""Copies of the sample module for tests that change it (never the committed one)."""

from __future__ import annotations

import shutil
from pathlib import Path

from captions.timefmt import format_vtt, parse_time
from media.samples import sample_module_path

STORY_START_MS, STORY_END_MS = 127_648, 179_789  # as the sample's manifest writes it
CREDIT = (
    "Stand-in for the story of Rose Henry, Aboriginal community consultant, "
    "Coast Salish territory"
)
CONTACT = "the transcript-player project, which made this sample"


def copy_sample(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(sample_module_path(), target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def shift(path: Path, ms: int) -> None:
    """Move every cue of a track by `ms`: a timing fix."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if "-->" in line:
            start, end = (parse_time(p.strip()) for p in line.split("-->"))
            line = f"{format_vtt(start + ms)} --> {format_vtt(end + ms)}\n"
        lines.append(line)
    path.write_text("".join(lines), encoding="utf-8")
