"""The `search` and `export` commands: pure Python, no Qt."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from captions.loader import load_track
from captions.timefmt import format_clock, parse_time
from media.manifest import load_module
from media.model import ManifestError, Module, Video


def run_search(args: argparse.Namespace) -> int:
    """Search the given modules (default: the sample) through the library index."""
    from captions.library import LibraryIndex, default_index_path
    from media.discover import index_sources_for
    from media.samples import sample_module_path

    paths = [Path(p) for p in args.module] or [sample_module_path()]
    sources = [s for path in paths for s in index_sources_for(load_module(path))]
    index_path = (
        Path(args.index) if args.index else _index_for(paths, default_index_path())
    )
    with LibraryIndex(index_path) as index:
        report = index.update(sources)
        for path, reason in report.failed:
            print(f"warning: {path}: {reason}", file=sys.stderr)
        hits = index.search(args.query, limit=args.limit)
    if args.json:
        json.dump(
            [hit_json(hit) for hit in hits], sys.stdout, ensure_ascii=False, indent=1
        )
        print()
        return 0
    for hit in hits:
        print(hit_line(hit))
    if not hits:
        print(f"nothing found for {args.query!r}", file=sys.stderr)
    return 0


def _index_for(paths: list[Path], app_index: Path) -> Path:
    """An index file of its own per set of modules searched from the command line.

    `LibraryIndex.update` drops tracks it is not given, so sharing the app's index
    would empty it of every module the command did not name.
    """
    names = "\n".join(sorted(str(p.resolve()) for p in paths))
    digest = hashlib.sha256(names.encode("utf-8")).hexdigest()[:16]
    return app_index.with_name(f"cli-search-{digest}.sqlite3")


def hit_json(hit: Any) -> dict[str, Any]:
    return {
        "module_id": hit.module_id,
        "module_title": hit.module_title,
        "video_id": hit.video_id,
        "video_title": hit.video_title,
        "track_label": hit.track_label,
        "language": hit.language,
        "kind": hit.kind,
        "start": hit.start_ms / 1000,
        "end": hit.end_ms / 1000,
        "speaker": hit.speaker,
        "text": hit.text,
        "snippet": hit.snippet,
        "attribution": hit.attribution,
    }


def hit_line(hit: Any) -> str:
    speaker = f"{hit.speaker}: " if hit.speaker else ""
    snippet = " ".join(hit.snippet.split())
    line = f"{hit.video_title} {format_clock(hit.start_ms)}  {speaker}{snippet}"
    if hit.attribution:
        line += f"\n    ({hit.attribution})"
    return line


def run_export(args: argparse.Namespace) -> int:
    """Write a video's transcript or captions, whole or an excerpt, as a file."""
    module = load_module(Path(args.path))
    video = choose_video(module, args.video)
    from captions.story_check import StoryAlteredError

    try:
        if args.format == "pdf":
            return _export_pdf(module, video, args)
        text = export_text(module, video, args.format, _range(args))
    except StoryAlteredError as refused:
        print(f"transcript-player: {refused.reason}", file=sys.stderr)
        return 1
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
        print(f"{args.output}: written", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _export_pdf(module: Module, video: Video, args: argparse.Namespace) -> int:
    """PDF is drawn by Qt: only this branch imports it (offscreen without a display)."""
    html = export_text(module, video, "html", _range(args))
    if not args.output and sys.stdout.isatty():
        print("transcript-player: a PDF needs -o FILE (or a pipe)", file=sys.stderr)
        return 2
    from player.export.pdf_export import transcript_pdf_bytes, write_transcript_pdf

    if args.output:
        write_transcript_pdf(html, args.output)
        print(f"{args.output}: written", file=sys.stderr)
    else:
        sys.stdout.buffer.write(transcript_pdf_bytes(html))
        sys.stdout.flush()
    return 0


def choose_video(module: Module, video_id: str | None) -> Video:
    if video_id is None:
        return module.videos[0]
    try:
        return module.video(video_id)
    except KeyError:
        known = ", ".join(video.id for video in module.videos)
        where = module.manifest or module.folder
        raise ManifestError(where, f"no video {video_id!r} (videos: {known})") from None


def _range(args: argparse.Namespace) -> tuple[int | None, int | None]:
    try:
        start = None if args.start is None else parse_time(args.start)
        end = None if args.end is None else parse_time(args.end)
    except ValueError as exc:
        raise ManifestError("--from/--to", str(exc)) from None
    return start, end


def export_text(
    module: Module, video: Video, fmt: str, span: tuple[int | None, int | None]
) -> str:
    """The export in one of txt, html, vtt, srt; storytelling segments stay whole."""
    from captions import export

    ref = video.default_track()
    if ref is None:
        where = module.manifest or video.file
        raise ManifestError(where, f"video {video.id!r} has no captions track")
    track = load_track(ref.file, kind=ref.kind, language=ref.language, label=ref.label)
    start_ms, end_ms = span
    return export.export_as(
        fmt,
        track,
        module_title=module.title,
        video_title=video.title,
        credit=module.credit,
        segments=video.segments,
        start_ms=start_ms,
        end_ms=end_ms,
        language=ref.language,
    )
