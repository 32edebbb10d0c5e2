"""Doctors with their weekly working hours."""

from __future__ import annotations

from datetime import datetime, time

from pydantic import Field, field_validator, model_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas.base import Schema
from heartbeat_desktop.schemas.person import PersonFields, PersonRead

WEEKDAYS = (Text("weekdays", "Monday"), Text("weekdays", "Tuesday"), Text("weekdays", "Wednesday"),
            Text("weekdays", "Thursday"), Text("weekdays", "Friday"), Text("weekdays", "Saturday"),
            Text("weekdays", "Sunday"))


class WorkingHoursItem(Schema):
    weekday: int = Field(ge=0, le=6)  # 0 = Monday
    starts: time
    ends: time

    @model_validator(mode="after")
    def _order(self) -> WorkingHoursItem:
        if self.ends <= self.starts:
            raise ValueError(Text("errors", "{0}: the end must be after the start.").format(WEEKDAYS[self.weekday]))
        return self


class DoctorCreate(PersonFields):
    specialty: str = Field(max_length=100)
    room: str | None = Field(default=None, max_length=20)
    is_active: bool = True
    user_id: int | None = None
    working_hours: tuple[WorkingHoursItem, ...] = ()

    @field_validator("specialty")
    @classmethod
    def _specialty(cls, value: str) -> str:
        if not value:
            raise ValueError(Text("errors", "This field is required."))
        return value

    @field_validator("room")
    @classmethod
    def _room(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("working_hours")
    @classmethod
    def _no_overlapping_hours(cls, value: tuple[WorkingHoursItem, ...]) -> tuple[WorkingHoursItem, ...]:
        ordered = sorted(value, key=lambda h: (h.weekday, h.starts))
        for before, after in zip(ordered, ordered[1:]):
            if before.weekday == after.weekday and after.starts < before.ends:
                raise ValueError(Text("errors", "{0}: working hours overlap.").format(WEEKDAYS[after.weekday]))
        return tuple(ordered)


class DoctorUpdate(DoctorCreate):
    version: int


class DoctorRead(PersonRead):
    specialty: str
    room: str | None
    user_id: int | None
    working_hours: tuple[WorkingHoursItem, ...]
    created_at: datetime
    updated_at: datetime
