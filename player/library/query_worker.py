"""Library queries off the GUI thread: hits streamed in batches, a newer query wins.

Each query is a QRunnable on the dialog's own one-thread pool and opens its own
LibraryIndex there (a connection belongs to one thread). The dialog bumps its
`QueryTicket` before it starts a new query, so the one running sees it is stale at
its next check (between batches and inside SQLite statements) and stops, and queued
ones that are already stale return at once. Results reach the GUI thread through
the signals of one `QuerySignals` object that lives there (queued connections).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from captions.library import MAX_HITS, LibraryIndex
from captions.safe_files import UnreadableFileError


@dataclass
class QueryTicket:
    """The number of the query the dialog wants now (written by the GUI thread)."""

    number: int = 0


class QuerySignals(QObject):
    """What a query tells the dialog; emitted from the pool thread."""

    hits_found = Signal(int, object)  # query number, tuple of Hit
    query_done = Signal(int, int, bool)  # query number, matching cues, "at least"
    query_failed = Signal(int, str)  # query number, a plain reason


class LibraryQuery(QRunnable):
    """One query: its hits emitted batch by batch unless a newer one is wanted."""

    def __init__(
        self,
        number: int,
        text: str,
        index_path: Path,
        markers: tuple[str, str],
        ticket: QueryTicket,
        signals: QuerySignals,
    ) -> None:
        super().__init__()
        self._number = number
        self._text = text
        self._index_path = index_path
        self._markers = markers
        self._ticket = ticket
        self._signals = signals

    def stale(self) -> bool:
        return self._ticket.number != self._number

    def run(self) -> None:
        if self.stale():
            return
        matches, at_least = 0, False
        try:
            with LibraryIndex(self._index_path, markers=self._markers) as index:
                for batch in index.search_batches(
                    self._text, MAX_HITS, should_stop=self.stale
                ):
                    matches, at_least = batch.matches, batch.matches_at_least
                    if batch.hits:
                        self._signals.hits_found.emit(self._number, batch.hits)
        except (sqlite3.Error, OSError, UnreadableFileError) as error:
            self._signals.query_failed.emit(self._number, str(error))
            return
        if not self.stale():
            self._signals.query_done.emit(self._number, matches, at_least)


def results_text(shown: int, matches: int, at_least: bool) -> str:
    """ "3 results", "1,500 results; the first 1,000 shown", "More than 100,000 ..."."""
    if at_least:
        return f"More than {matches:,} results; the first {shown:,} shown"
    if matches > shown:
        return f"{matches:,} results; the first {shown:,} shown"
    return "1 result" if shown == 1 else f"{shown:,} results"
