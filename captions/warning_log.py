"""The loader's warnings, bounded: the first hundred word for word, the rest counted.

A file with a million broken cues must not become a million strings in memory, nor
a million lines on a terminal; the count line says how many were left out.
"""

from __future__ import annotations

MAX_KEPT_WARNINGS = 100


class WarningLog:
    """Warnings in the order they arose; past `limit` only a count is kept."""

    __slots__ = ("_kept", "_left_out", "limit")

    def __init__(self, limit: int = MAX_KEPT_WARNINGS) -> None:
        self._kept: list[str] = []
        self._left_out = 0
        self.limit = limit

    @property
    def full(self) -> bool:
        """True once further warnings are only counted (callers may skip formatting)."""
        return len(self._kept) >= self.limit

    def add(self, message: str) -> None:
        if len(self._kept) < self.limit:
            self._kept.append(message)
        else:
            self._left_out += 1

    def skip(self) -> None:
        """Count a warning without formatting it (for when `full` is True)."""
        self._left_out += 1

    def __len__(self) -> int:
        return len(self._kept) + self._left_out

    def summary(self) -> tuple[str, ...]:
        """The kept warnings, then "... and N more warnings" when some were left out."""
        if not self._left_out:
            return tuple(self._kept)
        noun = "warning" if self._left_out == 1 else "warnings"
        return (*self._kept, f"... and {self._left_out} more {noun}")
