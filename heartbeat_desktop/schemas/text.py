"""Normalising what people type: names, phone numbers, e-mail, search keys."""

from __future__ import annotations

import re

from heartbeat_desktop.core.errors import Text

_SPACES = re.compile(r"\s+")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WORD_START = re.compile(r"(?:^|(?<=[ \-]))\w")
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*\.?$")
# control characters (tab and line breaks excepted) and lone surrogates: a
# database cannot store them (PostgreSQL refuses NUL) and nobody means them
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
UNSTORABLE_MESSAGE = Text("errors", "This contains invisible control characters that cannot be saved. Please retype it.")


def has_unstorable(text: str) -> bool:
    return bool(_UNSTORABLE.search(text))


def storable(text: str) -> str:
    """``text`` with what cannot be stored replaced by spaces (for search boxes)."""
    return _UNSTORABLE.sub(" ", text)


def fold(text: str) -> str:
    """Case- and ё-insensitive key: 'Ёлкина' and 'елкина' fold alike."""
    return _SPACES.sub(" ", text.strip()).casefold().replace("ё", "е")


NAME_KEY_LENGTH = 310  # the name_key column: three 100-character names and two spaces


def name_key(last: str, first: str, middle: str | None) -> str:
    """The folded full name, cut to its column's length: casefolding can
    lengthen a name ('ß' -> 'ss'), and a search never types that far."""
    return fold(" ".join(part for part in (last, first, middle) if part))[:NAME_KEY_LENGTH]


def clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", value.strip())
    return value or None


def clean_name(value: str) -> str:
    """Trim and collapse spaces; capitalise a name typed all in one case."""
    value = _SPACES.sub(" ", value.strip())
    if value and (value.islower() or value.isupper()):
        # every word of a double name: "анна-мария", "анна мария" -> "Анна-Мария", "Анна Мария"
        value = _WORD_START.sub(lambda m: m.group(0).upper(), value.lower())
    return value


def is_valid_name(value: str) -> bool:
    return bool(_NAME.match(value))


def phone_digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def normalize_phone(value: str) -> str:
    """'8 (916) 123-45-67' -> '+7 916 123-45-67'; other countries keep their digits.

    Raises ValueError with a message for the form when it cannot be a phone number.
    """
    digits = phone_digits(value)
    if len(digits) == 11 and digits[0] == "8" and not value.strip().startswith("+"):
        digits = "7" + digits[1:]
    elif len(digits) == 10 and digits[0] == "9":
        digits = "7" + digits
    if not 7 <= len(digits) <= 15 or re.search(r"[^\d\s()+\-.]", value):
        raise ValueError(Text("errors", "Enter a phone number, for example +7 916 123-45-67."))
    if len(digits) == 11 and digits[0] == "7":
        d = digits
        return f"+7 {d[1:4]} {d[4:7]}-{d[7:9]}-{d[9:11]}"
    return "+" + digits if len(digits) > 7 else digits


def is_valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


# --- likely duplicates: one spelling for a name typed in Cyrillic or in Latin letters ---------

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"], strict=True))
# Latin spellings of one Russian sound, each read as one (longest first): "Pyotr", "Petr"; "Khariton", "Hariton"
_LATIN_VARIANTS = (("q", "k"), ("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("tz", "c"), ("ts", "c"),
                   ("zh", "q"), ("yo", "e"), ("ye", "e"), ("ks", "x"), ("w", "v"),
                   ("y", "i"), ("j", "i"))
_NOT_LETTER = re.compile(r"[^a-z]")
_REPEATS = re.compile(r"(.)\1+")
MATCH_KEY_LENGTH = 100


def match_key(name: str | None) -> str:
    """A name's spelling-blind key: 'Пётр', 'Petr', 'Pyotr' and 'PETR' are all 'petr';
    'Иванов' and 'Ivanov' are 'ivanov'; 'Юрий' and 'Yuriy' 'iuri'; 'Жуков', 'Zhukov' 'qukov'.

    Cyrillic is transliterated, then the Latin spellings of one sound are made
    one, letters doubled by one transliteration and not another ('ii', 'ss')
    are read once, and all but the letters is left out.  Stored on write (the
    duplicate check's columns) and compared, so it is ASCII and its prefix
    ranges use an index on either database.
    """
    if not name:
        return ""
    text = "".join(_CYRILLIC.get(ch, ch) for ch in fold(name))
    for spelled, sound in _LATIN_VARIANTS:
        text = text.replace(spelled, sound)
    return _REPEATS.sub(r"\1", _NOT_LETTER.sub("", text))[:MATCH_KEY_LENGTH]


def phone_key(value: str | None) -> str | None:
    """A phone's digits as the desk means them: '8 916 …', '+7 916 …' and '916 …' are one number."""
    digits = phone_digits(value or "")
    if len(digits) == 11 and digits[0] in "78":
        return "7" + digits[1:]
    if len(digits) == 10 and digits[0] == "9":
        return "7" + digits
    return digits or None


def one_edit_apart(a: str, b: str) -> bool:
    """True if ``a`` becomes ``b`` by at most one letter changed, added or left out."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]
