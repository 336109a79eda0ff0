"""The cycle collector runs on the GUI thread, never in a worker that allocates."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject

from player.core.gui_gc import GuiThreadCollector, collect_on_gui_thread


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.widget = QObject()


def test_the_application_collects_on_its_own_thread_only(qapp) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector, "one per application"
    assert not gc.isenabled(), "no collection where a worker thread allocates"


def test_a_worker_that_allocates_a_lot_collects_nothing(qapp) -> None:
    collect_on_gui_thread(qapp)
    gc.collect()
    collected_in: list[str] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        for _ in range(3):
            _Cycle()
        worker = threading.Thread(target=lambda: [[] for _ in range(200_000)])
        worker.start()
        worker.join()
    finally:
        gc.callbacks.remove(note)
    assert collected_in == []


def test_due_cycles_are_collected_when_the_timer_fires(qtbot, qapp) -> None:
    collector = collect_on_gui_thread(qapp)
    gc.collect()
    for _ in range(gc.get_threshold()[0] + 1):
        _Cycle()
    with qtbot.waitSignal(collector._timer.timeout, timeout=2000):
        pass
    assert gc.get_count()[0] < gc.get_threshold()[0]


def test_nothing_is_collected_before_it_is_due(qapp) -> None:
    collector = collect_on_gui_thread(qapp)
    gc.collect()
    _Cycle()
    assert isinstance(collector, GuiThreadCollector)
    assert collector.collect_due() == 0
