"""Library queries for a worker thread: hits streamed in batches, stoppable, bounded."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

import captions.library_search
from captions.library import MAX_HITS, IndexSource, LibraryIndex

MATCHING = 1500


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LibraryIndex]:
    """1,500 cues with "river" (one with it three times), 100 without."""
    folder = tmp_path_factory.mktemp("stream")
    cues = []
    for n in range(MATCHING + 100):
        text = f"Cue {n} by the river." if n < MATCHING else f"Cue {n} on the hill."
        if n == 700:
            text = "River, river, river."
        at = f"{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}"
        cues.append(f"{at}.000 --> {at}.500\n{text}\n")
    track = folder / "long.vtt"
    track.write_text("WEBVTT\n\n" + "\n".join(cues), encoding="utf-8")
    with LibraryIndex(folder / "stream.sqlite3") as library:
        library.update([IndexSource("m", "Module", "v", "Video", track)])
        yield library


def test_hits_come_in_batches_in_the_same_order_as_one_search(index) -> None:
    batches = list(index.search_batches("river", 120, batch_size=50))
    assert [len(batch.hits) for batch in batches] == [50, 50, 20]
    assert all(batch.matches == MATCHING for batch in batches)
    streamed = [hit for batch in batches for hit in batch.hits]
    assert streamed == index.search("river", limit=120)
    assert all("[river]" in hit.snippet.lower() for hit in streamed)


def test_at_most_a_thousand_hits_and_the_count_says_there_are_more(index) -> None:
    batches = list(index.search_batches("river"))
    hits = [hit for batch in batches for hit in batch.hits]
    assert MAX_HITS == 1000 and len(hits) == 1000
    assert batches[-1].matches == MATCHING > len(hits)
    assert not batches[-1].matches_at_least


def test_stopping_between_batches_ends_the_stream_quietly(index) -> None:
    delivered: list[int] = []
    for batch in index.search_batches(
        "river", batch_size=50, should_stop=lambda: len(delivered) >= 2
    ):
        delivered.append(len(batch.hits))
    assert delivered == [50, 50]


def test_stopping_inside_a_statement_ends_the_stream_quietly(index) -> None:
    asked: list[int] = []

    def should_stop() -> bool:
        asked.append(1)
        return len(asked) >= 2  # the first call comes from inside the count

    assert list(index.search_batches("river", should_stop=should_stop)) == []
    assert index.search("river", limit=1)  # the connection still works afterwards


def test_a_query_too_common_to_rank_gives_hits_in_library_order(
    index, monkeypatch
) -> None:
    monkeypatch.setattr(captions.library_search, "RANK_SCAN_LIMIT", 1000)
    (batch,) = index.search_batches("river", 10, batch_size=10)
    assert (batch.matches, batch.matches_at_least, batch.ranked) == (1000, True, False)
    assert [hit.start_ms for hit in batch.hits] == [n * 1000 for n in range(10)]
    monkeypatch.undo()
    (ranked,) = index.search_batches("river", 1, batch_size=10)
    assert ranked.ranked and ranked.hits[0].text == "River, river, river."


@pytest.mark.parametrize("limit", [0, -1])
def test_nothing_to_search_for_is_one_empty_batch(index, limit) -> None:
    assert [b.hits for b in index.search_batches("river", limit)] == [()]
    assert [b.matches for b in index.search_batches("*  -")] == [0]


def test_a_huge_limit_is_bounded_not_an_overflow(index) -> None:
    assert len(index.search("river", limit=10**30)) == MATCHING


def test_a_worker_thread_streams_from_its_own_index(index, tmp_path) -> None:
    got: list[int] = []

    def work() -> None:
        with LibraryIndex(index.db_path) as own:
            got.extend(len(b.hits) for b in own.search_batches("hill", batch_size=40))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(30)
    assert got == [40, 40, 20]
