"""Queries against the library index: ranked hits with marked snippets.

FTS5 computes bm25 for every matching row before it can sort, which costs about a
microsecond or two per row; a word found in tens of thousands of cues would blow the
latency budget. Above `rank_budget` matches (or `limit`, if larger), the hits are
therefore the best (bm25) of an even sample of that many matching cues spread over
the whole library.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
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
_HIT_COLUMNS = """c.id, c.start_ms, c.end_ms, c.speaker, c.text, c.attribution,
    t.module_id, t.module_title, t.video_id, t.video_title, t.label, t.language,
    t.kind, t.path"""
# Multiplying by a prime before the modulo spreads the sample over files evenly.
_SAMPLE_PRIME = 7919


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


def search(
    connection: sqlite3.Connection, query: str, limit: int, style: SearchStyle
) -> list[Hit]:
    """Cues matching `query` (words, prefix*, "phrases"), best first (bm25)."""
    terms = parse_query(query)
    if not terms or limit <= 0:
        return []
    if any(has_unspaced_script(term.text) for term in terms):
        table, expression = "cue_characters", characters_expression(terms)
    else:
        table, expression = "cue_words", words_expression(terms)
    budget = style.rank_budget
    stride = _sample_stride(
        connection, table, expression, None if budget is None else max(budget, limit)
    )
    if stride == 1 and table == "cue_words":
        return _ranked_with_snippets(connection, expression, limit, style)
    ids = _ranked_ids(connection, table, expression, limit, stride)
    return _hits_for_ids(connection, ids, terms, style)


def _sample_stride(
    connection: sqlite3.Connection, table: str, expression: str, budget: int | None
) -> int:
    """1 to rank every match, else n to rank every n-th (about `budget` of them)."""
    if budget is None:
        return 1
    (count,) = connection.execute(
        f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (expression,)
    ).fetchone()
    return max(1, -(-int(count) // max(1, budget)))


def _ranked_with_snippets(
    connection: sqlite3.Connection, expression: str, limit: int, style: SearchStyle
) -> list[Hit]:
    """Exact bm25 order; FTS5 makes snippets only for the rows it returns."""
    rows = connection.execute(
        f"SELECT snippet(cue_words, 0, ?, ?, ?, 24), {_HIT_COLUMNS}"
        " FROM cue_words JOIN cues c ON c.id = cue_words.rowid"
        " JOIN tracks t ON t.id = c.track_id"
        " WHERE cue_words MATCH ? ORDER BY rank LIMIT ?",
        (*style.markers, style.ellipsis, expression, limit),
    ).fetchall()
    return [_hit(row[1:], row[0]) for row in rows]


def _ranked_ids(
    connection: sqlite3.Connection,
    table: str,
    expression: str,
    limit: int,
    stride: int,
) -> list[int]:
    """Ids of the best `limit` matches among every `stride`-th (all when 1)."""
    if stride == 1:
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT ?"
        return [rowid for (rowid,) in connection.execute(sql, (expression, limit))]
    sql = (
        f"SELECT rowid, bm25({table}) AS score FROM {table} WHERE {table} MATCH ?"
        f" AND (rowid * {_SAMPLE_PRIME}) % ? = 0 ORDER BY score, rowid LIMIT ?"
    )
    return [rowid for rowid, _ in connection.execute(sql, (expression, stride, limit))]


def _hits_for_ids(
    connection: sqlite3.Connection,
    ids: list[int],
    terms: list[QueryTerm],
    style: SearchStyle,
) -> list[Hit]:
    if not ids:
        return []
    rows = connection.execute(
        f"SELECT {_HIT_COLUMNS} FROM cues c JOIN tracks t ON t.id = c.track_id"
        f" WHERE c.id IN ({', '.join('?' * len(ids))})",
        ids,
    ).fetchall()
    by_id = {row[0]: row for row in rows}
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
