"""The command line: the window by default; check, seal, cues, search, export script it.

Only the bare command imports Qt (lazily), so the subcommands run on machines and in
pipelines without a display.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from captions.model import CaptionError
from media.model import ManifestError

PROG = "transcript-player"
SUBCOMMANDS = ("check", "seal", "cues", "search", "export", "align")
EXPORT_FORMATS = ("txt", "html", "pdf", "vtt", "srt")

_EPILOG = """\
commands:
  check PATH                  check a module folder, manifest or caption file
  seal PATH [--write]         print (or write) storytelling checksums
  cues FILE [--json]          list the loaded cues (one JSON array with --json)
  search QUERY [--module PATH ...] [--json]
  export PATH --video ID --format txt|html|pdf|vtt|srt [-o FILE]
  align MEDIA TRANSCRIPT [-o OUT.vtt] [--language en] [--model DIR] [--force]
Run `transcript-player COMMAND --help` for a command's options."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit status; never shows a traceback."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _tolerate_unencodable_output()
    try:
        if arguments and arguments[0] in SUBCOMMANDS:
            return _run_subcommand(arguments)
        return _run_window(arguments)
    except SystemExit as exc:  # argparse's --help and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except (ManifestError, CaptionError, OSError, UnicodeError) as exc:
        print(f"{PROG}: {describe_error(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:
        if os.environ.get("TRANSCRIPT_PLAYER_DEBUG"):
            raise
        print(f"{PROG}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2


def describe_error(exc: BaseException) -> str:
    """One plain line naming the file and the reason."""
    if isinstance(exc, (ManifestError, CaptionError)):
        return str(exc)
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return f"{exc.filename}: {reason}" if exc.filename else reason
    if isinstance(exc, UnicodeDecodeError):
        return f"not readable text ({exc.encoding} fails at byte {exc.start})"
    return str(exc)


def _tolerate_unencodable_output() -> None:
    """A console that cannot show a character gets an escape, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """After a closed pipe, later flushes must not complain again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _run_subcommand(arguments: list[str]) -> int:
    from player.cli import align as cli_align
    from player.cli import commands as cli_commands
    from player.cli import search_export as cli_export

    args = build_subcommand_parser().parse_args(arguments)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "check": cli_commands.run_check,
        "seal": cli_commands.run_seal,
        "cues": cli_commands.run_cues,
        "search": cli_export.run_search,
        "export": cli_export.run_export,
        "align": cli_align.run_align,
    }
    return handlers[args.command](args)


def build_subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check a module or a caption file")
    check.add_argument("path", help="module folder, module.toml or caption file")
    seal = commands.add_parser("seal", help="storytelling checksums")
    seal.add_argument("path", help="module folder or module.toml")
    seal.add_argument("--write", action="store_true", help="update module.toml")
    cues = commands.add_parser("cues", help="the cues of a caption file")
    cues.add_argument("file", help="a .vtt, .srt or .sbv file")
    cues.add_argument("--json", action="store_true", help="one JSON array")
    search = commands.add_parser("search", help="search the transcripts")
    search.add_argument("query")
    search.add_argument("--module", action="append", default=[], metavar="PATH")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true")
    search.add_argument("--index", metavar="FILE", help="index file (default: cache)")
    export = commands.add_parser("export", help="export a transcript")
    export.add_argument("path", help="module folder, module.toml or video")
    export.add_argument("--video", help="video id (default: the first video)")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    export.add_argument("--from", dest="start", metavar="TIME", help="excerpt start")
    export.add_argument("--to", dest="end", metavar="TIME", help="excerpt end")
    from player.cli.align import add_align_parser

    add_align_parser(commands)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=f"{PROG} [PATH] [options] | {PROG} COMMAND ...",
        description="An accessible video transcript player.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path", nargs="?", help="module folder, module.toml or video (default: sample)"
    )
    parser.add_argument("--video", metavar="ID", help="the video to open")
    parser.add_argument("--at", metavar="TIME", help="start at this time, e.g. 0:45")
    parser.add_argument(
        "--quit-after", type=float, metavar="SECONDS", help="play, then quit"
    )
    parser.add_argument("--screenshot", metavar="PNG", help="save the window")
    return parser


def parse_window_args(arguments: list[str]) -> argparse.Namespace:
    """The bare command's options; `at_ms` is `--at` in milliseconds (or None)."""
    from captions.timefmt import parse_time

    parser = build_window_parser()
    args = parser.parse_args(arguments)
    args.at_ms = None
    if args.at is not None:
        try:
            args.at_ms = parse_time(args.at)
        except ValueError:
            parser.error(f"--at: {args.at!r} is not a time like 0:45 or 00:01:05.250")
    if args.quit_after is not None and not args.quit_after >= 0:
        parser.error("--quit-after must be zero or more seconds")
    return args


def _run_window(arguments: list[str]) -> int:
    args = parse_window_args(arguments)
    from player.cli.desktop_check import desktop_problem

    problem = desktop_problem()
    if problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 2
    from player.shell.app import run_app

    status: int = run_app(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
