"""The composition root: builds the window's widgets and wires their intent signals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QSplitter, QVBoxLayout, QWidget

from captions.model import Track
from media.manifest import load_module
from media.model import ManifestError, Module, Video
from player.accessibility.accessibility_feature import install_accessibility
from player.core.actions import PlayerActions, SingleKeyGuard
from player.core.status import StatusArea
from player.core.video_session import VideoSession
from player.export.export_feature import install_transcript_export
from player.facilitator.notes_feature import install_notes
from player.facilitator.presentation_feature import install_presentation
from player.library.library_feature import make_transcript_panel, remember_module
from player.playback.controls import CAPTIONS_OFF, Controls
from player.playback.facade import PlaybackBase
from player.reading.aids import install_reading_aids
from player.reading.caption_delay import CaptionClock
from player.shell.commands import PlayerCommands, wire_actions
from player.shell.module_check import ModuleChecker
from player.video.caption_style_feature import install_caption_style
from player.video.chapters import ChapterList
from player.video.video_list import VideoList
from player.video.video_view import VideoView


class MainWindow(QMainWindow):
    """Video with captions, controls, video and chapter lists, and the transcript."""

    video_shown = Signal()  # a video's parts are in place (before any at_ms seek)
    caption_track_selected = Signal(int)

    def __init__(
        self, playback: PlaybackBase, guard: SingleKeyGuard | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Transcript Player")
        self.playback = playback
        self.caption_clock = CaptionClock(playback, self)  # video time - caption delay
        self.guard = guard
        self.module: Module | None = None
        self.module_path: Path | None = None
        self.known_module_paths: list[Path] = []
        self.library_index_path: Path | None = None  # None: the user's cache folder
        self.library_dialog: Any = None
        self.video: Video | None = None
        self.session: VideoSession | None = None
        self.caption_index = CAPTIONS_OFF
        self.transcript_track: Track | None = None
        self._build()
        self.checker = ModuleChecker(self)
        self.checker.checked.connect(self._show_check)
        self.keymap = PlayerActions(self, self.video_view)
        self.commands = PlayerCommands(self)
        wire_actions(self.keymap, self.commands)
        self._wire()
        install_caption_style(self)
        install_accessibility(self)
        self.presenter = install_presentation(self)
        self.reading_aids = install_reading_aids(self)
        self.notes = install_notes(self)
        self.transcript_export = install_transcript_export(self)

    # -- building ------------------------------------------------------------------

    def _build(self) -> None:
        """Create the parts in reading order, which is also the Tab order."""
        self.status = StatusArea(self)
        self.video_view = VideoView(self)
        self.playback.set_video_output(self.video_view.video_item)
        self.controls = Controls(self)
        self.video_list = VideoList(self)
        self.chapters = ChapterList(self)
        self.transcript = make_transcript_panel(self)
        left = QWidget(self)
        left.setObjectName("videoColumn")
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status)
        column.addWidget(self.video_view, 1)
        column.addWidget(self.controls)
        self.lists = QWidget(left)
        lists_row = QHBoxLayout(self.lists)
        lists_row.setContentsMargins(4, 0, 4, 4)
        lists_row.addWidget(self.video_list)
        lists_row.addWidget(self.chapters)
        self.lists.setMaximumHeight(170)
        column.addWidget(self.lists)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.transcript)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.setStyleSheet(
            "QAbstractButton:focus, QComboBox:focus, QSlider:focus,"
            " QAbstractItemView:focus,"
            " QLineEdit:focus { border: 3px solid #0b57d0; }"
        )
        self.setTabOrder(self.video_view, self.controls.play_button)

    def _wire(self) -> None:
        playback, view, controls = self.playback, self.video_view, self.controls
        self.caption_clock.position_changed.connect(view.set_position)
        playback.position_changed.connect(controls.set_position)
        self.caption_clock.position_changed.connect(self.transcript.set_position)
        playback.duration_changed.connect(controls.set_duration)
        playback.playing_changed.connect(controls.set_playing)
        playback.volume_changed.connect(controls.set_volume)
        playback.muted_changed.connect(controls.set_muted)
        playback.muted_changed.connect(self.keymap["mute"].setChecked)
        playback.error_occurred.connect(
            lambda text: self.status.add_message("video", text)
        )
        controls.play_toggle_requested.connect(playback.toggle)
        controls.seek_requested.connect(self.seek)
        controls.volume_requested.connect(playback.set_volume)
        controls.mute_requested.connect(playback.set_muted)
        controls.caption_track_chosen.connect(self.select_caption_track)
        controls.full_screen_requested.connect(self.commands.toggle_full_screen)
        view.play_toggle_requested.connect(playback.toggle)
        view.full_screen_requested.connect(self.commands.toggle_full_screen)
        self.chapters.seek_requested.connect(self.seek)
        self.chapters.play_story_requested.connect(self.commands.play_story)
        self.video_list.video_chosen.connect(self.show_video)
        self.transcript.seek_requested.connect(
            lambda ms: self.seek(self.caption_clock.to_video(ms))
        )
        controls.set_volume(playback.volume())
        controls.set_muted(playback.is_muted())
        self._describe_controls()

    def _describe_controls(self) -> None:
        """Tooltips name each control's shortcut, as the menus do."""
        tips = {
            self.controls.play_button: self.keymap.tooltip("play_pause"),
            self.controls.mute_button: self.keymap.tooltip("mute"),
            self.controls.full_screen_button: self.keymap.tooltip("full_screen"),
            self.controls.caption_chooser: (
                "Caption track (C: captions on/off, Shift+C: next language)"
            ),
            self.controls.seek_slider: (
                "Seek (J / L, or Left / Right on the video: 5 seconds)"
            ),
            self.controls.volume_slider: "Volume (Up / Down on the video, M: mute)",
            self.controls.time_label: "Position / length",
            self.video_view: "Video (Space or K: play/pause; arrows: seek and volume)",
            self.video_list.previous_button: self.keymap.tooltip("previous_video"),
            self.video_list.next_button: self.keymap.tooltip("next_video"),
            self.video_list.list: "Videos in this module (N / Shift+N: next, previous)",
            self.chapters.list: "Chapters: Enter jumps to one",
            self.chapters.story_button: self.keymap.tooltip("play_story"),
            self.status.label: "Problems found while opening this module or video",
        }
        for widget, tip in tips.items():
            widget.setToolTip(tip)

    # -- opening -------------------------------------------------------------------

    def open_path(self, path: str | Path, video_id: str | None = None) -> bool:
        """Open a module folder, manifest or video; on failure say why, stay usable."""
        try:
            module = load_module(path)
        except ManifestError as exc:
            self.status.set_messages(
                "module", [f"Cannot open {exc.path}: {exc.reason}"]
            )
            return False
        except OSError as exc:
            self.status.set_messages(
                "module", [f"Cannot open {path}: {exc.strerror or exc}"]
            )
            return False
        return self.open_module(module, video_id, path)

    def open_module(
        self,
        module: Module,
        video_id: str | None = None,
        path: str | Path | None = None,
    ) -> bool:
        """Show a loaded module (opened from `path`, which search then covers)."""
        self.module = module
        self.module_path = Path(path).resolve() if path is not None else module.folder
        if self.module_path not in self.known_module_paths:
            self.known_module_paths.append(self.module_path)
            remember_module(self.module_path)
        self.status.clear("module")
        if not module.videos:
            self.status.add_message("module", "This module lists no videos.")
            return False
        first = video_id if video_id is not None else module.videos[0].id
        self.video_list.set_videos(module.videos, None)
        shown = self.show_video(first)
        self.checker.start(module)
        return shown

    def _show_check(self, module: Module, messages: list[str]) -> None:
        if module is self.module:
            for message in messages:
                self.status.add_message("module", message)

    def show_video(self, video_id: str, at_ms: int = 0) -> bool:
        """Show a video of the module with its default captions; False if unknown."""
        if self.module is None:
            return False
        try:
            video = self.module.video(video_id)
        except KeyError:
            self.status.add_message(
                "module", f"This module has no video called “{video_id}”."
            )
            return False
        self.video = video
        self.status.clear("video")
        self.playback.set_source(video.file)  # first, so decoding overlaps the rest
        self.session = VideoSession(video)
        self.video_list.set_current(video.id)
        self.setWindowTitle(f"{video.title} — {self.module.title} — Transcript Player")
        self.video_view.set_segments(video.segments)
        self.keymap["play_story"].setEnabled(bool(video.segments))
        self.transcript_track = None
        self.controls.set_caption_tracks(self.session.labels(), CAPTIONS_OFF)
        self.select_caption_track(self.session.default_index())
        self.chapters.set_content(self.session.chapters, video.segments)
        self.video_shown.emit()
        if at_ms:
            self.seek(at_ms)
        return True

    def select_caption_track(self, index: int) -> None:
        """Show captions from track `index`; CAPTIONS_OFF hides only them."""
        session = self.session
        track = session.track(index) if session is not None else None
        if session is not None:
            self.status.set_messages("captions", session.messages())
        self.caption_index = index if track is not None else CAPTIONS_OFF
        if track is not None:
            self.transcript_track = track
        self.video_view.set_tracks([track])
        segments = self.video.segments if self.video is not None else ()
        self.transcript.set_track(self.transcript_track, segments)
        self.transcript.set_position(self.caption_clock.position())
        self.controls.set_current_caption_track(self.caption_index)
        self.keymap["captions"].setChecked(track is not None)
        self.caption_track_selected.emit(self.caption_index)

    # -- playback helpers used by commands and wiring ---------------------------------

    def seek(self, ms: int) -> None:
        self.playback.seek(max(0, int(ms)))

    def current_track(self) -> Track | None:
        """The track caption navigation follows: the one shown, else the transcript."""
        if self.session is not None and self.caption_index != CAPTIONS_OFF:
            return self.session.track(self.caption_index)
        return self.transcript_track

    def set_single_keys_enabled(self, enabled: bool) -> None:
        if self.guard is not None:
            self.guard.enabled = enabled

    def closeEvent(self, event: QCloseEvent) -> None:
        self.playback.pause()
        if self.library_dialog is not None:
            self.library_dialog.shutdown()  # its indexing thread must end first
        super().closeEvent(event)
