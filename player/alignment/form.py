"""The fields of "Make captions from a transcript": what to align, how, and where
the captions go, with a line saying what will happen.

File choosers are attributes so tests can answer them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from media.align_job import AlignJob, default_output
from player.alignment.plan import (
    LANGUAGES,
    ShownVideo,
    job_from_form,
    plan_lines,
    transcript_beside,
)

MEDIA_FILTER = (
    "Video and audio (*.mp4 *.m4v *.mov *.webm *.mkv *.ogv *.avi *.wav *.mp3 *.m4a"
    " *.ogg *.flac *.opus);;All files (*)"
)
TRANSCRIPT_FILTER = "Plain text (*.txt);;All files (*)"
CAPTIONS_FILTER = "WebVTT captions (*.vtt);;All files (*)"
NOTICE_STYLE = (
    "QLabel { border-left: 4px solid #555555; background: #f4f4f4; color: #111111; }"
)
Chooser = Callable[[QWidget, str, str, str], str]


def open_file_path(parent: QWidget, title: str, start: str, filters: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, start, filters)[0]


def save_file_path(parent: QWidget, title: str, start: str, filters: str) -> str:
    options = QFileDialog.Option.DontConfirmOverwrite  # the dialog asks on start
    return QFileDialog.getSaveFileName(parent, title, start, filters, "", options)[0]


def folder_path(parent: QWidget, title: str, start: str, _filters: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


def notice_label(parent: QWidget, name: str) -> QLabel:
    """Plain text that wraps and can be selected: never read as markup."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setMargin(6)
    label.setStyleSheet(NOTICE_STYLE)
    return label


class AlignForm(QWidget):
    """Recording, transcript, language, model folder, output; the plan below."""

    def __init__(self, shown: ShownVideo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown = shown
        self.choose_open: Chooser = open_file_path
        self.choose_save: Chooser = save_file_path
        self.choose_folder: Chooser = folder_path
        self._output_chosen = False
        self._build()
        self._connect()
        if shown is not None:
            self.media_field.setText(str(shown.file))
        self._update_plan()

    def _build(self) -> None:
        self.media_field = self._field(
            "Video or audio file", "The recording whose speech the transcript follows"
        )
        self.transcript_field = self._field(
            "Transcript file, plain UTF-8 text",
            "Paragraphs separated by blank lines, an optional “Name:” for the "
            "speaker, [sounds] in brackets; the player's own .txt export works",
        )
        self.language_box = QComboBox(self)
        self.language_box.setEditable(True)
        self.language_box.addItems(LANGUAGES)
        self.language_box.setAccessibleName("Language of the speech")
        self.language_box.setToolTip(
            "A language tag such as en or fr-CA. English comes with the player; "
            "another language needs a speech model folder."
        )
        typed = self.language_box.lineEdit()  # what a screen reader lands on
        if typed is not None:
            typed.setAccessibleName("Language of the speech")
        self.model_field = self._field(
            "Speech model folder (not needed for English)",
            "For another language: a pocketsphinx model folder (an acoustic model "
            "folder and one .dict pronouncing dictionary)",
        )
        self.output_field = self._field(
            "Save the captions as",
            "A WebVTT file; at first beside the recording as NAME.LANGUAGE.vtt. "
            "An existing file is replaced only if you agree.",
        )
        self.plan = notice_label(self, "alignPlan")
        form = QFormLayout()
        self.media_choose = self._row(form, "&Video or audio:", self.media_field)
        self.transcript_choose = self._row(form, "&Transcript:", self.transcript_field)
        form.addRow(self._label("&Language:", self.language_box), self.language_box)
        self.model_choose = self._row(form, "Speech mo&del folder:", self.model_field)
        self.output_choose = self._row(form, "&Save captions as:", self.output_field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.plan)

    def _field(self, name: str, description: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setAccessibleName(name)
        field.setAccessibleDescription(description)
        field.setToolTip(description)
        return field

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _row(self, form: QFormLayout, text: str, field: QLineEdit) -> QPushButton:
        choose = QPushButton("Choose…", self)
        choose.setAutoDefault(False)
        what = field.accessibleName().split(" (")[0].split(",")[0]
        choose.setAccessibleName(f"Choose: {what}")
        choose.setToolTip(f"Choose: {what}")
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(choose)
        form.addRow(self._label(text, field), row)
        return choose

    def _connect(self) -> None:
        self.media_field.textChanged.connect(self._media_changed)
        self.transcript_field.textChanged.connect(self._update_plan)
        self.language_box.currentTextChanged.connect(self._default_output)
        self.output_field.textEdited.connect(self._output_edited)
        self.output_field.textChanged.connect(self._update_plan)
        self.media_choose.clicked.connect(self._choose_media)
        self.transcript_choose.clicked.connect(self._choose_transcript)
        self.model_choose.clicked.connect(self._choose_model)
        self.output_choose.clicked.connect(self._choose_output)

    # -- state ------------------------------------------------------------------------

    def job(self) -> AlignJob:
        """The job the fields describe; ValueError says which field to fix."""
        return job_from_form(
            self.media_field.text(),
            self.transcript_field.text(),
            self.language_box.currentText(),
            self.model_field.text(),
            self.output_field.text(),
        )

    def set_editable(self, editable: bool) -> None:
        for widget in (
            self.media_field,
            self.transcript_field,
            self.language_box,
            self.model_field,
            self.output_field,
            self.media_choose,
            self.transcript_choose,
            self.model_choose,
            self.output_choose,
        ):
            widget.setEnabled(editable)

    def _media_changed(self, text: str) -> None:
        media = Path(text.strip()) if text.strip() else None
        if media is not None and not self.transcript_field.text().strip():
            found = transcript_beside(media)
            if found is not None:
                self.transcript_field.setText(str(found))
        self._default_output()

    def _output_edited(self, _text: str) -> None:
        self._output_chosen = True

    def _default_output(self, _text: str = "") -> None:
        """Beside the media as NAME.LANG.vtt, until the person names a file."""
        media = self.media_field.text().strip()
        if self._output_chosen or not media:
            return
        language = self.language_box.currentText().strip() or "en"
        self.output_field.setText(str(default_output(Path(media), language)))

    def _update_plan(self, _text: str = "") -> None:
        self.plan.show()
        media, output = self.media_field.text(), self.output_field.text()
        if not media.strip() or not output.strip():
            self.plan.setText("Choose the recording, its transcript and the output.")
            return
        lines = plan_lines(Path(media.strip()), Path(output.strip()), self.shown)
        self.plan.setText(" ".join(lines))

    # -- choosing files ---------------------------------------------------------------

    def _choose(self, field: QLineEdit, chooser: Chooser, filters: str) -> bool:
        chosen = chooser(self, field.accessibleName(), field.text(), filters)
        if chosen:
            field.setText(chosen)
        return bool(chosen)

    def _choose_media(self) -> None:
        self._choose(self.media_field, self.choose_open, MEDIA_FILTER)

    def _choose_transcript(self) -> None:
        self._choose(self.transcript_field, self.choose_open, TRANSCRIPT_FILTER)

    def _choose_model(self) -> None:
        self._choose(self.model_field, self.choose_folder, "")

    def _choose_output(self) -> None:
        if self._choose(self.output_field, self.choose_save, CAPTIONS_FILTER):
            self._output_chosen = True
