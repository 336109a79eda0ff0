"""The words that credit a storytelling segment, the same on every surface.

A stand-in must never look like the person's own telling (design.md 4.3): the one
attribution line says "Stand-in for the story of …" wherever the attribution shows
(lower third, transcript header, announcements, search hits, exports).
"""

from __future__ import annotations

import unicodedata

STAND_IN_LEAD = "Stand-in for the story of "

# Letters and symbols that draw nothing although Unicode does not call them format
# characters: Hangul fillers, the Mongolian vowel separator, the blank braille cell.
_BLANK_CHARACTERS = frozenset("\u115f\u1160\u3164\uffa0\u180e\u2800")
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
_MARK_CATEGORIES = frozenset({"Mn", "Me"})
# Embedding, override and isolate controls reorder what is shown: a credit holding
# them may read differently on screen than in the file.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def attribution_line(attribution: str, stand_in: bool = False) -> str:
    """The attribution as every surface shows it; a stand-in says whose story it is."""
    words = " ".join(attribution.split())
    if not stand_in:
        return words
    return STAND_IN_LEAD + words


def is_visible(text: str) -> bool:
    """True when `text` draws at least one glyph a reader can see.

    White space, format characters (zero-width space, joiners, BOM), controls,
    combining marks on nothing and blank letters alone do not count.
    """
    for char in text:
        if char in _BLANK_CHARACTERS:
            continue
        category = unicodedata.category(char)
        if category in _INVISIBLE_CATEGORIES or category in _MARK_CATEGORIES:
            continue
        return True
    return False


def hidden_characters(text: str) -> list[str]:
    """Control and reordering characters in `text` that can disguise a credit.

    Each is named as "U+202E RIGHT-TO-LEFT OVERRIDE"; tabs and line breaks, which
    only become spaces, are not listed.
    """
    found: list[str] = []
    for char in dict.fromkeys(text):
        if char in "\t\n\r":
            continue
        if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            name = unicodedata.name(char, "control character")
            found.append(f"U+{ord(char):04X} {name}")
    return found


def credit_problem(name: str, text: str) -> str:
    """Why a segment's `name` field (speaker, attribution) cannot credit anyone; ""."""
    if not text.strip():
        return f"{name} is empty"
    if not is_visible(text):
        return (
            f"{name} shows nothing: it holds only invisible characters "
            f"({', '.join(_code_points(text))})"
        )
    hidden = hidden_characters(text)
    if hidden:
        return f"{name} holds characters that hide or reorder text: {', '.join(hidden)}"
    return ""


def _code_points(text: str) -> list[str]:
    return [f"U+{ord(char):04X}" for char in dict.fromkeys(text) if not char.isspace()]
