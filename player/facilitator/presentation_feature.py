"""Presentation mode and discussion pauses: the main window becomes the console."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QInputDialog

from captions.model import Track
from captions.timefmt import format_clock
from media.model import Pause, Video
from player.core.context import PlayerContext
from player.core.contribution import DISCUSSION, Contribution, Panel
from player.core.setting_keys import (
    PRESENTATION_PERCENT,
    PRESENTATION_SCREEN,
    SIGN_ROOM_PLACE,
    SIGN_ROOM_PLACES,
)
from player.facilitator.discussion import AddPauseDialog, DiscussionPanel
from player.facilitator.pause_control import PauseController
from player.facilitator.presentation import (
    PresentationWindow,
    choose_screen,
    screen_label,
)
from player.video.sign_feature import SignLanguage
from player.video.video_view import VideoView

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QVideoFrame

CAPTION_PERCENT_KEY = PRESENTATION_PERCENT.name
SCREEN_KEY = PRESENTATION_SCREEN.name
# The actions that also work while the room's window has the keyboard.
SHARED_KEYS = ("play_pause", "present", "end_presentation")
SIGN_PLACE_LABELS = {
    "beside": "Beside the video",
    "top-right": "Top right corner of the video",
    "top-left": "Top left corner of the video",
    "bottom-left": "Bottom left corner of the video (above the captions)",
    "bottom-right": "Bottom right corner of the video (above the captions)",
}


class Presenter(QObject):
    """Owns the presentation window, the pause controller and the Discussion panel."""

    def __init__(
        self, ctx: PlayerContext, console: VideoView, sign: SignLanguage | None = None
    ) -> None:
        super().__init__(ctx.window)
        self.sign = sign  # the sign-language video, which the room sees too
        self.ctx = ctx
        self.window = ctx.window
        self.console = console  # the console's video, which the room mirrors
        self.playback = ctx.playback
        self.presentation: PresentationWindow | None = None
        self.screen: QScreen | None = None
        self.add_dialog: AddPauseDialog | None = None
        self._video: Video | None = None
        self._tracks: list[Track] = []
        # The room sees each story's credit, and the notice of one whose words
        # differ from the reviewed version (an unsealed story's notice is the
        # facilitator's, on the console only).
        self._mirrored_stories: tuple[object, ...] = ()
        self.pauses = PauseController(self.playback, ctx.settings, self)
        tools = ("present", "discussion_pauses", "skip_pause", "add_pause")
        self.panel = DiscussionPanel([ctx.actions[name] for name in tools], ctx.window)
        self._connect()

    def contribution(self) -> Contribution:
        actions = self.ctx.actions
        return Contribution(
            panels=(Panel(DISCUSSION, "Discussion", self.panel),),
            commands={
                "present": self.toggle,
                "end_presentation": self.stop,
                "present_on_screen": self.ask_screen,
                "presentation_captions": self.ask_caption_percent,
                "presentation_sign": self.ask_sign_place,
                "discussion_pauses": lambda: self.pauses.set_enabled(
                    actions["discussion_pauses"].isChecked()
                ),
                "skip_pause": self.skip_next,
                "add_pause": self.ask_new_pause,
            },
            on_close=self.stop,
        )

    def _connect(self) -> None:
        actions, showing = self.ctx.actions, self.ctx.showing
        actions["discussion_pauses"].setChecked(self.pauses.enabled)
        actions["end_presentation"].setEnabled(False)
        actions["leave_full_screen"].changed.connect(self._keep_escape)
        self.pauses.changed.connect(self._show_state)
        self.pauses.reached.connect(self._on_reached)
        self.ctx.clock.position_changed.connect(self._follow_position)
        showing.video_changed.connect(self._follow_console)
        showing.tracks_changed.connect(self._follow_console)
        self.ctx.stories.changed.connect(self._follow_console)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._count_screens)
            app.screenRemoved.connect(self._count_screens)
        self._count_screens()
        self._follow_console()

    # -- presenting --------------------------------------------------------------------

    def is_presenting(self) -> bool:
        return self.presentation is not None

    def toggle(self) -> None:
        if self.is_presenting():
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Open the room's window on the chosen screen; the console keeps the keys."""
        if self.presentation is not None:
            return
        shown = PresentationWindow(self.caption_percent())
        self.presentation = shown
        for name in SHARED_KEYS:
            shown.addAction(self.ctx.actions[name])
        shown.play_toggle_requested.connect(self.playback.toggle)
        shown.closed.connect(self.stop)
        view = shown.view
        view.honour_cue_settings = self.console.honour_cue_settings
        view.set_position(self.ctx.clock.position())
        self._mirror(force=True)
        self._route_video(shown, to_room=True)
        self._route_sign(to_room=True)
        screens = QGuiApplication.screens()
        self.screen = choose_screen(
            screens, self.window.screen(), self._screen_setting()
        )
        shown.show_on(self.screen)
        self._show_state()
        self._set_escape(presenting=True)
        self.window.activateWindow()
        self.window.raise_()

    def stop(self) -> None:
        shown = self.presentation
        if shown is None:
            return
        self._route_sign(to_room=False)
        self.presentation = None
        self._route_video(shown, to_room=False)
        shown.closed.disconnect(self.stop)
        shown.close()
        shown.deleteLater()
        self._set_escape(presenting=False)
        self._show_state()

    def _set_escape(self, presenting: bool) -> None:
        """Esc ends the presentation first; only then leaves full screen."""
        keymap = self.ctx.actions
        keymap["present"].setChecked(presenting)
        keymap["end_presentation"].setEnabled(presenting)
        keymap["leave_full_screen"].setEnabled(
            not presenting and self.window.isFullScreen()
        )
        where = self._screen_name() if presenting else ""
        self.panel.show_presenting(where)
        if where:
            self.ctx.notify.announce(f"Presenting on {where}")

    def _keep_escape(self) -> None:
        leave = self.ctx.actions["leave_full_screen"]
        if self.is_presenting() and leave.isEnabled():
            leave.setEnabled(False)  # two enabled Esc shortcuts would both be ignored

    def _screen_name(self) -> str:
        screens = QGuiApplication.screens()
        if self.screen is None or self.screen not in screens:
            return "a window"
        return screen_label(screens.index(self.screen), self.screen)

    def _route_video(self, room: PresentationWindow, to_room: bool) -> None:
        """The one video output goes to the room; the console previews its frames."""
        console, item = self.console.video_item, room.view.video_item
        if console is None or item is None:
            return
        room_sink = item.videoSink()
        if to_room:
            frame = console.videoSink().videoFrame()
            self.playback.set_video_output(item)
            if frame.isValid():
                room_sink.setVideoFrame(frame)
            room_sink.videoFrameChanged.connect(self._preview)
        else:
            room_sink.videoFrameChanged.disconnect(self._preview)
            self.playback.set_video_output(console)

    def _route_sign(self, to_room: bool) -> None:
        """The sign video's frames copied to the room's, placed as chosen."""
        sign, room = self.sign, self.presentation
        if sign is None or room is None or sign.view.video_item is None:
            return
        frames = sign.view.video_item.videoSink().videoFrameChanged
        if to_room:
            frames.connect(self._sign_to_room)
            sign.track_changed.connect(self._show_room_sign)
            self._show_room_sign()
        else:
            frames.disconnect(self._sign_to_room)
            sign.track_changed.disconnect(self._show_room_sign)

    def _sign_to_room(self, frame: QVideoFrame) -> None:
        room = self.presentation
        if room is not None and room.sign.video_item is not None:
            room.sign.video_item.videoSink().setVideoFrame(frame)

    def _show_room_sign(self, *_args: object) -> None:
        if self.presentation is None or self.sign is None:
            return
        shown = self.sign.track is not None
        self.presentation.show_sign(shown, self.ctx.settings.get(SIGN_ROOM_PLACE))

    def ask_sign_place(self) -> None:
        """Where the room sees the sign-language video: beside the video or a corner."""
        labels = [SIGN_PLACE_LABELS[p] for p in SIGN_ROOM_PLACES]
        now = SIGN_ROOM_PLACES.index(self.ctx.settings.get(SIGN_ROOM_PLACE))
        label, ok = QInputDialog.getItem(
            self.window,
            "Sign language on the projector",
            "Show the sign-language video to the room:",
            labels,
            now,
            False,
        )
        if ok and label in labels:
            self.set_sign_place(SIGN_ROOM_PLACES[labels.index(label)])

    def set_sign_place(self, place: str) -> None:
        self.ctx.settings.set(SIGN_ROOM_PLACE, place)
        self._show_room_sign()

    def _preview(self, frame: QVideoFrame) -> None:
        """The console's small copy of the frame the room sees."""
        item = self.console.video_item
        if item is not None:
            item.videoSink().setVideoFrame(frame)

    # -- keeping the room's window like the console ------------------------------------

    def _follow_position(self, ms: int) -> None:
        if self.presentation is not None:
            self.presentation.view.set_position(ms)

    def _follow_console(self, *_args: object) -> None:
        showing = self.ctx.showing
        if showing.video is not self._video:
            self._video = showing.video
            module_id = showing.module.id if showing.module is not None else ""
            self.pauses.set_video(module_id, showing.video)
        self._mirror()

    def _mirror(self, force: bool = False) -> None:
        if self.presentation is None:
            return
        view = self.presentation.view
        tracks = self.ctx.showing.shown_tracks()
        if force or tracks != self._tracks:
            self._tracks = tracks
            view.set_tracks(tracks)
        stories = self.ctx.stories
        shown = (stories.segments(), stories.altered_notices())
        if force or shown != self._mirrored_stories:
            self._mirrored_stories = shown
            view.set_segments(*shown)

    # -- pauses ------------------------------------------------------------------------

    def _on_reached(self, pause: Pause) -> None:
        text = self._show_state()
        self.ctx.notify.announce(text)

    def _show_state(self) -> str:
        pauses = self.pauses
        upcoming = pauses.upcoming()
        text = self.panel.show_state(
            pauses.current,
            upcoming,
            upcoming is not None and pauses.is_skipped(upcoming),
            pauses.enabled,
        )
        if self.presentation is not None:
            stopped = pauses.current
            self.presentation.show_prompt(stopped.prompt if stopped else "")
        self.ctx.actions["skip_pause"].setEnabled(
            pauses.enabled and upcoming is not None
        )
        return text

    def skip_next(self) -> None:
        pause = self.pauses.skip_next()
        if pause is not None:
            self._say(f"The pause at {format_clock(pause.at_ms)} will be skipped")

    def ask_new_pause(self) -> AddPauseDialog | None:
        """Pause playback and ask for the prompt of a pause at the current time."""
        if self.ctx.showing.video is None:
            return None
        self.playback.pause()
        dialog = AddPauseDialog(
            self.playback.position(), self.pauses.add_pause, self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.add_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "add_dialog", None))
        at_ms = dialog.at_ms
        dialog.accepted.connect(
            lambda: self._say(f"Pause added at {format_clock(at_ms)}")
        )
        dialog.open()
        return dialog

    def _say(self, message: str) -> None:
        self.ctx.notify.say(message, 4000)

    # -- settings ----------------------------------------------------------------------

    def _count_screens(self, *_args: object) -> None:
        several = len(QGuiApplication.screens()) >= 2
        self.ctx.actions["present_on_screen"].setEnabled(several)

    def ask_screen(self) -> None:
        screens = QGuiApplication.screens()
        labels = [screen_label(i, s) for i, s in enumerate(screens)]
        current = choose_screen(screens, self.window.screen(), self._screen_setting())
        index = screens.index(current) if current in screens else 0
        label, ok = QInputDialog.getItem(
            self.window,
            "Present on screen",
            "Show the room's window on:",
            labels,
            index,
            False,
        )
        if ok and label in labels:
            self.set_screen(screens[labels.index(label)].name())

    def set_screen(self, name: str) -> None:
        self.ctx.settings.set(PRESENTATION_SCREEN, name)
        if self.is_presenting():
            self.stop()
            self.start()

    def ask_caption_percent(self) -> None:
        value, ok = QInputDialog.getInt(
            self.window,
            "Caption size on the projector",
            "Caption size on the projector (percent of normal):",
            self.caption_percent(),
            50,
            300,
            10,
        )
        if ok:
            self.set_caption_percent(value)

    def caption_percent(self) -> int:
        return self.ctx.settings.get(PRESENTATION_PERCENT)

    def set_caption_percent(self, percent: int) -> None:
        percent = self.ctx.settings.set(PRESENTATION_PERCENT, int(percent))
        if self.presentation is not None:
            self.presentation.set_caption_percent(percent)

    def _screen_setting(self) -> str:
        return self.ctx.settings.get(PRESENTATION_SCREEN)
