"""From a CSV row to a patient form: which column is which field, and the cells read
as the patient form would read them.

:func:`guess_mapping` recognises English and Russian header names ("Фамилия",
"Дата рождения", "Эл. почта", "DOB", …), and a full-name column ("ФИО") to be
split.  :func:`form_values` turns one row into what :class:`PatientCreate`
takes: a date written dd.mm.yyyy, yyyy-mm-dd or dd/mm/yyyy, "м"/"ж" for the sex.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas.patient_import import FIELD_LABELS, FULL_NAME, IMPORT_FIELDS
from heartbeat_desktop.schemas.text import fold

DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")
DATE_MESSAGE = Text("errors", "Enter the date as dd.mm.yyyy, for example 17.05.1980.")

# header names, folded (see _header_key), per field; the first field whose names match wins
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "last_name": ("фамилия", "last name", "lastname", "surname", "family name"),
    "first_name": ("имя", "first name", "firstname", "given name", "forename"),
    "middle_name": ("отчество", "middle name", "middlename", "patronymic", "second name"),
    FULL_NAME: ("фио", "ф и о", "full name", "fullname", "name", "patient", "patient name", "пациент",
                "фамилия имя отчество", "полное имя"),
    "birth_date": ("дата рождения", "д р", "др", "рождение", "день рождения", "родился", "birth date", "birthdate",
                   "date of birth", "dob", "birthday", "born"),
    "sex": ("пол", "sex", "gender"),
    "phone": ("телефон", "тел", "моб", "мобильный", "мобильный телефон", "сотовый", "номер телефона",
              "контактный телефон", "phone", "telephone", "tel", "mobile", "cell", "phone number"),
    "email": ("email", "e mail", "эл почта", "электронная почта", "почта", "эл адрес", "mail", "e mail address",
              "email address"),
    "address": ("адрес", "адрес проживания", "адрес регистрации", "address", "home address", "street address"),
    "notes": ("примечание", "примечания", "заметки", "заметка", "комментарий", "комментарии", "notes", "note",
              "comment", "comments", "remarks"),
}
# a header that *starts* with one of these words is that field ("Телефон (мобильный)", "Phone 1")
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "phone": ("телефон", "phone", "тел", "mobile"), "email": ("email", "почта"), "address": ("адрес", "address"),
    "notes": ("примечан", "коммент", "note", "comment"), "birth_date": ("дата рожд", "birth", "date of birth"),
}

SEX_WORDS = {"м": "male", "муж": "male", "мужской": "male", "m": "male", "male": "male", "man": "male",
             "ж": "female", "жен": "female", "женский": "female", "f": "female", "female": "female",
             "woman": "female"}
_PATRONYMIC = re.compile(r"(вич|вна|чна|ична|оглы|кызы)$", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def _header_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(name)).split())


def guess_mapping(columns: Sequence[str]) -> dict[str, str]:
    """field (or "full_name") -> the column that looks like it; each column used once."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    keys = {column: _header_key(column) for column in columns}
    for exact in (True, False):
        for field, names in HEADER_NAMES.items():
            if field in mapping:
                continue
            for column in columns:
                key = keys[column]
                hit = key in names if exact else key.startswith(HEADER_WORDS.get(field, ("\0",)))
                if column not in used and hit:
                    mapping[field] = column
                    used.add(column)
                    break
    if {"last_name", "first_name"} <= mapping.keys():
        mapping.pop(FULL_NAME, None)  # the names have their own columns
    return {field: mapping[field] for field in HEADER_NAMES if field in mapping}


def split_full_name(text: str) -> tuple[str, str, str]:
    """(last, first, middle) of a full name.

    "Иванов Пётр Сергеевич" and "Smith, John" put the surname first; a Latin
    name without a comma ("John Paul Smith") puts it last.
    """
    text = " ".join(text.split())
    if not text:
        return "", "", ""
    if "," in text:
        last, _, rest = text.partition(",")
        words = rest.split()
        return last.strip(), (words[0] if words else ""), " ".join(words[1:])
    words = text.split(" ")
    if len(words) == 1:
        return words[0], "", ""
    if _CYRILLIC.search(text) or _PATRONYMIC.search(words[-1]):
        return words[0], words[1], " ".join(words[2:])
    return words[-1], words[0], " ".join(words[1:-1])


def row_values(cells: Sequence[str], columns: Sequence[str], mapping: Mapping[str, str]) -> dict[str, str]:
    """field -> the cell's text (empty cells left out); a full name split unless the
    names have columns of their own."""
    index = {column: i for i, column in enumerate(columns)}
    values = {field: cells[index[column]] for field, column in mapping.items()
              if field != FULL_NAME and column in index and cells[index[column]]}
    full = mapping.get(FULL_NAME)
    if full in index and cells[index[full]]:
        for field, part in zip(("last_name", "first_name", "middle_name"), split_full_name(cells[index[full]]),
                               strict=True):
            if part and field not in values:
                values[field] = part
    return values


def parse_date(text: str) -> date | None:
    text = text.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def form_values(values: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """(what the patient form would send, problems found before the form's own checks)."""
    form: dict[str, Any] = {field: values[field] for field in IMPORT_FIELDS if values.get(field)}
    problems: dict[str, str] = {}
    born = values.get("birth_date")
    if born:
        day = parse_date(born)
        if day is None:
            problems["birth_date"] = DATE_MESSAGE
            del form["birth_date"]
        else:
            form["birth_date"] = day
    sex = values.get("sex")
    if sex:
        form["sex"] = SEX_WORDS.get(fold(sex).rstrip("."), sex)
    return form, problems


def labelled(problems: Mapping[str, str]) -> tuple[str, ...]:
    """Messages as a row's reasons: "Birth date: Enter …", in the form's field order."""
    order = {field: i for i, field in enumerate(IMPORT_FIELDS)}
    return tuple(Text("errors", "{0}: {1}").format(FIELD_LABELS.get(field, field), message) if field else message
                 for field, message in sorted(problems.items(), key=lambda item: order.get(item[0], -1)))
