"""The transcript model: rows, roles, paragraphs, segment header, cheap current cue."""

from __future__ import annotations

from PySide6.QtCore import Qt

from captions.model import Cue, Track
from media.model import Segment
from player.transcript.model import (
    IS_CURRENT_ROLE,
    IS_PARAGRAPH_START_ROLE,
    IS_SOUND_ROLE,
    MATCH_SPANS_ROLE,
    RICH_TEXT_ROLE,
    SEGMENT_HEADER_ROLE,
    SPEAKER_HEADING_ROLE,
    SPEAKER_ROLE,
    TIME_MS_ROLE,
    TIME_TEXT_ROLE,
    TranscriptModel,
)

STORY = Segment(
    id="own-stories",
    kind="storytelling",
    title="Telling their own stories",
    start_ms=7_000,
    end_ms=12_000,
    speaker="Storyteller",
    attribution="A storyteller, community consultant (test stand-in)",
)


def cue(start: int, end: int, plain: str, voice: str = "", raw: str = "") -> Cue:
    text = raw or (f"<v {voice}>{plain}" if voice else plain)
    return Cue(start, end, text, plain, voice=voice)


def sample_track() -> Track:
    return Track(
        (
            cue(1_000, 2_500, "Welcome to the module.", "Narrator"),
            cue(2_500, 4_000, "Trust takes time & patience.", "Narrator",
                "<v Narrator>Trust takes <b>time</b> &amp; patience."),
            cue(4_000, 5_500, "[soft music]"),
            cue(7_000, 9_000, "This stands in for the recorded story.", "Storyteller"),
            cue(9_000, 11_500, "Déjà vu, people tell their own stories.", "Storyteller"),  # noqa: E501
            cue(12_000, 14_000, "Thank you for listening.", "Narrator"),
        )
    )  # fmt: skip


def loaded_model() -> TranscriptModel:
    model = TranscriptModel()
    model.set_track(sample_track(), [STORY])
    return model


def data(model: TranscriptModel, row: int, role: int) -> object:
    return model.data(model.index(row), role)


def test_model_passes_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = loaded_model()
    qtmodeltester.check(model, force_py=True)
    model.set_position(8_000)
    model.set_matches([(4, 0, 4)])
    qtmodeltester.check(model, force_py=True)


def test_one_row_per_cue_in_file_order_with_plain_display_text() -> None:
    model = loaded_model()
    assert model.rowCount() == 6
    assert data(model, 1, Qt.ItemDataRole.DisplayRole) == "Trust takes time & patience."
    assert data(model, 1, TIME_MS_ROLE) == 2_500
    assert data(model, 1, TIME_TEXT_ROLE) == "0:02"


def test_rich_text_keeps_bold_span_and_escapes_the_ampersand() -> None:
    rich = data(loaded_model(), 1, RICH_TEXT_ROLE)
    assert isinstance(rich, str)
    assert "<b>time</b>" in rich
    assert "&amp;" in rich


def test_speakers_head_their_paragraphs_once() -> None:
    model = loaded_model()
    assert data(model, 0, SPEAKER_HEADING_ROLE) == "Narrator"
    assert data(model, 1, SPEAKER_HEADING_ROLE) == ""
    assert data(model, 1, SPEAKER_ROLE) == "Narrator"
    assert data(model, 3, SPEAKER_HEADING_ROLE) == "Storyteller"
    assert data(model, 3, IS_PARAGRAPH_START_ROLE) is True
    assert data(model, 4, IS_PARAGRAPH_START_ROLE) is False


def test_segment_header_sits_on_the_first_cue_of_the_story_only() -> None:
    model = loaded_model()
    header = data(model, 3, SEGMENT_HEADER_ROLE)
    assert header == f"{STORY.title}\n{STORY.attribution}"
    assert data(model, 4, SEGMENT_HEADER_ROLE) == ""
    assert data(model, 2, SEGMENT_HEADER_ROLE) == ""
    assert model.seek_ms(3, header=True) == STORY.start_ms
    assert model.seek_ms(4, header=True) == 9_000


def test_sound_cues_are_marked() -> None:
    model = loaded_model()
    assert data(model, 2, IS_SOUND_ROLE) is True
    assert data(model, 0, IS_SOUND_ROLE) is False


def test_accessible_text_says_time_speaker_and_words() -> None:
    model = loaded_model()
    spoken = data(model, 5, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "12 seconds, Narrator: Thank you for listening."
    story = data(model, 3, Qt.ItemDataRole.AccessibleTextRole)
    assert isinstance(story, str)
    assert story.startswith(f"Story: {STORY.title}, {STORY.attribution}. 7 seconds")
    assert "Sound" in str(data(model, 2, Qt.ItemDataRole.AccessibleTextRole))


def test_set_position_marks_current_and_emits_only_changed_rows(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = loaded_model()
    changed: list[int] = []
    model.dataChanged.connect(lambda first, last, roles: changed.append(first.row()))
    assert model.set_position(3_000) == 1
    assert changed == [1]
    assert data(model, 1, IS_CURRENT_ROLE) is True
    changed.clear()
    assert model.set_position(3_500) == 1
    assert changed == []
    assert model.set_position(8_000) == 3
    assert sorted(changed) == [1, 3]
    assert "Now playing" in str(
        data(model, 3, Qt.ItemDataRole.AccessibleDescriptionRole)
    )


def test_between_cues_the_last_started_cue_stays_current() -> None:
    model = loaded_model()
    assert model.set_position(6_000) == 2
    assert model.set_position(0) == -1
    assert model.current_rows == ()


def test_matches_are_spans_per_row() -> None:
    model = loaded_model()
    model.set_matches([(1, 0, 5), (4, 0, 4), (4, 10, 16)])
    assert data(model, 4, MATCH_SPANS_ROLE) == [(0, 4), (10, 16)]
    assert data(model, 0, MATCH_SPANS_ROLE) == []
    model.set_matches([])
    assert data(model, 4, MATCH_SPANS_ROLE) == []


def test_no_track_is_an_empty_model() -> None:
    model = loaded_model()
    model.set_track(None)
    assert model.rowCount() == 0
    assert model.set_position(1_000) == -1


def test_segment_block_closes_on_its_last_cue() -> None:
    model = loaded_model()
    assert [row for row in range(6) if model.is_segment_end(row)] == [4]
    assert model.segment(4) is not None
    assert model.segment(5) is None
