"""Time off: a doctor's vacation, day off or blocked hours, or a clinic holiday.

Times are aware datetimes; a naive one means clinic-local time (a whole day is
local midnight to the next midnight).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import Field, model_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.core.vocabulary import AwayKind
from heartbeat_desktop.schemas.base import Schema

LONGEST = timedelta(days=366)


class TimeOffCreate(Schema):
    doctor_id: int | None = Field(default=None, gt=0)
    kind: AwayKind
    starts_at: datetime
    ends_at: datetime
    reason: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _consistent(self) -> TimeOffCreate:
        if (self.starts_at.tzinfo is None) != (self.ends_at.tzinfo is None):
            raise ValueError(Text("errors", "Start and end must both carry a time zone, or neither."))
        if self.ends_at <= self.starts_at:
            raise ValueError(Text("errors", "The end must be after the start."))
        if self.ends_at - self.starts_at > LONGEST:
            raise ValueError(Text("errors", "Time off can be at most a year at a time."))
        if self.kind is AwayKind.HOLIDAY and self.doctor_id is not None:
            raise ValueError(Text("errors", "A clinic holiday is for every doctor: choose no doctor."))
        if self.kind is not AwayKind.HOLIDAY and self.doctor_id is None:
            raise ValueError(Text("errors", "Choose the doctor (or make it a clinic holiday)."))
        return self


class TimeOffRead(Schema):
    id: int
    doctor_id: int | None
    doctor_name: str | None  # "Иванов И. И."; None for a clinic holiday
    kind: AwayKind
    starts_at: datetime
    ends_at: datetime
    reason: str | None
    version: int
