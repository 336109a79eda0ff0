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
    """Prints the first `limit` lines of a kind, then only counts the rest.

    `finish()` prints one summary line ("... and 1,999,900 more warnings"), so a
    file with millions of problems gives a readable report, not millions of lines.
    """

    def __init__(self, noun: str, stream: TextIO, limit: int = 100) -> None:
        self.noun = noun
        self.stream = stream
        self.limit = limit
        self.printed = 0
        self.hidden = 0

    def add(self, text: str) -> None:
        """Print `text` (made safe) while under the limit, else count it."""
        if self.printed < self.limit:
            print_line(text, self.stream)
            self.printed += 1
        else:
            self.hidden += 1

    def add_hidden(self, count: int) -> None:
        """Count lines that were summarised before they reached us."""
        self.hidden += count

    def finish(self) -> None:
        """The summary line of what was not printed, if anything was not."""
        if self.hidden:
            noun = self.noun if self.hidden == 1 else f"{self.noun}s"
            print(f"... and {self.hidden:,} more {noun}", file=self.stream)
