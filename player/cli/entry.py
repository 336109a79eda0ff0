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
from typing import NoReturn

from captions.model import CaptionError
from captions.safe_files import UnreadableFileError
from captions.terminal_text import for_terminal
from media.model import ManifestError
from player.cli.arguments import (
    MAX_HITS,
    MAX_QUIT_AFTER_S,
    CommandLineError,
    seconds_up_to,
    time_argument,
    whole_number,
)

PROG = "transcript-player"
SUBCOMMANDS = ("check", "seal", "cues", "search", "export", "align")
EXPORT_FORMATS = ("txt", "html", "pdf", "vtt", "srt")


# The file the running command is about, for the last-resort error line.
_subject: str | None = None

_EPILOG = """\
commands:
  check PATH [--all-warnings] check a module folder, manifest or caption file
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
    except (
        CommandLineError,
        ManifestError,
        CaptionError,
        UnreadableFileError,
        OSError,
        UnicodeError,
    ) as exc:
        print(for_terminal(f"{PROG}: {describe_error(exc)}"), file=sys.stderr)
        return 2
    except RecursionError:  # a parser meeting input nested thousands deep
        about = f"{_subject}: " if _subject else ""
        print(
            for_terminal(f"{PROG}: {about}nested too deeply to read"), file=sys.stderr
        )
        return 2
    except Exception as exc:
        if os.environ.get("TRANSCRIPT_PLAYER_DEBUG"):
            raise
        about = f"{_subject}: " if _subject else ""
        line = f"{PROG}: {about}unexpected error: {type(exc).__name__}: {exc}"
        print(for_terminal(line), file=sys.stderr)
        return 2


def describe_error(exc: BaseException) -> str:
    """One plain line naming the file and the reason."""
    if isinstance(exc, (ManifestError, CaptionError, UnreadableFileError)):
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
    global _subject
    args = build_subcommand_parser().parse_args(arguments)
    _subject = getattr(args, "path", None) or getattr(args, "file", None)
    return _handler(args.command)(args)


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    """The command's function, importing only its own module (`check` of a caption
    file should not pay for the aligner's or the library's imports)."""
    if command in ("search", "export"):
        from player.cli import search_export

        return (
            search_export.run_search
            if command == "search"
            else search_export.run_export
        )
    if command == "align":
        from player.cli.align import run_align

        return run_align
    from player.cli import commands

    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "check": commands.run_check,
        "seal": commands.run_seal,
        "cues": commands.run_cues,
    }
    return handlers[command]


class _Parser(argparse.ArgumentParser):
    """Usage errors in one plain line, with what the user typed made safe to show."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix(PROG).strip()
        where = f"{command}: " if command else ""
        line = f"{PROG}: {where}{message} (see --help)"
        self.exit(2, for_terminal(line) + "\n")


def build_subcommand_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG)
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser
    )
    check = commands.add_parser("check", help="check a module or a caption file")
    check.add_argument("path", help="module folder, module.toml or caption file")
    check.add_argument(
        "--all-warnings",
        action="store_true",
        help="print every warning and error (default: the first 100 of each, "
        "then a count by rule)",
    )
    seal = commands.add_parser("seal", help="storytelling checksums")
    seal.add_argument("path", help="module folder or module.toml")
    seal.add_argument("--write", action="store_true", help="update module.toml")
    cues = commands.add_parser("cues", help="the cues of a caption file")
    cues.add_argument("file", help="a .vtt, .srt or .sbv file")
    cues.add_argument("--json", action="store_true", help="one JSON array")
    search = commands.add_parser("search", help="search the transcripts")
    search.add_argument("query")
    search.add_argument("--module", action="append", default=[], metavar="PATH")
    search.add_argument(
        "--limit",
        type=whole_number(1, MAX_HITS),
        default=50,
        help=f"at most this many hits (1 to {MAX_HITS:,}; default 50)",
    )
    search.add_argument("--json", action="store_true")
    search.add_argument("--index", metavar="FILE", help="index file (default: cache)")
    export = commands.add_parser("export", help="export a transcript")
    export.add_argument("path", help="module folder, module.toml or video")
    export.add_argument("--video", help="video id (default: the first video)")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    export.add_argument("--from", dest="start", metavar="TIME", help="excerpt start")
    export.add_argument("--to", dest="end", metavar="TIME", help="excerpt end")
    from player.cli.align_arguments import add_align_parser

    add_align_parser(commands)
    return parser


def build_window_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
        "--quit-after",
        type=seconds_up_to(MAX_QUIT_AFTER_S),
        metavar="SECONDS",
        help="play, then quit",
    )
    parser.add_argument("--screenshot", metavar="PNG", help="save the window")
    return parser


def parse_window_args(arguments: list[str]) -> argparse.Namespace:
    """The bare command's options; `at_ms` is `--at` in milliseconds (or None)."""
    parser = build_window_parser()
    args = parser.parse_args(arguments)
    args.at_ms = None
    if args.at is not None:
        try:
            args.at_ms = time_argument("--at", args.at)
        except ValueError as exc:
            parser.error(str(exc))
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
