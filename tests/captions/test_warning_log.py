"""The loader's warnings are bounded: a hundred kept, the rest counted."""

from __future__ import annotations

from captions.warning_log import MAX_KEPT_WARNINGS, WarningLog


def test_keeps_the_first_hundred_and_counts_the_rest() -> None:
    log = WarningLog()
    for number in range(1, 1_000_001):
        if log.full:
            log.skip()
        else:
            log.add(f"line {number}: bad")
    summary = log.summary()
    assert len(summary) == MAX_KEPT_WARNINGS + 1
    assert summary[0] == "line 1: bad" and summary[99] == "line 100: bad"
    assert summary[-1] == "... and 999900 more warnings"
    assert len(log) == 1_000_000


def test_add_past_the_limit_only_counts() -> None:
    log = WarningLog(limit=2)
    for text in ("a", "b", "c"):
        log.add(text)
    assert log.summary() == ("a", "b", "... and 1 more warning")


def test_no_count_line_when_nothing_was_left_out() -> None:
    log = WarningLog()
    log.add("only")
    assert log.summary() == ("only",)
