"""Time when a doctor, or the whole clinic, cannot be booked.

A vacation, a day off, a blocked hour (a meeting, a training) for one doctor;
a clinic holiday (no doctor) for everyone.  Stored as UTC intervals
[starts_at, ends_at); whole days are local midnight to midnight.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from heartbeat_desktop.models.base import Entity, UTCDateTime


class TimeOff(Entity):
    __tablename__ = "time_off"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_starts"),
        CheckConstraint("kind IN ('vacation', 'day_off', 'blocked', 'holiday')", name="kind_known"),
        # a holiday belongs to the clinic, anything else to one doctor
        CheckConstraint("(kind = 'holiday') = (doctor_id IS NULL)", name="holiday_is_clinic_wide"),
        Index("ix_time_off_doctor_starts", "doctor_id", "starts_at"),
    )

    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctors.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    reason: Mapped[str | None] = mapped_column(String(200))
