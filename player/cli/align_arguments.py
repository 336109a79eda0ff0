"""The `align` command's arguments, apart from its work, so that building the command
line parser for another command does not import the aligner (pocketsphinx, ffmpeg)."""

from __future__ import annotations

import argparse
import re

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def add_align_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    align = commands.add_parser(
        "align", help="make captions from a transcript and the recording"
    )
    align.add_argument("media", help="the video or audio file")
    align.add_argument("transcript", help="plain UTF-8 text, or a .txt export")
    align.add_argument(
        "-o", "--output", metavar="OUT.vtt", help="default: beside MEDIA, NAME.en.vtt"
    )
    align.add_argument(
        "--language",
        default="en",
        type=_language_tag,
        help="the speech's language, a BCP 47 tag (default: en)",
    )
    align.add_argument(
        "--model", metavar="DIR", help="a pocketsphinx model folder (other languages)"
    )
    align.add_argument("--force", action="store_true", help="replace OUT if it exists")
    align.add_argument(
        "--add-to-module",
        action="store_true",
        help="list the new track in the module.toml that lists MEDIA",
    )


def _language_tag(text: str) -> str:
    if not _LANGUAGE_TAG.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a language tag like en or fr-CA"
        )
    return text
