"""Discussion pauses: where they may go, which playback reaches, how they are kept."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from captions.timefmt import format_clock
from media.model import Pause, Segment, Video

# A move forward larger than this while playing is a seek, not a step between frames.
MAX_STEP_MS = 1000


def interrupts(segment: Segment, at_ms: int) -> bool:
    """A pause strictly inside a storytelling segment interrupts it (design 4.1.3)."""
    return segment.start_ms < at_ms < segment.end_ms


def _precise(ms: int) -> str:
    """1:05.250: a story's edges to the millisecond, since a second off is inside."""
    return f"{format_clock(ms)}.{ms % 1000:03d}"


def pause_problem(at_ms: int, video: Video, existing: Iterable[Pause] = ()) -> str:
    """Why a pause may not go at `at_ms` in `video`; "" when it may."""
    if at_ms < 0:
        return "A pause cannot come before the start of the video."
    for segment in video.segments:
        if interrupts(segment, at_ms):
            start, end = _precise(segment.start_ms), _precise(segment.end_ms)
            return (
                f"{format_clock(at_ms)} is inside the story “{segment.title}” "
                f"({start} to {end}; {segment.attribution_line}). A story is "
                f"never interrupted: put the pause at or before {start}, "
                f"or at or after {end}."
            )
    if any(p.at_ms == at_ms for p in (*video.pauses, *existing)):
        return f"There is already a pause at {format_clock(at_ms)}."
    return ""


def all_pauses(video: Video, added: Iterable[Pause]) -> tuple[Pause, ...]:
    """The manifest's pauses and the facilitator's own, in time order, one per time."""
    by_time: dict[int, Pause] = {}
    for pause in (*video.pauses, *added):
        by_time.setdefault(pause.at_ms, pause)
    return tuple(by_time[ms] for ms in sorted(by_time))


def next_pause(pauses: Sequence[Pause], after_ms: int) -> Pause | None:
    """The first pause strictly after `after_ms` (a pause just landed on is behind)."""
    return next((p for p in pauses if p.at_ms > after_ms), None)


def pause_reached(
    pauses: Sequence[Pause],
    previous_ms: int,
    current_ms: int,
    max_step_ms: int = MAX_STEP_MS,
) -> Pause | None:
    """The pause a playing step from `previous_ms` to `current_ms` reaches, if any.

    Only a forward step of at most `max_step_ms` counts: seeks jump over pauses.
    """
    if not 0 < current_ms - previous_ms <= max_step_ms:
        return None
    return next((p for p in pauses if previous_ms < p.at_ms <= current_ms), None)


def pauses_to_json(pauses: Iterable[Pause]) -> str:
    return json.dumps(
        [{"at_ms": p.at_ms, "prompt": p.prompt} for p in pauses], ensure_ascii=False
    )


def pauses_from_json(text: object) -> list[Pause]:
    """Pauses saved by `pauses_to_json`; unreadable rows are skipped, never raised."""
    if not isinstance(text, str) or not text:
        return []
    try:
        rows = json.loads(text)
    except ValueError:
        return []
    if not isinstance(rows, list):
        return []
    pauses = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        at_ms, prompt = row.get("at_ms"), row.get("prompt")
        if isinstance(at_ms, int) and not isinstance(at_ms, bool) and at_ms >= 0:
            pauses.append(Pause(at_ms, prompt if isinstance(prompt, str) else ""))
    return pauses
