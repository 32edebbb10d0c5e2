"""Patients."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heartbeat_desktop.models.people import Person

if TYPE_CHECKING:
    from heartbeat_desktop.models.appointment import Appointment


class Patient(Person):
    __tablename__ = "patients"

    birth_date: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    sex: Mapped[str | None] = mapped_column(String(10))
    address: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    appointments: Mapped[list[Appointment]] = relationship(
        back_populates="patient", passive_deletes="all", order_by="Appointment.starts_at"
    )
