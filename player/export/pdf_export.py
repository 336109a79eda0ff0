"""Transcript handouts as PDF and on paper, drawn by Qt's own writer from export HTML.

Usable without a window: `write_transcript_pdf` starts an offscreen QGuiApplication
when none is running (the command line does this). The HTML is the one
captions.export.to_html makes, so the PDF holds the same words, notices and
storytelling segments as every other export.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

RESOLUTION_DPI = 300
MARGINS_MM = QMarginsF(5, 2, 5, 2)  # QTextDocument.print_ adds 2 cm

# QTextDocument draws a subset of CSS: the storytelling box becomes a bordered table.
_HANDOUT_STYLE = """
h1 { font-size: 20pt; margin-bottom: 6pt; }
h2 { font-size: 14pt; margin-top: 6pt; margin-bottom: 4pt; }
p { margin-top: 0px; margin-bottom: 12px; }
p.module, p.credit { color: #333333; }
p.notice { font-style: italic; }
p.attribution { font-weight: bold; }
.speaker { font-weight: bold; }
.time { color: #333333; }
.sound { font-style: italic; }
"""
_SECTION_OPEN = re.compile(r'<section class="storytelling"[^>]*>')
_BOX_OPEN = (
    '<table class="storytelling" width="100%" border="1" cellspacing="0"'
    ' cellpadding="10" style="border-color: #333333; border-style: solid;'
    ' margin-top: 10px; margin-bottom: 16px;"><tr><td>'
)


def handout_html(html: str) -> str:
    """Export HTML adapted to what QTextDocument draws: the story in a bordered box."""
    boxed = _SECTION_OPEN.sub(_BOX_OPEN, html)
    return boxed.replace("</section>", "</td></tr></table>")


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen without a display)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        raise RuntimeError("a QCoreApplication is running: PDF needs a GUI one")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # widgets may follow in this process

    return QApplication(sys.argv[:1] or ["transcript-player"])


def transcript_document(html: str) -> QTextDocument:
    """The handout as a QTextDocument: print and PDF draw this same document."""
    document = QTextDocument()
    document.setDefaultStyleSheet(_HANDOUT_STYLE)
    document.setHtml(handout_html(html))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, html_title(html)
    )
    return document


def html_title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    if found is None:
        return "Transcript"
    from html import unescape

    return unescape(found.group(1)).strip() or "Transcript"


def print_document(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Lay the document out on `device`'s pages, with page numbers, and draw it."""
    document.setPageSize(QSizeF())  # invalid: print_ paginates and numbers the pages
    _keep_stories_on_one_page(document, device)
    document.print_(device)


def _keep_stories_on_one_page(
    document: QTextDocument, device: QPagedPaintDevice
) -> None:
    """Start a storytelling box on a new page when it would split but fits on one.

    The layout copies what QTextDocument.print_ does for an unpaginated document:
    the device's page, 2 cm margins.
    """
    margin = 2 / 2.54 * _source_dpi(document)  # print_ scales it to the device
    trial = document.clone()
    layout = trial.documentLayout()
    layout.setPaintDevice(device)
    root = trial.rootFrame().frameFormat()
    root.setMargin(margin)
    trial.rootFrame().setFrameFormat(root)
    page = QSizeF(device.width(), device.height())
    trial.setPageSize(page)
    room = page.height() - 2 * (2 / 2.54 * device.logicalDpiY())
    originals = _story_tables(document)
    for number, table in enumerate(_story_tables(trial)):
        box = layout.frameBoundingRect(table)
        first = int(box.top() // page.height())
        last = int((box.bottom() - 1) // page.height())
        if first != last and box.height() <= room and number < len(originals):
            original = originals[number]
            fmt = original.frameFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            original.setFrameFormat(fmt)


def _source_dpi(document: QTextDocument) -> float:
    source = document.documentLayout().paintDevice()
    if source is not None:
        return float(source.logicalDpiY())
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen is not None else 96.0


def _story_tables(document: QTextDocument) -> list[QTextTable]:
    return [
        frame
        for frame in document.rootFrame().childFrames()
        if isinstance(frame, QTextTable)
    ]


def transcript_pdf_bytes(html: str, title: str = "") -> bytes:
    """The PDF of an export HTML document, A4 portrait, as bytes."""
    ensure_gui_application()
    document = transcript_document(html)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title or html_title(html))
    writer.setCreator("Transcript Player")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    print_document(document, writer)
    del writer  # ends the PDF: the trailer is written when the writer goes
    buffer.close()
    return bytes(data.data())


def write_transcript_pdf(html: str, path: str | Path) -> None:
    """Write the PDF of an export HTML document to `path` (replaced whole)."""
    from player.core.file_write import write_bytes_file

    write_bytes_file(path, transcript_pdf_bytes(html))
