"""The `check`, `seal` and `cues` commands: pure Python, no Qt."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from captions.loader import load_track
from captions.model import Cue, CueSettings, Region, Track
from captions.timefmt import format_vtt
from media.manifest import CAPTION_SUFFIXES, load_module
from media.sealing import seal_module
from media.storytelling import Problem, check_module


def run_check(args: argparse.Namespace) -> int:
    """0 when fine (warnings on stderr), 1 when errors were found."""
    path = Path(args.path)
    if path.suffix.lower() in CAPTION_SUFFIXES:
        return check_caption_file(path)
    module = load_module(path)
    problems = check_module(module)
    for problem in problems:
        stream = sys.stdout if problem.severity == "error" else sys.stderr
        print(format_problem(problem), file=stream)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    name = module.manifest or path
    if errors:
        print(f"{name}: {_count(errors, 'error')}, {_count(warnings, 'warning')}")
        return 1
    print(f"{name}: ok" + (f" ({_count(warnings, 'warning')})" if warnings else ""))
    return 0


def format_problem(problem: Problem) -> str:
    place = problem.video_id
    if problem.segment_id:
        place += f" / segment {problem.segment_id}"
    return f"{problem.severity}: {place}: {problem.message}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def check_caption_file(path: Path) -> int:
    """A caption file must load; loader warnings and lint go to stderr, errors fail."""
    from captions.lint import lint_track
    from captions.model import kind_from_file_name

    track = load_track(path, kind=kind_from_file_name(path.name))
    for warning in track.warnings:
        print(f"warning: {path}: {warning}", file=sys.stderr)
    issues = lint_track(track)
    for issue in issues:
        stream = sys.stdout if issue.severity == "error" else sys.stderr
        print(f"{issue.severity}: {path}: {issue.message}", file=stream)
    errors = sum(1 for issue in issues if issue.severity == "error")
    cues = _count(len(track.cues), "cue")
    if errors:
        print(f"{path}: {cues}, {_count(errors, 'error')}")
        return 1
    print(f"{path}: {cues}, ok")
    return 0


def run_seal(args: argparse.Namespace) -> int:
    """Print each segment's seal lines; `--write` puts them in module.toml.

    1 (nothing written) when a fault would be sealed in, such as a cue cut by the
    segment's edges or an invisible attribution.
    """
    module = load_module(Path(args.path))
    report = seal_module(module, write=args.write)
    name = module.manifest or args.path
    for problem in report.problems:
        print(format_problem(problem))
    if report.refused:
        print(f"{name}: not sealed; fix the errors above first", file=sys.stderr)
        return 1
    for sealed in report.seals:
        print("\n".join(sealed.toml_lines()))
    if not report.seals:
        print(f"{name}: no storytelling segments", file=sys.stderr)
    elif report.written:
        print(f"{name}: seals written", file=sys.stderr)
    return 0


def run_cues(args: argparse.Namespace) -> int:
    """The loaded cues, as JSON (design.md 9) or as a readable listing."""
    track = load_track(Path(args.file))
    for warning in track.warnings:
        print(f"warning: {args.file}: {warning}", file=sys.stderr)
    if args.json:
        # One compact string, written at once: indenting tripled the time.
        sys.stdout.write(
            json.dumps(track_json(track), ensure_ascii=False, separators=(",", ":"))
        )
        print()
        return 0
    for cue in track.cues:
        print(cue_line(cue))
    return 0


def cue_line(cue: Cue) -> str:
    speaker = f"[{cue.voice}] " if cue.voice else ""
    words = " ".join(cue.plain.split())
    return f"{format_vtt(cue.start_ms)} --> {format_vtt(cue.end_ms)}  {speaker}{words}"


def track_json(track: Track) -> list[dict[str, Any]]:
    settings: dict[CueSettings, dict[str, Any]] = {}  # cues share settings objects
    return [cue_json(cue, settings) for cue in track.cues]


def cue_json(
    cue: Cue, settings: dict[CueSettings, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A cue with the `VTTCue` names; times in seconds."""
    shown = None if settings is None else settings.get(cue.settings)
    if shown is None:
        shown = settings_json(cue.settings)
        if settings is not None:
            settings[cue.settings] = shown
    return {
        "id": cue.identifier,
        "start": _number(cue.start_ms / 1000),
        "end": _number(cue.end_ms / 1000),
        "text": cue.text,
        "plain": cue.plain,
        "voice": cue.voice,
        "settings": shown,
    }


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
