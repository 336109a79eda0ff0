"""What changed in a story since it was sealed, said in plain words.

The seal's short per-cue digests (captions/story_seal.py) are aligned with the cues
found now: a changed digest is changed words or a changed speaker, a digest found at
another place is a change of order, one missing or new is a missing or extra cue.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from captions.model import Cue
from captions.story_seal import (
    CUE_WORDS_DIGITS,
    FIELD_DIGITS,
    FIELD_NAMES,
    StoryRun,
    cue_digest,
    field_values,
    fold_spaces,
    text_digest,
)
from captions.timefmt import format_clock

MAX_QUOTED = 80
_FIELD_WORDS = {
    "title": "the title",
    "speaker": "the teller (speaker)",
    "attribution": "the attribution",
    "stand_in": "the stand-in flag",
}


def precise_time(ms: int) -> str:
    """2:10.821: a story cue's time to the millisecond."""
    return f"{format_clock(ms)}.{max(ms, 0) % 1000:03d}"


def quoted(text: str) -> str:
    """Cue words in quotes for a message: folded, shortened, controls made visible."""
    words = "".join(
        "\ufffd" if unicodedata.category(c) == "Cc" else c for c in fold_spaces(text)
    )
    if len(words) > MAX_QUOTED:
        words = words[: MAX_QUOTED - 1].rstrip() + "…"
    return f"“{words}”"


def cue_name(cue: Cue) -> str:
    return f"the cue at {precise_time(cue.start_ms)} ({quoted(cue.plain)})"


@dataclass
class _Alignment:
    changed: list[tuple[int, int]] = field(default_factory=list)
    missing: list[tuple[int, int]] = field(default_factory=list)  # (sealed, current)
    extra: list[int] = field(default_factory=list)
    moved: list[tuple[int, int]] = field(default_factory=list)


def _align(sealed: Sequence[str], current: Sequence[str]) -> _Alignment:
    found = _Alignment()
    matcher = SequenceMatcher(None, list(sealed), list(current), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        same_cues = Counter(sealed[i1:i2]) == Counter(current[j1:j2])
        pairs = 0 if same_cues or tag != "replace" else min(i2 - i1, j2 - j1)
        found.changed.extend((i1 + k, j1 + k) for k in range(pairs))
        found.missing.extend((i, j1) for i in range(i1 + pairs, i2))
        found.extra.extend(range(j1 + pairs, j2))
    for sealed_at, current_at in list(found.missing):
        twin = next((j for j in found.extra if current[j] == sealed[sealed_at]), None)
        if twin is not None:
            found.missing.remove((sealed_at, current_at))
            found.extra.remove(twin)
            found.moved.append((sealed_at, twin))
    return found


def _changed_message(cue: Cue, old: str, new: str) -> str:
    words = old[:CUE_WORDS_DIGITS] != new[:CUE_WORDS_DIGITS]
    voice = old[CUE_WORDS_DIGITS:] != new[CUE_WORDS_DIGITS:]
    speaker = cue.voice or "no speaker"
    when = precise_time(cue.start_ms)
    if words and voice:
        return (
            f"the words and the speaker of the cue at {when} changed since the "
            f"review (now {speaker}: {quoted(cue.plain)})"
        )
    if voice:
        return (
            f"the speaker of {cue_name(cue)} changed since the review (now {speaker})"
        )
    now = quoted(cue.plain)
    return f"the words of the cue at {when} changed since the review (now {now})"


def _missing_message(
    cues: Sequence[Cue], run: StoryRun, sealed_at: int, current_at: int, count: int
) -> str:
    what = f"reviewed cue {sealed_at + 1} of {count} is missing"
    if not run.indices:
        return f"{what}: the story has no cues in this track any more"
    if current_at == 0:
        return f"{what}, before {cue_name(cues[run.indices[0]])}"
    return f"{what}, after {cue_name(cues[run.indices[current_at - 1]])}"


def describe_cue_changes(
    cues: Sequence[Cue], run: StoryRun, sealed: Sequence[str]
) -> list[str]:
    """Each difference between the sealed digests and the cues of `run`."""
    current = [cue_digest(cues[i]) for i in run.indices]
    found = _align(sealed, current)
    messages: list[str] = []
    for sealed_at, current_at in found.changed:
        cue = cues[run.indices[current_at]]
        messages.append(_changed_message(cue, sealed[sealed_at], current[current_at]))
    for sealed_at, current_at in found.moved:
        cue = cues[run.indices[current_at]]
        messages.append(
            f"{cue_name(cue)} is out of its reviewed order: it was cue "
            f"{sealed_at + 1} of the story, it is now cue {current_at + 1}"
        )
    for sealed_at, current_at in found.missing:
        messages.append(_missing_message(cues, run, sealed_at, current_at, len(sealed)))
    for current_at in found.extra:
        cue = cues[run.indices[current_at]]
        messages.append(f"{cue_name(cue)} is an extra cue, not in the reviewed story")
    return messages


def describe_field_changes(
    title: str, speaker: str, attribution: str, stand_in: bool, sealed: Sequence[str]
) -> list[str]:
    """Which of the segment's own sealed fields changed, with their values now."""
    values = field_values(title, speaker, attribution, stand_in)
    shown = (title, speaker, attribution, "true" if stand_in else "false")
    messages = []
    for name, value, now, old in zip(FIELD_NAMES, values, shown, sealed, strict=False):
        if text_digest(value)[:FIELD_DIGITS] != old:
            now_text = f"stand_in = {now}" if name == "stand_in" else quoted(now)
            messages.append(
                f"{_FIELD_WORDS[name]} changed since the review (now {now_text})"
            )
    return messages
