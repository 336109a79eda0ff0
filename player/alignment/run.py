"""One alignment in its child process, driven from the window's event loop.

A QProcess, so nothing waits on the GUI thread: the child's JSON lines arrive as
signals. Cancel asks the child to stop (it raises from its progress callback, which
stops ffmpeg and writes nothing); a child that does not stop in time is killed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from PySide6.QtCore import QObject, QProcess, QTimer, Signal, SignalInstance

from media.align_job import AlignJob, AlignOutcome

CHILD_COMMAND = (sys.executable, "-m", "player.alignment.child")
KILL_AFTER_MS = 10_000
MAX_LINE_BYTES = 32 * 1024 * 1024
MAX_ERROR_BYTES = 64 * 1024


class AlignmentRun(QObject):
    """Start, watch and cancel one alignment; exactly one of `succeeded`, `failed`
    and `cancelled` follows each `start`."""

    progressed = Signal(int, int)  # audio done, total (0: not known), ms
    succeeded = Signal(object)  # AlignOutcome
    failed = Signal(str)  # one plain line
    cancelled = Signal()

    def __init__(
        self, command: Sequence[str] = CHILD_COMMAND, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.command = list(command)
        self.process: QProcess | None = None
        self._stdout = b""
        self._stderr = b""
        self._ended = True
        self._cancel_asked = False
        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.setInterval(KILL_AFTER_MS)
        self._kill_timer.timeout.connect(self._kill)

    def is_running(self) -> bool:
        """Whether a result is still to come."""
        return not self._ended

    def process_alive(self) -> bool:
        """Whether the child still runs (it exits just after its last report)."""
        process = self.process
        return process is not None and (
            process.state() != QProcess.ProcessState.NotRunning
        )

    def start(self, job: AlignJob) -> None:
        if not self._ended:
            raise RuntimeError("an alignment is already running")
        self._stdout, self._stderr = b"", b""
        self._ended, self._cancel_asked = False, False
        process = QProcess(self)
        process.readyReadStandardOutput.connect(self._read_output)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self.process = process
        process.start(self.command[0], self.command[1:])
        process.write((json.dumps(job.to_json()) + "\n").encode("ascii"))

    def cancel(self) -> None:
        """Ask the child to stop; it is killed if it has not within KILL_AFTER_MS."""
        process = self.process
        if self._ended or process is None or self._cancel_asked:
            return
        self._cancel_asked = True
        process.write(b"cancel\n")
        self._kill_timer.start()

    def shutdown(self, wait_ms: int = 5_000) -> None:
        """Stop the child before the window goes (called when it closes)."""
        process = self.process
        if process is None or not self.process_alive():
            return
        self.cancel()
        if not process.waitForFinished(wait_ms):
            process.kill()
            process.waitForFinished(wait_ms)

    # -- the child's reports --------------------------------------------------------

    def _read_output(self) -> None:
        process = self.process
        if process is None:
            return
        self._stdout += bytes(process.readAllStandardOutput().data())
        *lines, self._stdout = self._stdout.split(b"\n")
        for line in lines:
            self._handle(line)
        if len(self._stdout) > MAX_LINE_BYTES:
            self._stdout = b""
            self._end(self.failed, "the alignment sent a report too long to read")
            self._kill()

    def _read_errors(self) -> None:
        if self.process is not None:
            data = bytes(self.process.readAllStandardError().data())
            self._stderr = (self._stderr + data)[-MAX_ERROR_BYTES:]

    def _handle(self, line: bytes) -> None:
        if not line.strip() or self._ended:
            return
        try:
            message = json.loads(line)
            if "progress" in message:
                done, total = message["progress"]
                self.progressed.emit(int(done), int(total or 0))
            elif "outcome" in message:
                self._end(self.succeeded, AlignOutcome.from_json(message["outcome"]))
            elif "error" in message:
                self._end(self.failed, str(message["error"]))
            elif message.get("cancelled"):
                self._end(self.cancelled)
        except (ValueError, KeyError, TypeError, AttributeError):
            self._end(self.failed, "the alignment sent a report that cannot be read")
            self._kill()

    def _end(self, signal: SignalInstance, *value: object) -> None:
        self._ended = True
        self._kill_timer.stop()
        signal.emit(*value)

    def _finished(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        self._read_output()
        self._read_errors()
        self._kill_timer.stop()
        if self._ended:
            return
        if self._cancel_asked:
            self._end(self.cancelled)
            return
        lines = self._stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[-1].strip() if lines else f"exit code {exit_code}"
        self._end(self.failed, f"the alignment stopped unexpectedly ({reason})")

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._ended:
            program = self.command[0]
            self._end(self.failed, f"cannot start the alignment ({program})")

    def _kill(self) -> None:
        if self.process is not None:
            self.process.kill()
