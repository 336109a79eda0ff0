"""Sign-language tags for `kind = "sign"` tracks: ISO 639-3 codes and `sgn-*` forms.

The table lists every ISO 639-3 individual sign language (names as ISO 639-3 gives
them), so a tag that names a spoken language or a typo is refused with a hint.
"""

from __future__ import annotations

import re

SIGN_LANGUAGES: dict[str, str] = {
    "ads": "Adamorobe Sign Language",
    "aed": "Argentine Sign Language",
    "aen": "Armenian Sign Language",
    "afg": "Afghan Sign Language",
    "ajs": "Algerian Jewish Sign Language",
    "ase": "American Sign Language",
    "asf": "Auslan",
    "asp": "Algerian Sign Language",
    "asq": "Austrian Sign Language",
    "asw": "Australian Aborigines Sign Language",
    "bfi": "British Sign Language",
    "bfk": "Ban Khor Sign Language",
    "bog": "Bamako Sign Language",
    "bqn": "Bulgarian Sign Language",
    "bqy": "Bengkala Sign Language",
    "bvl": "Bolivian Sign Language",
    "bzs": "Brazilian Sign Language",
    "cds": "Chadian Sign Language",
    "csc": "Catalan Sign Language",
    "csd": "Chiangmai Sign Language",
    "cse": "Czech Sign Language",
    "csf": "Cuba Sign Language",
    "csg": "Chilean Sign Language",
    "csl": "Chinese Sign Language",
    "csn": "Colombian Sign Language",
    "csq": "Croatia Sign Language",
    "csr": "Costa Rican Sign Language",
    "csx": "Cambodian Sign Language",
    "doq": "Dominican Sign Language",
    "dse": "Dutch Sign Language",
    "dsl": "Danish Sign Language",
    "dsz": "Mardin Sign Language",
    "ecs": "Ecuadorian Sign Language",
    "ehs": "Miyakubo Sign Language",
    "esl": "Egypt Sign Language",
    "esn": "Salvadoran Sign Language",
    "eso": "Estonian Sign Language",
    "eth": "Ethiopian Sign Language",
    "fcs": "Quebec Sign Language",
    "fse": "Finnish Sign Language",
    "fsl": "French Sign Language",
    "fss": "Finland-Swedish Sign Language",
    "gds": "Ghandruk Sign Language",
    "gse": "Ghanaian Sign Language",
    "gsg": "German Sign Language",
    "gsm": "Guatemalan Sign Language",
    "gss": "Greek Sign Language",
    "gus": "Guinean Sign Language",
    "hab": "Hanoi Sign Language",
    "haf": "Haiphong Sign Language",
    "hds": "Honduras Sign Language",
    "hks": "Hong Kong Sign Language",
    "hos": "Ho Chi Minh City Sign Language",
    "hps": "Hawai'i Sign Language (HSL)",
    "hsh": "Hungarian Sign Language",
    "hsl": "Hausa Sign Language",
    "icl": "Icelandic Sign Language",
    "iks": "Inuit Sign Language",
    "ils": "International Sign",
    "inl": "Indonesian Sign Language",
    "ins": "Indian Sign Language",
    "ise": "Italian Sign Language",
    "isg": "Irish Sign Language",
    "isr": "Israeli Sign Language",
    "jcs": "Jamaican Country Sign Language",
    "jhs": "Jhankot Sign Language",
    "jks": "Amami Koniya Sign Language",
    "jls": "Jamaican Sign Language",
    "jos": "Jordanian Sign Language",
    "jsl": "Japanese Sign Language",
    "jus": "Jumla Sign Language",
    "kgi": "Selangor Sign Language",
    "kvk": "Korean Sign Language",
    "lbs": "Libyan Sign Language",
    "lls": "Lithuanian Sign Language",
    "lsb": "Burundian Sign Language",
    "lsc": "Albarradas Sign Language",
    "lsl": "Latvian Sign Language",
    "lsn": "Tibetan Sign Language",
    "lso": "Laos Sign Language",
    "lsp": "Panamanian Sign Language",
    "lst": "Trinidad and Tobago Sign Language",
    "lsv": "Sivia Sign Language",
    "lsw": "Seychelles Sign Language",
    "lsy": "Mauritian Sign Language",
    "lws": "Malawian Sign Language",
    "mdl": "Maltese Sign Language",
    "mfs": "Mexican Sign Language",
    "mre": "Martha's Vineyard Sign Language",
    "msd": "Yucatec Maya Sign Language",
    "msr": "Mongolian Sign Language",
    "mzc": "Madagascar Sign Language",
    "mzg": "Monastic Sign Language",
    "mzy": "Mozambican Sign Language",
    "nbs": "Namibian Sign Language",
    "ncs": "Nicaraguan Sign Language",
    "nsi": "Nigerian Sign Language",
    "nsl": "Norwegian Sign Language",
    "nsp": "Nepalese Sign Language",
    "nsr": "Maritime Sign Language",
    "nzs": "New Zealand Sign Language",
    "okl": "Old Kentish Sign Language",
    "pgz": "Papua New Guinean Sign Language",
    "pks": "Pakistan Sign Language",
    "prl": "Peruvian Sign Language",
    "prz": "Providencia Sign Language",
    "psc": "Iranian Sign Language",
    "psd": "Plains Indian Sign Language",
    "psg": "Penang Sign Language",
    "psl": "Puerto Rican Sign Language",
    "pso": "Polish Sign Language",
    "psp": "Philippine Sign Language",
    "psr": "Portuguese Sign Language",
    "pys": "Paraguayan Sign Language",
    "rib": "Bribri Sign Language",
    "rms": "Romanian Sign Language",
    "rnb": "Brunca Sign Language",
    "rsl": "Russian Sign Language",
    "rsm": "Miriwoong Sign Language",
    "rsn": "Rwandan Sign Language",
    "sdl": "Saudi Arabian Sign Language",
    "sfb": "Langue des signes de Belgique Francophone",
    "sfs": "South African Sign Language",
    "sgg": "Swiss-German Sign Language",
    "sgx": "Sierra Leone Sign Language",
    "slf": "Swiss-Italian Sign Language",
    "sls": "Singapore Sign Language",
    "sqk": "Albanian Sign Language",
    "sqs": "Sri Lankan Sign Language",
    "sqx": "Kufr Qassem Sign Language (KQSL)",
    "ssp": "Spanish Sign Language",
    "ssr": "Swiss-French Sign Language",
    "svk": "Slovakian Sign Language",
    "swl": "Swedish Sign Language",
    "syy": "Al-Sayyid Bedouin Sign Language",
    "szs": "Solomon Islands Sign Language",
    "tse": "Tunisian Sign Language",
    "tsm": "Turkish Sign Language",
    "tsq": "Thai Sign Language",
    "tss": "Taiwan Sign Language",
    "tsy": "Tebul Sign Language",
    "tza": "Tanzanian Sign Language",
    "ugn": "Ugandan Sign Language",
    "ugy": "Uruguayan Sign Language",
    "ukl": "Ukrainian Sign Language",
    "uks": "Urubú-Kaapor Sign Language",
    "vgt": "Vlaamse Gebarentaal",
    "vsi": "Moldova Sign Language",
    "vsl": "Venezuelan Sign Language",
    "vsv": "Valencian Sign Language",
    "wbs": "West Bengal Sign Language",
    "xki": "Kenyan Sign Language",
    "xml": "Malaysian Sign Language",
    "xms": "Moroccan Sign Language",
    "ygs": "Yolŋu Sign Language",
    "yhs": "Yan-nhaŋu Sign Language",
    "ysl": "Yugoslavian Sign Language",
    "ysm": "Myanmar Sign Language",
    "zib": "Zimbabwe Sign Language",
    "zsl": "Zambian Sign Language",
}

# Names people use for a sign language, and the codes they stand for.
SHORT_NAMES: dict[str, str] = {
    "ase": "ASL",
    "asf": "Auslan",
    "bfi": "BSL",
    "bzs": "Libras",
    "dse": "NGT",
    "fcs": "LSQ",
    "fsl": "LSF",
    "gsg": "DGS",
    "ils": "IS",
    "ise": "LIS",
    "isg": "ISL",
    "jsl": "JSL",
    "kvk": "KSL",
    "mfs": "LSM",
    "nzs": "NZSL",
    "ssp": "LSE",
    "vgt": "VGT",
}
_HINTS = {short.lower(): code for code, short in SHORT_NAMES.items()}

# BCP 47's grandfathered sign-language tags, and the codes they are now.
_GRANDFATHERED = {"sgn-be-fr": "sfb", "sgn-be-nl": "vgt", "sgn-ch-de": "sgg"}
_SUBTAG = re.compile(r"[a-z0-9]{1,8}")


def sign_language_code(tag: str) -> str | None:
    """The ISO 639-3 code a tag names ("ase", "ase-US", "sgn-ase"); "sgn" for other
    `sgn-*` forms such as "sgn-US"; None when the tag is no sign language."""
    parts = tag.strip().lower().split("-")
    if not all(_SUBTAG.fullmatch(part) for part in parts):
        return None
    whole = "-".join(parts)
    if whole in _GRANDFATHERED:
        return _GRANDFATHERED[whole]
    first = parts[0]
    if first in SIGN_LANGUAGES:
        return first
    if first != "sgn":
        return None
    if len(parts) > 1 and len(parts[1]) == 3 and parts[1].isalpha():
        return parts[1] if parts[1] in SIGN_LANGUAGES else None
    return "sgn"


def sign_language_problem(tag: str) -> str:
    """Why `tag` is not a sign-language tag, with a hint; "" when it is one."""
    if not tag.strip():
        return 'a sign-language track needs a language, such as "ase" for ASL'
    if sign_language_code(tag) is not None:
        return ""
    reason = f'{tag!r} is not a sign-language tag (ISO 639-3, such as "ase", or sgn-*)'
    hint = _HINTS.get(tag.strip().lower())
    if hint is not None:
        name = SIGN_LANGUAGES[hint]
        reason += f"; {name} ({SHORT_NAMES[hint]}) is {hint!r}"
    return reason


def sign_language_name(tag: str) -> str:
    """ "American Sign Language (ASL)"; "Sign language (sgn-US)" for a bare sgn form."""
    code = sign_language_code(tag)
    if code is None or code == "sgn":
        return f"Sign language ({tag.strip()})"
    name = SIGN_LANGUAGES[code]
    short = SHORT_NAMES.get(code)
    return f"{name} ({short})" if short and short != name else name


def sign_window_title(tag: str) -> str:
    """The sign window's name: "Sign language (ASL)", the short name where known."""
    code = sign_language_code(tag)
    if code is None or code == "sgn":
        return f"Sign language ({tag.strip()})" if tag.strip() else "Sign language"
    return f"Sign language ({SHORT_NAMES.get(code) or SIGN_LANGUAGES[code]})"
