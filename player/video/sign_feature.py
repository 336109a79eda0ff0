"""The sign-language window's content: the shown video's sign track, in step, silent.

The panel goes in a dock the shell places (player/shell/placement.py); hiding the
picture says there is no sign track, so the dock goes. A video with one shows it
unless the person turned the window off (kept in the settings).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from media.model import TrackRef, Video
from media.sign_languages import sign_window_title
from player.core.context import PlayerContext
from player.core.contribution import LEFT, SIGN, Contribution, Panel
from player.core.setting_keys import SIGN_TURNED_OFF
from player.playback.sign_follow import SignFollower
from player.video.sign_view import SignView

TITLE = "Sign language"


def sign_description(track: TrackRef) -> str:
    """What a screen reader says of the window: which interpretation, and its keys."""
    what = track.label or sign_window_title(track.language)
    return (
        f"{what}: the sign-language interpretation of the video, in step with it and "
        "silent. Ctrl+7 shows or hides it; Ctrl+Shift+S puts it in the next corner "
        "of the video; Ctrl+Alt+= and Ctrl+Alt+- make it bigger or smaller."
    )


class SignLanguage(QObject):
    """Loads each video's sign track into a silent facade slaved to the main one."""

    track_changed = Signal(object)  # the TrackRef shown, or None

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.playback = ctx.playback.silent_companion(self)
        self.follower = SignFollower(ctx.playback, self.playback, self)
        self.view = SignView(ctx.window)
        self.view.setWindowTitle(TITLE)
        self.view.setAccessibleName(TITLE)
        self.view.hide()  # until a video has a sign track
        self.playback.set_video_output(self.view.video_item)
        self.track: TrackRef | None = None
        ctx.showing.video_changed.connect(self._on_video)
        ctx.actions["sign_panel"].triggered.connect(self._chosen)
        self.playback.error_occurred.connect(
            lambda text: ctx.notify.problem("sign", f"Sign-language video: {text}")
        )

    def contribution(self) -> Contribution:
        return Contribution(panels=(Panel(SIGN, TITLE, self.view, area=LEFT),))

    def title(self) -> str:
        return sign_window_title(self.track.language) if self.track else TITLE

    def _on_video(self, video: Video | None) -> None:
        track = video.default_sign_track() if video is not None else None
        self.track = track
        self.ctx.notify.clear("sign")
        self.follower.set_source(track.file if track is not None else None)
        if track is None:
            self.view.hide()
        else:
            title = self.title()
            self.view.setWindowTitle(title)
            self.view.setAccessibleName(f"{title} video")
            self.view.setAccessibleDescription(sign_description(track))
            self.view.setToolTip(f"{track.label or title}, in step with the video")
            self.view.show()
            turned_off = self.ctx.settings.get(SIGN_TURNED_OFF)
            self.ctx.actions["sign_panel"].setChecked(not turned_off)
        self.track_changed.emit(track)

    def _chosen(self, checked: bool) -> None:
        """The person showed or hid the window: a hidden one stays hidden."""
        self.ctx.settings.set(SIGN_TURNED_OFF, not checked)
