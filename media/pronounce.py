"""Pronunciations for a transcript's words: the dictionary first, then what can be
derived from it (numbers, hyphenated and compound words, suffixes, British spellings,
initialisms), then English letter-to-sound rules.

The aligner can only place a word it can pronounce; a guess close to the real word
places it far better than leaving it out, which would make its neighbours absorb its
speech. Pure Python: the dictionary is a lookup function handed in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from media.letter_sound import letters_to_phones, spelled_out
from media.number_words import is_number_like, number_readings

Lookup = Callable[[str], str | None]
_EDGE_KEEP = frozenset("'$%")
_PIECE_SPLIT = re.compile(r"[-‐‑–—/&+_.]+")
_SIBILANTS = frozenset({"S", "Z", "SH", "ZH", "CH", "JH"})
_VOICELESS = frozenset({"P", "T", "K", "F", "TH", "S", "SH", "CH", "HH"})
_BRITISH = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("our", "or"),
    ("ours", "ors"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ogue", "og"),
    ("elled", "eled"),
    ("elling", "eling"),
    ("ence", "ense"),
)
MIN_PIECE = 3
MAX_DERIVED = 50  # longer tokens (a pasted URL, a run of letters) are not guessed


@dataclass(frozen=True, slots=True)
class Pronunciation:
    """Phone strings (alternatives, most likely first) and how they were found."""

    phones: tuple[str, ...]
    how: str  # dictionary | number | pieces | suffix | initialism | rules | ""

    @property
    def found(self) -> bool:
        return bool(self.phones)

    @property
    def guessed(self) -> bool:
        return self.how in ("pieces", "initialism", "rules")


NONE = Pronunciation((), "")


def spoken_key(token: str) -> str:
    """The token as a dictionary spells it: lower case, accents and the punctuation
    around it removed ("“Trafficked,”" -> "trafficked"); "" when nothing is said."""
    text = token.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    start, end = 0, len(text)
    while start < end and not (text[start].isalnum() or text[start] in "$"):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in _EDGE_KEEP):
        end -= 1
    core = text[start:end].strip("'")
    if not any(ch.isalnum() for ch in core):
        return ""
    folded = unicodedata.normalize("NFKD", core.lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "()")


class Pronouncer:
    """Finds a pronunciation for each spoken key, remembering what it found."""

    def __init__(self, lookup: Lookup, *, english: bool = True) -> None:
        self._lookup = lookup
        self._english = english
        self._found: dict[tuple[str, bool], Pronunciation] = {}

    def key(self, token: str) -> str:
        """The dictionary spelling of a token ("" when nothing is said)."""
        return "and" if token.strip() == "&" and self._english else spoken_key(token)

    def pronounce(self, token: str) -> Pronunciation:
        """The pronunciation of a transcript token (NONE when nothing is said)."""
        key = self.key(token)
        if not key:
            return NONE
        initialism = token.strip(".,;:!?\"'()").isupper() and key.isalpha()
        cache_key = (key, initialism)
        if cache_key not in self._found:
            self._found[cache_key] = self._derive(key, initialism)
        return self._found[cache_key]

    def _dictionary(self, key: str) -> str | None:
        phones = self._lookup(key)
        return phones or None

    def _derive(self, key: str, initialism: bool) -> Pronunciation:
        phones = self._dictionary(key)
        if phones:
            return Pronunciation((phones,), "dictionary")
        if len(key) > MAX_DERIVED:
            return NONE
        if self._english and is_number_like(key):
            found = self._number(key)
            if found.found:
                return found
        pieces = [piece for piece in _PIECE_SPLIT.split(key) if piece]
        if len(pieces) > 1 or (pieces and pieces[0] != key):
            return self._from_pieces(key, pieces)
        for finder in self._single_word_finders(initialism):
            found = finder(key)
            if found.found:
                return found
        return NONE

    def _single_word_finders(
        self, initialism: bool
    ) -> list[Callable[[str], Pronunciation]]:
        if not self._english:
            return [self._compound]
        finders: list[Callable[[str], Pronunciation]] = [
            self._british,
            self._suffixed,
            self._compound,
            self._rules,
        ]
        if initialism:
            finders.insert(0, self._initialism)
        return finders

    def _number(self, key: str) -> Pronunciation:
        alternatives = []
        for words in number_readings(key):
            phones = [self._dictionary(word) for word in words]
            if all(phones):
                alternatives.append(" ".join(p for p in phones if p))
        return Pronunciation(tuple(alternatives), "number") if alternatives else NONE

    def _from_pieces(self, key: str, pieces: list[str]) -> Pronunciation:
        """ "front-line", "and/or", "R&D": each piece said in turn."""
        said: list[str] = []
        guessed = False
        for piece in pieces:
            found = self.pronounce(piece)
            if not found.found:
                return NONE
            said.append(found.phones[0])
            guessed = guessed or found.guessed
        if not said:
            return NONE
        return Pronunciation((" ".join(said),), "rules" if guessed else "pieces")

    def _initialism(self, key: str) -> Pronunciation:
        if not 2 <= len(key) <= 6:
            return NONE
        return Pronunciation((spelled_out(key),), "initialism")

    def _british(self, key: str) -> Pronunciation:
        for british, american in _BRITISH:
            if key.endswith(british):
                phones = self._dictionary(key[: -len(british)] + american)
                if phones:
                    return Pronunciation((phones,), "dictionary")
        return NONE

    def _suffixed(self, key: str) -> Pronunciation:
        """A dictionary stem plus a regular English ending ("trafficked")."""
        for stem, ending in _stems(key):
            british = self._british(stem).phones
            phones = self._dictionary(stem) or (british[0] if british else None)
            if phones:
                return Pronunciation((_with_ending(phones, ending),), "suffix")
        return NONE

    def _compound(self, key: str) -> Pronunciation:
        """Two or three dictionary words written as one ("caseworker")."""
        best = _split_compound(key, self._dictionary)
        if best is None:
            return NONE
        phones = [self._dictionary(piece) for piece in best]
        return Pronunciation((" ".join(p for p in phones if p),), "pieces")

    def _rules(self, key: str) -> Pronunciation:
        if not key.isascii() or not any(ch.isalpha() for ch in key):
            return NONE
        phones = letters_to_phones(key)
        return Pronunciation((phones,), "rules") if phones else NONE


def _stems(key: str) -> list[tuple[str, str]]:
    """Candidate (stem, ending) pairs for a word, most specific first."""
    candidates: list[tuple[str, str]] = []

    def add(suffix: str, ending: str, replacements: tuple[str, ...] = ("",)) -> None:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            base = key[: -len(suffix)]
            candidates.extend((base + extra, ending) for extra in replacements)
            if len(base) > 2 and base[-1] == base[-2] and suffix[0] in "aeiouy":
                candidates.append((base[:-1], ending))

    add("'s", "s")
    add("ies", "s", ("y",))
    add("es", "s")
    add("s", "s")
    add("ied", "ed", ("y",))
    add("cked", "ed", ("c",))
    add("cking", "ing", ("c",))
    add("ed", "ed", ("", "e"))
    add("ing", "ing", ("", "e"))
    add("ers", "ers", ("", "e"))
    add("er", "er", ("", "e"))
    add("ily", "ly", ("y",))
    add("ly", "ly")
    for suffix in ("ness", "ment", "ful", "less", "able"):
        add(suffix, suffix)
    return candidates


_ENDING_PHONES = {
    "ing": "IH NG",
    "er": "ER",
    "ers": "ER Z",
    "ly": "L IY",
    "ness": "N AH S",
    "ment": "M AH N T",
    "ful": "F AH L",
    "less": "L AH S",
    "able": "AH B AH L",
}


def _with_ending(phones: str, ending: str) -> str:
    last = phones.split()[-1] if phones.split() else ""
    if ending == "s":
        tail = "IH Z" if last in _SIBILANTS else "S" if last in _VOICELESS else "Z"
    elif ending == "ed":
        tail = "IH D" if last in ("T", "D") else "T" if last in _VOICELESS else "D"
    else:
        tail = _ENDING_PHONES[ending]
    return f"{phones} {tail}"


def _split_compound(key: str, lookup: Callable[[str], str | None]) -> list[str] | None:
    """The split of `key` into the fewest dictionary words (2 or 3, each at least
    MIN_PIECE letters), preferring a longer first word."""
    if not key.isalpha() or len(key) < 2 * MIN_PIECE:
        return None
    for count in (2, 3):
        found = _split_into(key, count, lookup)
        if found is not None:
            return found
    return None


def _split_into(
    key: str, count: int, lookup: Callable[[str], str | None]
) -> list[str] | None:
    if count == 1:
        return [key] if len(key) >= MIN_PIECE and lookup(key) else None
    for cut in range(len(key) - MIN_PIECE, MIN_PIECE - 1, -1):
        head = key[:cut]
        if lookup(head):
            rest = _split_into(key[cut:], count - 1, lookup)
            if rest is not None:
                return [head, *rest]
    return None
