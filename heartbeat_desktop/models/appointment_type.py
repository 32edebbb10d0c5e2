"""Visit types: an admin-managed list (first visit 30 min, follow-up 15 min), each with a colour."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from heartbeat_desktop.models.base import Entity


class AppointmentType(Entity):
    __tablename__ = "appointment_types"
    __table_args__ = (
        CheckConstraint("minutes BETWEEN 5 AND 480", name="minutes_range"),
    )

    name: Mapped[str] = mapped_column(String(100), nullable=False, unique=True)
    minutes: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    colour: Mapped[str] = mapped_column(String(7), nullable=False)  # "#3b82f6"
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
