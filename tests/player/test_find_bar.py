"""Find in transcript: counts, accents, next/previous, Enter seeks, Esc and focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from captions.model import Cue, Track
from player.transcript.panel import TranscriptPanel

TEXTS = (
    "Welcome to the module.",
    "Trust takes time.",
    "Déjà vu: we have met before.",
    "DEJA VU again, in capitals.",
    "Nothing to see here.",
    "Trust is built slowly; trust is kept.",
)


def find_track() -> Track:
    return Track(
        tuple(
            Cue(i * 3_000, i * 3_000 + 2_500, text, text)
            for i, text in enumerate(TEXTS)
        )
    )


@pytest.fixture
def window(qtbot) -> tuple[QWidget, TranscriptPanel, QLineEdit]:  # type: ignore[no-untyped-def]
    host = QWidget()
    qtbot.addWidget(host)
    other = QLineEdit(host)
    other.setObjectName("notes")
    panel = TranscriptPanel(host)
    layout = QVBoxLayout(host)
    layout.addWidget(other)
    layout.addWidget(panel)
    panel.set_track(find_track(), ())
    host.resize(500, 500)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    return host, panel, other


def type_query(qtbot, panel: TranscriptPanel, text: str) -> None:  # type: ignore[no-untyped-def]
    field = panel.find_bar.field
    field.clear()
    qtbot.keyClicks(field, text)


def test_open_find_focuses_the_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, _ = window
    panel.open_find()
    assert panel.find_bar.isVisible()
    qtbot.waitUntil(panel.find_bar.field.hasFocus)


def test_counts_matches_as_you_type(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, _ = window
    panel.open_find()
    type_query(qtbot, panel, "trust")
    assert panel.find_bar.count_label.text() == "1 of 3"
    assert [m.cue_index for m in panel.find_bar.matches] == [1, 5, 5]
    assert panel.model.match_spans(5) == [(0, 5), (23, 28)]
    type_query(qtbot, panel, "zebra")
    assert panel.find_bar.count_label.text() == "No matches"
    assert panel.model.match_spans(5) == []


def test_accent_and_case_insensitive(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, _ = window
    panel.open_find()
    type_query(qtbot, panel, "deja")
    assert [m.cue_index for m in panel.find_bar.matches] == [2, 3]
    assert panel.model.match_spans(2) == [(0, 4)]
    assert panel.find_bar.count_label.text() == "1 of 2"


def test_one_letter_waits_for_a_pause_then_searches(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, _ = window
    panel.open_find()
    type_query(qtbot, panel, "w")
    assert panel.find_bar.count_label.text() == ""
    qtbot.waitUntil(lambda: panel.find_bar.count_label.text() == "1 of 3")


def test_f3_and_shift_f3_move_between_matches(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, _ = window
    panel.open_find()
    type_query(qtbot, panel, "trust")
    field = panel.find_bar.field
    qtbot.keyClick(field, Qt.Key.Key_F3)
    assert panel.find_bar.count_label.text() == "2 of 3"
    assert panel.model.current_match(5) == (0, 5)
    qtbot.keyClick(field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.find_bar.count_label.text() == "3 of 3"
    panel.find_next()
    assert panel.find_bar.count_label.text() == "1 of 3"
    panel.find_previous()
    assert panel.find_bar.count_label.text() == "3 of 3"


def test_enter_seeks_to_the_match_then_to_the_next(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, _ = window
    panel.open_find()
    type_query(qtbot, panel, "trust")
    field = panel.find_bar.field
    with qtbot.waitSignal(panel.seek_requested) as first:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert first.args == [3_000]
    with qtbot.waitSignal(panel.seek_requested) as second:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert second.args == [15_000]
    assert panel.find_bar.count_label.text() == "2 of 3"


def test_search_starts_from_the_cue_now_playing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, _ = window
    panel.set_position(13_000)
    panel.open_find()
    type_query(qtbot, panel, "trust")
    assert panel.find_bar.count_label.text() == "2 of 3"


def test_escape_closes_clears_highlights_and_returns_focus(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, other = window
    panel.open_find()
    type_query(qtbot, panel, "trust")
    qtbot.keyClick(panel.find_bar.field, Qt.Key.Key_Escape)
    assert not panel.find_bar.isVisible()
    assert panel.model.match_spans(1) == []
    qtbot.waitUntil(other.hasFocus)
    assert QApplication.focusWidget() is other


def test_new_track_searches_again(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _, panel, _ = window
    panel.open_find()
    type_query(qtbot, panel, "trust")
    panel.set_track(Track((Cue(0, 1_000, "No such word", "No such word"),)), ())
    assert panel.find_bar.count_label.text() == "No matches"
