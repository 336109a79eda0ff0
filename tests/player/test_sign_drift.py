"""The sign video's drift decision, as pure arithmetic."""

from __future__ import annotations

import pytest

from player.playback.sign_drift import (
    LEAD_MS,
    MOST_NUDGE,
    SEEK_BEYOND_MS,
    Correction,
    correct_drift,
    sign_drift_ms,
)


def test_drift_counts_the_time_since_the_sign_frame_was_shown() -> None:
    assert sign_drift_ms(10_000, 9_960, 40, 1.0) == 0
    assert sign_drift_ms(10_000, 9_960, 20, 2.0) == 0
    assert sign_drift_ms(10_000, 10_100, 0, 1.0) == -100


def test_in_step_keeps_the_main_rate() -> None:
    assert correct_drift(10_000, 10_000 + LEAD_MS, 0, 1.25, True) == Correction(
        None, 1.25
    )


@pytest.mark.parametrize("behind_ms", [60, 120, 250])
def test_a_small_drift_changes_the_rate_towards_the_main_video(behind_ms: int) -> None:
    behind = correct_drift(10_000, 10_000 - behind_ms, 0, 1.0, True)
    ahead = correct_drift(10_000, 10_000 + behind_ms + 2 * LEAD_MS, 0, 1.0, True)
    assert behind.seek_to is None and ahead.seek_to is None
    assert 1.0 < behind.rate <= 1.0 + MOST_NUDGE
    assert 1.0 - MOST_NUDGE <= ahead.rate < 1.0


def test_a_large_drift_is_a_seek_to_the_main_time() -> None:
    far = SEEK_BEYOND_MS + 100
    assert correct_drift(60_000, 60_000 - far, 0, 1.5, True) == Correction(60_000, 1.5)
    assert correct_drift(60_000, 60_000 + far, 0, 1.0, True).seek_to == 60_000


def test_paused_any_frame_of_difference_is_a_seek() -> None:
    assert correct_drift(5_000, 5_040, 0, 1.0, False).seek_to == 5_000
    assert correct_drift(5_000, 5_000, 900, 1.0, False).seek_to is None


def test_past_the_sign_videos_end_nothing_is_sought() -> None:
    assert correct_drift(90_000, 10_000, 0, 1.0, True, 80_000).seek_to is None
    assert correct_drift(90_000, 10_000, 0, 1.0, False, 80_000).seek_to is None
    assert correct_drift(70_000, 10_000, 0, 1.0, True, 80_000).seek_to == 70_000
