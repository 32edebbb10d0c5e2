"""Appointments. Times are aware datetimes; a naive one means clinic-local time."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import Field, field_validator, model_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.core.vocabulary import INACTIVE_STATUSES, Confirmation, Status
from heartbeat_desktop.schemas.base import Schema

MAX_DURATION = timedelta(hours=12)
# a booking's years: a margin inside Python's 1..9999, so that moving a time to
# UTC or to the next day, and looking two weeks ahead for free times, never overflows
FIRST_YEAR, LAST_YEAR = 1900, 9998


class AppointmentCreate(Schema):
    doctor_id: int = Field(gt=0)
    patient_id: int = Field(gt=0)
    starts_at: datetime
    ends_at: datetime
    reason: str | None = Field(default=None, max_length=300)
    notes: str | None = Field(default=None, max_length=5000)
    type_id: int | None = Field(default=None, gt=0)  # a visit type (first visit, follow-up…), if any
    # set only to squeeze this visit in over another (an emergency): needs the account's can_overbook
    overbook_reason: str | None = Field(default=None, max_length=300)

    @field_validator("starts_at", "ends_at")
    @classmethod
    def _year(cls, value: datetime) -> datetime:
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise ValueError(Text("errors", "Enter a date between the years {0} and {1}.").format(FIRST_YEAR, LAST_YEAR))
        return value

    @model_validator(mode="after")
    def _times(self) -> AppointmentCreate:
        if (self.starts_at.tzinfo is None) != (self.ends_at.tzinfo is None):
            raise ValueError(Text("errors", "Start and end must both carry a time zone, or neither."))
        if self.ends_at <= self.starts_at:
            raise ValueError(Text("errors", "The end must be after the start."))
        if self.ends_at - self.starts_at > MAX_DURATION:
            raise ValueError(Text("errors", "An appointment cannot be longer than 12 hours."))
        return self

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at


class AppointmentUpdate(AppointmentCreate):
    version: int


class AppointmentRead(Schema):
    id: int
    version: int
    doctor_id: int
    patient_id: int
    starts_at: datetime
    ends_at: datetime
    status: Status
    reason: str | None
    notes: str | None
    created_by_id: int | None
    doctor_name: str
    patient_name: str
    type_id: int | None = None
    type_name: str | None = None
    type_colour: str | None = None  # "#rrggbb"
    overbooked: bool = False
    overbook_reason: str | None = None
    series_id: int | None = None  # one visit of a recurring series
    confirmation: Confirmation = Confirmation.NOT_CALLED  # the reminder call's outcome
    created_at: datetime
    updated_at: datetime

    @property
    def is_active(self) -> bool:
        return self.status not in INACTIVE_STATUSES


class StatusChangeRead(Schema):
    """One line of an appointment's status history (``from_status`` None: the booking)."""

    id: int
    appointment_id: int
    from_status: Status | None
    to_status: Status
    changed_at: datetime
    user_id: int | None
    username: str | None
    is_undo: bool


class QueueEntry(Schema):
    """A visit in today's queue: the appointment, and when it arrived and began (from its history)."""

    appointment: AppointmentRead
    arrived_at: datetime | None = None  # the last move to "arrived", if it is still in effect
    started_at: datetime | None = None  # the last move to "in progress" after that

    @property
    def id(self) -> int:
        return self.appointment.id


class ConfirmationCall(Schema):
    """A line of the confirmation list: a coming visit, the number to call, and the call's outcome."""

    appointment: AppointmentRead
    phone: str | None
    called_at: datetime | None = None  # when the outcome was set
    called_by: str | None = None  # by whom (user name)

    @property
    def id(self) -> int:
        return self.appointment.id

    @property
    def confirmation(self) -> Confirmation:
        return self.appointment.confirmation
