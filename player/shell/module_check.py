"""The storytelling check, run off the start-up path: problems appear when found."""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from media.model import Module
from media.storytelling import check_module
from player.core.context import PlayerContext
from player.core.contribution import Contribution

SETTLE_MS = 500


def module_problems(module: Module) -> list[str]:
    """The check's findings as sentences; a check that fails never blocks opening."""
    try:
        problems = check_module(module)
    except Exception as exc:  # the check must never stop the module from opening
        return [f"The module could not be checked: {exc}"]
    return [
        f"Module check {p.severity}: {p.message}"
        + (f" (video {p.video_id})" if p.video_id else "")
        for p in problems
    ]


class ModuleChecker(QObject):
    """Checks a module on a worker thread; `checked(module, messages)` brings the
    result back to the window's thread, so opening never waits for the check."""

    checked = Signal(object, list)

    def start(self, module: Module) -> threading.Thread:
        worker = threading.Thread(
            target=self._run, args=(module,), name="module-check", daemon=True
        )
        worker.start()
        return worker

    def _run(self, module: Module) -> None:
        messages = module_problems(module)
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.checked.emit(module, messages)


class ModuleCheck(QObject):
    """Checks each module opened; its findings join the window's problems.

    The check reads every track of every video, so it starts once the tracks shown
    have been read and, SETTLE_MS later, laid out: on two cores, a ten-hour track
    would otherwise be read at half speed beside its own second reading.
    """

    def __init__(self, ctx: PlayerContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.checker = ModuleChecker(ctx.window)
        self.checker.checked.connect(self.show)
        self._due: Module | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._start_due)
        ctx.showing.module_changed.connect(self._check_later)
        ctx.showing.loads.idle.connect(self._settle.start)

    def _check_later(self, module: Module) -> None:
        self._due = module
        self._settle.start()  # its tracks are asked for meanwhile

    def _start_due(self) -> None:
        module = self._due
        if module is None or self.ctx.showing.loads.pending():
            return
        self._due = None
        self.checker.start(module)

    def contribution(self) -> Contribution:
        return Contribution()

    def show(self, module: Module, messages: list[str]) -> None:
        """Show the findings, unless another module opened meanwhile."""
        if module is self.ctx.showing.module:
            for message in messages:
                self.ctx.notify.problem("module", message)
