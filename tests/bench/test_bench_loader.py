"""Loading a 10-hour track (36,000 cues) against webvtt-py's own read of the same file.

Target (design.md 10): at most 1.3x webvtt-py's `read`; active cue lookup under 5 us.
Run: pytest tests/bench -o addopts="" --benchmark-only
"""

from __future__ import annotations

from pathlib import Path

import pytest
import webvtt

from captions import load_track

TEN_HOURS_CUES = 36_000


@pytest.fixture(scope="module")
def ten_hour_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_synthetic_vtt  # tests/bench/conftest.py

    path = tmp_path_factory.mktemp("bench") / "ten-hours.vtt"
    return write_synthetic_vtt(path, TEN_HOURS_CUES, seed=1)


@pytest.mark.benchmark(group="load-36000-cues")
def test_baseline_webvtt_py_read(benchmark, ten_hour_file: Path) -> None:  # type: ignore[no-untyped-def]
    captions = benchmark.pedantic(webvtt.read, args=(str(ten_hour_file),), rounds=5)
    assert len(captions) == TEN_HOURS_CUES


@pytest.mark.benchmark(group="load-36000-cues")
def test_load_track(benchmark, ten_hour_file: Path) -> None:  # type: ignore[no-untyped-def]
    track = benchmark.pedantic(load_track, args=(ten_hour_file,), rounds=5)
    assert len(track) == TEN_HOURS_CUES and track.warnings == ()


@pytest.mark.benchmark(group="active-cue")
def test_active_at(benchmark, ten_hour_file: Path) -> None:  # type: ignore[no-untyped-def]
    track = load_track(ten_hour_file)
    end = track.cues[-1].end_ms
    times = [(i * 7919) % end for i in range(1000)]

    def lookup_1000() -> int:
        return sum(len(track.active_indices_at(ms)) for ms in times)

    found = benchmark(lookup_1000)
    assert found > 0
