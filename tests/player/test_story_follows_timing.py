"""After a timing fix (every cue moved, words unchanged, no new seal) the story's
bounds follow its cues in the app: the transcript's story block, the lower third,
"play the story" and the chapter that jumps to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sample_copies import CREDIT, STORY_END_MS, STORY_START_MS, copy_sample, shift

from media.manifest import load_module
from media.storytelling import check_module
from player.playback.fake import FakePlayback
from player.transcript.transcript_feature import TranscriptFeature
from player.video.navigation_feature import ModuleNavigation

SHIFT_MS = 1_200
MOVED_START, MOVED_END = STORY_START_MS + SHIFT_MS, STORY_END_MS + SHIFT_MS
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def fixed(tmp_path: Path) -> Path:
    """The sample with both caption tracks 1.2 s later; chapters left as they were."""
    folder = copy_sample(tmp_path)
    for name in ("building-trust.en.vtt", "building-trust.fr.vtt"):
        shift(folder / name, SHIFT_MS)
    errors = [p for p in check_module(load_module(folder)) if p.severity == "error"]
    assert errors == [], "a timing fix passes the check without a new seal"
    return folder


@pytest.fixture
def shown(make_rig, qtbot, fixed: Path):  # type: ignore[no-untyped-def]
    rig = make_rig(FakePlayback(duration_ms=200_000))
    rig.video()
    rig.transcript = rig.place(rig.add(TranscriptFeature(rig.ctx)).panel, 1)
    rig.navigation = rig.add(ModuleNavigation(rig.ctx))
    rig.place(rig.navigation.chapters)
    rig.open(fixed)
    qtbot.waitUntil(rig.ctx.stories.is_checked)
    return rig


def test_the_transcript_story_block_holds_the_moved_story(shown) -> None:  # type: ignore[no-untyped-def]
    model = shown.transcript.model
    rows = [r for r in range(model.rowCount()) if model.segment(r) is not None]
    first = model.cue(rows[0])
    assert model.segment_header(rows[0]) is not None
    assert (first.start_ms, model.segment(rows[0]).start_ms) == (MOVED_START,) * 2
    assert len(rows) == 18, "the whole story in one block, nothing after it"
    assert model.cue(rows[-1]).end_ms == MOVED_END


def test_the_lower_third_starts_and_ends_with_the_moved_cues(shown) -> None:  # type: ignore[no-untyped-def]
    view = shown.video().view
    shown.playback.advance_to(STORY_START_MS + 600)  # the old edge: not yet the story
    assert view.attribution_text() is None
    shown.playback.advance_to(MOVED_START)
    assert view.attribution_text() == CREDIT
    shown.playback.advance_to(STORY_END_MS + 600)  # past the old end: still in it
    assert view.attribution_text() == CREDIT
    shown.playback.advance_to(MOVED_END)
    assert view.attribution_text() is None


def test_play_the_story_starts_at_its_first_moved_cue(shown) -> None:  # type: ignore[no-untyped-def]
    shown.playback.advance_to(30_000)
    shown.keymap["play_story"].trigger()
    assert shown.playback.position() == MOVED_START
    assert shown.playback.is_playing()


def test_the_story_chapter_jumps_to_the_moved_start(shown, qtbot) -> None:  # type: ignore[no-untyped-def]
    chapters = shown.navigation.chapters
    titles = [chapters.list.item(i).text() for i in range(chapters.count())]
    story_row = next(i for i, t in enumerate(titles) if "Telling their own" in t)
    item = chapters.list.item(story_row)
    assert item.data(Qt.ItemDataRole.UserRole) == MOVED_START
    chapters.list.itemActivated.emit(item)
    assert shown.playback.position() == MOVED_START
    shown.playback.seek(120_000)
    qtbot.keyClick(shown.host, Qt.Key.Key_Right, CTRL_SHIFT)
    assert shown.playback.position() == MOVED_START
    assert chapters.current_index() == story_row
