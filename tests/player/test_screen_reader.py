"""What a screen reader is told: captions, the story's attribution, descriptions.

The announcer and descriptions are built on a context with the video and the
transcript (tests/player/rig.py); one test checks the whole window's Tab order.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from rig import Reader

import player.accessibility.descriptions as descriptions_module
from media.samples import sample_module_path
from player.accessibility.descriptions import KEY_SHOW, NO_SPEECH, Speaker
from player.accessibility.screen_reader import KEY_ANNOUNCE
from player.core.settings import application_settings
from player.playback.fake import FakePlayback


@pytest.fixture
def make_reader(make_rig):  # type: ignore[no-untyped-def]
    return lambda playback=None: Reader(make_rig(playback))


@pytest.fixture
def reader(make_reader, module_folder):  # type: ignore[no-untyped-def]
    bench = make_reader()
    assert bench.open_path(module_folder)
    return bench


STORY = "Story: Telling their own stories. A storyteller, community consultant"


@pytest.fixture
def announced(monkeypatch) -> list[tuple[object, str]]:  # type: ignore[no-untyped-def]
    """Every accessibility announcement sent, as (source object, message)."""
    sent: list[tuple[object, str]] = []

    def capture(event) -> None:  # type: ignore[no-untyped-def]
        if hasattr(event, "message"):
            sent.append((event.object(), event.message()))

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(capture))
    return sent


def messages(sent: list[tuple[object, str]], source: object = None) -> list[str]:
    """The messages sent, from `source` if given (the module check speaks too)."""
    return [m for s, m in sent if source is None or s is source]


def test_the_storytelling_attribution_is_announced_once_when_the_story_starts(
    reader, announced
) -> None:
    playback = reader.playback
    for ms in (6_000, 7_000):
        playback.advance_to(ms)
    assert not any(m.startswith("Story:") for m in messages(announced))
    for ms in (7_130, 7_170, 8_000, 9_700, 12_000, 12_329):
        playback.advance_to(ms)
    stories = [(s, m) for s, m in announced if m.startswith("Story:")]
    assert len(stories) == 1
    source, message = stories[0]
    assert message.startswith(STORY) and source is reader.video_view
    playback.advance_to(12_400)
    playback.advance_to(8_000)  # back into the story: it starts again for the learner
    assert len([m for m in messages(announced) if m.startswith("Story:")]) == 2


def test_captions_are_not_announced_unless_asked(reader, announced) -> None:
    assert not reader.keymap["announce_captions"].isChecked()
    for ms in (1_100, 2_600, 4_300, 5_600):
        reader.playback.advance_to(ms)
    assert messages(announced, reader.video_view) == []


def test_each_new_caption_is_announced_once_with_its_speaker(reader, announced) -> None:
    reader.keymap["announce_captions"].trigger()
    assert application_settings().value(KEY_ANNOUNCE) in (True, "true")
    for ms in (1_100, 1_500, 2_600, 4_300, 5_600, 6_500, 7_200):
        reader.playback.advance_to(ms)
    assert messages(announced, reader.video_view) == [
        "Narrator: Welcome to the module.",
        "Narrator: Trust takes time & patience.",
        "Narrator: Listen first.",
        "[soft music]",  # overlaps "Listen first.", which is not said twice
        STORY + " (test stand-in)",
        "Storyteller: This stands in for the recorded story.",
    ]


def test_captions_are_announced_from_the_transcript_when_captions_are_off(
    reader, announced
) -> None:
    reader.keymap["announce_captions"].trigger()
    reader.keymap["captions"].trigger()
    assert reader.video_view.displayed_cues() == []
    reader.playback.advance_to(1_100)
    assert messages(announced, reader.video_view) == [
        "Narrator: Welcome to the module."
    ]


def test_announcements_follow_the_caption_delay(reader, announced) -> None:
    reader.keymap["announce_captions"].trigger()
    reader.caption_clock.set_delay(500)  # captions half a second later
    reader.playback.advance_to(1_100)
    assert messages(announced, reader.video_view) == []
    reader.playback.advance_to(1_600)
    assert messages(announced, reader.video_view) == [
        "Narrator: Welcome to the module."
    ]


def test_announce_captions_is_remembered(make_reader) -> None:
    first = make_reader()
    first.keymap["announce_captions"].trigger()
    first.close()
    assert make_reader().keymap["announce_captions"].isChecked()


@pytest.fixture
def sample_window(make_window):  # type: ignore[no-untyped-def]
    window = make_window(FakePlayback(duration_ms=200_000))
    assert window.open_path(sample_module_path())
    return window


def test_descriptions_show_as_text_under_the_video_and_are_announced(
    sample_window, announced
) -> None:
    window = sample_window
    pane = window.features.accessibility.descriptions.pane
    assert not pane.isVisible()
    window.keymap["descriptions"].trigger()
    assert pane.isVisible() and application_settings().value(KEY_SHOW) in (True, "true")
    assert pane.text().startswith("Title slide: Building a Trusting Relationship.")
    window.playback.advance_to(20_000)
    assert pane.text().startswith("Slide: Start with who you are.")
    assert pane.accessibleName() == "Description"
    assert pane.accessibleDescription() == pane.text()
    said = [m for s, m in announced if s is pane]
    assert said[-1].startswith("Description: Slide: Start with who you are.")
    window.playback.advance_to(21_000)
    assert len([m for s, m in announced if s is pane]) == len(said)
    window.video_view.setFocus()
    window.focusNextChild()
    assert window.focusWidget() is pane  # right after the video in the Tab order


def test_without_a_speech_engine_the_menu_says_so_and_text_still_works(
    make_reader, monkeypatch
) -> None:
    monkeypatch.setattr(descriptions_module, "engine_names", lambda: ["no-such-engine"])
    reader = make_reader(FakePlayback(duration_ms=200_000))  # it cannot start
    assert reader.open_path(sample_module_path())
    assert not reader.descriptions.speaker.available
    speak = reader.keymap["speak_descriptions"]
    assert speak.text() == NO_SPEECH and not speak.isEnabled()
    assert not reader.keymap["pause_for_descriptions"].isEnabled()
    reader.keymap["descriptions"].trigger()
    assert reader.descriptions.pane.text().startswith("Title slide")


def test_a_speech_engine_speaks_and_can_hold_the_video_until_it_ends(
    make_reader, qtbot, monkeypatch
) -> None:
    monkeypatch.setattr(descriptions_module, "TEST_ENGINES", frozenset())
    monkeypatch.setattr(descriptions_module, "engine_names", lambda: ["mock"])
    settings = application_settings()
    settings.setValue("descriptions/show", True)
    settings.setValue("descriptions/pauseVideo", True)
    reader = make_reader(FakePlayback(duration_ms=200_000))
    speaker = reader.descriptions.speaker
    assert speaker.available and speaker.engine_name == "mock"
    assert reader.keymap["speak_descriptions"].isEnabled()
    assert reader.keymap["pause_for_descriptions"].isChecked()
    reader.open_path(sample_module_path())
    reader.playback.play()
    with qtbot.waitSignal(speaker.finished, timeout=20_000):
        reader.playback.advance_to(16_000)
        assert not reader.playback.is_playing()  # held while the description is said
        assert speaker.speaking()
    qtbot.waitUntil(reader.playback.is_playing)


def test_the_test_engine_is_never_chosen_for_learners() -> None:
    assert Speaker().engine_name != "mock"
