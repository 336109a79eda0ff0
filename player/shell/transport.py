"""The transport bar wired to the playback: state in, intents out, in one place."""

from __future__ import annotations

from PySide6.QtCore import QObject

from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.playback.controls import CAPTIONS_OFF, Controls

STEP_MS = 5000
VOLUME_STEP = 5


class Transport(QObject):
    """Play, seek, volume, mute and the caption chooser, with their keys.

    Built first, so the bar hears each position before any feature reacts to it.
    """

    def __init__(self, ctx: PlayerContext, controls: Controls | None = None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.controls = controls if controls is not None else Controls(ctx.window)
        playback, controls, actions = ctx.playback, self.controls, ctx.actions
        playback.position_changed.connect(controls.set_position)  # video time
        playback.duration_changed.connect(controls.set_duration)
        playback.playing_changed.connect(controls.set_playing)
        playback.volume_changed.connect(controls.set_volume)
        playback.muted_changed.connect(controls.set_muted)
        playback.muted_changed.connect(actions["mute"].setChecked)
        playback.error_occurred.connect(lambda text: ctx.notify.problem("video", text))
        controls.play_toggle_requested.connect(playback.toggle)
        controls.seek_requested.connect(playback.seek)
        controls.volume_requested.connect(playback.set_volume)
        controls.mute_requested.connect(playback.set_muted)
        controls.caption_track_chosen.connect(ctx.showing.select_captions)
        controls.full_screen_requested.connect(actions["full_screen"].trigger)
        # Orca reads a slider's value as a number only: the learner's seeks in words.
        controls.seek_said.connect(ctx.notify.voice.say_value)
        ctx.showing.video_changed.connect(self._on_video)
        ctx.showing.tracks_changed.connect(self._on_tracks)
        controls.set_volume(playback.volume())
        controls.set_muted(playback.is_muted())
        self._describe()

    def contribution(self) -> Contribution:
        playback = self.ctx.playback
        return Contribution(
            commands={
                "play_pause": playback.toggle,
                "back": lambda: self.step(-STEP_MS),
                "forward": lambda: self.step(STEP_MS),
                "back_arrow": lambda: self.step(-STEP_MS),
                "forward_arrow": lambda: self.step(STEP_MS),
                "mute": lambda: playback.set_muted(not playback.is_muted()),
                "volume_up": lambda: self.change_volume(VOLUME_STEP),
                "volume_down": lambda: self.change_volume(-VOLUME_STEP),
            }
        )

    def step(self, delta_ms: int) -> None:
        self.ctx.playback.seek(max(0, self.ctx.playback.position() + delta_ms))

    def change_volume(self, delta: int) -> None:
        self.ctx.playback.set_volume(self.ctx.playback.volume() + delta)

    def _on_video(self, _video: object) -> None:
        session = self.ctx.showing.session
        labels = session.labels() if session is not None else []
        self.controls.set_caption_tracks(labels, CAPTIONS_OFF)

    def _on_tracks(self) -> None:
        self.controls.set_current_caption_track(self.ctx.showing.caption_index)

    def _describe(self) -> None:
        """Tooltips name each control's shortcut, as the menus do."""
        controls, actions = self.controls, self.ctx.actions
        tips = {
            controls.play_button: actions.tooltip("play_pause"),
            controls.mute_button: actions.tooltip("mute"),
            controls.full_screen_button: actions.tooltip("full_screen"),
            controls.caption_chooser: (
                "Caption track (C: captions on/off, Shift+C: next language)"
            ),
            controls.seek_slider: (
                "Seek (J / L, or Left / Right on the video: 5 seconds)"
            ),
            controls.volume_slider: "Volume (Up / Down on the video, M: mute)",
            controls.time_label: "Position / length",
        }
        for widget, tip in tips.items():
            widget.setToolTip(tip)
