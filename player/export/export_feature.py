"""File > Export transcript… and File > Print transcript… for the video on show.

The dialogs, the formats and the PDF and print code are imported on first use
(about 25 ms that no start needs to pay).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from captions.story_check import StoryAlteredError
from player.core.context import PlayerContext
from player.core.contribution import Contribution
from player.core.now_showing import NowShowing

if TYPE_CHECKING:
    from player.export.transcript_export import ExportDialog, ExportSource


def print_with_dialog(parent: QWidget, html: str) -> bool:
    """Qt's print dialog for `html` (player/export/transcript_export.py)."""
    from player.export.transcript_export import print_with_dialog as print_html

    return print_html(parent, html)


def export_source(showing: NowShowing) -> ExportSource | None:
    """The transcript on show (the one the transcript panel shows), with titles."""
    module, video = showing.module, showing.video
    track = showing.transcript_track or showing.current_track()
    if module is None or video is None or track is None or not len(track):
        return None
    from player.export.transcript_export import ExportSource

    return ExportSource(
        track=track,
        module_title=module.title,
        video_title=video.title,
        credit=module.credit,
        segments=tuple(video.segments),
        language=track.language or module.language,
        file_stem=f"{module.id}-{video.id}-transcript",
    )


class TranscriptExport(QObject):
    """Opens the export dialog and the print dialog; tests swap `print_html`."""

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.window = ctx.window  # the parent of the dialogs
        self.dialog: ExportDialog | None = None
        self.print_html: Callable[[QWidget, str], bool] = print_with_dialog

    def contribution(self) -> Contribution:
        return Contribution(
            commands={
                "export_transcript": self.open_dialog,
                "print_transcript": self.print_transcript,
            }
        )

    def open_dialog(self) -> ExportDialog | None:
        source = export_source(self.ctx.showing)
        if source is None:
            self.ctx.notify.problem(
                "export", "There is no transcript to export for this video."
            )
            return None
        self.ctx.notify.clear("export")
        if self.dialog is not None:
            self.dialog.reject()
        from player.export.transcript_export import ExportDialog

        dialog = ExportDialog(source, self.ctx.playback.position(), self.window)
        dialog.print_html = self.print_html
        dialog.finished.connect(lambda _result: self._done(dialog))
        self.dialog = dialog
        dialog.open()
        dialog.format_box.setFocus()
        return dialog

    def _done(self, dialog: ExportDialog) -> None:
        if dialog.written is not None:
            self.ctx.notify.announce(f"Transcript exported to {dialog.written}")
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def print_transcript(self) -> bool:
        """Print the whole transcript on show (the export dialog prints excerpts)."""
        from player.export.transcript_export import export_text

        source = export_source(self.ctx.showing)
        if source is None:
            self.ctx.notify.problem(
                "export", "There is no transcript to print for this video."
            )
            return False
        try:
            html = export_text(source, "html", None, None)
        except StoryAlteredError as refused:
            self.ctx.notify.problem("export", f"Not printed: {refused.reason}")
            return False
        return self.print_html(self.window, html)
