"""The `search` and `export` commands: pure Python, no Qt."""

from __future__ import annotations

import argparse
import errno
import hashlib
import json
import os
import sqlite3
import stat
import sys
from pathlib import Path
from typing import Any, NoReturn

from captions.safe_files import size_text
from captions.terminal_text import CappedLines, for_terminal, print_line
from captions.timefmt import format_clock
from media.model import ManifestError, Module, Video
from player.cli.arguments import CommandLineError, time_argument
from player.cli.commands import (
    SHOWN_PER_KIND,
    count_of,
    load_caption_file,
    load_checked_module,
)
from player.core.file_write import write_bytes_file


def run_search(args: argparse.Namespace) -> int:
    """Search the given modules (default: the sample) through the library index.

    Human output: one line a hit; on stderr, what indexing did (with the index's
    size) when it did anything, and "more than N hits" when there are.
    """
    from captions.library import IndexFileError, LibraryIndex, default_index_path
    from media.discover import index_sources_for
    from media.samples import sample_module_path

    paths = [Path(p) for p in args.module] or [sample_module_path()]
    sources = [
        s for path in paths for s in index_sources_for(load_checked_module(path))
    ]
    index_path = (
        Path(args.index) if args.index else _index_for(paths, default_index_path())
    )
    try:
        with LibraryIndex(index_path) as index:
            if index.notice:
                print_line(f"warning: {index.notice}", sys.stderr)
            report = index.update(sources)
            _report_indexing(index, report)
            batches = list(index.search_batches(args.query, args.limit))
    except sqlite3.Error as error:
        raise IndexFileError(index_path, f"the search index failed: {error}") from None
    hits = [hit for batch in batches for hit in batch.hits]
    if args.json:
        json.dump(
            [hit_json(hit) for hit in hits], sys.stdout, ensure_ascii=False, indent=1
        )
        print()
        return 0
    sys.stdout.writelines(f"{line}\n" for line in map(hit_line, hits))
    matches = batches[-1].matches if batches else 0
    if not hits:
        print_line(f"nothing found for {args.query!r}", sys.stderr)
    elif matches > len(hits):
        more = (
            f"more than {matches:,}" if batches[-1].matches_at_least else f"{matches:,}"
        )
        print_line(f"{len(hits):,} of {more} hits shown (--limit)", sys.stderr)
    return 0


def _report_indexing(index: Any, report: Any) -> None:
    shown = CappedLines("warning", sys.stderr, SHOWN_PER_KIND)
    for path, reason in report.failed:
        shown.add(f"warning: {path}: {reason}")
    shown.finish()
    if report.indexed or report.removed:
        print_line(
            f"{index.db_path}: indexed {count_of(report.indexed, 'track')}"
            f" ({count_of(index.cue_count(), 'cue')} in all),"
            f" {size_text(index.size_bytes())}",
            sys.stderr,
        )


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
    """One hit for people, safe for a terminal (the attribution on its own line)."""
    speaker = f"{hit.speaker}: " if hit.speaker else ""
    snippet = " ".join(hit.snippet.split())
    line = f"{hit.video_title} {format_clock(hit.start_ms)}  {speaker}{snippet}"
    line = for_terminal(line)
    if hit.attribution:
        line += "\n    " + for_terminal(f"({hit.attribution})")
    return line


def run_export(args: argparse.Namespace) -> int:
    """Write a video's transcript or captions, whole or an excerpt, as a file."""
    module = load_checked_module(Path(args.path))
    video = choose_video(module, args.video)
    from captions.story_check import StoryAlteredError

    span = _range(args)
    try:
        if args.format == "pdf":
            return _export_pdf(module, video, span, args.output)
        text = export_text(module, video, args.format, span)
    except StoryAlteredError as refused:
        print_line(f"transcript-player: {refused.reason}", sys.stderr)
        return 1
    if args.output:
        write_output(args.output, text.encode("utf-8"))
        print_line(f"{args.output}: written", sys.stderr)
    elif sys.stdout.isatty():
        sys.stdout.write(for_terminal(text, keep_newlines=True))
    else:
        sys.stdout.write(text)
    return 0


def _export_pdf(
    module: Module, video: Video, span: tuple[int | None, int | None], output: str
) -> int:
    """PDF is drawn by Qt: only this branch imports it (offscreen without a display)."""
    html = export_text(module, video, "html", span)
    if not output and sys.stdout.isatty():
        print("transcript-player: a PDF needs -o FILE (or a pipe)", file=sys.stderr)
        return 2
    from player.export.pdf_export import transcript_pdf_bytes

    data = transcript_pdf_bytes(html)
    if output:
        write_output(output, data)
        print_line(f"{output}: written", sys.stderr)
    else:
        sys.stdout.buffer.write(data)
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
        start = None if args.start is None else time_argument("--from", args.start)
        end = None if args.end is None else time_argument("--to", args.end)
    except ValueError as exc:
        raise CommandLineError(str(exc)) from None
    if start is not None and end is not None and start > end:
        raise CommandLineError(f"--from {args.start} comes after --to {args.end}")
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
    track = load_caption_file(
        ref.file, kind=ref.kind, language=ref.language, label=ref.label
    )
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


def write_output(target: str, data: bytes) -> None:
    """Write an export to `target`: a file (replaced whole), a pipe or a terminal.

    A pipe nobody reads is an error, not a hang; a folder, a device or a read-only
    file is refused and left as it was, never replaced by a regular file. Errors
    are OSError naming `target`, for one plain line.
    """
    path = Path(target)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            _refuse(path, errno.ENOENT, "is a symbolic link to a missing file")
        info = None
    except OSError as error:
        _refuse(path, error.errno, error.strerror or str(error))
    if info is None or stat.S_ISREG(info.st_mode):
        if info is not None and not info.st_mode & 0o222:
            _refuse(path, errno.EACCES, "is read-only; it was not overwritten")
        try:
            write_bytes_file(os.path.realpath(path), data)  # a symlink stays one
        except OSError as error:
            _refuse(path, error.errno, error.strerror or str(error))
    elif stat.S_ISDIR(info.st_mode):
        _refuse(path, errno.EISDIR, "is a folder; give the export a file name")
    elif stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
        _write_stream(path, data)
    else:
        _refuse(path, errno.ENODEV, "is a device or socket, not a file")


def _refuse(path: Path, code: int | None, reason: str) -> NoReturn:
    raise OSError(code or errno.EIO, reason, str(path))


def _write_stream(path: Path, data: bytes) -> None:
    """Write to a named pipe, a terminal or the null device; opening never blocks."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            _refuse(path, error.errno, "no program is reading from this named pipe")
        _refuse(path, error.errno, error.strerror or str(error))
    try:
        info = os.fstat(fd)
        null = os.stat(os.devnull)
        is_null = (info.st_dev, info.st_ino) == (null.st_dev, null.st_ino)
        if stat.S_ISCHR(info.st_mode) and not (is_null or os.isatty(fd)):
            _refuse(path, errno.ENODEV, "is a device, not a file or terminal")
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as error:
        _refuse(path, error.errno, error.strerror or str(error))
    finally:
        os.close(fd)
