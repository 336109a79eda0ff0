"""Queries against the library index: ranked hits with marked snippets, in batches.

Ranking costs: FTS5 computes bm25 for every matching row before it can sort, a
microsecond or two a row. So the matches are first counted (up to RANK_SCAN_LIMIT);
up to `rank_budget` of them are ranked exactly; above that, the hits are the best
(bm25) of an even sample of about `rank_budget` matching cues spread over the whole
library; a query matching more than RANK_SCAN_LIMIT cues (a one-letter prefix, "the")
is too common to rank and gives its first hits in library order. Snippets are made
here (captions.library_query.mark_matches, a few microseconds a hit), only for the
hits a batch delivers.

`search_batches` streams hits and stops when told to, so a GUI worker thread can run
it and drop a query the user has already typed past (see its docstring).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from captions.library_query import (
    QueryTerm,
    characters_expression,
    has_unspaced_script,
    mark_matches,
    parse_query,
    words_expression,
)

DEFAULT_RANK_BUDGET = 4000
MAX_HITS = 1000  # what a search delivers at most: "more than 1,000 hits"
RANK_SCAN_LIMIT = 100_000
BATCH_SIZE = 50
_LIMIT_CEILING = 1_000_000  # keeps any int a caller passes within SQLite's range
_HIT_COLUMNS = """c.id, c.start_ms, c.end_ms, c.speaker, c.text, c.attribution,
    t.module_id, t.module_title, t.video_id, t.video_title, t.label, t.language,
    t.kind, t.path"""
# Multiplying by a prime before the modulo spreads the sample over files evenly.
_SAMPLE_PRIME = 7919
_IDS_PER_STATEMENT = 500  # well under SQLite's limit on bound parameters
_PROGRESS_STEPS = 1000  # SQLite virtual machine steps between `should_stop` calls


@dataclass(frozen=True)
class Hit:
    """One matching cue with where it lives, a marked snippet and any attribution."""

    module_id: str
    module_title: str
    video_id: str
    video_title: str
    track_label: str
    language: str
    kind: str
    start_ms: int
    end_ms: int
    speaker: str
    text: str
    snippet: str
    attribution: str
    track_path: Path = Path()


@dataclass(frozen=True)
class SearchStyle:
    """How snippets look and how much ranking work a query may cost."""

    markers: tuple[str, str] = ("[", "]")
    ellipsis: str = "…"
    rank_budget: int | None = DEFAULT_RANK_BUDGET


@dataclass(frozen=True)
class HitBatch:
    """Some hits of a query, in order, and how many cues match in all.

    `matches` is exact unless `matches_at_least` (counting stopped there); `ranked`
    is False when the query was too common to rank (hits in library order).
    """

    hits: tuple[Hit, ...]
    matches: int
    matches_at_least: bool = False
    ranked: bool = True


def search(
    connection: sqlite3.Connection, query: str, limit: int, style: SearchStyle
) -> list[Hit]:
    """Cues matching `query` (words, prefix*, "phrases"), best first (bm25)."""
    return [
        hit
        for batch in search_batches(connection, query, limit, style, batch_size=limit)
        for hit in batch.hits
    ]


def search_batches(
    connection: sqlite3.Connection,
    query: str,
    limit: int = MAX_HITS,
    style: SearchStyle | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[HitBatch]:
    """The hits of `query`, best first, in batches of `batch_size`; stoppable.

    For a worker thread (the connection must be used by that thread alone):

        for batch in index.search_batches(text, should_stop=lambda: token.stale):
            hand batch.hits to the GUI thread (a queued signal)

    `should_stop()` is asked between batches and, through SQLite's progress
    handler, every thousand steps inside each statement; once it returns True the
    generator ends quietly (no exception, no further batch). A query with nothing to
    search for, or a `limit` of 0 or less, yields one empty batch. At most `limit`
    hits come (capped at one million); `matches` says how many cues match, so the
    caller can say "more than 1,000 hits" when `matches` exceeds what it shows.
    """
    style = style or SearchStyle()
    limit = min(limit, _LIMIT_CEILING)
    batch_size = max(1, batch_size)
    terms = parse_query(query)
    if not terms or limit <= 0:
        yield HitBatch((), 0)
        return
    stop = should_stop or _never
    try:
        with _stoppable(connection, stop):
            plan = _plan(connection, terms, limit, style.rank_budget)
        for start in range(0, max(1, len(plan.ids)), batch_size):
            if stop():
                return
            with _stoppable(connection, stop):
                hits = _hits_for_ids(
                    connection, plan.ids[start : start + batch_size], terms, style
                )
            yield HitBatch(tuple(hits), plan.matches, plan.at_least, plan.ranked)
    except sqlite3.OperationalError as error:
        if stop() and "interrupt" in str(error):
            return
        raise


def _never() -> bool:
    return False


@contextmanager
def _stoppable(
    connection: sqlite3.Connection, should_stop: Callable[[], bool]
) -> Iterator[None]:
    """Statements in this block end early (OperationalError) once should_stop()."""
    if should_stop is _never:
        yield
        return
    connection.set_progress_handler(lambda: int(should_stop()), _PROGRESS_STEPS)
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)


@dataclass(frozen=True)
class _Plan:
    ids: list[int]
    matches: int
    at_least: bool
    ranked: bool


def _plan(
    connection: sqlite3.Connection,
    terms: list[QueryTerm],
    limit: int,
    budget: int | None,
) -> _Plan:
    """Which cues to show, in order, and how many match."""
    if any(has_unspaced_script(term.text) for term in terms):
        table, expression = "cue_characters", characters_expression(terms)
    else:
        table, expression = "cue_words", words_expression(terms)
    (matches,) = connection.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)",
        (expression, RANK_SCAN_LIMIT),
    ).fetchone()
    at_least = matches >= RANK_SCAN_LIMIT
    match_sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
    if at_least and budget is not None:
        rows = connection.execute(f"{match_sql} LIMIT ?", (expression, limit))
        return _Plan([rowid for (rowid,) in rows], matches, True, False)
    stride = 1 if budget is None else -(-matches // max(budget, limit, 1))
    if stride <= 1:
        rows = connection.execute(
            f"{match_sql} ORDER BY rank LIMIT ?", (expression, limit)
        )
    else:
        rows = connection.execute(
            f"SELECT rowid FROM (SELECT rowid, bm25({table}) AS score FROM {table}"
            f" WHERE {table} MATCH ? AND (rowid * {_SAMPLE_PRIME}) % ? = 0"
            " ORDER BY score, rowid LIMIT ?)",
            (expression, stride, limit),
        )
    return _Plan([rowid for (rowid,) in rows], matches, at_least, True)


def _hits_for_ids(
    connection: sqlite3.Connection,
    ids: list[int],
    terms: list[QueryTerm],
    style: SearchStyle,
) -> list[Hit]:
    by_id: dict[object, Sequence[object]] = {}
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = ids[start : start + _IDS_PER_STATEMENT]
        rows = connection.execute(
            f"SELECT {_HIT_COLUMNS} FROM cues c JOIN tracks t ON t.id = c.track_id"
            f" WHERE c.id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
        by_id.update((row[0], row) for row in rows)
    return [
        _hit(row, mark_matches(str(row[4]), terms, style.markers, style.ellipsis))
        for row in (by_id[cue_id] for cue_id in ids if cue_id in by_id)
    ]


def _hit(row: Sequence[object], snippet: str) -> Hit:
    start_ms, end_ms, speaker, text, attribution = row[1:6]
    module_id, module_title, video_id, video_title, label, language, kind = row[6:13]
    return Hit(
        module_id=str(module_id),
        module_title=str(module_title),
        video_id=str(video_id),
        video_title=str(video_title),
        track_label=str(label),
        language=str(language),
        kind=str(kind),
        start_ms=int(str(start_ms)),
        end_ms=int(str(end_ms)),
        speaker=str(speaker),
        text=str(text),
        snippet=snippet,
        attribution=str(attribution),
        track_path=Path(str(row[13])),
    )
