"""Library queries: user input becomes safe FTS5; snippets mark what the index found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shared_data
from hypothesis import given, settings
from hypothesis import strategies as st

from captions.library import IndexSource, LibraryIndex
from captions.library_query import QueryTerm, mark_matches, parse_query

CORPUS = shared_data.CORPUS
TRACKS = (
    CORPUS / "elephants-dream" / "captions.ja.vtt",
    CORPUS / "ableplayer" / "itaccess_subtitles_zh-cn.vtt",
    CORPUS / "ableplayer" / "deadline_captions_hi.vtt",
    CORPUS / "ableplayer" / "wwa_captions_en.vtt",
)


def source(path: Path) -> IndexSource:
    return IndexSource("module", "Module", path.stem, "Video", path)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LibraryIndex]:
    folder = tmp_path_factory.mktemp("queries")
    with LibraryIndex(folder / "queries.sqlite3", rank_budget=5) as index:
        assert index.update([source(path) for path in TRACKS]).indexed == len(TRACKS)
        yield index


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '"unbalanced quote',
        'two "quotes" "',
        "NEAR(",
        "NEAR(trust safe, 2)",
        "*",
        "**",
        "-",
        "-trust",
        "OR",
        "trust OR",
        "AND NOT",
        "(",
        "trust)",
        "^trust",
        "text:trust",
        "{text}: trust",
        "trust + safe",
        "\x00",
        "\ud800 lone surrogate",
        "'; DROP TABLE cues; --",
        "安全*",
        "a" * 5000,
        " ".join(["trust"] * 200),
    ],
)
def test_hostile_queries_never_raise(corpus_index: LibraryIndex, query: str) -> None:
    cues = corpus_index.cue_count()
    assert isinstance(corpus_index.search(query), list)
    assert corpus_index.cue_count() == cues


def test_operator_words_are_searched_as_plain_words(
    tmp_path: Path,
) -> None:
    track = write(
        tmp_path / "or.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nStay or go, NEAR or far.\n",
    )
    with LibraryIndex(tmp_path / "or.sqlite3") as index:
        index.update([source(track)])
        assert len(index.search("or")) == 1
        assert len(index.search("NEAR(")) == 1
        assert index.search("-") == [] and index.search("*") == []


@pytest.mark.parametrize(
    ("query", "snippet"),
    [
        ("river", "Rivers and a [river], 大学 [RIVÉR]."),
        ("river*", "[Rivers] and a [river], 大学 [RIVÉR]."),
        ('"and a river"', "Rivers [and a river], 大学 RIVÉR."),
        ("学", "Rivers and a river, 大[学] RIVÉR."),
        ("nothing", "Rivers and a river, 大学 RIVÉR."),
    ],
)
def test_mark_matches_marks_like_the_index_matches(query: str, snippet: str) -> None:
    text = "Rivers and a river, 大学 RIVÉR."
    assert mark_matches(text, parse_query(query)) == snippet


def test_mark_matches_cuts_long_text_around_the_first_match() -> None:
    text = "word " * 100 + "needle " + "word " * 100
    snippet = mark_matches(text, parse_query("needle"), max_chars=60)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "[needle]" in snippet and len(snippet) <= 60 + 4


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("traffick*", [QueryTerm("traffick", prefix=True)]),
        ('"safe place" more', [QueryTerm("safe place"), QueryTerm("more")]),
        ('"open phrase', [QueryTerm("open phrase")]),
        ('"a phrase"*', [QueryTerm("a phrase", prefix=True)]),
        ("- * () ^ : OR", [QueryTerm("OR")]),
        ("ＡＢＣ", [QueryTerm("ABC")]),
    ],
)
def test_parse_query(query: str, terms: list[QueryTerm]) -> None:
    assert parse_query(query) == terms


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.sampled_from('abc "*-^:()+NEAROT安全左和 \t\x00é')
        | st.characters(codec="utf-8"),
        max_size=30,
    )
)
def test_no_query_raises(corpus_index: LibraryIndex, query: str) -> None:
    hits = corpus_index.search(query, limit=5)
    assert len(hits) <= 5
