"""Finding a free time: for one doctor or every doctor of a specialty, from a moment on."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, model_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas.base import Schema


class FreeTimeQuery(Schema):
    doctor_id: int | None = Field(default=None, gt=0)
    specialty: str | None = Field(default=None, max_length=100)
    patient_id: int | None = Field(default=None, gt=0)  # also clear of this patient's other visits
    starts_from: datetime  # naive: clinic-local
    minutes: int = Field(default=30, ge=5, le=480)
    count: int = Field(default=10, ge=1, le=50)

    @model_validator(mode="after")
    def _whom(self) -> FreeTimeQuery:
        if (self.doctor_id is None) == (not self.specialty):
            raise ValueError(Text("errors", "Choose a doctor or a specialty."))
        return self


class FreeTime(Schema):
    doctor_id: int
    doctor_name: str  # 'Петрова М. И.'
    specialty: str
    starts_at: datetime  # UTC
    ends_at: datetime
