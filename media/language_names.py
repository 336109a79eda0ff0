"""The name of a language from its BCP 47 tag, for people choosing a track (no Qt).

Names are autonyms, each language named in itself ("Français", "Deutsch"), as a
module's own labels are ("Français", "Chapitres") and as a learner looks for their
language in a list. Python's standard library has no language names (its `locale`
module only maps locale aliases), so a table of common languages does it; a tag
outside the table, or that is not a tag, is shown as written.
"""

from __future__ import annotations

import re

from media.sign_languages import sign_language_code, sign_language_name

LANGUAGE_NAMES: dict[str, str] = {
    "af": "Afrikaans",
    "am": "አማርኛ",
    "ar": "العربية",
    "az": "Azərbaycan dili",
    "be": "Беларуская",
    "bg": "Български",
    "bn": "বাংলা",
    "bs": "Bosanski",
    "ca": "Català",
    "cr": "ᓀᐦᐃᔭᐍᐏᐣ (Cree)",
    "cs": "Čeština",
    "cy": "Cymraeg",
    "da": "Dansk",
    "de": "Deutsch",
    "el": "Ελληνικά",
    "en": "English",
    "eo": "Esperanto",
    "es": "Español",
    "et": "Eesti",
    "eu": "Euskara",
    "fa": "فارسی",
    "fi": "Suomi",
    "fil": "Filipino",
    "fr": "Français",
    "ga": "Gaeilge",
    "gd": "Gàidhlig",
    "gl": "Galego",
    "gu": "ગુજરાતી",
    "ha": "Hausa",
    "haw": "ʻŌlelo Hawaiʻi",
    "he": "עברית",
    "hi": "हिन्दी",
    "hr": "Hrvatski",
    "ht": "Kreyòl ayisyen",
    "hu": "Magyar",
    "hy": "Հայերեն",
    "id": "Bahasa Indonesia",
    "ig": "Igbo",
    "is": "Íslenska",
    "it": "Italiano",
    "iu": "ᐃᓄᒃᑎᑐᑦ (Inuktitut)",
    "ja": "日本語",
    "ka": "ქართული",
    "kk": "Қазақ тілі",
    "km": "ខ្មែរ",
    "kn": "ಕನ್ನಡ",
    "ko": "한국어",
    "ku": "Kurdî",
    "ky": "Кыргызча",
    "la": "Latina",
    "lo": "ລາວ",
    "lt": "Lietuvių",
    "lv": "Latviešu",
    "mi": "Māori",
    "mk": "Македонски",
    "ml": "മലയാളം",
    "mn": "Монгол",
    "mr": "मराठी",
    "ms": "Bahasa Melayu",
    "mt": "Malti",
    "my": "မြန်မာ",
    "nb": "Norsk bokmål",
    "ne": "नेपाली",
    "nl": "Nederlands",
    "nn": "Norsk nynorsk",
    "no": "Norsk",
    "oj": "Anishinaabemowin (Ojibwe)",
    "pa": "ਪੰਜਾਬੀ",
    "pl": "Polski",
    "ps": "پښتو",
    "pt": "Português",
    "qu": "Runa Simi",
    "ro": "Română",
    "ru": "Русский",
    "rw": "Kinyarwanda",
    "si": "සිංහල",
    "sk": "Slovenčina",
    "sl": "Slovenščina",
    "so": "Soomaali",
    "sq": "Shqip",
    "sr": "Српски",
    "sv": "Svenska",
    "sw": "Kiswahili",
    "ta": "தமிழ்",
    "te": "తెలుగు",
    "tg": "Тоҷикӣ",
    "th": "ไทย",
    "ti": "ትግርኛ",
    "tl": "Tagalog",
    "tr": "Türkçe",
    "uk": "Українська",
    "ur": "اردو",
    "uz": "Oʻzbekcha",
    "vi": "Tiếng Việt",
    "xh": "isiXhosa",
    "yi": "ייִדיש",
    "yo": "Yorùbá",
    "yue": "粵語",
    "zh": "中文",
    "zu": "isiZulu",
}

# Three-letter codes (ISO 639-2/B and /T) that file names use for the languages above.
THREE_LETTER: dict[str, str] = {
    "ara": "ar",
    "chi": "zh",
    "cze": "cs",
    "ces": "cs",
    "dan": "da",
    "deu": "de",
    "dut": "nl",
    "ell": "el",
    "eng": "en",
    "fas": "fa",
    "per": "fa",
    "fin": "fi",
    "fra": "fr",
    "fre": "fr",
    "ger": "de",
    "gre": "el",
    "heb": "he",
    "hin": "hi",
    "hun": "hu",
    "ita": "it",
    "jpn": "ja",
    "kor": "ko",
    "nld": "nl",
    "nor": "no",
    "pol": "pl",
    "por": "pt",
    "ron": "ro",
    "rum": "ro",
    "rus": "ru",
    "spa": "es",
    "swe": "sv",
    "tur": "tr",
    "ukr": "uk",
    "vie": "vi",
    "zho": "zh",
}

# Chinese scripts by the names readers of Chinese know them by; others by their code.
SCRIPT_NAMES: dict[str, str] = {"hans": "简体", "hant": "繁體"}

SPECIAL_TAGS: dict[str, str] = {
    "und": "Undetermined language",
    "mul": "Several languages",
    "zxx": "No linguistic content",
}

_TAG = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


def language_name(tag: str) -> str:
    """ "fr" → "Français", "pt-BR" → "Português (BR)", "zh-Hant" → "中文 (繁體)".

    A tag the table does not know keeps its form ("tlh"); a sign-language tag gets
    its sign language's name; "" stays "".
    """
    written = tag.strip()
    if not _TAG.fullmatch(written):
        return written
    parts = re.split(r"[-_]", written)
    primary = parts[0].lower()
    if primary in SPECIAL_TAGS:
        return SPECIAL_TAGS[primary]
    name = LANGUAGE_NAMES.get(THREE_LETTER.get(primary, primary))
    if name is None:
        if sign_language_code(written) is not None:
            return sign_language_name(written)
        return written
    details = [_subtag_name(part) for part in parts[1:3]]
    details = [d for d in details if d]
    return f"{name} ({', '.join(details)})" if details else name


def _subtag_name(subtag: str) -> str:
    """A script by its name, a region by its code; variants are left out."""
    if len(subtag) == 4 and subtag.isalpha():
        return SCRIPT_NAMES.get(subtag.lower(), subtag.title())
    if (len(subtag) == 2 and subtag.isalpha()) or (
        len(subtag) == 3 and subtag.isdigit()
    ):
        return subtag.upper()
    return ""


KIND_WORDS = {
    "subtitles": "subtitles",
    "descriptions": "descriptions",
    "chapters": "chapters",
    "metadata": "metadata",
}


def track_label(language: str, kind: str) -> str:
    """How a track without a label of its own is offered: "English", "Français
    (subtitles)", "English (descriptions)"; "" when there is no language to name."""
    if not language.strip():
        return ""
    name = language_name(language)
    word = KIND_WORDS.get(kind)
    return f"{name} ({word})" if word else name
