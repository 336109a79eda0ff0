"""Case- and accent-insensitive text folding shared by find-in-transcript and search.

Folding works one original character at a time, so every folded character can be
traced back to the original character it came from (for highlighting matches).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Marks that are accents on a base letter: dropping them makes "Déjà" equal "deja".
# Marks of Indic scripts (viramas, vowel signs) are spelling, not accents, and stay.
_ACCENT_RANGES: tuple[tuple[int, int], ...] = (
    (0x0300, 0x036F),  # Combining Diacritical Marks
    (0x1AB0, 0x1AFF),  # Combining Diacritical Marks Extended
    (0x1DC0, 0x1DFF),  # Combining Diacritical Marks Supplement
    (0x20D0, 0x20FF),  # Combining Diacritical Marks for Symbols
    (0xFE20, 0xFE2F),  # Combining Half Marks
    (0x064B, 0x065F),  # Arabic harakat (short vowels, shadda, sukun)
    (0x0670, 0x0670),  # Arabic superscript alef
    (0x0591, 0x05C7),  # Hebrew points and accents
)


ACCENT_MARKS = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _ACCENT_RANGES) + "]"
)


def is_accent_mark(char: str) -> bool:
    """True for a combining mark that only accents a letter (folding drops it)."""
    return ACCENT_MARKS.fullmatch(char) is not None


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The folded form of one character: possibly empty, possibly several characters."""
    if char.isascii():
        return char.lower()
    if is_accent_mark(char):
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not is_accent_mark(c))
    # Recompose what decomposition split but did not drop (Hangul syllables, ...).
    return unicodedata.normalize("NFC", kept).casefold()


def fold(text: str) -> str:
    """Casefolded text without accents: "Déjà Vu" -> "deja vu"."""
    if text.isascii():
        return text.lower()
    return "".join(map(fold_char, text))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` plus, for each folded character, the index of its original."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    pieces: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if folded:
            pieces.append(folded)
            offsets.extend([index] * len(folded))
    return "".join(pieces), offsets


def original_span(
    offsets: list[int] | None, start: int, end: int, original_length: int
) -> tuple[int, int]:
    """Map the folded span [start, end) back to the original text's span.

    The span grows to whole original characters, and takes in accent marks that follow
    its last character; `offsets` None means folding kept every index (ASCII text).
    """
    if offsets is None:
        return start, end
    if start >= len(offsets):
        return original_length, original_length
    original_start = offsets[start]
    if end <= start:
        return original_start, original_start
    if end >= len(offsets):
        return original_start, original_length
    last = offsets[end - 1]
    following = offsets[end]
    return original_start, following if following > last else last + 1
