"""Search text and query translation for the library index (no SQL runs here).

User input becomes a safe FTS5 MATCH expression: every term is a quoted FTS5 string, so
no operator, bracket or stray quote the user types can reach the FTS5 query parser.
Scripts written without spaces (Chinese, Japanese, Thai ...) are indexed a second time
with one token per character, and a query with such characters is a phrase of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from captions.fold import ACCENT_MARKS, fold, fold_with_map, original_span

# Scripts whose words are not separated by spaces, plus Hangul (particles attach to
# words, so Korean is also searched as a character sequence).
_UNSPACED_CLASS = (
    "["
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1100-\u11ff"  # Hangul Jamo
    "\u1780-\u17ff"  # Khmer
    "\u3005-\u3007"  # ideographic iteration and closing marks, ideographic zero
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3100-\u312f"  # Bopomofo
    "\u3130-\u318f"  # Hangul Compatibility Jamo
    "\u31f0-\u31ff"  # Katakana Phonetic Extensions
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul Syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uff66-\uff9f"  # Halfwidth Katakana
    "\U00020000-\U0003134f"  # CJK Extensions B to G
    "]"
)
_UNSPACED = re.compile(_UNSPACED_CLASS)
_UNSPACED_UNIT = re.compile(f"({_UNSPACED_CLASS})")
_QUERY_PART = re.compile(r'"(?P<phrase>[^"]*)"?(?P<phrase_star>\*)?|(?P<word>[^\s"]+)')
MAX_TERMS = 32


def has_unspaced_script(text: str) -> bool:
    """True when `text` holds characters of a script written without spaces."""
    return _UNSPACED.search(text) is not None


def space_unspaced(text: str) -> str:
    """`text` with every character of an unspaced script standing as its own word."""
    return _UNSPACED_UNIT.sub(r" \1 ", text)


def search_text(plain: str) -> str:
    """What the index tokenizes: NFKC (full-width forms, ligatures), no loose accents.

    Precomposed accents stay (the tokenizer removes them); marks that NFKC cannot
    compose, such as Arabic harakat, are dropped so "مرحبا" finds "مَرْحَبًا".
    """
    if plain.isascii():
        return plain
    return ACCENT_MARKS.sub("", unicodedata.normalize("NFKC", plain))


def _has_token_character(text: str) -> bool:
    return any(
        unicodedata.category(c)[0] in "LNM" or unicodedata.category(c) == "Co"
        for c in text
    )


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One search term: a word or a quoted phrase, optionally a prefix ("traffick*")."""

    text: str
    prefix: bool = False


def parse_query(query: str) -> list[QueryTerm]:
    """Words, `prefix*` words and "quoted phrases" (an unclosed quote runs to the end).

    Terms without a letter or digit are dropped, so "-", "*" or "()" mean nothing.
    """
    terms: list[QueryTerm] = []
    # Lone surrogates cannot reach SQLite; NUL ends C strings.
    clean = query.encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")
    for part in _QUERY_PART.finditer(clean):
        if part.group("word") is not None:
            word = part.group("word")
            text, prefix = word.rstrip("*"), word.endswith("*")
        else:
            text, prefix = part.group("phrase"), part.group("phrase_star") is not None
        text = " ".join(search_text(text).split())
        if _has_token_character(text):
            terms.append(QueryTerm(text, prefix))
    return terms[:MAX_TERMS]


def _fts_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def words_expression(terms: list[QueryTerm]) -> str:
    """MATCH expression for the word index: all terms (AND), each a quoted string."""
    return " ".join(
        _fts_string(term.text) + (" *" if term.prefix else "") for term in terms
    )


def characters_expression(terms: list[QueryTerm]) -> str:
    """MATCH expression for the per-character index of unspaced scripts."""
    parts = []
    for term in terms:
        spaced = " ".join(space_unspaced(term.text).split())
        prefix = term.prefix and not has_unspaced_script(spaced[-1:])
        parts.append(_fts_string(spaced) + (" *" if prefix else ""))
    return " ".join(parts)


def _token_units(text: str) -> list[str]:
    """The tokens the index sees: runs of letters, digits and marks."""
    units: list[str] = []
    current: list[str] = []
    for char in space_unspaced(text):
        category = unicodedata.category(char)
        if category[0] in "LNM" or category == "Co":
            current.append(char)
        elif current:
            units.append("".join(current))
            current = []
    if current:
        units.append("".join(current))
    return units


def _term_pattern(term: QueryTerm) -> str | None:
    """A regular expression for `term` in folded text, with the index's word edges."""
    units = _token_units(fold(term.text))
    if not units:
        return None
    pattern = r"\W*".join(map(re.escape, units))
    if not has_unspaced_script(units[0][0]):
        pattern = r"(?<![^\W_])" + pattern
    if not has_unspaced_script(units[-1][-1]):
        pattern += r"\w*" if term.prefix else r"(?![^\W_])"
    return pattern


def mark_matches(
    text: str,
    terms: list[QueryTerm],
    markers: tuple[str, str] = ("[", "]"),
    ellipsis: str = "…",
    max_chars: int = 160,
) -> str:
    """A snippet of `text` with each term's matches wrapped in `markers`.

    Used where FTS5's snippet() is not (the per-character index, sampled ranking);
    it matches like the index: whole words or prefixes, ignoring case and accents.
    """
    patterns = [p for p in map(_term_pattern, terms) if p is not None]
    folded, offsets = fold_with_map(text)
    spans: list[tuple[int, int]] = []
    if patterns:
        for found in re.finditer("|".join(patterns), folded):
            if found.end() > found.start():
                spans.append(original_span(offsets, *found.span(), len(text)))
    window_start, window_end = 0, len(text)
    if len(text) > max_chars:
        first = spans[0][0] if spans else 0
        window_start = max(0, min(first - max_chars // 4, len(text) - max_chars))
        window_end = window_start + max_chars
    pieces: list[str] = [ellipsis] if window_start > 0 else []
    position = window_start
    for start, end in spans:
        if start < position or end > window_end:
            continue
        pieces += [text[position:start], markers[0], text[start:end], markers[1]]
        position = end
    pieces.append(text[position:window_end])
    if window_end < len(text):
        pieces.append(ellipsis)
    return "".join(pieces)
