"""How far the sign-language video is from the main one, and what to do about it.

Pure: tested without a window. The sign video follows the main video's frames: a
small drift is taken up by playing the sign video a little faster or slower, a large
one (a seek, a stall) by seeking it to the main video's time.
"""

from __future__ import annotations

from dataclasses import dataclass

FRAME_MS = 40  # one frame at 25 fps: the drift allowed
DEAD_BAND_MS = 10  # closer than this the sign video plays at the main video's rate
SEEK_BEYOND_MS = 300  # farther than this a rate change would take too long
CATCH_UP_MS = 500  # a drift is taken up in about this long of playing
MOST_NUDGE = 0.25  # the sign video plays at most 25 % faster or slower than the main
# The sign video's frames are aimed half a frame early: the sign video's frame for a
# time then shows as the main video's does, not a frame late (decoding takes time).
LEAD_MS = FRAME_MS // 2


@dataclass(frozen=True)
class Correction:
    """A seek target (None: no seek) and the rate the sign video should play at."""

    seek_to: int | None
    rate: float


def sign_drift_ms(main_ms: int, sign_ms: int, sign_age_ms: int, rate: float) -> int:
    """The main video's time less the sign video's now (positive: the sign is behind).

    `sign_ms` is the sign video's last frame time, shown `sign_age_ms` ago while
    playing at `rate`; it has moved on by that much since.
    """
    return round(main_ms - (sign_ms + max(0, sign_age_ms) * rate))


def correct_drift(
    main_ms: int,
    sign_ms: int,
    sign_age_ms: int,
    rate: float,
    playing: bool,
    sign_duration_ms: int = 0,
) -> Correction:
    """What brings the sign video back to the main video's time.

    Paused, any frame of difference is a seek (the picture is still: match it).
    Playing, a drift beyond SEEK_BEYOND_MS is a seek; a smaller one outside the
    dead band changes the rate in proportion, so it is gone in about CATCH_UP_MS.
    Past the sign video's end (`sign_duration_ms`, 0: unknown) nothing is sought.
    """
    if not playing:
        far = abs(main_ms - sign_ms) >= FRAME_MS // 2
        return Correction(_target(main_ms, sign_duration_ms) if far else None, rate)
    drift = sign_drift_ms(main_ms + LEAD_MS, sign_ms, sign_age_ms, rate)
    if abs(drift) > SEEK_BEYOND_MS:
        return Correction(_target(main_ms, sign_duration_ms), rate)
    if abs(drift) <= DEAD_BAND_MS:
        return Correction(None, rate)
    nudge = max(-MOST_NUDGE, min(MOST_NUDGE, drift / CATCH_UP_MS))
    return Correction(None, rate * (1 + nudge))


def _target(main_ms: int, sign_duration_ms: int) -> int | None:
    if sign_duration_ms and main_ms >= sign_duration_ms:
        return None
    return max(0, main_ms)
