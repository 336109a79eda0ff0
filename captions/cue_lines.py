"""Where a caption breaks: between cues and between its two lines (DCMP Captioning
Key: break at the end of a sentence or phrase, never between an article or a
preposition and the word it belongs to; at most 2 lines of 32 characters).

Pure Python; words are the transcript's own, as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from captions.lint import visible_length

_CLOSERS = "'\"”’»)]"
_CLOSING = f"[{re.escape(_CLOSERS)}]*$"
_SENTENCE_END = re.compile(f"[.?!…]{_CLOSING}")
_CLAUSE_END = re.compile(f"(?:[,;:]|--|[—–]){_CLOSING}")
# Words that lead into what follows: a break before them starts a new phrase.
_PHRASE_START_WORDS = (
    "and but or nor so because although though while when where whereas if unless "
    "until since after before that which who whom whose what how why to for with "
    "from in on at by about into of than as"
)
PHRASE_STARTS = frozenset(_PHRASE_START_WORDS.split())
# Words that bind to the next word: a break right after them splits a phrase.
_BINDING_WORDS = (
    "a an the my your his her its our their this these those some any no every "
    "each to of in on at by for with from into onto about as than and or but if "
    "is are was were be been am will would can could shall should may might must "
    "do does did not has have had very more most less mr mrs ms dr"
)
BINDS_FORWARD = frozenset(_BINDING_WORDS.split())


def _bare(word: str) -> str:
    return word.strip(_CLOSERS + "“‘«([.,;:!?").lower()


def ends_sentence(word: str) -> bool:
    return bool(_SENTENCE_END.search(word))


def ends_clause(word: str) -> bool:
    return bool(_CLAUSE_END.search(word))


def break_cost(before: str, after: str) -> float:
    """How bad a break between two words is: 0 after a sentence, 1 after a clause,
    2 before a phrase-starting word, 6 after a word that binds forward, else 4."""
    if ends_sentence(before):
        return 0.0
    if ends_clause(before):
        return 1.0
    if _bare(before) in BINDS_FORWARD:
        return 6.0
    if _bare(after) in PHRASE_STARTS or after.startswith("["):
        return 2.0
    return 4.0


def wrap_lines(
    words: Sequence[str], max_chars: int = 32, max_lines: int = 2
) -> tuple[list[str], float] | None:
    """The best way to set `words` on at most `max_lines` (1 or 2) lines of at most
    `max_chars` characters, with its cost; None when they do not fit."""
    lengths = [visible_length(word) for word in words]
    whole = sum(lengths) + len(words) - 1
    if whole <= max_chars:
        return [" ".join(words)], 0.0
    if max_lines < 2 or len(words) < 2:
        return None
    best: tuple[list[str], float] | None = None
    top = -1
    for split in range(1, len(words)):
        top += lengths[split - 1] + 1
        bottom = whole - top - 1
        if top > max_chars:
            break
        if bottom > max_chars:
            continue
        cost = break_cost(words[split - 1], words[split]) + abs(top - bottom) / 8
        if best is None or cost < best[1]:
            best = ([" ".join(words[:split]), " ".join(words[split:])], cost)
    return best


def inner_sentence_ends(lines: Sequence[str]) -> int:
    """Sentences ending inside a line rather than at its end ("time. It helps"):
    a new sentence reads best from the start of a line."""
    return sum(
        sum(1 for word in line.split()[:-1] if ends_sentence(word)) for line in lines
    )


def wrap_anyway(words: Sequence[str], max_chars: int = 32) -> list[str]:
    """Lines for words that cannot fit (a very long word): two lines, as even as the
    words allow, so the caption still shows everything."""
    fitted = wrap_lines(words, max_chars)
    if fitted is not None:
        return fitted[0]
    if len(words) < 2:
        return [" ".join(words)]
    total = sum(len(word) + 1 for word in words)
    running, split = 0, 1
    for index, word in enumerate(words[:-1], start=1):
        running += len(word) + 1
        split = index
        if running >= total / 2:
            break
    return [" ".join(words[:split]), " ".join(words[split:])]
