"""Shared generator of big synthetic caption tracks for the benchmarks.

`synthetic_vtt(n_cues, seed)` is a plain function (also offered as the fixture
`make_synthetic_vtt`, since two `conftest` modules cannot both be imported by name).
The text is English-like: common English words in a Zipf-like mix with invented
words, so searches hit some cues rather than all or none; voices, italics, entities,
two-line cues and a few accented words make it realistic for the loader too.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import pytest
from qt_isolation import isolate_settings


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


COMMON_WORDS = _words(
    "the of and to a in is it you that he was for on are with as they be at one "
    "have this from or had by not but what some we can out other were all there "
    "when up use your how said an each she which do their time if will way about "
    "many then them write would like so these her long make thing see him two has "
    "look more day could go come did number sound no most people my over know "
    "water than call first who may down side been now find"
)
CONTENT_WORDS = _words(
    "trust relationship community listen story elder learning module video "
    "caption teacher student family village river mountain morning evening "
    "respect journey season harvest language memory kindness patience question "
    "answer together circle healing ceremony promise courage history future "
    "friendship knowledge medicine garden winter summer children grandmother "
    "grandfather traffic trafficking safety support worker training practice "
    "protocol consent privacy boundary meeting facilitator discussion reflection "
    "accessible transcript search keyboard screen reader volume subtitle chapter "
    "description speaker attribution segment window button"
)
ACCENTED_WORDS = ("déjà", "café", "naïve", "résumé", "façade", "jalapeño", "Zoë")
VOICES = ("Facilitator", "Narrator", "Elder Mary", "Student", "Mr. Okafor", "Ana")
SYLLABLES = _words(
    "ta lo ren mi vash ko del an sor pe tri nu gal ha ve mon sil ar qu bel "
    "dra fen ith op ul zo wen car lin tes"
)


def _invented_words(rng: random.Random, count: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[list[str], list[float]]:
    """Words shared by every seed (so queries hit any file), with Zipf-like weights."""
    words = [*COMMON_WORDS, *CONTENT_WORDS, *_invented_words(random.Random(1), 3000)]
    weights = [1.0 / (rank + 8) for rank in range(len(words))]
    return words, list(accumulate(weights))


def _clock(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _sentence(rng: random.Random, words: list[str], cum: list[float]) -> str:
    picked = rng.choices(words, cum_weights=cum, k=rng.randint(4, 12))
    if rng.random() < 0.03:
        picked[rng.randrange(len(picked))] = rng.choice(ACCENTED_WORDS)
    if rng.random() < 0.05:
        index = rng.randrange(len(picked))
        picked[index] = f"<i>{picked[index]}</i>"
    if rng.random() < 0.02:
        picked.insert(rng.randrange(len(picked)), "&amp;")
    text = " ".join(picked)
    return text[0].upper() + text[1:] + rng.choice(".....?!,")


def synthetic_vtt(n_cues: int, seed: int = 0) -> str:
    """A WebVTT text of `n_cues` cues of about 3 s each, the same for the same seed."""
    rng = random.Random(seed)
    words, cum = vocabulary()
    lines = ["WEBVTT", ""]
    start = 1000
    for number in range(1, n_cues + 1):
        end = start + rng.randint(1200, 4500)
        text = _sentence(rng, words, cum)
        if rng.random() < 0.25:
            text += "\n" + _sentence(rng, words, cum)
        if rng.random() < 0.4:
            text = f"<v {rng.choice(VOICES)}>{text}"
        lines += [str(number), f"{_clock(start)} --> {_clock(end)}", text, ""]
        start = end + rng.randint(0, 400)
    return "\n".join(lines)


def write_synthetic_vtt(path: Path, n_cues: int, seed: int = 0) -> Path:
    """Write `synthetic_vtt(n_cues, seed)` to `path` (UTF-8) and return the path."""
    path.write_text(synthetic_vtt(n_cues, seed), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def make_synthetic_vtt() -> Callable[[int, int], str]:
    """The `synthetic_vtt` function, for tests that cannot import this conftest."""
    return synthetic_vtt


@pytest.fixture(autouse=True)
def isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Benchmarks never read or write the real user's settings, notes or cache."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    return isolate_settings(tmp_path_factory.mktemp("settings"), monkeypatch)
