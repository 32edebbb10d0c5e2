"""Recurring visits: the rule the desk fills in, each occurrence's preview, and what was booked.

A series is ``weekdays`` (Monday 0 … Sunday 6) at ``start_time`` for ``minutes``,
every ``every_n_weeks`` weeks counted from the week of ``first_day``, until the
day ``until`` or for ``count`` visits (one of the two), at most MAX_OCCURRENCES.
Times are clinic-local; the preview's and the booking's datetimes are UTC.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time

from pydantic import Field, SkipValidation, field_validator, model_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas.appointment import AppointmentRead
from heartbeat_desktop.schemas.base import Schema

MAX_OCCURRENCES = 52
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Scope(str, enum.Enum):
    """Which visits of a series a change reaches, from the one the desk picked."""

    THIS = "this"
    FOLLOWING = "following"  # this one and every later one
    ALL = "all"

    @property
    def label(self) -> str:
        return {"this": Text("series", "Only this visit"),
                "following": Text("series", "This and the following visits"),
                "all": Text("series", "The whole series")}[self.value]


class SeriesRequest(Schema):
    doctor_id: int = Field(gt=0)
    patient_id: int = Field(gt=0)
    first_day: date
    weekdays: tuple[int, ...] = Field(min_length=1)
    every_n_weeks: int = Field(default=1, ge=1, le=52)
    until: date | None = None
    count: int | None = Field(default=None, ge=1, le=MAX_OCCURRENCES)
    start_time: time
    minutes: int = Field(default=30, ge=5, le=720)
    reason: str | None = Field(default=None, max_length=300)
    notes: str | None = Field(default=None, max_length=5000)
    type_id: int | None = Field(default=None, gt=0)

    @field_validator("weekdays")
    @classmethod
    def _weekdays(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if any(not 0 <= d <= 6 for d in value):
            raise ValueError(Text("errors", "Weekdays are 0 (Monday) to 6 (Sunday)."))
        return tuple(sorted(set(value)))

    @model_validator(mode="after")
    def _end(self) -> SeriesRequest:
        if (self.until is None) == (self.count is None):
            raise ValueError(Text("errors", "Give either the last day or the number of visits."))
        if self.until is not None and self.until < self.first_day:
            raise ValueError(Text("errors", "The last day must not be before the first."))
        if not 1900 <= self.first_day.year <= 9998 or (self.until and self.until.year > 9998):
            raise ValueError(Text("errors", "Enter a date between the years 1900 and 9998."))
        return self

    @property
    def rule_text(self) -> str:
        """``Tue, Thu at 10:00, every 2 weeks, until 31.12.2026``: for the desk and the audit log."""
        days = ", ".join(WEEKDAY_NAMES[d] for d in self.weekdays)
        every = "every week" if self.every_n_weeks == 1 else f"every {self.every_n_weeks} weeks"
        end = f"until {self.until:%d.%m.%Y}" if self.until else f"{self.count} visits"
        return f"{days} at {self.start_time:%H:%M}, {every}, {end}"


class OccurrencePreview(Schema):
    """One visit of a series before it is booked: free, or why not and the nearest free time instead."""

    starts_at: datetime  # UTC
    ends_at: datetime
    problems: tuple[SkipValidation[str], ...] = ()  # the rules' own sentences (Text: the GUI translates them)
    alternative: datetime | None = None  # UTC start of the nearest free time, for a conflict

    @property
    def is_free(self) -> bool:
        return not self.problems


class SeriesBooked(Schema):
    series_id: int
    appointments: tuple[AppointmentRead, ...]
