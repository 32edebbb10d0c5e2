"""Importing patients from a CSV file: what the file holds, how its columns map
to a patient's fields, each row's verdict, and what an import did."""

from __future__ import annotations

import enum
from typing import Any

from pydantic import SkipValidation

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas.base import Schema

# a patient's fields an import fills, in the form's order
IMPORT_FIELDS = ("last_name", "first_name", "middle_name", "birth_date", "sex", "phone", "email", "address", "notes")
FULL_NAME = "full_name"  # not a field: one column "Иванов Пётр Сергеевич", split into the three names
MAPPABLE = (FULL_NAME, *IMPORT_FIELDS)
# how the form labels them: messages name a field the way the desk knows it
FIELD_LABELS = {"last_name": Text("errors", "Last name"), "first_name": Text("errors", "First name"),
                "middle_name": Text("errors", "Middle name"), "birth_date": Text("errors", "Birth date"),
                "sex": Text("errors", "Sex"), "phone": Text("errors", "Phone"), "email": Text("errors", "E-mail"),
                "address": Text("errors", "Address"), "notes": Text("errors", "Notes"),
                FULL_NAME: Text("errors", "Full name")}
REASON_COLUMN = "reason"  # the column the file of rejected rows adds


class ImportPolicy(enum.Enum):
    ALL_OR_NOTHING = "all_or_nothing"  # any rejected row: nothing is stored
    SKIP_BAD = "skip_bad"  # store the good rows; the rejected ones go to the file of rejected rows


class ImportHeader(Schema):
    """What the file holds, read before anything is mapped."""

    file_name: str
    encoding: str  # "utf-8", "utf-8-sig", "cp1251", "utf-16"
    delimiter: str  # ",", ";" or "\t"
    columns: tuple[str, ...]  # the header's names (an empty or repeated one made unique)
    rows: int  # data rows (blank lines not counted)
    sample: tuple[tuple[str, ...], ...]  # the first few data rows, as read
    mapping: dict[str, str]  # the suggested mapping: field (or "full_name") -> column


class ImportRow(Schema):
    """One data row of the file and its verdict."""

    row: int  # as a spreadsheet numbers it: the header is row 1
    values: dict[str, str]  # field -> the text the file gives it (a full name split)
    # (kept as given, unvalidated: a Text stays a Text, which the GUI translates)
    problems: tuple[SkipValidation[str], ...] = ()  # why it cannot be stored: "Birth date: Enter …"
    duplicate_of: tuple[SkipValidation[str], ...] = ()  # "Иванов Пётр Сергеевич, 17.05.1980" or "row 5 of this file"

    @property
    def ok(self) -> bool:
        return not self.problems and not self.duplicate_of

    @property
    def rejected(self) -> bool:
        return bool(self.problems)

    @property
    def reason(self) -> str:
        """The rejected file's "reason" column."""
        if self.problems:
            return "; ".join(self.problems)
        if self.duplicate_of:
            return "Possible duplicate of " + "; ".join(self.duplicate_of) + " (not imported)"
        return ""


class ImportPreview(Schema):
    rows: tuple[ImportRow, ...]

    @property
    def good(self) -> int:
        return sum(1 for r in self.rows if r.ok)

    @property
    def rejected(self) -> int:
        return sum(1 for r in self.rows if r.rejected)

    @property
    def duplicates(self) -> int:
        return sum(1 for r in self.rows if not r.rejected and r.duplicate_of)


class ImportResult(Schema):
    imported: int
    rejected: int  # rows that could not be stored
    skipped_duplicates: int  # possible duplicates nobody ticked
    stored: bool  # False: all or nothing, and something was rejected
    rejected_file: str | None  # where the rejected (and skipped) rows were written
    seconds: float
    left_out: tuple[ImportRow, ...] = ()  # the rejected and skipped rows, with their reasons

    def summary(self) -> str:
        parts = [f"{self.imported} imported" if self.stored else "Nothing was imported"]
        if self.rejected:
            parts.append(f"{self.rejected} rejected")
        if self.skipped_duplicates:
            parts.append(f"{self.skipped_duplicates} possible duplicates skipped")
        text = ", ".join(parts)
        if self.rejected_file:
            text += f"; written to {self.rejected_file}"
        return text + "."


def mapping_problems(mapping: dict[str, Any], columns: tuple[str, ...]) -> dict[str, str]:
    """What is wrong with a mapping, per field: an unknown field or column, no surname."""
    problems: dict[str, str] = {}
    for field, column in mapping.items():
        if field not in MAPPABLE:
            problems[field] = Text("errors", "There is no patient field called {0!r}; use one of: {1}.").format(
                field, ", ".join(MAPPABLE))
        elif column not in columns:
            problems[field] = Text("errors", "The file has no column {0!r}.").format(column)
    names = {"last_name", "first_name"} <= mapping.keys() or FULL_NAME in mapping
    if not names:
        problems.setdefault("last_name", Text("errors", "Choose the columns holding the last and first names "
                                                "(or the full name)."))
    if "birth_date" not in mapping:
        problems.setdefault("birth_date", Text("errors", "Choose the column holding the birth date."))
    return problems
