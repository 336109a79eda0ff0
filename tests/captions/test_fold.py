"""Folding: case- and accent-insensitive, with a way back to the original characters."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from captions.fold import fold, fold_with_map, original_span


def test_fold_removes_case_and_accents() -> None:
    assert fold("Déjà Vu") == "deja vu"
    assert fold("NAÏVE Façade") == "naive facade"
    assert fold("Straße") == "strasse"


def test_fold_treats_decomposed_and_precomposed_accents_alike() -> None:
    decomposed = unicodedata.normalize("NFD", "Déjà")
    assert decomposed != "Déjà"
    assert fold(decomposed) == fold("Déjà") == "deja"


def test_fold_keeps_scripts_without_case_or_accents() -> None:
    assert fold("左に見えるのは") == "左に見えるのは"
    assert fold("학교에 갑니다") == "학교에 갑니다"
    assert fold("हिन्दी") == "हिन्दी"  # virama and vowel signs are spelling, kept


def test_fold_drops_arabic_short_vowels() -> None:
    assert fold("مَرْحَبًا") == "مرحبا"


def test_fold_with_map_points_each_folded_character_at_its_origin() -> None:
    text = "Die Straße, déjà"
    folded, offsets = fold_with_map(text)
    assert folded == "die strasse, deja"
    assert len(offsets) == len(folded)
    assert text[offsets[folded.index("ss")]] == "ß"
    assert offsets[folded.index("ss") + 1] == offsets[folded.index("ss")]


def test_original_span_covers_whole_characters_and_trailing_accents() -> None:
    text = unicodedata.normalize("NFD", "café au lait")
    folded, offsets = fold_with_map(text)
    start = folded.index("cafe")
    span = original_span(offsets, start, start + 4, len(text))
    assert text[slice(*span)] == unicodedata.normalize("NFD", "café")
    text = "Maße"
    folded, offsets = fold_with_map(text)
    assert folded == "masse"
    assert original_span(offsets, 2, 3, len(text)) == (2, 3)  # half of "ss" -> "ß"
    assert original_span(offsets, 0, 5, len(text)) == (0, 4)


def test_original_span_is_identity_without_a_map() -> None:
    assert original_span(None, 3, 7, 10) == (3, 7)


@given(st.text())
def test_fold_never_crashes_and_maps_every_character(text: str) -> None:
    folded, offsets = fold_with_map(text)
    assert folded == fold(text)
    assert len(offsets) == len(folded)
    assert offsets == sorted(offsets)
    assert all(0 <= offset < len(text) for offset in offsets)


@given(st.text(min_size=1), st.data())
def test_any_folded_span_maps_to_a_nonempty_original_span(
    text: str, data: st.DataObject
) -> None:
    folded, offsets = fold_with_map(text)
    if not folded:
        return
    start = data.draw(st.integers(0, len(folded) - 1))
    end = data.draw(st.integers(start + 1, len(folded)))
    original_start, original_end = original_span(offsets, start, end, len(text))
    assert 0 <= original_start < original_end <= len(text)
    assert fold(text[original_start:original_end]).find(folded[start:end]) >= 0
