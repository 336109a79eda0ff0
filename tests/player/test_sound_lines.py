"""A sound has no speaker: "[chime]" inside the narrator's paragraph is not hers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from captions.loader import load_track
from captions.model import Cue, Track
from media.samples import sample_module_path
from player.accessibility.screen_reader import spoken_cue
from player.transcript.model import SPEAKER_ROLE, TranscriptModel


def sample_model() -> tuple[TranscriptModel, int]:
    """The sample's English transcript and the row of a chime said mid-paragraph."""
    track = load_track(sample_module_path() / "building-trust.en.vtt")
    model = TranscriptModel()
    model.set_track(track)
    row = next(
        i
        for i, c in enumerate(track.cues)
        if c.plain == "[chime]" and c.start_ms > 10_000
    )
    assert model.speaker(row - 1) == "Narrator", "the chime follows the narrator"
    return model, row


def test_a_sound_row_says_sound_and_no_speaker() -> None:
    model, row = sample_model()
    spoken = model.data(model.index(row), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "15 seconds, Sound: [chime]"
    assert "Narrator" not in spoken
    assert model.data(model.index(row), SPEAKER_ROLE) == ""
    after = model.data(model.index(row + 1), Qt.ItemDataRole.AccessibleTextRole)
    assert "Narrator: Start by explaining" in after, "her next line is still hers"


def test_a_sound_with_a_voice_of_its_own_is_not_credited_either() -> None:
    track = Track(
        (
            Cue(0, 1_000, "<v Bob>Hello.", "Hello.", voice="Bob"),
            Cue(1_000, 2_000, "<v Bob>[laughs]", "[laughs]", voice="Bob"),
        )
    )
    model = TranscriptModel()
    model.set_track(track)
    spoken = model.data(model.index(1), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "1 second, Sound: [laughs]"


def test_an_announced_sound_names_nobody() -> None:
    _model, row = sample_model()
    track = load_track(sample_module_path() / "building-trust.en.vtt")
    assert spoken_cue(track.cues[row]) == "[chime]"
