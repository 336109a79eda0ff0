"""Simple English letter-to-sound rules: a last-resort pronunciation (CMU phones).

An aligner does not need the exact pronunciation of a name it has never seen, only
phones close enough that the word's stretch of speech scores better as that word
than as its neighbours. These rules give that for most English-looking spellings;
they are tried only after the dictionary, number rules and dictionary pieces.
"""

from __future__ import annotations

VOWELS = frozenset("aeiouy")
_LONG = {"a": "EY", "e": "IY", "i": "AY", "o": "OW", "u": "UW", "y": "AY"}
_SHORT = {"a": "AE", "e": "EH", "i": "IH", "o": "AA", "u": "AH", "y": "IH"}
# Longest graphemes first; each maps to its phones ("" for silent letters).
_GRAPHEMES: tuple[tuple[str, str], ...] = (
    ("tion", "SH AH N"),
    ("sion", "ZH AH N"),
    ("ture", "CH ER"),
    ("eigh", "EY"),
    ("augh", "AO"),
    ("ough", "OW"),
    ("igh", "AY"),
    ("tch", "CH"),
    ("dge", "JH"),
    ("sch", "S K"),
    ("ch", "CH"),
    ("sh", "SH"),
    ("th", "TH"),
    ("ph", "F"),
    ("wh", "W"),
    ("ck", "K"),
    ("ng", "NG"),
    ("nk", "NG K"),
    ("qu", "K W"),
    ("ee", "IY"),
    ("ea", "IY"),
    ("ie", "IY"),
    ("ei", "EY"),
    ("ai", "EY"),
    ("ay", "EY"),
    ("oa", "OW"),
    ("oo", "UW"),
    ("ou", "AW"),
    ("oi", "OY"),
    ("oy", "OY"),
    ("au", "AO"),
    ("aw", "AO"),
    ("ew", "UW"),
    ("ue", "UW"),
    ("ui", "UW"),
    ("er", "ER"),
    ("ir", "ER"),
    ("ur", "ER"),
    ("ar", "AA R"),
    ("or", "AO R"),
)
_CONSONANTS = {
    "b": "B",
    "d": "D",
    "f": "F",
    "h": "HH",
    "j": "JH",
    "k": "K",
    "l": "L",
    "m": "M",
    "n": "N",
    "p": "P",
    "r": "R",
    "s": "S",
    "t": "T",
    "v": "V",
    "w": "W",
    "x": "K S",
    "z": "Z",
}
_SILENT_STARTS = (("kn", "N"), ("wr", "R"), ("gn", "N"), ("ps", "S"), ("pn", "N"))


def letters_to_phones(word: str) -> str:
    """CMU phones for a lowercase a-z word ("" when it has no letters to say)."""
    letters = "".join(ch for ch in word.lower() if "a" <= ch <= "z")
    phones: list[str] = []
    i = 0
    for start, sound in _SILENT_STARTS:
        if letters.startswith(start):
            phones.append(sound)
            i = len(start)
            break
    while i < len(letters):
        sound, used = _grapheme_at(letters, i)
        if sound:
            phones.extend(sound.split())
        i += used
    return " ".join(_squeeze(phones))


def _grapheme_at(word: str, i: int) -> tuple[str, int]:
    """The phones of the spelling at `i` and how many letters they use."""
    ch = word[i]
    rest = word[i:]
    if ch == "e" and _is_final_silent_e(word, i):
        return "", 1
    if rest in ("le",) and i > 0 and word[i - 1] not in VOWELS:
        return "AH L", 2
    if rest == "ed" and i > 1:
        return ("IH D" if word[i - 1] in "td" else "D"), 2
    if rest == "es" and i > 1 and word[i - 1] in "sxz":
        return "IH Z", 2
    if ch == "y":
        return _y_sound(word, i), 1
    if rest.startswith("gh"):
        return ("G" if i == 0 else ""), 2
    if rest.startswith("mb") and len(rest) == 2:
        return "M", 2
    for spelling, sound in _GRAPHEMES:
        if rest.startswith(spelling):
            return sound, len(spelling)
    if ch in VOWELS:
        return _vowel(word, i), 1
    return _consonant(word, i), _consonant_length(word, i)


def _is_final_silent_e(word: str, i: int) -> bool:
    at_end = i == len(word) - 1 or word[i + 1 :] == "s"
    return at_end and i >= 2 and any(c in VOWELS for c in word[:i])


def _y_sound(word: str, i: int) -> str:
    following = word[i + 1 : i + 2]
    if i == 0 or (following != "" and following in VOWELS):
        return "Y"
    if i == len(word) - 1:
        earlier_vowel = any(c in VOWELS - {"y"} for c in word[:i])
        return "IY" if earlier_vowel else "AY"
    return "IH"


def _vowel(word: str, i: int) -> str:
    """Long before consonant + silent e ("made"), at the end of a word ("go"), else
    short ("mad")."""
    ch = word[i]
    after = word[i + 1 :]
    silent_e = len(after) >= 2 and after[0] not in VOWELS and after[1] == "e"
    if silent_e and (len(after) == 2 or after[2:] in ("s", "d", "r")):
        return _LONG[ch]
    if not after and ch in "aiou" and i > 0:
        return {"a": "AH", "i": "IY", "o": "OW", "u": "UW"}[ch]
    return _SHORT[ch]


def _consonant(word: str, i: int) -> str:
    ch = word[i]
    following = word[i + 1 : i + 2]
    if ch == "c":
        return "S" if following and following in "eiy" else "K"
    if ch == "g":
        return "JH" if following and following in "eiy" else "G"
    if ch == "x" and i == 0:
        return "Z"
    return _CONSONANTS.get(ch, "")


def _consonant_length(word: str, i: int) -> int:
    """A doubled consonant is said once ("ll", "ss")."""
    return 2 if word[i + 1 : i + 2] == word[i] else 1


def _squeeze(phones: list[str]) -> list[str]:
    """Two identical phones in a row are said once."""
    out: list[str] = []
    for phone in phones:
        if not out or out[-1] != phone:
            out.append(phone)
    return out


LETTER_NAMES = {
    "a": "EY",
    "b": "B IY",
    "c": "S IY",
    "d": "D IY",
    "e": "IY",
    "f": "EH F",
    "g": "JH IY",
    "h": "EY CH",
    "i": "AY",
    "j": "JH EY",
    "k": "K EY",
    "l": "EH L",
    "m": "EH M",
    "n": "EH N",
    "o": "OW",
    "p": "P IY",
    "q": "K Y UW",
    "r": "AA R",
    "s": "EH S",
    "t": "T IY",
    "u": "Y UW",
    "v": "V IY",
    "w": "D AH B AH L Y UW",
    "x": "EH K S",
    "y": "W AY",
    "z": "Z IY",
}


def spelled_out(word: str) -> str:
    """An initialism letter by letter: "RCMP" -> AA R S IY EH M P IY."""
    return " ".join(LETTER_NAMES[ch] for ch in word.lower() if ch in LETTER_NAMES)
