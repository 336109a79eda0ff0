"""What a screen reader is told: captions, the story's attribution, descriptions.

The announcer and descriptions are built on a context with the video and the
transcript (tests/player/rig.py); one test checks the whole window's Tab order.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from rig import Reader, tracks_read

import player.accessibility.descriptions as descriptions_module
from media.samples import sample_module_path
from player.accessibility.descriptions import (
    KEY_PAUSE,
    KEY_SHOW,
    NO_SPEECH,
    NO_SPEECH_SAID,
    Speaker,
)
from player.accessibility.screen_reader import KEY_ANNOUNCE
from player.core.actions import READER_MENU
from player.core.settings import application_settings
from player.core.voice import NOTIFICATION
from player.playback.fake import FakePlayback


@pytest.fixture
def make_reader(make_rig):  # type: ignore[no-untyped-def]
    return lambda playback=None: Reader(make_rig(playback))


@pytest.fixture
def reader(make_reader, module_folder, qtbot):  # type: ignore[no-untyped-def]
    """Captions and the story said, with focus on a control of its own."""
    bench = make_reader()
    assert bench.open_path(module_folder)
    bench.elsewhere.setFocus()
    qtbot.waitUntil(bench.elsewhere.hasFocus)
    return bench


STORY = "Story: Telling their own stories. A storyteller, community consultant"
STORY_END = "End of the story: Telling their own stories."


def play(reader, *times: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Play to each time in turn; what the screen reader was told, message by message.

    Messages said in one turn of the event loop go out as one, so each step is sent
    before the next.
    """
    before = len(reader.voice.said)
    for ms in times:
        reader.playback.advance_to(ms)
        reader.voice.flush()
    return reader.voice.said[before:]


def test_the_story_start_and_end_are_said_once_with_title_and_teller(reader) -> None:
    assert play(reader, 6_000, 7_000) == []
    said = play(reader, 7_130, 7_170, 8_000, 9_700, 12_000)
    assert said == [STORY + " (test stand-in)."]
    assert play(reader, 12_329, 12_400) == [STORY_END + " A storyteller, community"
                                            " consultant (test stand-in)."]  # fmt: skip
    assert play(reader, 8_000) == [STORY + " (test stand-in)."]  # back in: said again
    assert play(reader, 2_000) == [], "seeking out of the story is not its end"


def test_the_story_is_said_whatever_has_focus(reader) -> None:
    reader.transcript.view.setFocus()
    assert play(reader, 7_500) == [STORY + " (test stand-in)."]


def test_on_the_notification_route_the_focused_video_says_the_story_itself(
    reader, qtbot
) -> None:
    """Orca reads the focused video's new description, which names the story."""
    assert reader.voice.route == NOTIFICATION
    reader.video_view.setFocus()
    qtbot.waitUntil(reader.video_view.hasFocus)
    assert play(reader, 7_500) == []
    assert reader.video_view.accessibleDescription().startswith(STORY)
    assert reader.story.said == [STORY + " (test stand-in)"]


def test_captions_are_not_announced_unless_asked(reader) -> None:
    assert not reader.keymap["announce_captions"].isChecked()
    assert play(reader, 1_100, 2_600, 4_300, 5_600) == []


def test_each_new_caption_is_said_once_and_its_speaker_when_the_speaker_changes(
    reader,
) -> None:
    reader.keymap["announce_captions"].trigger()
    assert application_settings().value(KEY_ANNOUNCE) in (True, "true")
    assert play(reader, 1_100, 1_500, 2_600, 4_300, 5_600, 6_500, 7_200) == [
        "Narrator: Welcome to the module.",
        "Trust takes time & patience.",
        "Listen first.",
        "[soft music].",  # overlaps "Listen first.", which is not said twice
        # The story's start comes first, then its first caption, in one message.
        STORY + " (test stand-in). Storyteller: This stands in for the recorded story.",
    ]
    assert play(reader, 9_700, 12_400) == [
        "People tell their own stories in their own way.",
        STORY_END + " A storyteller, community consultant (test stand-in)."
        " Narrator: Thank you for listening.",
    ]
    assert play(reader, 2_600) == ["Narrator: Trust takes time & patience."], (
        "after a seek back the speaker is named again"
    )


def test_captions_are_announced_from_the_transcript_when_captions_are_off(
    reader,
) -> None:
    reader.keymap["announce_captions"].trigger()
    reader.keymap["captions"].trigger()
    assert reader.video_view.displayed_cues() == []
    assert play(reader, 1_100) == ["Narrator: Welcome to the module."]


def test_announcements_follow_the_caption_delay(reader) -> None:
    reader.keymap["announce_captions"].trigger()
    reader.caption_clock.set_delay(500)  # captions half a second later
    assert play(reader, 1_100) == []
    assert play(reader, 1_600) == ["Narrator: Welcome to the module."]


def test_a_focused_transcript_that_follows_reads_the_lines_itself(
    reader, qtbot
) -> None:
    """Its focus moves to each new line (Qt's focus event), so no second copy."""
    reader.keymap["announce_captions"].trigger()
    view = reader.transcript.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert play(reader, 1_100, 2_600) == []
    assert view.currentIndex().row() == 1  # the line a screen reader now reads
    reader.transcript.stop_following()
    assert play(reader, 4_300) == ["Narrator: Listen first."]
    assert view.currentIndex().row() == 1, "the learner's place is left alone"
    assert [i.row() for i in view.selectionModel().selectedIndexes()] == [2]


def test_captions_wait_while_the_learner_uses_the_keyboard(reader, qtbot) -> None:
    voice = reader.voice
    voice.set_quiet_after_key(200)
    reader.keymap["announce_captions"].trigger()
    assert play(reader, 1_100) == ["Narrator: Welcome to the module."]
    QTest.keyClick(reader.transcript.view, Qt.Key.Key_Down)  # Orca stops speech
    assert voice.learner_is_typing()
    assert play(reader, 2_600, 4_300) == [], "never over the learner's reading"
    qtbot.waitUntil(lambda: not voice.learner_is_typing())
    voice.flush()
    # Only the caption still on screen, once, with its speaker (the learner missed
    # the one before); the one that went by is not said late.
    assert voice.said[-1] == "Narrator: Listen first."
    assert not any("Trust takes time" in m for m in voice.said)
    assert play(reader, 4_400) == []
    QTest.keyClick(reader.transcript.view, Qt.Key.Key_Down)
    play(reader, 7_200)  # the story starts: said at once, its caption waits
    assert voice.said[-1] == STORY + " (test stand-in)."
    reader.playback.advance_to(10_000)  # that caption ends before the keys stop
    qtbot.waitUntil(lambda: not voice.learner_is_typing())
    voice.flush()
    assert (
        voice.said[-1] == "Storyteller: People tell their own stories in their own way."
    )
    assert not any("stands in for" in m for m in voice.said)


def test_announce_captions_is_remembered(make_reader) -> None:
    first = make_reader()
    first.keymap["announce_captions"].trigger()
    first.close()
    assert make_reader().keymap["announce_captions"].isChecked()


@pytest.fixture
def sample_window(make_window):  # type: ignore[no-untyped-def]
    window = make_window(FakePlayback(duration_ms=200_000))
    assert window.open_path(sample_module_path())
    tracks_read(window.showing)
    window.video_view.setFocus()  # as the app starts
    return window


def test_descriptions_show_as_text_under_the_video_and_are_announced(
    sample_window,
) -> None:
    window = sample_window
    pane = window.features.accessibility.descriptions.pane
    assert not pane.isVisible()
    window.keymap["descriptions"].trigger()
    tracks_read(window.showing)
    window.ctx.notify.voice.flush()
    assert pane.isVisible() and application_settings().value(KEY_SHOW) in (True, "true")
    assert pane.text().startswith("Title slide: Building a Trusting Relationship.")
    window.playback.advance_to(20_000)
    assert pane.text().startswith("Slide: Start with who you are.")
    assert pane.accessibleName() == "Description"
    assert pane.accessibleDescription() == pane.text()
    voice = window.ctx.notify.voice
    voice.flush()
    said = [m for m in voice.said if m.startswith("Description:")]
    assert said[-1].startswith("Description: Slide: Start with who you are.")
    window.playback.advance_to(21_000)
    voice.flush()
    assert len([m for m in voice.said if m.startswith("Description:")]) == len(said)
    window.video_view.setFocus()
    window.focusNextChild()
    assert window.focusWidget() is pane  # right after the video in the Tab order


def test_without_a_speech_engine_the_menu_says_so_and_text_still_works(
    make_reader, monkeypatch, qtbot
) -> None:
    monkeypatch.setattr(descriptions_module, "engine_names", lambda: [])
    reader = make_reader(FakePlayback(duration_ms=200_000))
    assert reader.open_path(sample_module_path())
    speak = reader.keymap["speak_descriptions"]
    assert speak.isEnabled(), "not asked at start: speech is looked for on first use"
    menu = reader.keymap.menus[READER_MENU]
    menu.popup(QPoint(0, 0))  # the learner opens View > Screen reader and descriptions
    qtbot.waitUntil(menu.isVisible)
    assert speak.text() == NO_SPEECH and not speak.isEnabled()
    assert not reader.keymap["pause_for_descriptions"].isEnabled()
    menu.close()
    assert not reader.descriptions.speaker.available
    reader.keymap["descriptions"].trigger()
    reader.rig.read()
    assert reader.descriptions.pane.text().startswith("Title slide")


def test_asking_for_speech_without_an_engine_says_why_and_changes_nothing(
    make_reader, monkeypatch
) -> None:
    monkeypatch.setattr(descriptions_module, "engine_names", lambda: [])
    reader = make_reader(FakePlayback(duration_ms=200_000))
    pause = reader.keymap["pause_for_descriptions"]
    pause.trigger()  # as the menu item or a key would, before the menu was opened
    assert not pause.isChecked() and not pause.isEnabled()
    assert not reader.descriptions.pause_video
    assert not application_settings().value(KEY_PAUSE, False, type=bool)
    reader.voice.flush()
    assert reader.voice.said[-1] == NO_SPEECH_SAID + "."
    assert reader.keymap["speak_descriptions"].text() == NO_SPEECH


def test_an_engine_that_fails_on_first_use_turns_speech_off_in_the_menu(
    make_reader, monkeypatch
) -> None:
    monkeypatch.setattr(descriptions_module, "engine_names", lambda: ["no-such-engine"])
    reader = make_reader(FakePlayback(duration_ms=200_000))  # it cannot start
    assert reader.open_path(sample_module_path())
    assert reader.keymap["speak_descriptions"].isEnabled()  # not tried yet
    reader.keymap["descriptions"].trigger()
    reader.rig.read()
    assert reader.descriptions.pane.text().startswith("Title slide")
    assert not reader.descriptions.speaker.available
    speak = reader.keymap["speak_descriptions"]
    assert speak.text() == NO_SPEECH and not speak.isEnabled()


def test_start_up_creates_no_speech_engine(window) -> None:  # type: ignore[no-untyped-def]
    """Speech starts a service that opens a socket: only when descriptions are said."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    window.preferences.open()  # building its pages asks only whether one is listed
    assert window.findChildren(QTextToSpeech) == []


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


def test_ctrl_t_goes_to_the_line_now_playing(reader, qtbot) -> None:
    """The shortest way to the transcript: focus lands on the line playing now."""
    transcript = reader.transcript
    play(reader, 4_300)
    transcript.stop_following()
    transcript.view.setCurrentIndex(transcript.model.index(7, 0))
    reader.keymap["transcript"].trigger()  # hidden: Ctrl+T brings it back too
    reader.keymap["go_to_transcript"].trigger()
    qtbot.waitUntil(transcript.view.hasFocus)
    assert transcript.isVisible() and transcript.following
    assert transcript.view.currentIndex().row() == 2
    assert reader.keymap["go_to_transcript"].shortcut().toString() == "Ctrl+T"
