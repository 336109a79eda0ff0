"""Where "previous", "next" and "replay" caption go, in caption time (no Qt)."""

from __future__ import annotations

from captions.model import Track

# Further than this into a caption, "previous" first goes back to its own start.
RESTART_AFTER_MS = 1000


def current_start(track: Track, now_ms: int) -> int | None:
    """Start of the caption showing (or last shown) at `now_ms`, for replay."""
    current = track.index_at_or_before(now_ms)
    return track.cues[current].start_ms if current >= 0 else None


def previous_start(track: Track, now_ms: int) -> int | None:
    """This caption's start if well into it, else the caption before (or 0)."""
    if not len(track):
        return None
    current = track.index_at_or_before(now_ms)
    if current < 0:
        return 0
    start = track.cues[current].start_ms
    if now_ms - start > RESTART_AFTER_MS:
        return start
    previous = track.index_at_or_before(start - 1)
    return track.cues[previous].start_ms if previous >= 0 else 0


def next_start(track: Track, now_ms: int) -> int | None:
    """Start of the first caption after `now_ms`; None after the last one."""
    return track.next_start_after(now_ms)
