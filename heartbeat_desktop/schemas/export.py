"""What the exports and the day sheet take and give back: a file's content, a doctor's day."""

from __future__ import annotations

import enum
from datetime import date, timedelta

from pydantic import Field, ValidationInfo, field_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas.appointment import AppointmentRead
from heartbeat_desktop.schemas.base import Schema

MAX_EXPORT_DAYS = 3660  # ten years of visits in one file, at most


class ExportFormat(str, enum.Enum):
    CSV = "csv"
    ICS = "ics"

    @property
    def suffix(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return {ExportFormat.CSV: "CSV (Excel)", ExportFormat.ICS: "iCalendar"}[self]


class AppointmentExport(Schema):
    """The appointments of the local days ``first`` to ``last`` (both included), of one doctor or all."""

    first: date
    last: date
    doctor_id: int | None = Field(default=None, gt=0)
    format: ExportFormat = ExportFormat.CSV
    delimiter: str = Field(default=",", pattern="^[,;]$")  # CSV only

    @field_validator("last")
    @classmethod
    def _range(cls, last: date, info: ValidationInfo) -> date:
        first = info.data.get("first")
        if first is not None and last < first:
            raise ValueError(Text("errors", "The last day must not be before the first."))
        if first is not None and last - first > timedelta(days=MAX_EXPORT_DAYS):
            raise ValueError(Text("errors", "Export at most {0} years at a time.").format(MAX_EXPORT_DAYS // 366))
        return last


class ExportFile(Schema):
    """An export's complete content, ready to be written; ``rows``: how many records it holds."""

    content: bytes
    rows: int
    format: ExportFormat
    name: str  # a file name to suggest: "appointments-2025-03-01-2025-03-31.ics"


class DaySheetVisit(Schema):
    """A line of a doctor's day sheet: the visit and how to reach its patient."""

    appointment: AppointmentRead
    birth_date: date
    phone: str | None


class DaySheet(Schema):
    """One doctor's visits of one local day, in time order (cancelled ones included)."""

    day: date
    doctor_id: int
    doctor_name: str  # the full name
    specialty: str
    room: str | None
    visits: list[DaySheetVisit]
