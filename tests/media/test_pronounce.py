"""Pronunciations for words the dictionary lacks: numbers, pieces, rules."""

from __future__ import annotations

import pytest

from media.letter_sound import letters_to_phones, spelled_out
from media.number_words import cardinal, number_readings, ordinal, year
from media.pronounce import Pronouncer, spoken_key
from media.speech_model import find_model

# A tiny dictionary, so each rule is seen working on its own.
DICTIONARY = {
    "and": "AH N D",
    "front": "F R AH N T",
    "line": "L AY N",
    "traffic": "T R AE F IH K",
    "case": "K EY S",
    "worker": "W ER K ER",
    "colour": None,
    "color": "K AH L ER",
    "organization": "AO R G AH N AH Z EY SH AH N",
    "forty": "F AO R T IY",
    "two": "T UW",
    "nineteen": "N AY N T IY N",
    "ninety": "N AY N T IY",
    "nineties": "N AY N T IY Z",
    "one": "W AH N",
    "thousand": "TH AW Z AH N D",
    "nine": "N AY N",
    "hundred": "HH AH N D R AH D",
    "percent": "P ER S EH N T",
    "five": "F AY V",
    "fifty": "F IH F T IY",
    "dollars": "D AA L ER Z",
    "cafe": "K AE F EY",
    "bus": "B AH S",
    "walk": "W AO K",
}


def pronouncer(english: bool = True) -> Pronouncer:
    return Pronouncer(DICTIONARY.get, english=english)


@pytest.mark.parametrize(
    ("token", "key"),
    [
        ("“Trafficked,”", "trafficked"),
        ("Café", "cafe"),
        ("agency’s", "agency's"),
        ("'quoted'", "quoted"),
        ("50%", "50%"),
        ("$5.", "$5"),
        ("—", ""),
        ("...", ""),
        ("(word)", "word"),
    ],
)
def test_spoken_keys(token, key):
    assert spoken_key(token) == key


def test_dictionary_words_come_first():
    found = pronouncer().pronounce("Front,")
    assert (found.phones, found.how, found.guessed) == (
        ("F R AH N T",),
        "dictionary",
        False,
    )


def test_hyphenated_words_are_said_piece_by_piece():
    found = pronouncer().pronounce("front-line")
    assert found.phones == ("F R AH N T L AY N",)
    assert found.how == "pieces"


def test_regular_endings_on_a_dictionary_stem():
    p = pronouncer()
    assert p.pronounce("trafficked").phones == ("T R AE F IH K T",)
    assert p.pronounce("buses").phones == ("B AH S IH Z",)
    assert p.pronounce("walked").phones == ("W AO K T",)
    assert p.pronounce("walking").phones == ("W AO K IH NG",)
    assert p.pronounce("walks").how == "suffix"


def test_british_spellings_find_the_american_entry():
    p = pronouncer()
    assert p.pronounce("colour").phones == ("K AH L ER",)
    assert p.pronounce("organisation").phones == ("AO R G AH N AH Z EY SH AH N",)


def test_compounds_of_dictionary_words():
    found = pronouncer().pronounce("caseworker")
    assert (found.phones, found.how) == (("K EY S W ER K ER",), "pieces")


def test_numbers_are_said_as_words_with_alternatives():
    p = pronouncer()
    assert p.pronounce("42").phones == ("F AO R T IY T UW",)
    assert p.pronounce("50%").phones[0].endswith("P ER S EH N T")
    assert p.pronounce("$5").phones == ("F AY V D AA L ER Z",)
    nineties = p.pronounce("1990s").phones
    assert nineties[0] == "N AY N T IY N N AY N T IY Z"  # nineteen nineties
    assert len(nineties) == 2


def test_initialisms_are_spelled_out_and_other_words_use_rules():
    p = pronouncer()
    assert p.pronounce("RCMP").phones == (spelled_out("rcmp"),)
    assert p.pronounce("RCMP").how == "initialism"
    found = p.pronounce("Ngozi")
    assert found.how == "rules" and found.guessed
    assert found.phones == (letters_to_phones("ngozi"),)


def test_without_english_rules_only_dictionary_pieces_are_used():
    p = pronouncer(english=False)
    assert p.pronounce("front-line").found
    assert not p.pronounce("Ngozi").found
    assert not p.pronounce("42").found


def test_unsayable_tokens_have_no_pronunciation():
    p = pronouncer()
    for token in ("日本語", "—", "🙂", "***"):
        assert not p.pronounce(token).found, token


def test_overlong_tokens_are_not_guessed():
    p = pronouncer()
    assert not p.pronounce("a" * 5000).found
    assert not p.pronounce("-".join(["front"] * 20)).found
    assert p.pronounce("-".join(["front"] * 8)).found


def test_an_ampersand_is_said_and():
    assert pronouncer().pronounce("&").phones == ("AH N D",)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (cardinal(0), ["zero"]),
        (cardinal(1205), ["one", "thousand", "two", "hundred", "five"]),
        (cardinal(3_000_000), ["three", "million"]),
        (ordinal(21), ["twenty", "first"]),
        (ordinal(12), ["twelfth"]),
        (ordinal(40), ["fortieth"]),
        (year(1990), ["nineteen", "ninety"]),
        (year(2005), ["twenty", "oh", "five"]),
        (year(2000), ["two", "thousand"]),
        (year(1900), ["nineteen", "hundred"]),
    ],
)
def test_number_words(words, expected):
    assert words == expected


def test_number_readings_of_written_forms():
    assert number_readings("10:30") == [["ten", "thirty"]]
    assert number_readings("9:05") == [["nine", "oh", "five"]]
    assert number_readings("3.5") == [["three", "point", "five"]]
    assert number_readings("1,200") == [["one", "thousand", "two", "hundred"]]
    assert number_readings("3rd") == [["third"]]
    assert number_readings("abc") == []
    assert number_readings("9" * 40) == []


def test_letter_rules_cover_common_spellings():
    assert letters_to_phones("make") == "M EY K"
    assert letters_to_phones("ship") == "SH IH P"
    assert letters_to_phones("city") == "S IH T IY"
    assert letters_to_phones("knight") == "N AY T"
    assert letters_to_phones("") == ""


def test_every_rule_phone_exists_in_the_shipped_english_model():
    """A guessed pronunciation must be one the acoustic model can say."""
    model = find_model("en")
    phones = set()
    for line in model.dictionary.read_text(encoding="utf-8").splitlines()[:5000]:
        phones.update(line.split()[1:])
    samples = ["xylophone", "quoth", "judge", "schism", "thought", "mb", "yay"]
    for word in samples:
        assert set(letters_to_phones(word).split()) <= phones, word
    assert set(spelled_out("abcdefghijklmnopqrstuvwxyz").split()) <= phones
