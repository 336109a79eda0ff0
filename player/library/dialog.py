"""Search all modules (Ctrl+Shift+F): the library index, kept fresh in a worker thread.

Indexing runs in a QThread with a visible progress bar; typing and searching go on
meanwhile (the index is SQLite in WAL mode, so reads never wait for the writer).
Queries run on a pool thread too (player.library.query_worker): hits arrive in
batches, and a query the user has typed past is stopped.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from captions.library import Hit, default_index_path
from player.library.index_worker import IndexWorker
from player.library.query_worker import (
    LibraryQuery,
    QuerySignals,
    QueryTicket,
    results_text,
)
from player.library.results_model import (
    MARK_END,
    MARK_START,
    HitDelegate,
    LibraryResultsModel,
)

QUERY_DELAY_MS = 150


class LibrarySearchDialog(QDialog):
    """A query field and the hits over every known module; a hit opens its video."""

    # module path, video id, start ms, the file of the track the hit is in
    open_requested = Signal(str, str, int, str)

    def __init__(
        self,
        parent: QWidget | None,
        module_paths: Sequence[str | Path],
        *,
        index_path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search all modules")
        self.setAccessibleName("Search all modules")
        self._index_path = Path(index_path) if index_path else default_index_path()
        self._module_paths = [Path(p) for p in module_paths]
        self._folders: dict[str, str] = {}
        self._index_ready = False
        self._thread: QThread | None = None
        self._worker: IndexWorker | None = None
        self._indexing = False
        self._index_again = False
        self._unusable = ""  # why the index cannot be used, when it cannot
        # The pool is made before the signals, so it is destroyed (waiting for its
        # query) before them.
        self._query_pool = QThreadPool(self)
        self._query_pool.setMaxThreadCount(1)
        self._query_signals = QuerySignals(self)
        self._query_signals.hits_found.connect(self._on_hits)
        self._query_signals.query_done.connect(self._on_query_done)
        self._query_signals.query_failed.connect(self._on_query_failed)
        self._ticket = QueryTicket()
        self._searching = False
        self._open_first_hit = False
        self._build_widgets()
        self._query_timer = QTimer(self, singleShot=True, interval=QUERY_DELAY_MS)
        self._query_timer.timeout.connect(self.run_query)
        self.query_field.textChanged.connect(self._query_timer.start)
        self.query_field.installEventFilter(self)
        self.results_view.activated.connect(self._open_index)
        self.open_button.clicked.connect(self.open_selected)
        self.finished.connect(lambda _result: self._query_timer.stop())
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.shutdown)
        self.resize(640, 480)

    def _build_widgets(self) -> None:
        self.query_field = QLineEdit(self)
        self.query_field.setPlaceholderText('Words, prefix* or "a phrase"')
        self.query_field.setAccessibleName("Search all modules")
        self.query_field.setAccessibleDescription(
            'Words, prefixes with * and "quoted phrases", in every language. '
            "Down arrow goes to the results; Enter opens the first result."
        )
        self.query_field.setToolTip("Search all modules (Ctrl+Shift+F)")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName("Indexing modules")
        self.progress_bar.setFormat("Indexing %v of %m tracks")
        self.progress_bar.hide()
        self.status_label = QLabel("", self)
        self.status_label.setAccessibleName("Search status")
        self.results_model = LibraryResultsModel(self)
        self.results_view = QListView(self)
        self.results_view.setModel(self.results_model)
        self.results_view.setItemDelegate(HitDelegate(self.results_view))
        self.results_view.setUniformItemSizes(False)
        self.results_view.setWordWrap(True)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setAccessibleName("Search results")
        self.results_view.setAccessibleDescription("No results")
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton("Open", self)
        self.open_button.setToolTip("Open the video at this cue (Enter)")
        self.open_button.setAccessibleName("Open result")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close search")
        close.clicked.connect(self.reject)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        label = QLabel("&Search all modules:", self)
        label.setBuddy(self.query_field)
        layout.addWidget(label)
        layout.addWidget(self.query_field)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.results_view, 1)
        layout.addWidget(buttons)

    # -- indexing ----------------------------------------------------------------------

    @property
    def indexing(self) -> bool:
        return self._indexing

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start_indexing()  # cheap when nothing changed: only files are compared
        self.query_field.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.query_field.selectAll()

    def set_module_paths(self, module_paths: Sequence[str | Path]) -> None:
        """Cover these modules; the index is brought up to date if they changed."""
        paths = [Path(p) for p in module_paths]
        if paths != self._module_paths:
            self._module_paths = paths
            if self._indexing:
                self._index_again = True
            elif self.isVisible():
                self.start_indexing()

    def start_indexing(self) -> None:
        """Bring the index up to date in a worker thread, showing progress."""
        if self._indexing:
            return
        self._indexing = True
        thread = QThread(self)
        worker = IndexWorker(self._index_path, self._module_paths)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.modules_found.connect(self._on_modules_found)
        worker.ready.connect(self._on_index_ready)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_indexed)
        self._thread, self._worker = thread, worker
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self._set_status("Indexing the modules…")
        thread.start()

    def _on_modules_found(self, folders: dict[str, str]) -> None:
        self._folders = dict(folders)

    def _on_index_ready(self) -> None:
        self._index_ready = True
        if self.query_field.text().strip():
            self.run_query()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _on_indexed(self, summary: str) -> None:
        self._indexing = False
        self.progress_bar.hide()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        self._thread, self._worker = None, None
        if self._index_again:
            self._index_again = False
            self.start_indexing()
            return
        if self.query_field.text().strip() and self._index_ready:
            self.run_query()
        else:
            self._set_status(summary)
        self._unusable = "" if self._index_ready else summary

    def shutdown(self) -> None:
        """Stop indexing soon and wait for the worker (before the app quits)."""
        if self._worker is not None:
            self._worker.stop_requested = True
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._ticket.number += 1  # the running query stops at its next check
        self._query_pool.waitForDone()

    # -- searching and opening ---------------------------------------------------------

    @property
    def searching(self) -> bool:
        """True while a query runs (its hits may still be arriving)."""
        return self._searching

    def run_query(self) -> None:
        """Start searching for the field's text on the pool thread (stopping the last).

        Hits arrive in batches (`_on_hits`); the count comes when all have arrived.
        """
        self._query_timer.stop()
        self._ticket.number += 1
        self._searching = False
        self.results_model.set_hits([])
        query = self.query_field.text().strip()
        if not query:
            self._set_status("")
            return
        if not self._index_ready:
            self._set_status(self._unusable or "Preparing the search index…")
            return
        self._searching = True
        self._query_pool.start(
            LibraryQuery(
                self._ticket.number,
                query,
                self._index_path,
                (MARK_START, MARK_END),
                self._ticket,
                self._query_signals,
            )
        )

    def _on_hits(self, number: int, hits: tuple[Hit, ...]) -> None:
        if number != self._ticket.number:
            return
        first = self.results_model.rowCount() == 0
        self.results_model.append_hits(hits)
        if first:
            self.results_view.setCurrentIndex(self.results_model.index(0))
            if self._open_first_hit:
                self._open_first_hit = False
                self.open_selected()

    def _on_query_done(self, number: int, matches: int, at_least: bool) -> None:
        if number != self._ticket.number:
            return
        self._searching = self._open_first_hit = False
        count = results_text(self.results_model.rowCount(), matches, at_least)
        self._set_status(count + (" (still indexing)" if self._indexing else ""))

    def _on_query_failed(self, number: int, reason: str) -> None:
        if number == self._ticket.number:
            self._searching = self._open_first_hit = False
            self._set_status(f"Search failed: {reason}")

    def _set_status(self, text: str) -> None:
        if text == self.status_label.text():
            return
        self.status_label.setText(text)
        self.results_view.setAccessibleDescription(text or "No results")
        if text and QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self.status_label, text)
            QAccessible.updateAccessibility(event)

    def open_selected(self) -> None:
        index = self.results_view.currentIndex()
        if not index.isValid() and self.results_model.rowCount():
            index = self.results_model.index(0)
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.results_model.hit(index.row())
        folder = self._folders.get(hit.module_id)
        if folder is None:
            self._set_status(
                f"The module {hit.module_title} is not open in this session."
            )
            return
        self.open_requested.emit(
            folder, hit.video_id, hit.start_ms, str(hit.track_path)
        )
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.query_field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            return self._field_key(event)
        return super().eventFilter(watched, event)

    def _field_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._query_timer.isActive():
                self.run_query()
            if self._searching and not self.results_model.rowCount():
                self._open_first_hit = True  # opened as soon as it arrives
            else:
                self.open_selected()
            return True
        if key == Qt.Key.Key_Down and self.results_model.rowCount():
            self.results_view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False
