"""Hand out a video's transcript: what to write for each format, and the export dialog.

The words come from captions.export, so an excerpt that touches a storytelling segment
grows to the whole segment with its attribution; the dialog shows that notice while the
user chooses, before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from captions import export
from captions.model import Track
from captions.timefmt import format_clock, parse_time
from media.model import Segment
from player.core.file_write import write_bytes_file
from player.core.notify import without_seal_values
from player.export.pdf_export import (
    html_title,
    print_document,
    transcript_document,
    transcript_pdf_bytes,
)

# (format, label in the dialog, file suffix, save dialog filter)
FORMATS: tuple[tuple[str, str, str, str], ...] = (
    ("pdf", "PDF handout", "pdf", "PDF documents (*.pdf)"),
    ("html", "Web page (HTML)", "html", "Web pages (*.html *.htm)"),
    ("txt", "Plain text", "txt", "Text files (*.txt)"),
    ("vtt", "Captions, WebVTT", "vtt", "WebVTT captions (*.vtt)"),
    ("srt", "Captions, SubRip (SRT)", "srt", "SubRip captions (*.srt)"),
)
EXCERPT_SECONDS = 30


@dataclass(frozen=True)
class ExportSource:
    """What an export of the video on show is made of."""

    track: Track
    module_title: str
    video_title: str
    credit: str
    segments: tuple[Segment, ...]
    language: str
    file_stem: str


def export_text(
    source: ExportSource, fmt: str, start_ms: int | None, end_ms: int | None
) -> str:
    """The export as text in txt, html, vtt or srt; segments stay whole."""
    return export.export_as(
        fmt,
        source.track,
        module_title=source.module_title,
        video_title=source.video_title,
        credit=source.credit,
        segments=source.segments,
        start_ms=start_ms,
        end_ms=end_ms,
        language=source.language,
    )


def export_bytes(
    source: ExportSource, fmt: str, start_ms: int | None, end_ms: int | None
) -> bytes:
    """The file's bytes: PDF drawn by Qt from the HTML export, the rest UTF-8."""
    if fmt == "pdf":
        return transcript_pdf_bytes(export_text(source, "html", start_ms, end_ms))
    return export_text(source, fmt, start_ms, end_ms).encode("utf-8")


def excerpt_notices(
    source: ExportSource, start_ms: int | None, end_ms: int | None
) -> tuple[str, ...]:
    """What the export will say about its excerpt (widening, whole segments)."""
    if start_ms is None and end_ms is None:
        return ()
    spans = export.story_spans(source.track, source.segments, start_ms, end_ms)
    return export.plan_export(source.track.cues, spans, start_ms, end_ms).notices


def save_file_path(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


class ExportDialog(QDialog):
    """Format, an optional excerpt (from / to), the notice, then Export… or Print….

    `save_path` and `print_html` are the blocking steps; tests replace them.
    """

    def __init__(
        self, source: ExportSource, position_ms: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(f"Export transcript: {source.video_title}")
        self.source = source
        self.written: Path | None = None
        self.save_path: Callable[[QWidget, str, str, str], str] = save_file_path
        self.print_html: Callable[[QWidget, str], bool] | None = None
        self._build(position_ms)
        self._connect()
        self._update()

    def _build(self, position_ms: int) -> None:
        self.format_box = QComboBox(self)
        for fmt, label, _suffix, _filter in FORMATS:
            self.format_box.addItem(label, fmt)
        self.format_box.setAccessibleName("Format")
        self.format_box.setToolTip("Format of the exported file")
        self.excerpt_box = QCheckBox("Only an &excerpt", self)
        self.excerpt_box.setToolTip("Export only the part between two times")
        start = self._cue_start(position_ms)
        self.from_field = self._time_field(start, "Excerpt from")
        self.to_field = self._time_field(start + EXCERPT_SECONDS * 1000, "Excerpt to")
        self.notice = QLabel(self)
        self.notice.setObjectName("exportNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setMinimumWidth(440)
        self.notice.setMargin(6)
        self.notice.setStyleSheet(
            "QLabel { border-left: 4px solid #555555; background: #f4f4f4;"
            " color: #111111; }"
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self._add_button("&Export…", "Write the file")
        self.print_button = self._add_button("&Print…", "Print the transcript")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            "Close without exporting (Esc)"
        )
        self.export_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self._label("&Format:", self.format_box), self.format_box)
        form.addRow(self.excerpt_box)
        form.addRow(self._label("Fr&om:", self.from_field), self.from_field)
        form.addRow(self._label("&To:", self.to_field), self.to_field)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.export_button.clicked.connect(self.export_chosen)
        self.print_button.clicked.connect(self.print_chosen)
        self.buttons.rejected.connect(self.reject)
        self.excerpt_box.toggled.connect(self._update)
        self.from_field.textChanged.connect(self._update)
        self.to_field.textChanged.connect(self._update)
        self.format_box.currentIndexChanged.connect(self._update)

    def _cue_start(self, position_ms: int) -> int:
        index = self.source.track.index_at_or_before(position_ms)
        return self.source.track.cues[index].start_ms if index >= 0 else 0

    def _time_field(self, ms: int, name: str) -> QLineEdit:
        field = QLineEdit(format_clock(ms), self)
        field.setAccessibleName(name)
        field.setToolTip(f"{name}: a time such as 2:07 or 0:02:07.500")
        return field

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _add_button(self, text: str, tip: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.setToolTip(tip)
        return button

    # -- state ------------------------------------------------------------------------

    def chosen_format(self) -> str:
        return str(self.format_box.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))

    def set_excerpt(self, start_ms: int, end_ms: int) -> None:
        self.excerpt_box.setChecked(True)
        self.from_field.setText(format_clock(start_ms))
        self.to_field.setText(format_clock(end_ms))

    def excerpt(self) -> tuple[int | None, int | None]:
        """(None, None) for the whole video; raises ValueError for a bad range."""
        if not self.excerpt_box.isChecked():
            return None, None
        start = _parse(self.from_field.text(), "From")
        end = _parse(self.to_field.text(), "To")
        if end <= start:
            raise ValueError("“To” must come after “From”.")
        return start, end

    def _update(self) -> None:
        excerpt = self.excerpt_box.isChecked()
        self.from_field.setEnabled(excerpt)
        self.to_field.setEnabled(excerpt)
        try:
            start, end = self.excerpt()
        except ValueError as exc:
            self._show_notice(str(exc), ok=False)
            return
        refused = export.story_export_refusal(
            self.source.track, self.source.segments, start, end
        )
        if refused:
            self._show_notice(f"Not exported: {refused}", ok=False)
            return
        notices = excerpt_notices(self.source, start, end)
        text = " ".join(notices) if notices else _whole_text(self.source)
        self._show_notice(text, ok=True)

    def _show_notice(self, text: str, *, ok: bool) -> None:
        text = without_seal_values(text)
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.adjustSize()  # a longer notice needs more lines
        self.export_button.setEnabled(ok)
        self.print_button.setEnabled(ok)

    def notice_text(self) -> str:
        return self.notice.text()

    # -- actions ----------------------------------------------------------------------

    def export_chosen(self) -> Path | None:
        """Ask where, then write; the notice was on screen before this was pressed."""
        fmt = self.chosen_format()
        suffix, filters = next((f[2], f[3]) for f in FORMATS if f[0] == fmt)
        suggested = Path(_documents()) / f"{self.source.file_stem}.{suffix}"
        chosen = self.save_path(self, "Export transcript", str(suggested), filters)
        if not chosen:
            return None
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(f".{suffix}")
        start, end = self.excerpt()
        try:
            write_bytes_file(target, export_bytes(self.source, fmt, start, end))
        except OSError as exc:
            self._show_notice(f"{target}: not written ({exc.strerror})", ok=True)
            return None
        self.written = target
        self.accept()
        return target

    def print_chosen(self) -> bool:
        start, end = self.excerpt()
        html = export_text(self.source, "html", start, end)
        printer = self.print_html or print_with_dialog
        if printer(self, html):
            self.accept()
            return True
        return False


def _parse(text: str, name: str) -> int:
    try:
        return parse_time(text.strip())
    except ValueError:
        raise ValueError(f"“{name}” is not a time: try 2:07 or 0:02:07.500.") from None


def _whole_text(source: ExportSource) -> str:
    if not source.segments:
        return "The whole transcript."
    names = ", ".join(f"“{s.title}”" for s in source.segments)
    return f"The whole transcript, with the storytelling segment {names} attributed."


def _documents() -> str:
    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )


def print_with_dialog(
    parent: QWidget,
    html: str,
    confirm: Callable[[QWidget, Any], bool] | None = None,
) -> bool:
    """Show the print dialog; on OK print the same document the PDF export draws."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(html_title(html))
    if not (confirm or _run_print_dialog)(parent, printer):
        return False
    print_document(transcript_document(html), printer)
    return True


def _run_print_dialog(parent: QWidget, printer: Any) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setWindowTitle("Print transcript")
    return dialog.exec() == QDialog.DialogCode.Accepted
