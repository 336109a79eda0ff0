"""Numbers as English speakers say them, so a transcript's "42" can be aligned.

Only the forms a transcript of speech commonly holds: whole numbers with or without
thousands commas, decimals, ordinals ("21st"), years ("1990", "1990s"), percentages
and dollar amounts, and clock times ("10:30").
"""

from __future__ import annotations

import re

_ONES_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS_TEXT = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_ONES = _ONES_TEXT.split()
_TENS = _TENS_TEXT.split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_NUMBER = re.compile(
    r"(?P<cur>\$)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?P<tail>%|st|nd|rd|th|s|'s)?"
)
_CLOCK = re.compile(r"(\d{1,2}):([0-5]\d)")


def cardinal(n: int) -> list[str]:
    """The words of a whole number: 1205 -> one thousand two hundred five."""
    if n < 0:
        return ["minus", *cardinal(-n)]
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        tens, ones = divmod(n, 10)
        return [_TENS[tens], *([_ONES[ones]] if ones else [])]
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return [_ONES[hundreds], "hundred", *(cardinal(rest) if rest else [])]
    for scale, name in (*_SCALES, (1000, "thousand")):
        if n >= scale:
            high, rest = divmod(n, scale)
            return [*cardinal(high), name, *(cardinal(rest) if rest else [])]
    raise AssertionError("unreachable")  # pragma: no cover


def ordinal(n: int) -> list[str]:
    """21 -> twenty first."""
    words = cardinal(n)
    last = words[-1]
    if last in _ORDINAL_WORDS:
        words[-1] = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        words[-1] = last[:-1] + "ieth"
    else:
        words[-1] = last + "th"
    return words


def year(n: int) -> list[str]:
    """1990 -> nineteen ninety; 2005 -> twenty oh five; 2000 -> two thousand."""
    high, low = divmod(n, 100)
    if low == 0:
        return cardinal(n) if high % 10 == 0 else [*cardinal(high), "hundred"]
    tail = cardinal(low) if low >= 10 else ["oh", *cardinal(low)]
    return [*cardinal(high), *tail]


def _plural(words: list[str]) -> list[str]:
    last = words[-1]
    words[-1] = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return words


def number_readings(token: str) -> list[list[str]]:
    """Ways to say a numeric token, most likely first; [] when it is not one."""
    clock = _CLOCK.fullmatch(token)
    if clock:
        hours, minutes = int(clock.group(1)), int(clock.group(2))
        if minutes == 0:
            return [[*cardinal(hours), "o'clock"], cardinal(hours)]
        said = cardinal(minutes) if minutes >= 10 else ["oh", *cardinal(minutes)]
        return [[*cardinal(hours), *said]]
    match = _NUMBER.fullmatch(token)
    if not match or len(match.group("int").replace(",", "")) > 15:
        return []
    value = int(match.group("int").replace(",", ""))
    fraction, tail = match.group("frac"), match.group("tail") or ""
    if tail in ("st", "nd", "rd", "th"):
        return [ordinal(value)] if fraction is None else []
    readings = [cardinal(value)]
    is_year_like = "," not in match.group("int") and 1100 <= value <= 2099
    if is_year_like and not match.group("cur") and fraction is None:
        readings.insert(0, year(value))
    if fraction is not None:
        digits = [_ONES[int(d)] for d in fraction]
        readings = [[*words, "point", *digits] for words in readings]
    if tail in ("s", "'s"):
        readings = [_plural(words) for words in readings]
    if tail == "%":
        readings = [[*words, "percent"] for words in readings]
    if match.group("cur"):
        unit = "dollar" if value == 1 and fraction is None else "dollars"
        readings = [[*words, unit] for words in readings]
    return readings


def is_number_like(token: str) -> bool:
    """Whether the token holds a digit, so number rules should try it first."""
    return any(ch.isdigit() for ch in token)
