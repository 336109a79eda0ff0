"""What is showing: the open module, its video, that video's tracks, the captions on.

`NowShowing` alone changes these and says so: `module_changed`, then
`video_changed` (each feature puts that video's parts in place), then
`tracks_changed` (the captions on the video and the transcript's track). It is the one
owner of which caption tracks are shown, the second language included.

Tracks are read on a pool thread (`TrackLoads`): a chosen track is shown when it
arrives, unless another was chosen meanwhile; the window stays usable, and a load
that lasts says so in the status bar and through `loading_changed`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar

from captions.model import Track
from media.manifest import load_module
from media.model import ManifestError, Module, TrackRef, Video
from player.core.notify import Notify
from player.core.track_loads import TrackLoads
from player.core.video_session import VideoSession
from player.playback.controls import CAPTIONS_OFF
from player.playback.facade import PlaybackBase


def second_style(track: Track) -> Track:
    """The second language in italics, so the two read apart at a glance."""
    cues = tuple(replace(cue, text=f"<i>{cue.text}</i>") for cue in track.cues)
    return Track(
        cues,
        kind=track.kind,
        language=track.language,
        label=track.label,
        source=track.source,
        warnings=track.warnings,
    )


def ref_code(ref: TrackRef) -> str:
    """How a language choice is kept: the language, else the label, else the file."""
    return ref.language or ref.label or ref.file.name


class NowShowing(QObject):
    """The module, video, session and shown tracks; features ask it to change them."""

    module_changed = Signal(object)  # the Module just opened
    video_changed = Signal(object)  # the Video just shown (before its captions)
    tracks_changed = Signal()  # the captions shown, or the transcript's track
    loading_changed = Signal(bool)  # True while a load has lasted over 200 ms

    def __init__(
        self, playback: PlaybackBase, notify: Notify, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._playback = playback
        self._notify = notify
        self.module: Module | None = None
        self.module_path: Path | None = None
        self.video: Video | None = None
        self.session: VideoSession | None = None
        self.caption_index = CAPTIONS_OFF
        self.transcript_track: Track | None = None
        self._second_code = ""
        self._styled: tuple[Track, Track] | None = None  # (track, its styled copy)
        self.loads = TrackLoads(self)
        self.loads.busy_changed.connect(self._on_busy)
        self._wanted: int | None = None  # the track being read to be shown
        self._reading: set[int] = set()  # the session's tracks asked for
        self._busy_text = ""

    # -- opening -------------------------------------------------------------------

    def open_path(self, path: str | Path, video_id: str | None = None) -> bool:
        """Open a module folder, manifest or video; on failure say why, stay usable."""
        try:
            module = load_module(path)
        except ManifestError as exc:
            self._notify.set_problems(
                "module", [f"Cannot open {exc.path}: {exc.reason}"]
            )
            return False
        except OSError as exc:
            self._notify.set_problems(
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
        self._notify.clear("module")
        self.module_changed.emit(module)
        if not module.videos:
            self._notify.problem("module", "This module lists no videos.")
            return False
        return self.show_video(
            video_id if video_id is not None else module.videos[0].id
        )

    def is_open(self, module_path: Path) -> bool:
        """Whether `module_path` (folder, manifest or path opened) is open now."""
        module = self.module
        if module is None:
            return False
        candidates = {self.module_path, module.folder.resolve()}
        if module.manifest is not None:
            candidates.add(module.manifest.resolve())
        return module_path.resolve() in candidates

    def show_video(self, video_id: str, at_ms: int = 0) -> bool:
        """Show a video of the module with its default captions; False if unknown.

        `at_ms` is video time; a caption's time goes through the caption clock.
        """
        if self.module is None:
            return False
        try:
            video = self.module.video(video_id)
        except KeyError:
            self._notify.problem(
                "module", f"This module has no video called “{video_id}”."
            )
            return False
        self.video = video
        self._notify.clear("video")
        self._playback.set_source(video.file)  # first, so decoding overlaps the rest
        self.session = VideoSession(video)
        self._wanted, self._reading = None, set()
        self._on_busy(False)
        self.caption_index = CAPTIONS_OFF
        self.transcript_track = None
        self._read_chapters(self.session)
        self.video_changed.emit(video)
        self.select_captions(self.session.default_index())
        if at_ms:
            self._playback.seek(max(0, int(at_ms)))
        return True

    def video_key(self) -> str | None:
        """ "<module id>/<video id>" of the video shown: its choices are kept by it."""
        if self.module is None or self.video is None:
            return None
        return f"{self.module.id}/{self.video.id}"

    # -- captions ------------------------------------------------------------------

    def select_captions(self, index: int) -> None:
        """Show captions from track `index` once read; CAPTIONS_OFF hides only them."""
        session = self.session
        if session is not None and not session.ready(index):
            self._wanted = index
            self._read(session, index)
            self._on_busy(self.loads.busy())
            if self.transcript_track is None:  # a new video: the last one's go
                self.tracks_changed.emit()
            return
        self._wanted = None
        self._on_busy(False)
        track = session.track(index) if session is not None else None
        if session is not None:
            self._notify.set_problems("captions", session.messages())
        self.caption_index = index if track is not None else CAPTIONS_OFF
        if track is not None:
            self.transcript_track = track
        self._read_second()
        self.tracks_changed.emit()

    def loading(self) -> bool:
        """Whether a track chosen to be shown is still being read."""
        return self._wanted is not None

    def _read(self, session: VideoSession, index: int) -> None:
        """Read track `index` of `session` off the GUI thread (once)."""
        if index in self._reading:
            return
        self._reading.add(index)
        self.loads.load(
            session.caption_refs[index],
            lambda track, error: self._arrived(session, index, track, error),
        )

    def _arrived(
        self, session: VideoSession, index: int, track: Track | None, error: str
    ) -> None:
        """A track was read: shown if still wanted, else only kept for later."""
        session.keep(index, track, error)
        if session is not self.session:
            return
        if index == self._wanted:
            self.select_captions(index)
        elif index == self.second_index() and index != self.caption_index:
            self._notify.set_problems("captions", session.messages())
            self.tracks_changed.emit()

    def _read_second(self) -> None:
        session, second = self.session, self.second_index()
        if session is not None and not session.ready(second):
            self._read(session, second)

    def _read_chapters(self, session: VideoSession) -> None:
        ref = session.chapter_ref
        if ref is None:
            return

        def done(track: Track | None, error: str) -> None:
            session.chapters, session.chapter_error = track, error
            if session is self.session:
                self._notify.set_problems("captions", session.messages())
                self.tracks_changed.emit()

        self.loads.load(ref, done)

    def chosen_index(self) -> int:
        """The captions chosen: the track being read to be shown, else the one shown."""
        return self._wanted if self._wanted is not None else self.caption_index

    def _on_busy(self, busy: bool) -> None:
        """A chosen track takes a while: say so (status bar, screen reader) until
        it is shown."""
        session, index = self.session, self._wanted
        if busy and session is not None and index is not None and not self._busy_text:
            self._busy_text = f"Loading captions “{session.labels()[index]}”…"
            self._notify.say(self._busy_text, timeout_ms=0)
        elif not busy and self._busy_text:
            bar: QStatusBar = self._notify.status_bar()
            if bar.currentMessage() == self._busy_text:
                bar.clearMessage()
            self._busy_text = ""
        else:
            return
        self.loading_changed.emit(busy)

    def show_track_file(self, path: str | Path) -> bool:
        """Show the captions or subtitles track read from `path` (a search hit's
        track); False, changing nothing, when this video has no such track."""
        session = self.session
        if session is None or not str(path):
            return False
        wanted = Path(path).resolve()
        for index, ref in enumerate(session.caption_refs):
            if ref.file.resolve() == wanted:
                if index != self.caption_index:
                    self.select_captions(index)
                return index in (self.caption_index, self._wanted)
        return False

    def set_second_language(self, code: str) -> None:
        """Show the caption track of language `code` too ("" for none)."""
        if code != self._second_code:
            self._second_code = code
            self._read_second()
            self.tracks_changed.emit()

    def second_language(self) -> str:
        return self._second_code

    def second_index(self) -> int:
        """The index of the second language's track in this video, else off."""
        session, code = self.session, self._second_code
        if session is None or not code:
            return CAPTIONS_OFF
        for index, ref in enumerate(session.caption_refs):
            if ref_code(ref) == code:
                return index
        return CAPTIONS_OFF

    def shown_tracks(self) -> list[Track]:
        """The tracks on the video: the captions, then the second language (if on)."""
        session, first = self.session, self.caption_index
        track = session.track(first) if session is not None else None
        if session is None or track is None:
            return []
        second = self.second_index()
        other = session.track(second) if second not in (CAPTIONS_OFF, first) else None
        if other is None:
            return [track]
        if self._styled is None or self._styled[0] is not other:
            self._styled = (other, second_style(other))
        return [track, self._styled[1]]

    def current_track(self) -> Track | None:
        """The track caption navigation follows: the one shown, else the transcript."""
        if self.session is not None and self.caption_index != CAPTIONS_OFF:
            return self.session.track(self.caption_index)
        return self.transcript_track
