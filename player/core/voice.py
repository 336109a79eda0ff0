"""How the program speaks to a screen reader without moving focus: one route each.

Two routes, never both for one message, so no screen reader hears a message twice:

* "notification" (AT-SPI: Orca 43 and later). Orca's default script speaks and
  brailles an object with the Notification role each time it becomes showing; one
  inside the status bar is spoken without its role name, and its label is what the
  braille display flashes. Orca 43 ignores Qt's announcement event.
* "announcement": Qt's QAccessibleAnnouncementEvent (Qt 6.8+), which NVDA, JAWS and
  Narrator (UI Automation) and VoiceOver present.

"auto" (the default) takes the notification route where screen readers use AT-SPI,
else the announcement; `screenReader/route` overrides it. Messages said in the same
turn of the event loop go out as one (a screen reader would cut the first short).
The video's own words (captions, descriptions) wait while the learner is using the
keyboard, so they never talk over the learner's own reading; when the keys stop,
only the caption still on screen is said, and one already said is never said again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QKeyEvent
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QLabel, QWidget

from player.playback.accessible import AT_SPI, provide_interface

try:
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - Qt before 6.8
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

AUTO, ANNOUNCEMENT, NOTIFICATION = "auto", "announcement", "notification"
ROUTES = (AUTO, ANNOUNCEMENT, NOTIFICATION)
QUIET_AFTER_KEY_MS = 2500
# A key a shortcut takes never arrives as KeyPress: its ShortcutOverride does.
KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride})
NOTICES = 3  # shown in turn, so a screen reader still reads one it was just told of
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_Insert,  # Orca's key
    }
)


def resolve_route(choice: str) -> str:
    """The route a setting means on this platform."""
    if choice in (ANNOUNCEMENT, NOTIFICATION):
        return choice
    return NOTIFICATION if AT_SPI else ANNOUNCEMENT


def sentence(text: str) -> str:
    """One line of text, ending in punctuation, so joined messages are heard apart."""
    line = " ".join(text.split())
    return f"{line}." if line and (line[-1].isalnum() or line[-1] in ")]\"'") else line


class Notice(QWidget):
    """A one-pixel Notification in the status bar: its label is what is said."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("screenReaderNotice")
        self.setGeometry(0, 0, 1, 1)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def present(self, text: str) -> None:
        """Hidden and shown again: Qt tells AT-SPI "showing", Orca speaks the label."""
        self.hide()
        self.label.setText(text)
        self.show()
        self.raise_()


class _NoticeInterface(QAccessibleWidget):
    def __init__(self, notice: Notice) -> None:
        super().__init__(notice, QAccessible.Role.Notification)


provide_interface(Notice, _NoticeInterface)


@dataclass(frozen=True)
class _Message:
    text: str
    still_showing: Callable[[], bool] | None = None  # set for the video's own words

    @property
    def is_caption(self) -> bool:
        return self.still_showing is not None


class ScreenReaderVoice(QObject):
    """Says messages to whatever screen reader runs; see the module's docstring.

    `host()` is the status bar (made on first use); `said` keeps the last messages
    as sent, for the audit and tests.
    """

    sent = Signal(str)  # each message as it went out

    def __init__(
        self,
        host: Callable[[], QWidget],
        route: str = AUTO,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._host = host
        self.route = resolve_route(route)
        self.said: list[str] = []
        self._pending: list[_Message] = []
        self._notices: list[Notice] = []
        self._turn = 0
        self._waiting: _Message | None = None
        self._flush = QTimer(self, singleShot=True, interval=0)
        self._flush.timeout.connect(self._send_pending)
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_AFTER_KEY_MS)
        self._quiet.timeout.connect(self._after_keys)
        app = QApplication.instance()
        if app is not None:
            # Keys come only through the event loop: listening from its first turn
            # misses none, and the thousands of events of building a window skip it.
            QTimer.singleShot(0, self, lambda: app.installEventFilter(self))

    # -- what features call --------------------------------------------------------

    def say(self, text: str) -> None:
        """Tell the learner `text` now (results of their own actions, the story)."""
        self._queue(_Message(sentence(text)))

    def say_caption(self, text: str, still_showing: Callable[[], bool]) -> None:
        """The video's own words: held while the learner uses the keyboard.

        `still_showing()` says whether it is still on screen when the keys stop.
        """
        message = _Message(sentence(text), still_showing)
        if self._quiet.isActive():
            self._waiting = message
        else:
            self._queue(message)

    def say_value(self, text: str) -> None:
        """A slider's value in words, where screen readers cannot read value texts."""
        if self.route == NOTIFICATION:
            self._queue(_Message(sentence(text)))

    def set_quiet_after_key(self, ms: int) -> None:
        """How long the video's words wait after the learner's last key."""
        self._quiet.setInterval(max(0, ms))

    def learner_is_typing(self) -> bool:
        return self._quiet.isActive()

    # -- sending -------------------------------------------------------------------

    def set_route(self, choice: str) -> None:
        self.route = resolve_route(choice)

    def flush(self) -> None:
        """Send what waits for the end of this turn now (tests, closing)."""
        self._flush.stop()
        self._send_pending()

    def _queue(self, message: _Message) -> None:
        if message.text and all(m.text != message.text for m in self._pending):
            self._pending.append(message)
            self._flush.start()

    def _send_pending(self) -> None:
        pending, self._pending = self._pending, []
        first = [m.text for m in pending if not m.is_caption]
        then = [m.text for m in pending if m.is_caption]
        if first or then:
            self._send(" ".join(first + then))

    def _send(self, message: str) -> None:
        self.said = [*self.said[-19:], message]
        if self.route == NOTIFICATION:
            self._notify(message)
        elif QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
            source = self._host().window()
            QAccessible.updateAccessibility(
                QAccessibleAnnouncementEvent(source, message)
            )
        self.sent.emit(message)

    def _notify(self, message: str) -> None:
        host = self._host()
        if not host.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
            host.show()  # a status bar made just now shows only later otherwise
        if not self._notices:
            self._notices = [Notice(host) for _ in range(NOTICES)]
        notice = self._notices[self._turn % NOTICES]
        self._turn += 1
        notice.present(message)

    def last_notice(self) -> Notice | None:
        """The notice shown last (for tests and the audit)."""
        if not self._notices or not self._turn:
            return None
        return self._notices[(self._turn - 1) % NOTICES]

    # -- the learner's keys ------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in KEY_EVENTS
            and isinstance(event, QKeyEvent)
            and event.key() not in MODIFIER_KEYS
        ):
            self._quiet.start()
            captions = [m for m in self._pending if m.is_caption]
            if captions:
                self._pending = [m for m in self._pending if not m.is_caption]
                self._waiting = captions[-1]
        return False

    def _after_keys(self) -> None:
        waiting, self._waiting = self._waiting, None
        showing = waiting.still_showing if waiting is not None else None
        if waiting is not None and showing is not None and showing():
            self._queue(waiting)
