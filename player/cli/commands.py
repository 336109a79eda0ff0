"""The `check`, `seal` and `cues` commands: pure Python, no Qt."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from captions.cue_store import CueStore
from captions.loader import load_track
from captions.model import Cue, CueSettings, Region, Track
from captions.safe_files import check_regular_file
from captions.terminal_text import (
    CappedLines,
    for_terminal,
    print_line,
    summarised_count,
)
from captions.timefmt import format_vtt

if TYPE_CHECKING:  # the module checks import these when a module is checked
    from media.model import Module
    from media.storytelling import Problem

# Lines of one kind (errors, warnings) printed before the rest are only counted.
SHOWN_PER_KIND = 100


def refuse_special_path(path: Path) -> None:
    """A module or caption path naming a pipe or device is refused before any read.

    A folder stands for its module.toml. Missing files are left to the loaders,
    which say so in their own words.
    """
    from media.manifest import MANIFEST_NAME

    target = path / MANIFEST_NAME if path.is_dir() else path
    if os.path.lexists(target):
        check_regular_file(target)


def load_checked_module(path: Path) -> Module:
    """The module at `path`, with every file it names a regular file (or missing).

    Reading a named pipe blocks for ever: a track or video that is one is refused
    here, naming it, before checks, seals or exports read it.
    """
    from media.manifest import load_module

    refuse_special_path(path)
    module = load_module(path)
    refuse_special_files(
        file
        for video in module.videos
        for file in (video.file, *(track.file for track in video.tracks))
    )
    return module


def refuse_special_files(paths: Iterable[Path]) -> None:
    for path in paths:
        if os.path.lexists(path):
            check_regular_file(path)


def run_check(args: argparse.Namespace) -> int:
    """0 when fine (warnings on stderr), 1 when errors were found."""
    from media.discover import CAPTION_SUFFIXES

    path = Path(args.path)
    if path.suffix.lower() in CAPTION_SUFFIXES:
        return check_caption_file(path, shown_per_kind(args))
    from media.storytelling import check_module

    module = load_checked_module(path)
    problems = check_module(module)
    limit = shown_per_kind(args)
    shown_errors = CappedLines("error", sys.stdout, limit)
    shown_warnings = CappedLines("warning", sys.stderr, limit)
    for problem in problems:
        shown = shown_errors if problem.severity == "error" else shown_warnings
        shown.add(format_problem(problem))
    shown_errors.finish()
    shown_warnings.finish()
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    name = module.manifest or path
    if errors:
        print_line(
            f"{name}: {count_of(errors, 'error')}, {count_of(warnings, 'warning')}"
        )
        return 1
    suffix = f" ({count_of(warnings, 'warning')})" if warnings else ""
    print_line(f"{name}: ok{suffix}")
    return 0


def shown_per_kind(args: argparse.Namespace) -> int | None:
    """How many lines of each kind `check` prints: all with `--all-warnings`."""
    return None if getattr(args, "all_warnings", False) else SHOWN_PER_KIND


def format_problem(problem: Problem) -> str:
    place = problem.video_id
    if problem.segment_id:
        place += f" / segment {problem.segment_id}"
    return f"{problem.severity}: {place}: {problem.message}"


def count_of(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def load_caption_file(path: Path, **options: str) -> Track:
    """A caption file loaded, after refusing a pipe or device (which would block)."""
    refuse_special_path(path)
    return load_track(path, **options)


def print_loader_warnings(
    path: Path | str, track: Track, shown: CappedLines, rule: str = ""
) -> None:
    """The loader's warnings; those it only counted are counted under `rule`."""
    for warning in track.warnings:
        hidden = summarised_count(warning)
        if hidden is None:
            shown.add(f"warning: {path}: {warning}", rule)
        else:
            shown.add_hidden(hidden, rule)


def check_caption_file(path: Path, limit: int | None = SHOWN_PER_KIND) -> int:
    """A caption file must load; loader warnings and lint go to stderr, errors fail.

    Each kind shows its first `limit` lines, then one line counts the rest by rule;
    only the lines shown are worded.
    """
    from captions.lint import lint_track
    from captions.model import kind_from_file_name

    track = load_caption_file(path, kind=kind_from_file_name(path.name))
    shown_errors = CappedLines("error", sys.stdout, limit)
    shown_warnings = CappedLines("warning", sys.stderr, limit)
    print_loader_warnings(path, track, shown_warnings, "loading")
    issues = lint_track(track)
    for issue in issues:
        shown = shown_errors if issue.severity == "error" else shown_warnings
        if shown.full:
            shown.add_hidden(1, issue.rule)
        else:
            shown.add(f"{issue.severity}: {path}: {issue.message}")
    shown_errors.finish()
    shown_warnings.finish()
    errors = sum(1 for issue in issues if issue.severity == "error")
    cues = count_of(len(track.cues), "cue")
    if errors:
        print_line(f"{path}: {cues}, {count_of(errors, 'error')}")
        return 1
    print_line(f"{path}: {cues}, ok")
    return 0


def run_seal(args: argparse.Namespace) -> int:
    """Print each segment's seal lines; `--write` puts them in module.toml.

    1 (nothing written) when a fault would be sealed in, such as a cue cut by the
    segment's edges or an invisible attribution.
    """
    from media.sealing import seal_module

    module = load_checked_module(Path(args.path))
    report = seal_module(module, write=args.write)
    name = module.manifest or args.path
    for problem in report.problems:
        print_line(format_problem(problem))
    if report.refused:
        print_line(f"{name}: not sealed; fix the errors above first", sys.stderr)
        return 1
    for sealed in report.seals:
        for line in sealed.toml_lines():
            print_line(line)
    if not report.seals:
        print_line(f"{name}: no storytelling segments", sys.stderr)
    elif report.written:
        print_line(f"{name}: seals written", sys.stderr)
    return 0


def run_cues(args: argparse.Namespace) -> int:
    """The loaded cues, as JSON (design.md 9) or as a readable listing."""
    track = load_caption_file(Path(args.file))
    shown_warnings = CappedLines("warning", sys.stderr, SHOWN_PER_KIND)
    print_loader_warnings(args.file, track, shown_warnings)
    shown_warnings.finish()
    if args.json:
        # One compact string, written at once: indenting tripled the time.
        sys.stdout.write(
            json.dumps(track_json(track), ensure_ascii=False, separators=(",", ":"))
        )
        print()
        return 0
    sys.stdout.writelines(f"{line}\n" for line in map(cue_line, track.cues))
    return 0


def cue_line(cue: Cue) -> str:
    """One cue for people: times, speaker, words on one line, safe for a terminal."""
    speaker = f"[{cue.voice}] " if cue.voice else ""
    words = " ".join(cue.plain.split())
    line = f"{format_vtt(cue.start_ms)} --> {format_vtt(cue.end_ms)}  {speaker}{words}"
    return for_terminal(line)


def track_json(track: Track) -> list[dict[str, Any]]:
    """Every cue with the `VTTCue` names, times in seconds, read from the track's
    columns (no Cue objects made)."""
    store = CueStore.build(track.cues)
    shown: dict[CueSettings, dict[str, Any]] = {}  # cues share settings objects
    for settings in store.settings():
        if settings not in shown:
            shown[settings] = settings_json(settings)
    columns = zip(
        store.identifiers(),
        store.starts,
        store.ends,
        store.texts,
        store.plains(),
        store.voices(),
        store.settings(),
        strict=True,
    )
    return [
        {
            "id": identifier,
            "start": _number(start / 1000),
            "end": _number(end / 1000),
            "text": text,
            "plain": plain,
            "voice": voice,
            "settings": shown[settings],
        }
        for identifier, start, end, text, plain, voice, settings in columns
    ]


def settings_json(settings: CueSettings) -> dict[str, Any]:
    return {
        "vertical": settings.vertical,
        "snapToLines": settings.snap_to_lines,
        "line": "auto" if settings.line is None else _number(settings.line),
        "lineAlign": settings.line_align,
        "position": "auto" if settings.position is None else _number(settings.position),
        "positionAlign": settings.position_align,
        "size": _number(settings.size),
        "align": settings.align,
        "region": None if settings.region is None else region_json(settings.region),
    }


def region_json(region: Region) -> dict[str, Any]:
    return {
        "id": region.id,
        "width": _number(region.width),
        "lines": _number(region.lines),
        "regionAnchorX": _number(region.region_anchor_x),
        "regionAnchorY": _number(region.region_anchor_y),
        "viewportAnchorX": _number(region.viewport_anchor_x),
        "viewportAnchorY": _number(region.viewport_anchor_y),
        "scroll": region.scroll,
    }


def _number(value: float) -> float | int:
    """Whole numbers print as 5, not 5.0, as a browser's JSON would (up to 2**53)."""
    if float(value).is_integer() and abs(value) <= 2**53:
        return int(value)
    return float(value)
