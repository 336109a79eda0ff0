"""Search all modules: indexing in a thread, hits with counts, a hit opens its video."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from captions.library import IndexSource, LibraryIndex
from player.library.dialog import LibrarySearchDialog
from player.library.query_worker import (
    LibraryQuery,
    QuerySignals,
    QueryTicket,
    results_text,
)
from player.library.results_model import HTML_ROLE


@pytest.fixture
def dialog(qtbot, module_folder: Path, tmp_path: Path) -> Iterator[LibrarySearchDialog]:  # type: ignore[no-untyped-def]
    shown = LibrarySearchDialog(
        None, [str(module_folder)], index_path=tmp_path / "index.sqlite3"
    )
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: not shown.indexing, timeout=20_000)
    yield shown
    shown.shutdown()


def search(qtbot, dialog: LibrarySearchDialog, query: str) -> None:  # type: ignore[no-untyped-def]
    dialog.query_field.clear()
    qtbot.keyClicks(dialog.query_field, query)
    qtbot.waitUntil(lambda: not dialog._query_timer.isActive() and not dialog.searching)


def test_indexing_reports_what_it_covered(dialog) -> None:  # type: ignore[no-untyped-def]
    assert dialog.status_label.text() == "Ready: 4 tracks in 1 module."
    assert not dialog.progress_bar.isVisible()


def test_hit_shows_place_time_speaker_and_marked_match(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, dialog, "patience")
    assert dialog.results_model.rowCount() == 1
    assert dialog.status_label.text() == "1 result"
    assert dialog.results_view.accessibleDescription() == "1 result"
    shown = str(dialog.results_model.index(0).data(HTML_ROLE))
    assert "Test Module › First video · 0:02 · Narrator" in shown
    assert "<b><u>patience</u></b>" in shown
    spoken = dialog.results_model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Test Module, First video, 2 seconds, Narrator: ")


def test_hit_inside_the_story_carries_its_attribution(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, dialog, "own stories")
    assert dialog.results_model.rowCount() == 1
    shown = str(dialog.results_model.index(0).data(HTML_ROLE))
    assert "A storyteller, community consultant (test stand-in)" in shown


def test_enter_opens_the_right_video_at_the_cue_and_closes(
    dialog, qtbot, module_folder
) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, dialog, "patience")
    with qtbot.waitSignal(dialog.open_requested) as opened:
        qtbot.keyClick(dialog.query_field, Qt.Key.Key_Return)
    assert opened.args[:3] == [str(module_folder), "first", 2_530]
    assert Path(opened.args[3]) == (module_folder / "first.en.vtt").resolve()
    assert not dialog.isVisible()


def test_second_video_hit_opens_the_second_video(dialog, qtbot, module_folder) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, dialog, "second")
    assert dialog.results_model.rowCount() == 1
    view = dialog.results_view
    view.setFocus()
    with qtbot.waitSignal(dialog.open_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args[:3] == [str(module_folder), "second", 1_010]
    assert Path(opened.args[3]).name == "second.en.vtt"


def test_prefix_and_accent_insensitive_search_counts(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, dialog, "list*")
    assert dialog.results_model.rowCount() == 2
    assert dialog.status_label.text() == "2 results"
    search(qtbot, dialog, "zebra")
    assert dialog.results_model.rowCount() == 0
    assert dialog.status_label.text() == "0 results"


def test_every_control_is_named(dialog) -> None:  # type: ignore[no-untyped-def]
    for widget in (
        dialog.query_field,
        dialog.results_view,
        dialog.progress_bar,
        dialog.status_label,
        dialog.open_button,
    ):
        assert widget.accessibleName()
    assert "Ctrl+Shift+F" in dialog.query_field.toolTip()


def test_indexing_shows_progress_then_hides_it(qtbot, module_folder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = LibrarySearchDialog(
        None, [module_folder], index_path=tmp_path / "index.sqlite3"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.indexing
    assert dialog.progress_bar.isVisible()
    assert dialog.progress_bar.accessibleName() == "Indexing modules"
    qtbot.waitUntil(lambda: not dialog.indexing, timeout=20_000)
    assert not dialog.progress_bar.isVisible()
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum() == 4
    dialog.shutdown()


def test_a_module_that_cannot_be_read_is_reported(
    qtbot, module_folder, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    dialog = LibrarySearchDialog(
        None,
        [module_folder, tmp_path / "no-such-module"],
        index_path=tmp_path / "index.sqlite3",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.indexing, timeout=20_000)
    assert dialog.status_label.text() == (
        "Ready: 4 tracks in 1 module; 1 could not be read."
    )
    dialog.shutdown()


def test_added_module_is_indexed_and_searchable(dialog, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other"
    other.mkdir()
    (other / "module.toml").write_text(
        'schema = 1\nid = "other"\ntitle = "Other"\nlanguage = "en"\n\n'
        '[[videos]]\nid = "solo"\ntitle = "Solo"\nfile = "solo.mp4"\n\n'
        '  [[videos.tracks]]\n  kind = "captions"\n  language = "en"\n'
        '  label = "English"\n  file = "solo.en.vtt"\n',
        encoding="utf-8",
    )
    (other / "solo.mp4").write_bytes(b"")
    (other / "solo.en.vtt").write_text(
        "WEBVTT\n\n00:01:05.000 --> 00:01:07.000\nA zebra crossing.\n",
        encoding="utf-8",
    )
    dialog.set_module_paths([*dialog._module_paths, other])
    qtbot.waitUntil(lambda: not dialog.indexing, timeout=20_000)
    search(qtbot, dialog, "zebra")
    assert dialog.results_model.rowCount() == 1
    with qtbot.waitSignal(dialog.open_requested) as opened:
        dialog.open_button.click()
    assert opened.args[:3] == [str(other), "solo", 65_000]


def test_an_index_path_that_is_not_our_index_is_a_message_not_a_crash(
    qtbot, module_folder, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes.txt"
    notes.write_text("My own notes.\n", encoding="utf-8")
    dialog = LibrarySearchDialog(None, [module_folder], index_path=notes)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.indexing, timeout=20_000)
    status = dialog.status_label.text()
    assert status.startswith("The search index cannot be used: ")
    assert str(notes) in status and "left untouched" in status
    search(qtbot, dialog, "patience")
    assert dialog.status_label.text() == status
    assert dialog.results_model.rowCount() == 0
    assert notes.read_text(encoding="utf-8") == "My own notes.\n"
    dialog.shutdown()


def test_a_query_runs_off_the_gui_thread_and_its_hits_arrive_later(
    dialog, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog.query_field.setText("patience")
    dialog.run_query()
    assert dialog.searching and dialog.results_model.rowCount() == 0  # not yet
    qtbot.waitUntil(lambda: not dialog.searching, timeout=10_000)
    assert dialog.results_model.rowCount() == 1
    assert dialog.status_label.text() == "1 result"


def test_a_newer_query_replaces_the_one_running(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog.query_field.setText("list*")
    dialog.run_query()
    dialog.query_field.setText("second")
    dialog.run_query()
    qtbot.waitUntil(lambda: not dialog.searching, timeout=10_000)
    assert dialog.results_model.rowCount() == 1  # "list*" has two: none of them kept
    assert "second" in dialog.results_model.hit(0).text.lower()
    assert dialog.status_label.text() == "1 result"


def test_enter_before_the_hits_arrive_opens_the_first_one(
    dialog, qtbot, module_folder
) -> None:  # type: ignore[no-untyped-def]
    dialog.query_field.clear()
    qtbot.keyClicks(dialog.query_field, "patience")
    with qtbot.waitSignal(dialog.open_requested, timeout=10_000) as opened:
        qtbot.keyClick(dialog.query_field, Qt.Key.Key_Return)  # at once, no waiting
    assert opened.args[:3] == [str(module_folder), "first", 2_530]


def test_a_stale_query_stops_after_the_batch_it_was_delivering(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    track = tmp_path / "long.vtt"
    track.write_text(
        "WEBVTT\n\n"
        + "".join(
            f"00:{n // 60:02d}:{n % 60:02d}.000 --> 00:{n // 60:02d}:{n % 60:02d}.500"
            f"\nThe river, cue {n}.\n\n"
            for n in range(200)
        ),
        encoding="utf-8",
    )
    index_path = tmp_path / "index.sqlite3"
    with LibraryIndex(index_path) as index:
        index.update([IndexSource("m", "Module", "v", "Video", track)])
    ticket, signals = QueryTicket(number=1), QuerySignals()
    batches: list[int] = []
    done: list[int] = []

    def on_hits(number: int, hits: tuple[object, ...]) -> None:
        batches.append(len(hits))
        ticket.number = 2  # the user typed on: this query is stale now

    signals.hits_found.connect(on_hits)
    signals.query_done.connect(lambda number, *_: done.append(number))
    LibraryQuery(1, "river", index_path, ("[", "]"), ticket, signals).run()
    assert batches == [50] and done == []
    ticket.number = 3
    signals.hits_found.disconnect(on_hits)
    signals.hits_found.connect(lambda number, hits: batches.append(len(hits)))
    LibraryQuery(3, "river", index_path, ("[", "]"), ticket, signals).run()
    assert batches == [50, 50, 50, 50, 50] and done == [3]


def test_results_text_says_when_there_are_more_hits_than_shown() -> None:
    assert results_text(0, 0, False) == "0 results"
    assert results_text(1, 1, False) == "1 result"
    assert results_text(1000, 1500, False) == "1,500 results; the first 1,000 shown"
    assert results_text(1000, 100_000, True) == (
        "More than 100,000 results; the first 1,000 shown"
    )


def test_the_dialog_opened_twice_still_searches(qtbot, module_folder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = LibrarySearchDialog(
        None, [module_folder], index_path=tmp_path / "index.sqlite3"
    )
    qtbot.addWidget(dialog)
    for _ in range(2):
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.indexing, timeout=20_000)
        search(qtbot, dialog, "patience")
        assert dialog.results_model.rowCount() == 1
        dialog.hide()
    dialog.shutdown()
