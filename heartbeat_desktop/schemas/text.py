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
