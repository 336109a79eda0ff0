"""Handing out the transcript: PDF read back with QtPdf, VTT/SRT loaded back.

The export feature is built on a context (tests/player/rig.py), not a whole window.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from captions.loader import load_track, load_track_bytes
from captions.model import Cue, Track
from media.manifest import load_module
from media.model import Segment
from media.samples import sample_module_path
from player.export.export_feature import TranscriptExport
from player.export.pdf_export import write_transcript_pdf
from player.export.transcript_export import (
    ExportSource,
    export_bytes,
    export_text,
    print_with_dialog,
)

STORY_START, STORY_END = 127_648, 179_789
ATTRIBUTION = "Rose Henry, Aboriginal community consultant, Coast Salish territory"


@pytest.fixture(scope="module")
def sample() -> ExportSource:
    module = load_module(sample_module_path())
    video = module.video("building-trust")
    ref = video.default_track()
    assert ref is not None
    track = load_track(ref.file, kind=ref.kind, language=ref.language, label=ref.label)
    return ExportSource(
        track,
        module.title,
        video.title,
        module.credit,
        tuple(video.segments),
        "en",
        "sample",
    )


def story(source: ExportSource) -> Segment:
    (segment,) = source.segments
    assert (segment.start_ms, segment.end_ms) == (STORY_START, STORY_END)
    assert segment.attribution == ATTRIBUTION
    return segment


def story_cues(source: ExportSource) -> list[Cue]:
    cues = [c for c in source.track.cues if STORY_START <= c.start_ms < STORY_END]
    assert len(cues) >= 10
    return cues


def pdf_text(path: Path) -> str:
    """Every page's text, white space removed (line breaks fall anywhere)."""
    document = QPdfDocument(None)
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(p).text() for p in range(document.pageCount())]
    document.close()
    return "".join("".join(pages).split())


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    ("start_ms", "end_ms"),
    [
        (140_000, 150_000),  # inside the story
        (110_000, 128_500),  # touching its start
        (179_000, 190_000),  # touching its end
    ],
)
def test_a_pdf_excerpt_touching_the_story_holds_all_of_it(
    qapp, sample: ExportSource, tmp_path: Path, start_ms: int, end_ms: int
) -> None:
    target = tmp_path / "excerpt.pdf"
    write_transcript_pdf(export_text(sample, "html", start_ms, end_ms), target)
    text = pdf_text(target)
    story(sample)
    for cue in story_cues(sample):
        assert squash(cue.plain) in text, cue.plain
    assert squash(ATTRIBUTION) in text
    assert squash("Storytelling segment: Telling their own stories") in text
    assert squash("was widened to") in text
    assert squash("includes the whole storytelling segment") in text
    assert squash(sample.module_title) in text and squash(sample.credit) in text


def test_a_pdf_excerpt_away_from_the_story_leaves_it_out(
    qapp, sample: ExportSource, tmp_path: Path
) -> None:
    target = tmp_path / "opening.pdf"
    write_transcript_pdf(export_text(sample, "html", 10_000, 20_000), target)
    text = pdf_text(target)
    assert squash("Excerpt: 0:10 to 0:20.") in text
    assert squash(story_cues(sample)[0].plain) not in text
    assert squash("Storytelling segment") not in text


def test_the_whole_pdf_is_a_paged_handout(
    qapp, sample: ExportSource, tmp_path: Path
) -> None:
    target = tmp_path / "whole.pdf"
    target.write_bytes(export_bytes(sample, "pdf", None, None))
    document = QPdfDocument(None)
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() >= 2
    assert document.metaData(QPdfDocument.MetaDataField.Title) == (
        f"Transcript: {sample.video_title}"
    )
    image = document.render(0, QSize(595, 842))
    assert not image.isNull() and _ink(image) > 0.01
    text = pdf_text(target)
    for cue in sample.track.cues:
        assert squash(cue.plain) in text, cue.plain
    assert squash(ATTRIBUTION) in text


def _ink(image: QImage) -> float:
    """Share of sampled pixels that are not white: the page has something on it."""
    dark = total = 0
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 200
    return dark / total


@pytest.mark.parametrize("excerpt", [(None, None), (140_000, 150_000)])
def test_vtt_export_loads_back_to_the_same_cues(
    sample: ExportSource, excerpt: tuple[int | None, int | None]
) -> None:
    data = export_bytes(sample, "vtt", *excerpt)
    loaded = load_track_bytes(data, "export.vtt")
    expected = _expected(sample.track, excerpt)
    (credit,) = [c for c in loaded.cues if c.identifier == "storytelling-attribution-1"]
    assert (credit.start_ms, credit.end_ms) == (STORY_START, STORY_END)
    assert "Stand-in for the story of Rose Henry" in credit.plain
    cues = [c for c in loaded.cues if c.identifier != credit.identifier]
    assert [(c.start_ms, c.end_ms, c.text, c.voice) for c in cues] == [
        (c.start_ms, c.end_ms, c.text, c.voice) for c in expected
    ]


@pytest.mark.parametrize("excerpt", [(None, None), (140_000, 150_000)])
def test_srt_export_loads_back_to_the_same_cues(
    sample: ExportSource, excerpt: tuple[int | None, int | None]
) -> None:
    """SRT has no voices: a name leads where the speaker changes; the story is named."""
    loaded = load_track_bytes(export_bytes(sample, "srt", *excerpt), "export.srt")
    marker = [c for c in loaded.cues if c.plain.startswith("[Storytelling segment")]
    assert [(c.start_ms, c.end_ms) for c in marker] == [(STORY_START, STORY_END)]
    assert ATTRIBUTION in marker[0].plain
    rest = [c for c in loaded.cues if c not in marker]
    expected = _expected(sample.track, excerpt)
    assert [(c.start_ms, c.end_ms) for c in rest] == [
        (c.start_ms, c.end_ms) for c in expected
    ]
    for got, want in zip(rest, expected, strict=True):
        words = " ".join(got.plain.split())
        if want.voice and words.startswith(f"{want.voice}: "):
            words = words[len(want.voice) + 2 :]
        assert words == " ".join(want.plain.split())


def _expected(track: Track, excerpt: tuple[int | None, int | None]) -> list[Cue]:
    if excerpt == (None, None):
        return list(track.cues)
    return [c for c in track.cues if STORY_START <= c.start_ms < STORY_END]


def test_text_exports_keep_titles_and_attribution(sample: ExportSource) -> None:
    for fmt in ("txt", "html"):
        text = export_bytes(sample, fmt, 140_000, 141_000).decode("utf-8")
        assert ATTRIBUTION in text and sample.module_title in text
        assert "was widened to 2:07 to 2:59" in text


# -- the window: File > Export transcript…, File > Print transcript… ------------------


class Exporting:
    """File > Export transcript… and File > Print transcript… on a context."""

    def __init__(self, rig) -> None:  # type: ignore[no-untyped-def]
        self.rig = rig
        self.transcript_export = rig.add(TranscriptExport(rig.ctx))
        self.keymap, self.status = rig.ctx.actions, rig.status


@pytest.fixture
def make_window(make_rig):  # type: ignore[no-untyped-def]
    return lambda: Exporting(make_rig())


@pytest.fixture
def window(make_window, module_folder):  # type: ignore[no-untyped-def]
    bench = make_window()
    bench.rig.open(module_folder)
    return bench


def test_the_dialog_says_the_story_grows_before_writing(
    qtbot, window, tmp_path: Path
) -> None:
    window.keymap["export_transcript"].trigger()
    dialog = window.transcript_export.dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert dialog.notice_text().startswith("The whole transcript")
    dialog.set_format("pdf")
    dialog.set_excerpt(8_000, 9_000)  # inside the test module's story
    notice_when_asked: list[str] = []
    target = tmp_path / "handout"

    def choose(_parent, _title, suggested, filters):  # type: ignore[no-untyped-def]
        notice_when_asked.append(dialog.notice_text())
        assert suggested.endswith("test-module-first-transcript.pdf")
        assert "*.pdf" in filters
        return str(target)

    dialog.save_path = choose
    dialog.export_button.click()
    (notice,) = notice_when_asked
    assert "widened to 0:07 to 0:12" in notice
    assert "whole storytelling segment" in notice
    assert "A storyteller, community consultant (test stand-in)" in notice
    written = target.with_suffix(".pdf")
    assert dialog.written == written
    text = pdf_text(written)
    assert squash("This stands in for the recorded story.") in text
    assert squash("People tell their own stories in their own way.") in text
    assert squash("A storyteller, community consultant (test stand-in)") in text
    qtbot.waitUntil(lambda: window.transcript_export.dialog is None)


def test_a_bad_excerpt_is_said_and_cannot_be_exported(qtbot, window) -> None:
    dialog = window.transcript_export.open_dialog()
    dialog.excerpt_box.setChecked(True)
    dialog.from_field.setText("soon")
    assert "“From” is not a time" in dialog.notice_text()
    assert not dialog.export_button.isEnabled()
    dialog.set_excerpt(9_000, 8_000)
    assert "“To” must come after “From”" in dialog.notice_text()
    dialog.set_excerpt(1_000, 2_000)
    assert dialog.export_button.isEnabled()
    assert dialog.notice_text() == "Excerpt: 0:01 to 0:02."
    dialog.reject()


@pytest.mark.parametrize("fmt", ["vtt", "srt", "txt", "html"])
def test_the_dialog_writes_each_format(qtbot, window, tmp_path: Path, fmt) -> None:
    dialog = window.transcript_export.open_dialog()
    dialog.set_format(fmt)
    dialog.save_path = lambda *_args: str(tmp_path / f"out.{fmt}")
    dialog.export_button.click()
    text = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    assert "People tell their own stories in their own way." in text


def test_print_draws_the_same_document(qtbot, window, tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"

    def to_file(_parent, printer) -> bool:  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    exporter = window.transcript_export
    exporter.print_html = lambda parent, html: print_with_dialog(parent, html, to_file)
    window.keymap["print_transcript"].trigger()
    text = pdf_text(target)
    assert squash("Welcome to the module.") in text
    assert squash("A storyteller, community consultant (test stand-in)") in text
    assert squash("That is the end.") in text


def test_ctrl_p_opens_the_print_dialog_and_cancel_prints_nothing(qtbot, window) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    seen: list[str] = []

    def cancel_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(10, cancel_when_shown)
            return
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, cancel_when_shown)
    assert window.transcript_export.print_transcript() is False
    assert seen == ["Print transcript"]


def test_nothing_to_export_without_a_video(make_window) -> None:
    empty = make_window()
    assert empty.transcript_export.open_dialog() is None
    assert "no transcript to export" in empty.status.text()


def test_the_cli_writes_a_pdf_without_a_display(tmp_path: Path) -> None:
    target = tmp_path / "cli.pdf"
    unset = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    done = subprocess.run(
        [sys.executable, "-m", "player.cli", "export", str(sample_module_path()),
         "--video", "building-trust", "--format", "pdf", "--from", "2:30",
         "--to", "2:31", "-o", str(target)],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    text = pdf_text(target)
    assert squash(ATTRIBUTION) in text
    assert squash("When you watch it, listen all the way through.") in text


def test_exported_files_get_ordinary_permissions(tmp_path: Path) -> None:
    from player.core.file_write import write_text_file

    fresh = tmp_path / "handout.txt"
    write_text_file(fresh, "hello")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    fresh.chmod(0o640)
    write_text_file(fresh, "again")
    assert fresh.stat().st_mode & 0o777 == 0o640
    assert fresh.read_text() == "again"


def test_the_dialog_refuses_an_altered_story_before_anything_is_written(
    qtbot, tmp_path: Path
) -> None:
    import shutil

    from PySide6.QtCore import QCoreApplication, QEvent

    from player.export.transcript_export import ExportDialog

    folder = tmp_path / "sample"
    shutil.copytree(sample_module_path(), folder)
    captions = folder / "building-trust.en.vtt"
    text = captions.read_text(encoding="utf-8")
    captions.write_text(text.replace("These are not her words.", "Her words."), "utf-8")
    module = load_module(folder)
    video = module.video("building-trust")
    ref = video.default_track()
    assert ref is not None
    track = load_track(ref.file, kind=ref.kind, language=ref.language, label=ref.label)
    source = ExportSource(
        track, module.title, video.title, module.credit, video.segments, "en", "x"
    )
    for _ in range(2):  # a dialog opened twice in one session
        dialog = ExportDialog(source, 0)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.notice_text().startswith(
            "Not exported: the story “Telling their own stories (stand-in)”"
        )
        assert "the words of the cue at 2:27.891 changed" in dialog.notice_text()
        assert not dialog.export_button.isEnabled()
        assert not dialog.print_button.isEnabled()
        dialog.set_format("srt")
        dialog.set_excerpt(140_000, 141_000)  # inside the story: refused too
        assert not dialog.export_button.isEnabled()
        dialog.set_excerpt(10_000, 20_000)  # away from it: may be handed out
        assert dialog.export_button.isEnabled()
        assert "Stand-in" not in dialog.notice_text()
        dialog.reject()
        dialog.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_printing_an_altered_story_is_refused_with_the_reason(
    make_window, tmp_path: Path
) -> None:
    import shutil

    folder = tmp_path / "sample"
    shutil.copytree(sample_module_path(), folder)
    captions = folder / "building-trust.en.vtt"
    text = captions.read_text(encoding="utf-8")
    captions.write_text(text.replace("These are not her words.", "Her words."), "utf-8")
    window = make_window()
    window.rig.open(folder)
    printed: list[str] = []
    window.transcript_export.print_html = lambda _parent, html: bool(
        printed.append(html)
    )
    assert window.transcript_export.print_transcript() is False
    assert printed == []
    (message,) = window.status.messages("export")
    assert message.startswith("Not printed: the story “Telling their own stories")
