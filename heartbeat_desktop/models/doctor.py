"""Doctors and their weekly working hours."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, SmallInteger, String, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heartbeat_desktop.models.base import Base
from heartbeat_desktop.models.people import Person

if TYPE_CHECKING:
    from heartbeat_desktop.models.appointment import Appointment
    from heartbeat_desktop.models.user import User


class Doctor(Person):
    __tablename__ = "doctors"

    specialty: Mapped[str] = mapped_column(String(100), nullable=False)
    room: Mapped[str | None] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), unique=True
    )

    user: Mapped[User | None] = relationship()
    working_hours: Mapped[list[WorkingHours]] = relationship(
        back_populates="doctor",
        cascade="all, delete-orphan",
        order_by="(WorkingHours.weekday, WorkingHours.starts)",
    )
    appointments: Mapped[list[Appointment]] = relationship(
        back_populates="doctor", passive_deletes="all", order_by="Appointment.starts_at"
    )


class WorkingHours(Base):
    """One interval of a weekday (0 = Monday) in the clinic's local time."""

    __tablename__ = "working_hours"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("ends > starts", name="ends_after_starts"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doctor_id: Mapped[int] = mapped_column(
        ForeignKey("doctors.id", ondelete="CASCADE"), nullable=False, index=True
    )
    weekday: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    starts: Mapped[time] = mapped_column(Time, nullable=False)
    ends: Mapped[time] = mapped_column(Time, nullable=False)

    doctor: Mapped[Doctor] = relationship(back_populates="working_hours")
