"""A playback facade without QtMultimedia, for tests and benchmarks of the widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from player.playback.facade import PlaybackBase, cannot_play


class FakePlayback(PlaybackBase):
    """Moves time only when told to (`advance_to`): widget tests stay deterministic."""

    def __init__(
        self, parent: QObject | None = None, *, duration_ms: int = 60_000
    ) -> None:
        super().__init__(parent)
        self.default_duration_ms = duration_ms
        self.source: Path | None = None
        self.calls: list[tuple[str, object]] = []

    def silent_companion(self, parent: QObject | None = None) -> FakePlayback:
        return FakePlayback(parent, duration_ms=self.default_duration_ms)

    def set_source(self, path: str | Path | None) -> None:
        self.calls.append(("set_source", path))
        if path is not None and Path(path) == self.source and self._duration:
            self.duration_changed.emit(self._duration)  # as the real facade does
            self.position_changed.emit(self._position)
            return
        self._set_playing(False)
        self._set_position(0)
        self.source = Path(path) if path is not None else None
        if self.source is None:
            self._set_duration(0)
            return
        if not self.source.is_file():
            self._set_duration(0)
            self.error_occurred.emit(
                cannot_play(f"the file {self.source.name} is missing")
            )
            return
        self._set_duration(self.default_duration_ms)
        self.media_loaded.emit()

    def play(self) -> None:
        self.calls.append(("play", None))
        if self.source is not None and self._duration:
            self._set_playing(True)

    def pause(self) -> None:
        self.calls.append(("pause", None))
        self._set_playing(False)

    def seek(self, ms: int) -> None:
        self.calls.append(("seek", ms))
        self._set_position(max(0, min(int(ms), self._duration or int(ms))))

    def set_rate(self, rate: float) -> None:
        self.calls.append(("set_rate", rate))
        super().set_rate(rate)

    def advance_to(self, ms: int) -> None:
        """Pretend a frame starting at `ms` was shown."""
        self._set_position(ms)

    def fail(self, message: str) -> None:
        """Pretend the backend reported an error."""
        self._set_playing(False)
        self.error_occurred.emit(message)
