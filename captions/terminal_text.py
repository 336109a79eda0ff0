"""Text for a terminal: escape sequences in caption words are shown, never obeyed.

A cue, a title or a file name holding ESC ] 0 ; ... BEL would retitle the user's
terminal window, and OSC 52 would fill their clipboard; a bidi override would show
words in another order than they are. `for_terminal` turns every such character into
a visible escape (`\\x1b`, `\\u202e`); every human-readable line the command line prints
goes through it. JSON output needs none of this: the encoder escapes control codes.
"""

from __future__ import annotations

import re
import sys
from typing import TextIO

_BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_SEPARATORS = (0x2028, 0x2029)  # some terminals take these as line breaks


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _table(*, keep: str) -> dict[int, str]:
    codes = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    codes += [*_BIDI_CONTROLS, *_SEPARATORS]
    return {code: _escape(code) for code in codes if chr(code) not in keep}


_LINE_TABLE = _table(keep="\t")
_TEXT_TABLE = _table(keep="\t\n")
_CRLF = re.compile(r"\r\n")


def for_terminal(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with control, C1 and bidi-override characters shown as escapes.

    Tabs stay; newlines stay only with `keep_newlines` (a whole document, where a
    CRLF line end counts as a newline), else they are shown as `\\x0a`.
    """
    if keep_newlines:
        return _CRLF.sub("\n", text).translate(_TEXT_TABLE)
    return text.translate(_LINE_TABLE)


def print_line(text: str, stream: TextIO | None = None) -> None:
    """Print one human-readable line, made safe for a terminal."""
    print(for_terminal(text), file=sys.stdout if stream is None else stream)


_LOADER_SUMMARY = re.compile(r"\.\.\. and ([\d,]+) more warnings?")


def summarised_count(warning: str) -> int | None:
    """How many warnings a loader's "... and 123 more warnings" line stands for."""
    found = _LOADER_SUMMARY.fullmatch(warning.strip())
    return None if found is None else int(found.group(1).replace(",", ""))


class CappedLines:
    """Prints the first `limit` lines of a kind (all with `limit=None`), then only
    counts the rest, by rule when lines name one.

    `finish()` prints one summary line ("... and 58,552 more warnings: 40,000
    reading-rate, 18,552 line-too-long"), so a file with millions of problems gives a
    readable report, not millions of lines.
    """

    def __init__(self, noun: str, stream: TextIO, limit: int | None = 100) -> None:
        self.noun = noun
        self.stream = stream
        self.limit = limit
        self.printed = 0
        self.hidden = 0
        self.hidden_by_rule: dict[str, int] = {}

    @property
    def full(self) -> bool:
        """True once further lines are only counted (callers may skip wording them)."""
        return self.limit is not None and self.printed >= self.limit

    def add(self, text: str, rule: str = "") -> None:
        """Print `text` (made safe) while under the limit, else count it."""
        if not self.full:
            print_line(text, self.stream)
            self.printed += 1
        else:
            self.add_hidden(1, rule)

    def add_hidden(self, count: int, rule: str = "") -> None:
        """Count lines that were not printed (or summarised before they reached us)."""
        self.hidden += count
        if rule:
            self.hidden_by_rule[rule] = self.hidden_by_rule.get(rule, 0) + count

    def finish(self) -> None:
        """The summary line of what was not printed, if anything was not."""
        if not self.hidden:
            return
        noun = self.noun if self.hidden == 1 else f"{self.noun}s"
        line = f"... and {self.hidden:,} more {noun}"
        if self.hidden_by_rule:
            counts = sorted(self.hidden_by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
            untold = self.hidden - sum(self.hidden_by_rule.values())
            parts = [f"{count:,} {rule}" for rule, count in counts]
            if untold:
                parts.append(f"{untold:,} other")
            line += ": " + ", ".join(parts)
        print(line, file=self.stream)
