"""Appointments: a patient with a doctor from ``starts_at`` to ``ends_at`` (UTC).

The database refuses two active appointments of one doctor that overlap: an
exclusion constraint on PostgreSQL, triggers on SQLite (see the migrations);
only a visit marked ``overbooked`` (a squeeze-in with its reason) is exempt.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heartbeat_desktop.core.vocabulary import Confirmation, Status
from heartbeat_desktop.models.base import Entity, UTCDateTime

if TYPE_CHECKING:
    from heartbeat_desktop.models.appointment_type import AppointmentType
    from heartbeat_desktop.models.doctor import Doctor
    from heartbeat_desktop.models.patient import Patient
    from heartbeat_desktop.models.user import User

OVERLAP_CONSTRAINT = "appointments_no_doctor_overlap"

_STATUS_SQL = ", ".join(f"'{s.value}'" for s in Status)
_CONFIRMATION_SQL = ", ".join(f"'{c.value}'" for c in Confirmation)


class Appointment(Entity):
    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_starts"),
        CheckConstraint(f"status IN ({_STATUS_SQL})", name="status_known"),
        CheckConstraint(f"confirmation IN ({_CONFIRMATION_SQL})", name="confirmation_known"),
        Index("ix_appointments_doctor_starts", "doctor_id", "starts_at"),
        Index("ix_appointments_patient_starts", "patient_id", "starts_at"),
        Index("ix_appointments_starts", "starts_at"),
        Index("ix_appointments_series_starts", "series_id", "starts_at"),
    )

    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctors.id", ondelete="RESTRICT"), nullable=False)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"), nullable=False)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=Status.SCHEDULED.value)
    reason: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    type_id: Mapped[int | None] = mapped_column(ForeignKey("appointment_types.id"))  # a type in use stays
    # an emergency squeeze-in over another visit: outside the overlap rule, explicitly (migration 0009)
    overbooked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    overbook_reason: Mapped[str | None] = mapped_column(String(300))
    series_id: Mapped[int | None] = mapped_column(ForeignKey("appointment_series.id"))  # a recurring visit's series
    # the reminder call (migration 0010): what the patient said, when, and who called; reset when the visit moves
    confirmation: Mapped[str] = mapped_column(String(20), nullable=False, default=Confirmation.NOT_CALLED.value)
    confirmation_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    confirmation_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # accounts are never deleted

    doctor: Mapped[Doctor] = relationship(back_populates="appointments")
    patient: Mapped[Patient] = relationship(back_populates="appointments")
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    confirmation_by: Mapped[User | None] = relationship(foreign_keys=[confirmation_by_id])
    type: Mapped[AppointmentType | None] = relationship()

    def forget_confirmation(self) -> None:
        """The visit moved or came back: whatever the patient said on the phone was about another one."""
        self.confirmation = Confirmation.NOT_CALLED.value
        self.confirmation_at = None
        self.confirmation_by_id = None
