"""File > Export transcript… and File > Print transcript… for the video on show."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from player.export.transcript_export import (
    ExportDialog,
    ExportSource,
    print_with_dialog,
)

if TYPE_CHECKING:
    from player.shell.main_window import MainWindow


def export_source(window: MainWindow) -> ExportSource | None:
    """The transcript on show (the one the transcript panel shows), with titles."""
    module, video = window.module, window.video
    track = window.transcript_track or window.current_track()
    if module is None or video is None or track is None or not len(track):
        return None
    return ExportSource(
        track=track,
        module_title=module.title,
        video_title=video.title,
        credit=module.credit,
        segments=tuple(video.segments),
        language=track.language or module.language,
        file_stem=f"{module.id}-{video.id}-transcript",
    )


class TranscriptExport:
    """Opens the export dialog and the print dialog; tests swap `print_html`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ExportDialog | None = None
        self.print_html: Callable[[QWidget, str], bool] = print_with_dialog

    def open_dialog(self) -> ExportDialog | None:
        source = export_source(self.window)
        if source is None:
            self.window.status.add_message(
                "export", "There is no transcript to export for this video."
            )
            return None
        self.window.status.clear("export")
        if self.dialog is not None:
            self.dialog.reject()
        dialog = ExportDialog(source, self.window.playback.position(), self.window)
        dialog.print_html = self.print_html
        dialog.finished.connect(lambda _result: self._done(dialog))
        self.dialog = dialog
        dialog.open()
        dialog.format_box.setFocus()
        return dialog

    def _done(self, dialog: ExportDialog) -> None:
        if dialog.written is not None:
            self.window.status.announce(f"Transcript exported to {dialog.written}")
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def print_transcript(self) -> bool:
        """Print the whole transcript on show (the export dialog prints excerpts)."""
        from player.export.transcript_export import export_text

        source = export_source(self.window)
        if source is None:
            self.window.status.add_message(
                "export", "There is no transcript to print for this video."
            )
            return False
        return self.print_html(self.window, export_text(source, "html", None, None))


def install_transcript_export(window: MainWindow) -> TranscriptExport:
    exporter = TranscriptExport(window)
    window.keymap.connect("export_transcript", exporter.open_dialog)
    window.keymap.connect("print_transcript", exporter.print_transcript)
    return exporter
