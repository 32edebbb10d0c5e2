"""The waitlist (ASAP list): who waits for an earlier slot, with whom, on which days and hours.

``weekdays`` is seven "0"/"1", Monday first ("1111100": Monday to Friday).
``earliest``/``latest`` are clinic-local times of day: the visit must begin
and end within them.
"""

from __future__ import annotations

import enum
from datetime import datetime, time

from pydantic import Field, field_validator, model_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas.base import Schema

EVERY_WEEKDAY = "1111100"


class WaitlistStatus(str, enum.Enum):
    ACTIVE = "active"
    BOOKED = "booked"
    REMOVED = "removed"


class WaitlistCreate(Schema):
    patient_id: int = Field(gt=0)
    doctor_id: int | None = Field(default=None, gt=0)
    specialty: str | None = Field(default=None, max_length=100)
    weekdays: str = EVERY_WEEKDAY
    earliest: time = time(8)
    latest: time = time(20)
    minutes: int = Field(default=30, ge=5, le=480)
    note: str | None = Field(default=None, max_length=300)

    @field_validator("specialty", "note")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("weekdays")
    @classmethod
    def _mask(cls, value: str) -> str:
        if len(value) != 7 or set(value) - {"0", "1"}:
            raise ValueError(Text("errors", "Days are seven marks, Monday first (for example 1111100)."))
        if "1" not in value:
            raise ValueError(Text("errors", "Choose at least one day."))
        return value

    @model_validator(mode="after")
    def _consistent(self) -> WaitlistCreate:
        if self.doctor_id is None and self.specialty is None:
            raise ValueError(Text("errors", "Choose a doctor or a specialty."))
        if self.latest <= self.earliest:
            raise ValueError(Text("errors", "The latest time must be after the earliest."))
        return self


class WaitlistRead(Schema):
    id: int
    version: int
    patient_id: int
    patient_name: str
    doctor_id: int | None
    doctor_name: str | None
    specialty: str | None
    weekdays: str
    earliest: time
    latest: time
    minutes: int
    note: str | None
    status: WaitlistStatus
    appointment_id: int | None
    created_at: datetime


class FreedSlot(Schema):
    """The time a cancelled visit or a no-show gave back (aware UTC), with its doctor."""

    doctor_id: int
    doctor_name: str
    starts_at: datetime
    ends_at: datetime
    appointment_id: int  # the visit that freed it


class WaitlistOffer(Schema):
    slot: FreedSlot | None  # None: nothing left to offer (the slot is over)
    entries: list[WaitlistRead]
