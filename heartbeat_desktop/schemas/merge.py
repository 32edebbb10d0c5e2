"""Duplicate patients: what the check while typing finds, and merging two records (and undoing it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import Field, SkipValidation

from heartbeat_desktop.schemas.base import Schema
from heartbeat_desktop.schemas.patient import PatientRead

# the survivor's fields a merge may fill from the duplicate, when the survivor's is empty
FILLABLE = ("middle_name", "sex", "phone", "email", "address", "notes")
# what agrees between a typed patient and a registered one (most telling first)
SIGNALS = ("name", "birth_date", "phone", "surname")


class DuplicateProbe(Schema):
    """What the form holds so far: anything may still be empty or half typed."""

    last_name: str = Field(default="", max_length=100)
    first_name: str = Field(default="", max_length=100)
    birth_date: date | None = None
    phone: str | None = Field(default=None, max_length=32)


class DuplicateMatch(Schema):
    """A registered patient who may be the one being typed, and what agrees.

    ``signals``: "name" (surname and first name alike, in either alphabet, a
    letter of the surname apart at most), "surname" (the surname alone, with the
    same birth date), "birth_date", "phone".  ``score``: how many of name, birth
    date and phone agree.
    """

    patient: PatientRead
    signals: tuple[str, ...]
    score: int


class MergeRequest(Schema):
    survivor_id: int
    duplicate_id: int
    take: tuple[str, ...] = ()  # fields of FILLABLE to fill from the duplicate
    survivor_version: int
    duplicate_version: int


class MergePreview(Schema):
    """Both records side by side, and what a merge would move."""

    survivor: PatientRead
    duplicate: PatientRead
    appointments: int
    status_changes: int
    waitlist: int
    series: int
    fillable: tuple[str, ...]  # the survivor's empty fields that the duplicate has
    # why the merge would be refused (visits at the same time), if it would; a Text, which the GUI translates
    problem: SkipValidation[str | None]


class MergeRead(Schema):
    id: int
    survivor_id: int
    survivor_name: str
    duplicate_id: int
    duplicate_name: str
    moved: dict[str, Any]  # {"appointments": {id: version}, "waitlist": {...}, "series": {...}}
    fields: dict[str, Any]  # {field: [old, new]}
    merged_at: datetime
    username: str | None
    undone_at: datetime | None
    undone_by: str | None

    def moved_count(self, kind: str) -> int:
        return len(self.moved.get(kind, {}))
