"""Command-line argument types and limits, shared by the entry point and the commands.

Each type turns a user's text into a bounded value or a plain message, so no number a
user types can reach SQLite or Qt out of range.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

MAX_HITS = 1000  # as captions.library_search.MAX_HITS (not imported: it pulls sqlite)
MAX_TIME_MS = 100 * 3600 * 1000  # --at, --from, --to: up to 100 hours
MAX_QUIT_AFTER_S = 86_400.0


class CommandLineError(Exception):
    """Options that cannot work together: one plain line, exit 2."""


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, or a plain message."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a whole number from {low:,} to {high:,}"
            )
        return value

    return parse


def seconds_up_to(high: float) -> Callable[[str], float]:
    """An argparse type: seconds from 0 to `high` (no inf, no nan)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not 0 <= value <= high:  # also false for nan
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a number of seconds from 0 to {high:,.0f}"
            )
        return value

    return parse


def time_argument(option: str, text: str) -> int:
    """Milliseconds from a time option, up to 100 hours; ValueError says why not."""
    from captions.timefmt import parse_time

    try:
        ms = parse_time(text)
    except ValueError:
        raise ValueError(
            f"{option}: {text!r} is not a time like 0:45 or 00:01:05.250"
        ) from None
    if ms > MAX_TIME_MS:
        raise ValueError(f"{option}: {text!r} is more than 100 hours")
    return ms
