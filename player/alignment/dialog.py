"""File > Make captions from a transcript…: choose, align with progress and Cancel,
then read what to check.

The alignment runs in a child process (run.py): the window answers throughout, and
the dialog is not modal, so the video can be watched meanwhile. The "replace?"
question is an attribute so tests can answer it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from captions.timefmt import format_clock
from media.align_job import AlignJob, AlignOutcome
from player.alignment.form import AlignForm, notice_label
from player.alignment.plan import ShownVideo, result_line
from player.alignment.run import CHILD_COMMAND, AlignmentRun

ShowTrack = Callable[[AlignJob, AlignOutcome], str]
PER_MILLE = 1000


def ask_replace(parent: QWidget, output: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        "Replace the captions file?",
        f"{output} already exists. Replace it with the new captions?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class CheckList(QListView):
    """The list of what to check: Enter plays from the item's time and stays here
    (a plain list view lets the dialog's default button have Enter too)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.activated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class MakeCaptionsDialog(QDialog):
    """The form, a progress bar, one plain status line, and the list of checks.

    `show_track(job, outcome)` opens the new track in the player and returns a
    sentence saying so (or why not).
    """

    check_chosen = Signal(int)  # a time (ms) in the list, to play from

    def __init__(
        self,
        shown: ShownVideo | None,
        show_track: ShowTrack,
        command: Sequence[str] = CHILD_COMMAND,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("makeCaptionsDialog")
        self.setWindowTitle("Make captions from a transcript")
        self.setAccessibleName("Make captions from a transcript")
        self.show_track = show_track
        self.confirm_replace: Callable[[QWidget, Path], bool] = ask_replace
        self.run = AlignmentRun(command, self)
        self.job: AlignJob | None = None
        self.outcome: AlignOutcome | None = None
        self._check_times: list[int | None] = []
        self.form = AlignForm(shown, self)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.progress = QProgressBar(self)
        self.progress.setObjectName("alignProgress")
        self.progress.setAccessibleName("Alignment progress")
        self.progress.setRange(0, PER_MILLE)
        self.progress.setValue(0)
        self.progress.setFormat("Not started")
        self.status = notice_label(self, "alignStatus")
        self.status.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stories = notice_label(self, "alignStories")
        self.stories.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.checks_label = QLabel("&What to check (Enter plays from that time):", self)
        self.checks_model = QStringListModel(self)
        self.checks_view = CheckList(self)
        self.checks_view.setObjectName("alignChecks")
        self.checks_view.setModel(self.checks_model)
        self.checks_view.setAccessibleName("What to check")
        self.checks_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checks_view.setWordWrap(True)
        self.checks_label.setBuddy(self.checks_view)
        self.buttons = QDialogButtonBox(self)
        self.make_button = self.buttons.addButton(
            "&Make captions", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.make_button.setAccessibleName("Make captions")
        self.make_button.setToolTip("Align the transcript to the speech (Enter)")
        self.make_button.setDefault(True)
        self.close_button = self.buttons.addButton(
            "Close", QDialogButtonBox.ButtonRole.RejectRole
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        for widget in (self.progress, self.status, self.stories, self.checks_label):
            layout.addWidget(widget)
        layout.addWidget(self.checks_view, 1)
        self._spare = layout.count()  # room left over goes here, not to the labels
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._layout = layout
        self.setMinimumWidth(600)
        self._set_running(False)
        self._show_result(None)

    def _connect(self) -> None:
        self.make_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.checks_view.activated.connect(self._check_activated)
        self.run.progressed.connect(self._progressed)
        self.run.succeeded.connect(self._succeeded)
        self.run.failed.connect(self._failed)
        self.run.cancelled.connect(self._cancelled)

    # -- running ----------------------------------------------------------------------

    def start(self) -> bool:
        """Check the form, ask before replacing a file, then align in the child."""
        if self.run.is_running():
            return False
        try:
            job = self.form.job()
        except ValueError as problem:
            self._say(str(problem))
            return False
        if job.output.exists():
            if not self.confirm_replace(self, job.output):
                self._say(f"Not started: {job.output.name} is kept as it is.")
                return False
            job = replace(job, replace=True)
        self.job, self.outcome = job, None
        self._show_result(None)
        self._set_running(True)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.setFormat("Starting")
        self._say("Aligning the transcript to the speech…")
        self.run.start(job)
        return True

    def cancel(self) -> None:
        """Stop aligning: the child stops ffmpeg and writes nothing."""
        if self.run.is_running():
            self.run.cancel()
            self.close_button.setEnabled(False)
            self._say("Cancelling…")

    def reject(self) -> None:
        """Esc, Close or the window's close button: while aligning, cancel first."""
        if self.run.is_running():
            self.cancel()
            return
        super().reject()

    def shutdown(self) -> None:
        """The window is closing: the child must not outlive it."""
        self.run.shutdown()

    def is_running(self) -> bool:
        return self.run.is_running()

    def delete_when_stopped(self) -> None:
        """deleteLater, once the child is gone: a QProcess must not be destroyed
        while its process runs."""
        process = self.run.process
        if process is not None and self.run.process_alive():
            process.finished.connect(self.deleteLater)
        else:
            self.deleteLater()

    def _set_running(self, running: bool) -> None:
        self.form.set_editable(not running)
        self.make_button.setEnabled(not running)
        close = self.close_button
        close.setEnabled(True)
        close.setText("Cancel" if running else "Close")
        close.setAccessibleName("Cancel the alignment" if running else "Close")
        close.setToolTip(
            "Stop aligning; nothing is written (Esc)" if running else "Close (Esc)"
        )
        if running:
            close.setFocus()

    def _progressed(self, done_ms: int, total_ms: int) -> None:
        if total_ms <= 0:
            self.progress.setRange(0, 0)
            self.progress.setFormat(f"{format_clock(done_ms)} aligned")
            return
        self.progress.setRange(0, PER_MILLE)
        self.progress.setValue(min(PER_MILLE, done_ms * PER_MILLE // total_ms))
        text = f"{format_clock(min(done_ms, total_ms))} of {format_clock(total_ms)}"
        self.progress.setFormat(text)
        self.progress.setAccessibleDescription(f"{text} aligned")

    def _succeeded(self, outcome: AlignOutcome) -> None:
        assert self.job is not None
        self.outcome = outcome
        self._set_running(False)
        self._end_progress("Done", PER_MILLE)
        shown = self.show_track(self.job, outcome)
        line = result_line(outcome)
        if outcome.manifest_problem:
            line += f" The module could not list them: {outcome.manifest_problem}."
        self._say(f"{line} {shown}".strip())
        self.form.plan.hide()  # said what would happen; the result says what did
        self._show_result(outcome)
        self._fit()
        focus = self.checks_view if outcome.checks else self.status
        focus.setFocus()

    def _failed(self, reason: str) -> None:
        self._stopped(f"Not made: {reason}")

    def _cancelled(self) -> None:
        self._stopped("Cancelled: nothing was written.")

    def _stopped(self, line: str) -> None:
        self._set_running(False)
        self._end_progress("Not made", 0)
        self._say(line)
        self._fit()
        self.status.setFocus()

    def _end_progress(self, text: str, value: int) -> None:
        self.progress.setRange(0, PER_MILLE)
        self.progress.setValue(value)
        self.progress.setFormat(text)
        self.progress.setAccessibleDescription(text)

    def _fit(self) -> None:
        """Grow (never shrink) to show what was added: wrapped lines need room."""
        layout = self._layout
        layout.activate()
        width = max(self.width(), self.sizeHint().width())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        height = max(height, self.sizeHint().height())
        if self.checks_view.isVisible():
            height += self.checks_view.sizeHintForRow(0) * 3
        self.resize(width, max(self.height(), height))

    def _say(self, line: str) -> None:
        """The one status line (errors too); a screen reader reads it as the
        label's name, and it takes focus when a run ends."""
        self.status.setText(line)
        self.status.setVisible(bool(line))

    # -- the result -------------------------------------------------------------------

    def _show_result(self, outcome: AlignOutcome | None) -> None:
        checks = outcome.checks if outcome is not None else []
        self._check_times = [time for time, _text in checks]
        self.checks_model.setStringList([text for _time, text in checks])
        if checks:
            self.checks_view.setCurrentIndex(self.checks_model.index(0))
        self.checks_view.setAccessibleDescription(f"{len(checks)} items to check")
        self.checks_label.setVisible(bool(checks))
        self.checks_view.setVisible(bool(checks))
        self._layout.setStretch(self._spare, 0 if checks else 1)
        stories = outcome.stories if outcome is not None else []
        self.stories.setText("\n".join(stories))
        self.stories.setVisible(bool(stories))
        if outcome is None:
            self.status.setVisible(bool(self.status.text()))

    def _check_activated(self, index: QModelIndex) -> None:
        row = index.row()
        if 0 <= row < len(self._check_times):
            time = self._check_times[row]
            if time is not None:
                self.check_chosen.emit(time)

    def status_text(self) -> str:
        return self.status.text()

    def check_texts(self) -> list[str]:
        return self.checks_model.stringList()
