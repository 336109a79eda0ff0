"""The playback facade: the only owner of QMediaPlayer; speaks integer milliseconds."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal

from player.playback.media_log import quiet_ffmpeg, quiet_qt_multimedia

quiet_qt_multimedia()  # before QtMultimedia loads: it logs while it loads

try:  # A Qt build without QtMultimedia still gets a window with a working transcript.
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
except ImportError:  # pragma: no cover - depends on the Qt build
    QMediaPlayer = None  # type: ignore[assignment,misc]

# A frame this far from a seek's target was decoded before the seek: not shown time.
STALE_FRAME_MS = 1500
# After play starts, a video's first frame is awaited this long before the player's
# coarser position is trusted instead (a video whose frames never come).
FIRST_FRAME_GRACE_S = 0.5


def cannot_play(reason: str) -> str:
    """The one wording for a video that will not play, and what still works."""
    return (
        f"Video cannot play: {reason}. The transcript, captions and search still work."
    )


NO_BACKEND_MESSAGE = cannot_play("this computer has no multimedia support for Qt")


class PlaybackBase(QObject):
    """The signals and methods widgets rely on; the real and fake facades share them."""

    position_changed = Signal(int)
    duration_changed = Signal(int)
    playing_changed = Signal(bool)
    error_occurred = Signal(str)
    media_loaded = Signal()
    volume_changed = Signal(int)
    muted_changed = Signal(bool)
    rate_changed = Signal(float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._position = 0
        self._duration = 0
        self._playing = False
        self._volume = 80
        self._muted = False
        self._rate = 1.0

    def position(self) -> int:
        return self._position

    def duration(self) -> int:
        return self._duration

    def is_playing(self) -> bool:
        return self._playing

    def volume(self) -> int:
        return self._volume

    def is_muted(self) -> bool:
        return self._muted

    def rate(self) -> float:
        return self._rate

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def seek(self, ms: int) -> None:
        raise NotImplementedError

    def set_source(self, path: str | Path | None) -> None:
        raise NotImplementedError

    def set_video_output(self, output: QObject | None) -> None:
        """Where frames go (a QGraphicsVideoItem); the fake ignores it."""

    def silent_companion(self, parent: QObject | None = None) -> PlaybackBase:
        """A second facade of the same kind without sound (a sign-language video)."""
        raise NotImplementedError

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        self.volume_changed.emit(self._volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)
        self.muted_changed.emit(self._muted)

    def set_rate(self, rate: float) -> None:
        rate = max(0.5, min(2.0, float(rate)))
        if rate != self._rate:
            self._rate = rate
            self.rate_changed.emit(rate)

    def _set_position(self, ms: int) -> None:
        if ms != self._position:
            self._position = ms
            self.position_changed.emit(ms)

    def _set_duration(self, ms: int) -> None:
        if ms != self._duration:
            self._duration = ms
            self.duration_changed.emit(ms)

    def _set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)


class Playback(PlaybackBase):
    """QMediaPlayer behind millisecond signals; the position follows the frames shown.

    While video frames arrive, `position_changed` carries each frame's own start time,
    so captions change on the frame that reaches the cue; `positionChanged` only fills
    in when no frame comes (audio only, no output, or a seek while paused).
    """

    def __init__(self, parent: QObject | None = None, *, audio: bool = True) -> None:
        super().__init__(parent)
        self._player: QMediaPlayer | None = None
        self._audio: QAudioOutput | None = None
        self._sink: QVideoSink | None = None
        self._frames_flowing = False
        self._play_started = 0.0
        self._pending_seek: int | None = None
        self._seek_target: int | None = None
        self._swapping_source = False
        if QMediaPlayer is None:
            return
        try:
            self._player = QMediaPlayer(self)
            quiet_ffmpeg()  # the backend, and FFmpeg with it, loaded just now
            if audio:  # without, the video plays silent (a sign-language video)
                self._audio = QAudioOutput(self)
                self._player.setAudioOutput(self._audio)
                self._audio.setVolume(self._volume / 100)
            if hasattr(self._player, "setPitchCompensation"):  # Qt 6.10+
                self._player.setPitchCompensation(True)  # slower speech, same voice
        except Exception:  # pragma: no cover - backend-specific failure
            self._player = None
            return
        self._own_sink = QVideoSink(self)
        self._attach_sink(self._own_sink)
        self._player.positionChanged.connect(self._on_player_position)
        self._player.durationChanged.connect(lambda ms: self._set_duration(int(ms)))
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)

    def available(self) -> bool:
        return self._player is not None

    def silent_companion(self, parent: QObject | None = None) -> PlaybackBase:
        return Playback(parent, audio=False)

    def set_video_output(self, output: QObject | None) -> None:
        """Send frames to `output` (a QGraphicsVideoItem); time captions by its sink."""
        if self._player is None or output is None:
            return
        self._player.setVideoOutput(output)
        sink = getattr(output, "videoSink", None)
        self._attach_sink(sink() if callable(sink) else self._own_sink)

    def _attach_sink(self, sink: QVideoSink | None) -> None:
        if self._sink is not None:
            self._sink.videoFrameChanged.disconnect(self._on_frame)
        self._sink = sink
        if sink is None:
            return
        if sink is self._own_sink and self._player is not None:
            self._player.setVideoSink(sink)
        sink.videoFrameChanged.connect(self._on_frame)

    def set_source(self, path: str | Path | None) -> None:
        """Load `path` (None: nothing); the file already loaded keeps its place."""
        if path is not None and self._is_current_source(Path(path)):
            self.duration_changed.emit(self._duration)  # for listeners wired since
            self.position_changed.emit(self._position)
            self.playing_changed.emit(self._playing)
            return
        self._frames_flowing = False
        self._pending_seek = None
        self._set_playing(False)
        self._set_position(0)
        self._set_duration(0)
        if self._player is None:
            if path is not None:
                self.error_occurred.emit(NO_BACKEND_MESSAGE)
            return
        if path is None:
            self._swap_source(QUrl())
            return
        file = Path(path)
        if not file.is_file():
            self._swap_source(QUrl())
            self.error_occurred.emit(cannot_play(f"the file {file.name} is missing"))
            return
        self._swap_source(QUrl.fromLocalFile(str(file.resolve())))

    def _swap_source(self, url: QUrl) -> None:
        """While it swaps sources, QMediaPlayer says the old one is loaded again;
        that must not pause it: the new source would then stay paused without ever
        decoding a frame (black until Play, even after a seek)."""
        assert self._player is not None
        self._swapping_source = True
        try:
            self._player.setSource(url)
        finally:
            self._swapping_source = False

    def _is_current_source(self, file: Path) -> bool:
        if self._player is None:
            return False
        source = self._player.source()
        status = self._player.mediaStatus()
        broken = (
            QMediaPlayer.MediaStatus.NoMedia,
            QMediaPlayer.MediaStatus.InvalidMedia,
        )
        return (
            not source.isEmpty()
            and status not in broken
            and file.is_file()
            and Path(source.toLocalFile()) == file.resolve()
        )

    def play(self) -> None:
        if self._player is not None and not self._player.source().isEmpty():
            self._player.play()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    def seek(self, ms: int) -> None:
        target = max(0, int(ms))
        if self._duration:
            target = min(target, self._duration)
        if self._player is None:
            self._set_position(target)
            return
        self._frames_flowing = False
        self._seek_target = target
        status = self._player.mediaStatus()
        if status in (
            QMediaPlayer.MediaStatus.NoMedia,
            QMediaPlayer.MediaStatus.LoadingMedia,
        ):
            self._pending_seek = target
        else:
            self._player.setPosition(target)
        self._set_position(target)

    def set_volume(self, volume: int) -> None:
        super().set_volume(volume)
        if self._audio is not None:
            self._audio.setVolume(self._volume / 100)

    def set_muted(self, muted: bool) -> None:
        super().set_muted(muted)
        if self._audio is not None:
            self._audio.setMuted(self._muted)

    def set_rate(self, rate: float) -> None:
        super().set_rate(rate)
        if self._player is not None:
            self._player.setPlaybackRate(self._rate)

    def _on_frame(self, frame: QVideoFrame) -> None:
        """While playing, each fresh frame's own start time is the position."""
        if not self._playing or not frame.isValid() or frame.startTime() < 0:
            return
        ms = frame.startTime() // 1000
        if self._seek_target is not None:
            if abs(ms - self._seek_target) > STALE_FRAME_MS:
                return
            self._seek_target = None
        self._frames_flowing = True
        self._set_position(ms)

    def _on_player_position(self, ms: int) -> None:
        if self._frames_flowing or self._awaiting_first_frame():
            return
        self._set_position(int(ms))

    def _awaiting_first_frame(self) -> bool:
        """Just after play starts the player's position runs ahead of the picture."""
        player = self._player
        return (
            self._playing
            and player is not None
            and player.hasVideo()
            and time.monotonic() - self._play_started < FIRST_FRAME_GRACE_S
        )

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        if playing and not self._playing:
            self._play_started = time.monotonic()
        if not playing:
            self._frames_flowing = False
        self._set_playing(playing)

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._swapping_source:
            return  # about the source being replaced
        if status == QMediaPlayer.MediaStatus.LoadedMedia:
            if self._pending_seek is not None and self._player is not None:
                self._player.setPosition(self._pending_seek)
            self._pending_seek = None
            if (
                self._player is not None
                and self._player.playbackState()
                == QMediaPlayer.PlaybackState.StoppedState
            ):
                self._player.pause()  # paused, unlike stopped, shows a frame
            self.media_loaded.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self.error_occurred.emit(self._invalid_message())

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if (
            error != QMediaPlayer.Error.NoError
            and error != QMediaPlayer.Error.FormatError
        ):
            self.error_occurred.emit(cannot_play(text or error.name))

    def _invalid_message(self) -> str:
        name = Path(self._player.source().toLocalFile()).name if self._player else ""
        return cannot_play(
            f"{name or 'the file'} is damaged or in a format this computer "
            "cannot decode"
        )
