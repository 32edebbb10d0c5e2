"""The waitlist (ASAP list): a patient waiting for an earlier slot with a doctor or a specialty.

``weekdays`` is a mask of seven "0"/"1", Monday first ("1111100": weekdays);
``earliest``/``latest`` bound the clinic-local time of day the visit must fit
in; ``minutes`` is the visit's length.  ``status``: active (waiting), booked
(``appointment_id`` says where), removed.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, SmallInteger, String, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heartbeat_desktop.models.base import Entity

if TYPE_CHECKING:
    from heartbeat_desktop.models.doctor import Doctor
    from heartbeat_desktop.models.patient import Patient

WAITLIST_STATUSES = ("active", "booked", "removed")


class WaitlistEntry(Entity):
    __tablename__ = "waitlist"
    __table_args__ = (
        CheckConstraint("doctor_id IS NOT NULL OR specialty IS NOT NULL", name="doctor_or_specialty"),
        CheckConstraint("status IN ('active', 'booked', 'removed')", name="status_known"),
        CheckConstraint("length(weekdays) = 7 AND weekdays LIKE '%1%'", name="weekdays_mask"),
        CheckConstraint("latest > earliest", name="window_order"),
        CheckConstraint("minutes BETWEEN 5 AND 480", name="minutes_range"),
        Index("ix_waitlist_status_created", "status", "created_at"),
    )

    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), nullable=False)
    doctor_id: Mapped[int | None] = mapped_column(ForeignKey("doctors.id", ondelete="CASCADE"))
    specialty: Mapped[str | None] = mapped_column(String(100))
    weekdays: Mapped[str] = mapped_column(String(7), nullable=False)
    earliest: Mapped[time] = mapped_column(Time, nullable=False)
    latest: Mapped[time] = mapped_column(Time, nullable=False)
    minutes: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    note: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="active")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id", ondelete="SET NULL"))

    patient: Mapped[Patient] = relationship()
    doctor: Mapped[Doctor | None] = relationship()
