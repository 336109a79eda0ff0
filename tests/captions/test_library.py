"""The library index: incremental updates, safe queries, every script, attribution."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import platformdirs
import pytest
import shared_data

import captions
import captions.library
from captions.library import Hit, IndexSource, LibraryIndex, default_index_path

CORPUS = shared_data.CORPUS
JAPANESE = CORPUS / "elephants-dream" / "captions.ja.vtt"
CHINESE = CORPUS / "ableplayer" / "itaccess_subtitles_zh-cn.vtt"

STORY = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Elder Mary>We sat in the café, and it felt like déjà vu.

00:00:05.000 --> 00:00:08.000
<v Elder Mary>Trust grows when people feel they have a safe place.

00:00:09.000 --> 00:00:12.000
The place is safe when trafficking is named out loud.

00:00:13.000 --> 00:00:16.000
<v Facilitator>Workers who trafficked nothing still carry the story.
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def source(path: Path, **changes: object) -> IndexSource:
    fields: dict[str, object] = {
        "module_id": "trust",
        "module_title": "A Trusting Relationship",
        "video_id": path.stem,
        "video_title": f"Video {path.stem}",
        "track_path": path,
        "language": "en",
        "label": "English",
    }
    fields.update(changes)
    return IndexSource(**fields)  # type: ignore[arg-type]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return write(tmp_path / "story.vtt", STORY)


@pytest.fixture
def index(tmp_path: Path) -> Iterator[LibraryIndex]:
    with LibraryIndex(tmp_path / "cache" / "library.sqlite3") as library:
        yield library


def texts(hits: list[Hit]) -> list[str]:
    return [hit.text for hit in hits]


def test_default_index_path_is_in_the_user_cache_folder() -> None:
    path = default_index_path()
    assert path.name == "library.sqlite3"
    assert path.parent == platformdirs.user_cache_path("transcript-player")


def test_hits_carry_where_they_are_and_a_marked_snippet(
    index: LibraryIndex, story: Path
) -> None:
    index.update([source(story)])
    [hit] = index.search("grows")
    assert (hit.module_id, hit.module_title) == ("trust", "A Trusting Relationship")
    assert (hit.video_id, hit.video_title) == ("story", "Video story")
    assert (hit.track_label, hit.language, hit.kind) == ("English", "en", "captions")
    assert (hit.start_ms, hit.end_ms, hit.speaker) == (5000, 8000, "Elder Mary")
    assert hit.text == "Trust grows when people feel they have a safe place."
    assert "[grows]" in hit.snippet
    assert hit.track_path == story


def test_accents_and_case_do_not_matter(index: LibraryIndex, story: Path) -> None:
    index.update([source(story)])
    [hit] = index.search("DEJA cafe")
    assert "[déjà]" in hit.snippet and "[café]" in hit.snippet
    assert texts(index.search("déjà")) == texts(index.search("deja"))


def test_prefix_words_match_word_beginnings_only(
    index: LibraryIndex, story: Path
) -> None:
    index.update([source(story)])
    assert len(index.search("traffick*")) == 2
    assert index.search("traffick") == []
    assert len(index.search("trafficking")) == 1


def test_quoted_phrases_match_words_in_order(index: LibraryIndex, story: Path) -> None:
    index.update([source(story)])
    assert texts(index.search('"safe place"')) == [
        "Trust grows when people feel they have a safe place."
    ]
    assert len(index.search("safe place")) == 2
    assert len(index.search('"safe pla"*')) == 1


def test_results_are_ranked_best_first(index: LibraryIndex, tmp_path: Path) -> None:
    track = write(
        tmp_path / "rank.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
        "A story about a river, a mountain, a village and its people.\n\n"
        "00:00:03.000 --> 00:00:04.000\nRiver, river, river.\n",
    )
    index.update([source(track)])
    assert texts(index.search("river"))[0] == "River, river, river."


def test_markers_are_configurable(tmp_path: Path, story: Path) -> None:
    with LibraryIndex(tmp_path / "marked.sqlite3", markers=("<b>", "</b>")) as index:
        index.update([source(story)])
        [hit] = index.search("grows")
        assert "<b>grows</b>" in hit.snippet


def test_japanese_words_are_found_inside_unspaced_text(index: LibraryIndex) -> None:
    index.update([source(JAPANESE, language="ja")])
    safe = index.search("安全")
    assert any("すべて安全" in hit.text for hit in safe)
    assert all("安全" in hit.text for hit in safe)
    assert any("[安全]" in hit.snippet for hit in safe)
    [left] = [hit for hit in index.search("左") if hit.start_ms == 15042]
    assert left.text == "左に見えるのは…"
    assert "[左]" in left.snippet
    assert texts(index.search("首刈り")) == ["…首刈り機"]


def test_chinese_words_of_any_length_are_found(index: LibraryIndex) -> None:
    index.update([source(CHINESE, language="zh-CN")])
    education = index.search("高等教育")
    assert {hit.start_ms for hit in education} >= {190}
    assert len(education) == 2
    assert all("高等教育" in hit.text for hit in education)
    university = index.search("大学")
    assert len(university) >= 3
    assert all("大学" in hit.text for hit in university)
    assert index.search("大") != []
    assert index.search("学大学大") == []


def test_attribution_only_inside_a_segment(index: LibraryIndex, story: Path) -> None:
    told = "Told by Elder Mary, shared with permission"
    index.update([source(story, segments=((5000, 12000, told),))])
    by_start = {hit.start_ms: hit.attribution for hit in index.search("the")}
    assert by_start == {1000: "", 9000: told, 13000: ""}
    assert index.search("grows")[0].attribution == told


def test_unchanged_library_is_not_reindexed(index: LibraryIndex, story: Path) -> None:
    steps: list[tuple[int, int]] = []
    first = index.update(
        [source(story), source(JAPANESE)], progress=lambda *s: steps.append(s)
    )
    assert (first.indexed, first.skipped, first.removed) == (2, 0, 0)
    assert steps == [(1, 2), (2, 2)]
    again = index.update([source(story), source(JAPANESE)])
    assert (again.indexed, again.skipped, again.removed) == (0, 2, 0)
    assert len(index.search("grows")) == 1


def test_changed_file_is_reindexed(index: LibraryIndex, story: Path) -> None:
    index.update([source(story)])
    write(story, STORY.replace("grows", "blossoms"))
    report = index.update([source(story)])
    assert (report.indexed, report.skipped) == (1, 0)
    assert index.search("grows") == []
    assert len(index.search("blossoms")) == 1
    assert index.cue_count() == 4


def test_same_size_and_time_but_new_content_is_reindexed(
    index: LibraryIndex, story: Path
) -> None:
    index.update([source(story)])
    stat = story.stat()
    write(story, STORY.replace("We sat", "Yo sat"))
    os.utime(story, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert story.stat().st_size == stat.st_size
    assert index.update([source(story)]).indexed == 1
    assert len(index.search("yo")) == 1


def test_changed_metadata_is_reindexed(index: LibraryIndex, story: Path) -> None:
    index.update([source(story)])
    report = index.update([source(story, video_title="Renamed")])
    assert report.indexed == 1
    assert index.search("grows")[0].video_title == "Renamed"


def test_removed_source_is_dropped(index: LibraryIndex, story: Path) -> None:
    index.update([source(story), source(JAPANESE)])
    report = index.update([source(JAPANESE)])
    assert (report.indexed, report.skipped, report.removed) == (0, 1, 1)
    assert index.search("grows") == []
    assert index.track_count() == 1
    assert index.cue_count() == len(captions.load_track(JAPANESE))


def test_missing_or_unreadable_files_are_reported_not_raised(
    index: LibraryIndex, story: Path, tmp_path: Path
) -> None:
    index.update([source(story)])
    story.unlink()
    broken = tmp_path / "broken.vtt"
    broken.write_bytes(b"\x00\xff not a caption file at all \xfe" * 10)
    report = index.update([source(story), source(broken)])
    assert report.indexed == 0
    assert sorted(path for path, _ in report.failed) == sorted(
        [str(story), str(broken)]
    )
    assert index.search("grows") == []
    assert index.track_count() == 0


def test_two_connections_share_one_file(tmp_path: Path, story: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    with LibraryIndex(path) as writer, LibraryIndex(path) as reader:
        writer.update([source(story)])
        assert len(reader.search("grows")) == 1


def first_word_of_third_cue(track: captions.Track) -> str:
    cue = track.cues[min(2, len(track.cues) - 1)]
    for piece in cue.plain.split():
        word = piece
        while word and unicodedata.category(word[0])[0] in "PS":
            word = word[1:]
        while word and unicodedata.category(word[-1])[0] in "PS":
            word = word[:-1]
        if any(c.isalpha() for c in word):
            return word
    raise AssertionError(f"no word in {cue.plain!r}")


def test_every_corpus_track_is_indexed_and_searchable(tmp_path: Path) -> None:
    paths = sorted(CORPUS.rglob("*.vtt"))
    assert len(paths) >= 50
    with LibraryIndex(tmp_path / "corpus.sqlite3", workers=2) as index:
        report = index.update([source(path, video_id=str(path)) for path in paths])
        assert (report.indexed, report.failed) == (len(paths), ())
        for path in paths:
            word = first_word_of_third_cue(captions.load_track(path))
            hits = index.search(f'"{word}"', limit=100_000)
            assert path in {hit.track_path for hit in hits}, (path, word)
            assert any(
                re.search(re.escape(word), hit.text, re.IGNORECASE) for hit in hits
            )


def test_a_common_word_is_ranked_within_the_budget(tmp_path: Path) -> None:
    lines = [f"Cue {n} tells of the river and its people." for n in range(40)]
    lines[17] = "River."
    cues = "".join(
        f"00:00:{n:02d}.000 --> 00:00:{n:02d}.500\n{line}\n\n"
        for n, line in enumerate(lines)
    )
    track = write(tmp_path / "many.vtt", "WEBVTT\n\n" + cues)
    with (
        LibraryIndex(tmp_path / "exact.sqlite3", rank_budget=None) as exact,
        LibraryIndex(tmp_path / "sampled.sqlite3", rank_budget=8) as sampled,
    ):
        exact.update([source(track)])
        sampled.update([source(track)])
        best = exact.search("river", limit=5)
        assert best[0].text == "River." and len(best) == 5
        for query in ("river", '"the river"', "people*"):
            some = sampled.search(query, limit=8)  # 40 matches: one in five ranked
            assert len(some) == 8
            assert all(
                re.search(r"\[(river|the river|people)\]", hit.snippet.lower())
                for hit in some
            )
            starts = [hit.start_ms for hit in some]
            assert min(starts) < 10_000 and max(starts) > 30_000  # spread out
        assert len(sampled.search("river", limit=40)) == 40  # a limit above budget


def test_snippets_mark_whole_words_or_prefixes(
    tmp_path: Path,
) -> None:
    track = write(
        tmp_path / "mark.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
        "Rivers and a river, 大学 riverside.\n",
    )
    with LibraryIndex(tmp_path / "mark.sqlite3") as index:
        index.update([source(track)])
        [hit] = index.search("river")
        assert hit.snippet == "Rivers and a [river], 大学 riverside."
        [hit] = index.search("river*")
        assert hit.snippet == "[Rivers] and a [river], 大学 [riverside]."
        [hit] = index.search("大学 RIVER")
        assert hit.snippet == "Rivers and a [river], [大学] riverside."


def test_worker_processes_index_exactly_what_one_process_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[int] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, workers: int, **options: Any) -> None:
            pools.append(workers)
            super().__init__(workers, **options)

    monkeypatch.setattr(captions.library, "ProcessPoolExecutor", CountedPool)
    paths = sorted(CORPUS.rglob("*.vtt"))[:8]
    wanted = [source(path, video_id=str(path)) for path in paths]
    steps: list[tuple[int, int]] = []
    with (
        LibraryIndex(tmp_path / "one.sqlite3", workers=0) as alone,
        LibraryIndex(tmp_path / "many.sqlite3", workers=2) as pooled,
    ):
        assert alone.update(wanted).indexed == len(paths)
        assert pooled.update(wanted, lambda *step: steps.append(step)).indexed == 8
        assert steps == [(n, 8) for n in range(1, 9)]
        assert pools == [2]
        assert pooled.cue_count() == alone.cue_count() > 0
        for query in ("the", "able*", '"Able Player"', "música"):
            assert pooled.search(query) == alone.search(query)
