"""The `align` command: captions for a recording from its plain transcript.

No Qt. Exit 0 when the captions are written (warnings on stderr), 2 when an input
cannot be read or alignment cannot run, with one plain line saying why.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

from captions.lint import LintLimits, lint_cues
from captions.safe_files import UnreadableFileError, check_regular_file
from captions.timefmt import format_clock, format_vtt
from captions.transcript_text import read_transcript
from media.align_job import default_output, output_problem, write_captions
from media.align_track import AlignedCaptions, align_transcript, to_webvtt
from media.audio_decode import DecoderMissingError
from media.manifest_tracks import add_track, find_module_of, is_listed, track_for
from media.model import ManifestError, Module, Video
from media.speech_model import ModelUnavailableError
from player.cli.align_arguments import add_align_parser

__all__ = ["add_align_parser", "run_align"]

PROG = "transcript-player"
LISTED_WORDS = 30
PROGRESS_FROM_MS = 60_000


def run_align(args: argparse.Namespace) -> int:
    media = Path(args.media)
    output = Path(args.output) if args.output else default_output(media, args.language)
    try:
        return _align(args, media, output)
    except (UnreadableFileError, ManifestError) as error:
        return _fail(str(error))
    except (ModelUnavailableError, DecoderMissingError) as error:
        return _fail(str(error))


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def _align(args: argparse.Namespace, media: Path, output: Path) -> int:
    check_regular_file(media)
    transcript = read_transcript(args.transcript)
    problem = output_problem(output, (media, Path(args.transcript)), args.force)
    if problem == "already exists":
        return _fail(f"{output}: already exists; pass --force to replace it")
    if problem:
        return _fail(f"{output}: {problem}")
    owner = find_module_of(media)
    if args.add_to_module and owner is None:
        return _fail(f"{media}: no module.toml near it lists this video")
    if args.add_to_module and owner is not None:
        track_for(*owner, output, args.language)  # refuses a file outside the module
    edges = (
        [t for s in owner[1].segments for t in (s.start_ms, s.end_ms)] if owner else []
    )
    started = time.process_time()
    result = align_transcript(
        media,
        transcript,
        language=args.language,
        model_dir=args.model,
        progress=_Progress(sys.stderr),
        edges_ms=edges,
    )
    write_captions(output, to_webvtt(result, Path(args.transcript).name))
    seconds = time.process_time() - started
    print(
        f"{output}: {len(result.cues)} captions from {len(result.words)} words, "
        f"{format_clock(result.audio_ms)} of audio aligned in {seconds:.1f} s of CPU"
    )
    _report(result, output)
    _lint_summary(result, output)
    if owner is not None:
        _module_follow_up(owner[0], owner[1], output, args)
    return 0


def _report(result: AlignedCaptions, output: Path) -> None:
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.guessed:
        words = ", ".join(dict.fromkeys(result.guessed))
        print(
            f"note: pronunciations guessed for words not in the dictionary: {words}",
            file=sys.stderr,
        )
    if result.unsayable:
        words = ", ".join(dict.fromkeys(result.unsayable))
        print(f"note: no pronunciation could be found for: {words}", file=sys.stderr)
    unheard = result.unheard
    if not unheard:
        return
    were = "1 word was" if len(unheard) == 1 else f"{len(unheard)} words were"
    print(
        f"warning: {were} not heard in the recording; the times are estimates "
        "between the words around (check them):",
        file=sys.stderr,
    )
    for word in unheard[:LISTED_WORDS]:
        print(f"  {format_vtt(word.start_ms)}  {word.text}", file=sys.stderr)
    if len(unheard) > LISTED_WORDS:
        more = len(unheard) - LISTED_WORDS
        print(f"  ... and {more} more, all listed in {output}", file=sys.stderr)


def _lint_summary(result: AlignedCaptions, output: Path) -> None:
    """The caption checks `transcript-player check` would print, counted."""
    issues = lint_cues(result.cues, "captions", LintLimits())
    if issues:
        rules = ", ".join(sorted({issue.rule for issue in issues}))
        print(
            f"note: {len(issues)} caption checks warn ({rules}) where the speech "
            f"leaves no room; `{PROG} check {output}` lists them",
            file=sys.stderr,
        )


def _module_follow_up(
    module: Module, video: Video, output: Path, args: argparse.Namespace
) -> None:
    """Add the track when asked; say what a storytelling segment still needs."""
    if args.add_to_module:
        if is_listed(video, output):
            print(f"{module.manifest}: already lists {output.name}")
        else:
            add_track(module, video, track_for(module, video, output, args.language))
            print(f"{module.manifest}: {output.name} added to video {video.id!r}")
    for segment in video.segments:
        where = f"{format_clock(segment.start_ms)} to {format_clock(segment.end_ms)}"
        print(
            f"warning: video {video.id!r} holds the storytelling segment "
            f"{segment.title!r} ({where}): its new captions need a person's review "
            "against the recording, word for word, and then a seal "
            f"(transcript-player seal {module.folder} --write)",
            file=sys.stderr,
        )


class _Progress:
    """Progress on stderr for long media: a line each tenth, or one updated line
    on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.shown = -1

    def __call__(self, done_ms: int, total_ms: int | None) -> None:
        if not total_ms or total_ms < PROGRESS_FROM_MS:
            return
        percent = min(100, done_ms * 100 // total_ms)
        step = percent if self.live else percent // 10 * 10
        if step <= self.shown:
            return
        self.shown = step
        done, total = format_clock(done_ms), format_clock(total_ms)
        line = f"aligning: {done} of {total} ({percent} %)"
        if self.live:
            end = "\n" if percent >= 100 else ""
            print(f"\r{line}", end=end, file=self.stream, flush=True)
        else:
            print(line, file=self.stream, flush=True)
