"""Checks and retiming shared by the storytelling tests."""

from __future__ import annotations

from pathlib import Path

from captions.timefmt import format_vtt, parse_time
from media.manifest import load_module
from media.storytelling import Problem, check_module


def edit_manifest(folder: Path, old: str, new: str) -> None:
    """Replace the first `old` in the folder's module.toml by `new`, as a hand edit."""
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    assert old in text, old
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(folder: Path) -> list[Problem]:
    return check_module(load_module(folder))


def errors(folder: Path) -> list[str]:
    return [p.message for p in check(folder) if p.severity == "error"]


def warnings(folder: Path) -> list[str]:
    return [p.message for p in check(folder) if p.severity == "warning"]


def retime(vtt: str, change) -> str:  # type: ignore[no-untyped-def]
    """Every timestamp passed through change(ms); the words stay."""
    out = []
    for line in vtt.splitlines(keepends=True):
        if "-->" in line:
            start, end = (parse_time(part.strip()) for part in line.split("-->"))
            line = f"{format_vtt(change(start))} --> {format_vtt(change(end))}\n"
        out.append(line)
    return "".join(out)


def shift(vtt: str, ms: int) -> str:
    return retime(vtt, lambda t: t + ms)
