"""The app keeps its promise when the seal fails: an altered story plays with a plain
notice where it plays, in its transcript header and in the window, saying whom to
ask; no seal value is ever shown; a screen reader hears the notice once."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from rig import Console
from sample_copies import CONTACT, CREDIT, STORY_START_MS, copy_sample, edit

import player.core.stories as stories_module
from captions.loader import load_track
from media.manifest import load_module
from player.accessibility.story_announcer import StoryAnnouncer
from player.core.voice import ScreenReaderVoice as Voice
from player.export.transcript_export import ExportDialog, ExportSource
from player.playback.fake import FakePlayback
from player.shell.module_check import ModuleCheck
from player.transcript.model import SEGMENT_HEADER_ROLE
from player.transcript.transcript_feature import TranscriptFeature

NOTICE = (
    "The words of the story “Telling their own stories (stand-in)” differ from the "
    f"version that was reviewed. Ask {CONTACT} before you show it or hand it out."
)
INSIDE_MS = 131_000  # the story plays from 2:07.648 to 2:59.789


@pytest.fixture
def heard(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """What the window's voice says to a screen reader (story announcer included)."""
    said: list[str] = []
    monkeypatch.setattr(Voice, "say", lambda _voice, text: said.append(text))
    return said


def opened(make_rig, qtbot, folder: Path):  # type: ignore[no-untyped-def]
    """The video, transcript and module check on a context, `folder` open and its
    stories checked."""
    rig = make_rig(FakePlayback(duration_ms=200_000))
    rig.video()
    StoryAnnouncer(rig.ctx)
    transcript = rig.add(TranscriptFeature(rig.ctx)).panel
    rig.place(transcript, 1)
    check = ModuleCheck(rig.ctx)
    rig.open(folder)
    qtbot.waitUntil(rig.ctx.stories.is_checked)
    return rig, transcript, check


@pytest.fixture
def altered(tmp_path: Path) -> Path:
    folder = copy_sample(tmp_path)
    edit(folder / "building-trust.en.vtt", "tells her story", "tells a story")
    return folder


def window_texts(rig, transcript) -> str:  # type: ignore[no-untyped-def]
    """Every text the window shows or gives a screen reader, that a test can reach."""
    model = transcript.model
    rows = range(model.rowCount())
    parts = [rig.status.text(), rig.video().view.accessibleDescription()]
    parts += [model.accessible_text(row) for row in rows]
    parts += [str(model.data(model.index(row), SEGMENT_HEADER_ROLE)) for row in rows]
    view = rig.video().view
    parts.append(view.attribution.text.toPlainText())
    return "\n".join(parts)


def test_the_window_says_the_story_differs_and_whom_to_ask(
    make_rig, qtbot, altered: Path
) -> None:  # type: ignore[no-untyped-def]
    rig, _transcript, _check = opened(make_rig, qtbot, altered)
    assert rig.status.messages("story") == [NOTICE]
    assert NOTICE in rig.status.text()


def test_the_notice_shows_on_the_video_while_the_altered_story_plays(
    make_rig, qtbot, altered: Path
) -> None:  # type: ignore[no-untyped-def]
    rig, _transcript, _check = opened(make_rig, qtbot, altered)
    view = rig.video().view
    rig.playback.advance_to(INSIDE_MS)
    assert view.attribution_text() == CREDIT, "still attributed"
    assert view.story_notice_text() == NOTICE
    shown = view.attribution.text.toPlainText()
    assert CREDIT in shown and NOTICE in shown
    caption = view.caption_boxes()[0]
    assert caption.bottom() <= view.attribution_rect().top(), "nothing covers it"
    rig.playback.advance_to(STORY_START_MS - 2_000)
    assert view.story_notice_text() is None and view.attribution_text() is None


def test_the_transcript_story_header_carries_the_notice(
    make_rig, qtbot, altered: Path
) -> None:  # type: ignore[no-untyped-def]
    _rig, transcript, _check = opened(make_rig, qtbot, altered)
    model = transcript.model
    row = next(r for r in range(model.rowCount()) if model.segment_header(r))
    block = model.segment_header(row)
    assert (block.attribution, block.notice) == (CREDIT, NOTICE)
    assert NOTICE in model.data(model.index(row), SEGMENT_HEADER_ROLE)
    assert NOTICE in model.accessible_text(row)
    transcript.view.follow_row(row, always=True)  # shown: off screen a row has no rect
    rect = transcript.view.visualRect(model.index(row))
    height = transcript.view.transcript_delegate.header_height(row, rect.width())
    assert rect.height() > height > 0, "the header is measured with its notice"


def test_a_screen_reader_hears_the_notice_once_when_the_story_starts(
    make_rig, qtbot, altered: Path, heard: list[str]
) -> None:  # type: ignore[no-untyped-def]
    rig, _transcript, _check = opened(make_rig, qtbot, altered)
    heard.clear()  # the window's message area said its problems on opening
    for ms in (STORY_START_MS - 1_000, INSIDE_MS, INSIDE_MS + 5_000, 150_000):
        rig.playback.advance_to(ms)
    rig.ctx.showing.select_captions(1)  # French: the story still plays, not anew
    rig.read()
    rig.playback.advance_to(160_000)
    stories = [text for text in heard if "Telling their own stories" in text]
    assert len(stories) == 1
    assert stories[0].startswith(
        f"Story: Telling their own stories (stand-in). {CREDIT}"
    )
    assert stories[0].endswith(f"{CREDIT}. {NOTICE}")


def test_a_notice_found_while_the_story_plays_is_said_then(
    make_rig, qtbot, altered: Path, heard: list[str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The check comes back after the story started: only the notice is said."""
    release = threading.Event()
    check = stories_module.check_video

    def slow_check(*args):  # type: ignore[no-untyped-def]
        release.wait(30)
        return check(*args)

    monkeypatch.setattr(stories_module, "check_video", slow_check)
    rig = make_rig(FakePlayback(duration_ms=200_000))
    view = rig.video().view
    StoryAnnouncer(rig.ctx)
    rig.open(altered)
    rig.playback.advance_to(INSIDE_MS)
    assert not rig.ctx.stories.is_checked()
    assert view.attribution_text() == CREDIT and view.story_notice_text() is None
    release.set()
    qtbot.waitUntil(rig.ctx.stories.is_checked)
    assert view.story_notice_text() == NOTICE
    rig.playback.advance_to(INSIDE_MS + 1_000)
    assert heard == [f"Story: Telling their own stories (stand-in). {CREDIT}", NOTICE]


def broken_seal(folder: Path) -> None:
    """The French track's seal in the manifest is no seal value any more."""
    edit(
        folder / "module.toml",
        '"building-trust.fr.vtt" = "sha256:b8db',
        '"building-trust.fr.vtt" = "sha256:zzzz',
    )


def test_the_export_dialog_shows_no_seal_value_either(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = copy_sample(tmp_path)
    broken_seal(folder)
    module = load_module(folder)
    video = module.video("building-trust")
    ref = next(t for t in video.tracks if t.file.name == "building-trust.fr.vtt")
    track = load_track(ref.file, kind=ref.kind, language=ref.language, label=ref.label)
    source = ExportSource(
        track, module.title, video.title, module.credit, video.segments, "fr", "x"
    )
    for _ in range(2):  # a dialog opened twice in one session
        dialog = ExportDialog(source, 0)
        qtbot.addWidget(dialog)
        dialog.show()
        notice = dialog.notice_text()
        assert notice.startswith("Not exported") and "is not a seal value" in notice
        assert "sha256" not in notice and "sha256" not in dialog.notice.accessibleName()
        dialog.reject()
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_no_seal_value_is_shown_anywhere(make_rig, qtbot, altered: Path) -> None:  # type: ignore[no-untyped-def]
    broken_seal(altered)
    rig, transcript, _check = opened(make_rig, qtbot, altered)
    qtbot.waitUntil(lambda: any("seal" in m for m in rig.status.messages("module")))
    rig.playback.advance_to(INSIDE_MS)
    shown = window_texts(rig, transcript)
    assert "sha256" not in shown
    assert "is not a seal value" in shown, "the problem itself is still said"


def test_an_intact_story_has_no_notice(make_rig, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rig, transcript, _check = opened(make_rig, qtbot, copy_sample(tmp_path))
    rig.playback.advance_to(INSIDE_MS)
    assert rig.ctx.stories.notices() == {}
    assert rig.video().view.story_notice_text() is None
    assert rig.video().view.attribution_text() == CREDIT
    assert not rig.status.messages("story")
    assert "reviewed" not in window_texts(rig, transcript)


def test_the_room_sees_the_altered_notice_and_the_console_says_it(
    make_rig, qtbot, altered: Path, heard: list[str]
) -> None:  # type: ignore[no-untyped-def]
    console = Console(make_rig(FakePlayback(duration_ms=200_000)))
    assert console.open_path(altered)
    qtbot.waitUntil(console.rig.ctx.stories.is_checked)
    console.keymap["present"].trigger()
    room = console.presenter.presentation
    assert room is not None
    qtbot.waitExposed(room)
    console.seek(INSIDE_MS)
    assert room.view.attribution_text() == CREDIT
    assert room.view.story_notice_text() == NOTICE
    assert sum(NOTICE in text for text in heard) == 1, "said once, by the console"
    console.presenter.stop()


def test_the_room_is_not_shown_a_never_sealed_notice(
    make_rig, qtbot, unsealed_module_folder: Path
) -> None:  # type: ignore[no-untyped-def]
    console = Console(make_rig())
    assert console.open_path(unsealed_module_folder)
    qtbot.waitUntil(console.rig.ctx.stories.is_checked)
    console.keymap["present"].trigger()
    room = console.presenter.presentation
    qtbot.waitExposed(room)
    console.seek(8_000)
    assert "not been sealed" in (console.video_view.story_notice_text() or "")
    assert room.view.attribution_text() and room.view.story_notice_text() is None
    console.presenter.stop()
