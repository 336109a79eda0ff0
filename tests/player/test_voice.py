"""The window's screen reader voice: one route per message, never two.

The notification route is what Orca 43 and later present (a Notification-role
object in the status bar becoming showing: its label is spoken and brailled); the
announcement route is Qt's announcement event. tests/a11y/test_orca.py checks the
first with Orca itself.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStatusBar

from player.core.setting_keys import SCREEN_READER_ROUTE
from player.core.settings import application_settings
from player.core.voice import (
    ANNOUNCEMENT,
    AUTO,
    NOTICES,
    NOTIFICATION,
    Notice,
    ScreenReaderVoice,
    resolve_route,
    sentence,
)
from player.playback.accessible import AT_SPI


@pytest.fixture
def events(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    """Accessibility events the program itself sends (Qt's own are not seen)."""
    sent: list[object] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(
        QAccessible, "updateAccessibility", staticmethod(lambda e: sent.append(e))
    )
    return sent


def test_auto_takes_notifications_where_screen_readers_use_at_spi() -> None:
    assert resolve_route(AUTO) == (NOTIFICATION if AT_SPI else ANNOUNCEMENT)
    assert resolve_route(ANNOUNCEMENT) == ANNOUNCEMENT
    assert resolve_route("garbage") == resolve_route(AUTO)


def test_a_message_is_a_notification_in_the_status_bar(rig, events) -> None:
    voice = rig.ctx.notify.voice
    voice.set_route(NOTIFICATION)
    voice.say("Speed 1.25 times")
    voice.flush()
    notice = voice.last_notice()
    assert isinstance(notice, Notice)
    assert isinstance(notice.parent(), QStatusBar), "spoken without a role name"
    assert notice.isVisible() and notice.label.text() == "Speed 1.25 times."
    interface = QAccessible.queryAccessibleInterface(notice)
    assert interface.role() == QAccessible.Role.Notification
    assert interface.text(QAccessible.Text.Name) == "", "only the label is said"
    assert not [e for e in events if hasattr(e, "message")], "and no announcement"
    assert notice.width() <= 1 and notice.height() <= 1, "nothing shows on screen"


def test_notices_take_turns_so_the_last_ones_keep_their_words(rig) -> None:
    voice = rig.ctx.notify.voice
    voice.set_route(NOTIFICATION)
    shown = []
    for n in range(NOTICES + 1):
        voice.say(f"Message {n}")
        voice.flush()
        shown.append(voice.last_notice())
    assert len(set(shown[:NOTICES])) == NOTICES and shown[NOTICES] is shown[0]
    assert [n.label.text() for n in shown[1:NOTICES]] == ["Message 1.", "Message 2."]


def test_on_the_announcement_route_no_notice_shows(rig, events) -> None:
    voice = rig.ctx.notify.voice
    voice.set_route(ANNOUNCEMENT)
    voice.say("Transcript text 120 percent")
    voice.flush()
    assert [e.message() for e in events if hasattr(e, "message")] == [
        "Transcript text 120 percent."
    ]
    assert voice.last_notice() is None


def test_messages_of_one_turn_go_out_as_one_the_video_s_words_last(rig) -> None:
    voice = rig.ctx.notify.voice
    voice.say_caption("Narrator: Hello", lambda: True)
    voice.say("Story: A story. Told by someone")
    voice.say("Story: A story. Told by someone")
    voice.flush()
    assert voice.said[-1] == "Story: A story. Told by someone. Narrator: Hello."


def test_the_status_area_and_notify_speak_through_the_voice(rig) -> None:
    rig.ctx.notify.say("Exported", spoken="Transcript exported")
    rig.status.set_messages("video", ["Video cannot play."])
    voice = rig.ctx.notify.voice
    voice.flush()
    assert voice.said[-1] == "Transcript exported. Video cannot play."


def test_a_slider_value_in_words_only_where_value_texts_are_not_read(rig) -> None:
    voice = rig.ctx.notify.voice
    voice.set_route(ANNOUNCEMENT)
    voice.say_value("5 seconds of 20 seconds")
    voice.flush()
    assert voice.said == []
    voice.set_route(NOTIFICATION)
    voice.say_value("5 seconds of 20 seconds")
    voice.flush()
    assert voice.said == ["5 seconds of 20 seconds."]


def test_the_route_is_a_setting_an_organisation_may_preset(make_rig) -> None:
    application_settings().setValue(SCREEN_READER_ROUTE.name, ANNOUNCEMENT)
    assert make_rig().ctx.notify.voice.route == ANNOUNCEMENT
    application_settings().setValue(SCREEN_READER_ROUTE.name, "loud")
    rig = make_rig()
    assert rig.ctx.notify.voice.route == resolve_route(AUTO)
    assert any("screenReader/route" in m for m in rig.ctx.notify.problems("settings"))


def test_sentences_are_one_line_and_end_like_sentences() -> None:
    assert sentence("  Two\nlines ") == "Two lines."
    assert sentence("Done!") == "Done!" and sentence("") == ""


def test_the_voice_hears_keys_from_the_first_turn_of_the_event_loop(qtbot) -> None:
    """Events sent while a window is built (thousands) skip its Python filter; a key
    of the learner's, which only the event loop brings, is still heard."""
    host = QStatusBar()
    qtbot.addWidget(host)
    voice = ScreenReaderVoice(lambda: host)
    QTest.keyClick(host, Qt.Key.Key_Down)  # sent straight away, as building does
    assert not voice.learner_is_typing()
    QApplication.processEvents()  # the loop's first turn
    QTest.keyClick(host, Qt.Key.Key_Down)
    assert voice.learner_is_typing()
