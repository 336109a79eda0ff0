"""What each action of the keyboard map does, in terms of the window's parts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from player.core.actions import PlayerActions
from player.library.library_feature import open_library_dialog
from player.playback import caption_navigation
from player.playback.controls import CAPTIONS_OFF

if TYPE_CHECKING:
    from captions.model import Track
    from player.shell.help_dialog import HelpDialog
    from player.shell.main_window import MainWindow

STEP_MS = 5000
VOLUME_STEP = 5
RATES = (0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


class PlayerCommands:
    """The window's verbs; actions, buttons and tests all go through these."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.help_dialog: HelpDialog | None = None
        self._hidden_for_full_screen: list[QWidget] = []

    @property
    def playback(self):  # type: ignore[no-untyped-def]
        return self.window.playback

    # -- time ----------------------------------------------------------------------

    def step(self, delta_ms: int) -> None:
        self.window.seek(self.playback.position() + delta_ms)

    def go_to_caption(self, where: Callable[[Track, int], int | None]) -> bool:
        """Seek to the caption time `where(track, now)` gives, shifted by the delay."""
        track, clock = self.window.current_track(), self.window.caption_clock
        start = where(track, clock.position()) if track is not None else None
        if start is None:
            return False
        self.window.seek(clock.to_video(start))
        return True

    def previous_caption(self) -> None:
        self.go_to_caption(caption_navigation.previous_start)

    def next_caption(self) -> None:
        self.go_to_caption(caption_navigation.next_start)

    def replay_caption(self) -> None:
        if self.go_to_caption(caption_navigation.current_start):
            self.playback.play()

    def play_story(self) -> None:
        """Start the story under the playhead, else the video's first, at its start."""
        video = self.window.video
        if video is None or not video.segments:
            return
        segment = video.segment_at(self.playback.position()) or video.segments[0]
        self.window.seek(segment.start_ms)
        self.playback.play()

    def change_rate(self, direction: int) -> None:
        rate = self.playback.rate()
        if direction == 0:
            new_rate = 1.0
        elif direction > 0:
            new_rate = next((r for r in RATES if r > rate + 1e-6), RATES[-1])
        else:
            new_rate = next((r for r in reversed(RATES) if r < rate - 1e-6), RATES[0])
        self.playback.set_rate(new_rate)
        message = f"Speed {new_rate:g}×"
        self.window.statusBar().showMessage(message, 3000)
        self.window.status.announce(message)

    # -- sound ---------------------------------------------------------------------

    def change_volume(self, delta: int) -> None:
        self.playback.set_volume(self.playback.volume() + delta)

    def toggle_mute(self) -> None:
        self.playback.set_muted(not self.playback.is_muted())

    # -- captions and panels ---------------------------------------------------------

    def toggle_captions(self) -> None:
        window = self.window
        if window.caption_index != CAPTIONS_OFF:
            self._last_caption_index = window.caption_index
            window.select_caption_track(CAPTIONS_OFF)
        elif window.session is not None:
            index = getattr(self, "_last_caption_index", window.session.default_index())
            window.select_caption_track(index)

    def next_language(self) -> None:
        session = self.window.session
        if session is None or not session.caption_refs:
            return
        count = len(session.caption_refs)
        start = self.window.caption_index
        for offset in range(1, count + 1):
            index = (start + offset) % count
            if session.track(index) is not None or offset == count:
                self.window.select_caption_track(index)
                return

    def scale_captions(self, factor: float | None) -> None:
        view = self.window.video_view
        view.set_caption_scale(1.0 if factor is None else view.caption_scale * factor)

    def place_captions(self) -> None:
        """Apply the View menu's choices: band below the video, positions from cues."""
        view, keymap = self.window.video_view, self.window.keymap
        view.honour_cue_settings = keymap["cue_positions"].isChecked()
        view.set_caption_mode(
            "band" if keymap["caption_band"].isChecked() else "overlay"
        )

    def toggle_transcript(self) -> None:
        panel = self.window.transcript
        panel.setVisible(not panel.isVisible())
        self.window.keymap["transcript"].setChecked(panel.isVisible())

    # -- window --------------------------------------------------------------------

    def toggle_full_screen(self) -> None:
        if self.window.isFullScreen():
            self.leave_full_screen()
            return
        window = self.window
        self._hidden_for_full_screen = [
            w
            for w in (window.transcript, window.lists, window.menuBar())
            if w.isVisible()
        ]
        for widget in self._hidden_for_full_screen:
            widget.hide()
        window.showFullScreen()
        window.keymap["full_screen"].setChecked(True)
        window.keymap["leave_full_screen"].setEnabled(True)
        window.video_view.setFocus()

    def leave_full_screen(self) -> None:
        window = self.window
        if window.isFullScreen():
            window.showNormal()
        for widget in self._hidden_for_full_screen:
            widget.show()
        self._hidden_for_full_screen = []
        window.keymap["full_screen"].setChecked(False)
        window.keymap["leave_full_screen"].setEnabled(False)
        window.keymap["transcript"].setChecked(window.transcript.isVisible())

    def step_video(self, delta: int) -> None:
        self.window.video_list.step(delta)

    def show_help(self) -> None:
        if self.help_dialog is None:
            from player.shell.help_dialog import HelpDialog  # built on first use only

            self.help_dialog = HelpDialog(self.window.keymap.rows(), self.window)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def show_about(self) -> None:
        module = self.window.module
        credit = module.credit if module is not None and module.credit else ""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self.window,
            "About Transcript Player",
            f"Transcript Player\n\n{credit}".strip(),
        )

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getOpenFileName(
            self.window,
            "Open module or video",
            "",
            "Modules and videos (module.toml *.mp4 *.webm *.mkv *.mov);;All files (*)",
        )
        if path:
            self.window.open_path(path)

    def find(self, how: str) -> None:
        panel = self.window.transcript
        if not panel.isVisible():
            self.toggle_transcript()
        getattr(panel, how)()

    def search_all(self) -> None:
        open_library_dialog(self.window)

    def set_single_keys(self) -> None:
        self.window.set_single_keys_enabled(
            self.window.keymap["single_keys"].isChecked()
        )


def wire_actions(actions: PlayerActions, commands: PlayerCommands) -> None:
    """Connect every action of the keyboard map to its command, in one place."""
    table = {
        "open": commands.open_dialog,
        "search_all": commands.search_all,
        "quit": commands.window.close,
        "play_pause": lambda: commands.playback.toggle(),
        "back": lambda: commands.step(-STEP_MS),
        "forward": lambda: commands.step(STEP_MS),
        "back_arrow": lambda: commands.step(-STEP_MS),
        "forward_arrow": lambda: commands.step(STEP_MS),
        "previous_caption": commands.previous_caption,
        "next_caption": commands.next_caption,
        "replay_caption": commands.replay_caption,
        "play_story": commands.play_story,
        "slower": lambda: commands.change_rate(-1),
        "faster": lambda: commands.change_rate(1),
        "normal_speed": lambda: commands.change_rate(0),
        "mute": commands.toggle_mute,
        "volume_up": lambda: commands.change_volume(VOLUME_STEP),
        "volume_down": lambda: commands.change_volume(-VOLUME_STEP),
        "next_video": lambda: commands.step_video(1),
        "previous_video": lambda: commands.step_video(-1),
        "captions": commands.toggle_captions,
        "next_language": commands.next_language,
        "bigger_captions": lambda: commands.scale_captions(1.25),
        "smaller_captions": lambda: commands.scale_captions(0.8),
        "reset_captions": lambda: commands.scale_captions(None),
        "caption_band": commands.place_captions,
        "cue_positions": commands.place_captions,
        "transcript": commands.toggle_transcript,
        "full_screen": commands.toggle_full_screen,
        "leave_full_screen": commands.leave_full_screen,
        "single_keys": commands.set_single_keys,
        "find": lambda: commands.find("open_find"),
        "find_next": lambda: commands.find("find_next"),
        "find_previous": lambda: commands.find("find_previous"),
        "help": commands.show_help,
        "about": commands.show_about,
    }
    for name, slot in table.items():
        actions.connect(name, slot)
    actions["transcript"].setChecked(True)
    actions["cue_positions"].setChecked(True)
