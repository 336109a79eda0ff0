"""Every surface shows the same credit line, `Segment.attribution_line`: for the
sample's stand-in, "Stand-in for the story of Rose Henry, …", never "told by"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from rig import Console
from sample_copies import CREDIT, copy_sample

from captions.library import LibraryIndex
from media.discover import index_sources_for
from media.manifest import load_module
from player.accessibility.story_announcer import StoryAnnouncer
from player.cli.entry import main as command_line
from player.core.voice import ScreenReaderVoice as Voice
from player.library.results_model import HTML_ROLE, LibraryResultsModel
from player.playback.fake import FakePlayback
from player.transcript.model import SEGMENT_HEADER_ROLE
from player.transcript.transcript_feature import TranscriptFeature

INSIDE_MS = 131_000


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return copy_sample(tmp_path)


def test_the_credit_is_the_segments_attribution_line(sample: Path) -> None:
    (segment,) = load_module(sample).video("building-trust").segments
    assert segment.stand_in
    assert segment.attribution_line == CREDIT


@pytest.fixture
def console(make_rig, qtbot, sample: Path):  # type: ignore[no-untyped-def]
    bench = Console(make_rig(FakePlayback(duration_ms=200_000)))
    bench.transcript = bench.rig.place(
        bench.rig.add(TranscriptFeature(bench.rig.ctx)).panel, 1
    )
    assert bench.open_path(sample)
    qtbot.waitUntil(bench.rig.ctx.stories.is_checked)
    return bench


def test_the_lower_third_and_the_announcement(console, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    heard: list[str] = []
    monkeypatch.setattr(Voice, "say", lambda _voice, text: heard.append(text))
    StoryAnnouncer(console.rig.ctx)
    console.seek(INSIDE_MS)
    assert console.video_view.attribution_text() == CREDIT
    assert CREDIT in console.video_view.attribution.text.toPlainText()
    assert heard == [f"Story: Telling their own stories (stand-in). {CREDIT}"]
    assert console.video_view.accessibleDescription().endswith(CREDIT)


def test_the_presentation_window(console, qtbot) -> None:  # type: ignore[no-untyped-def]
    console.video_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is console.video_view)
    console.keymap["present"].trigger()
    room = console.presenter.presentation
    assert room is not None
    qtbot.waitExposed(room)
    console.seek(INSIDE_MS)
    assert room.view.attribution_text() == CREDIT
    assert CREDIT in room.view.attribution.text.toPlainText()
    console.presenter.stop()


def test_the_transcript_header(console) -> None:  # type: ignore[no-untyped-def]
    model = console.transcript.model
    row = next(r for r in range(model.rowCount()) if model.segment_header(r))
    assert model.segment_header(row).attribution == CREDIT
    assert CREDIT in model.data(model.index(row), SEGMENT_HEADER_ROLE)
    assert CREDIT in model.accessible_text(row)
    assert CREDIT in model.accessible_description(row + 1)


def test_the_chapter_list(console) -> None:  # type: ignore[no-untyped-def]
    chapters = console.navigation.chapters.list
    items = [chapters.item(i) for i in range(chapters.count())]
    story = next(i for i in items if "Telling their own stories" in i.text())
    assert story.toolTip() == CREDIT
    assert story.data(Qt.ItemDataRole.AccessibleTextRole).endswith(CREDIT)


def test_search_hits(sample: Path, tmp_path: Path) -> None:
    with LibraryIndex(tmp_path / "index.sqlite", workers=0) as index:
        index.update(index_sources_for(load_module(sample)))
        hits = index.search('"stand-in narrator"')
    inside = [h for h in hits if h.video_id == "building-trust"]
    assert inside and all(h.attribution == CREDIT for h in inside)
    model = LibraryResultsModel()
    model.set_hits(inside)
    first = model.index(0)
    assert CREDIT in model.data(first, HTML_ROLE), "drawn under the hit"
    spoken = model.data(first, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith(f"Story: {CREDIT}"), "and said with it"


@pytest.mark.parametrize("fmt", ["txt", "html", "vtt", "srt"])
def test_exports(sample: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"story.{fmt}"
    status = command_line(
        ["export", str(sample), "--video", "building-trust", "--format", fmt,
         "-o", str(out)]
    )  # fmt: skip
    assert status == 0
    text = out.read_text(encoding="utf-8")
    assert CREDIT in text
    assert "told by" not in text.lower()
