"""Patients as forms send them and as lists show them."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from pydantic import Field, field_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas import text
from heartbeat_desktop.schemas.person import PersonFields, PersonRead

SEXES = ("female", "male")


class PatientCreate(PersonFields):
    birth_date: date
    sex: str | None = None
    address: str | None = Field(default=None, max_length=300)
    notes: str | None = Field(default=None, max_length=5000)

    @field_validator("birth_date")
    @classmethod
    def _birth_date(cls, value: date) -> date:
        if value > date.today():
            raise ValueError(Text("errors", "The birth date cannot be in the future."))
        if value.year < 1900:
            raise ValueError(Text("errors", "Check the year of birth."))
        return value

    @field_validator("sex")
    @classmethod
    def _sex(cls, value: str | None) -> str | None:
        value = text.clean_text(value)
        if value and value.lower() not in SEXES:
            raise ValueError(Text("errors", "Choose female or male, or leave it empty."))
        return value.lower() if value else None

    @field_validator("address", "notes")
    @classmethod
    def _optional_text(cls, value: str | None) -> str | None:
        return value.strip() or None if value else None


class PatientUpdate(PatientCreate):
    version: int


class PatientRead(PersonRead):
    birth_date: date
    sex: str | None
    address: str | None
    notes: str | None
    created_at: datetime
    updated_at: datetime


class PatientRow(NamedTuple):
    """A patient as a long list holds it: the fields of :class:`PatientRead` a
    desk sees, in a plain tuple (a tenth of a schema object's memory and
    cost), read by attribute the same way."""

    id: int
    version: int
    last_name: str
    first_name: str
    middle_name: str | None
    phone: str | None
    email: str | None
    is_active: bool
    birth_date: date
    sex: str | None
    address: str | None
    notes: str | None

    @property
    def full_name(self) -> str:
        return PersonRead.full_name.fget(self)  # type: ignore[union-attr, arg-type]
