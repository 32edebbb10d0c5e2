"""A series of recurring visits: one patient with one doctor on some weekdays, every N weeks,
until a date or for a count of visits.  Its occurrences are ordinary appointments (every
booking rule and the database's overlap rule apply to each); they point here by ``series_id``.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import CheckConstraint, Date, ForeignKey, SmallInteger, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from heartbeat_desktop.models.base import Entity


class AppointmentSeries(Entity):
    __tablename__ = "appointment_series"
    __table_args__ = (
        CheckConstraint("every_n_weeks BETWEEN 1 AND 52", name="every_n_weeks_range"),
        CheckConstraint("minutes BETWEEN 5 AND 720", name="minutes_range"),
    )

    doctor_id: Mapped[int] = mapped_column(ForeignKey("doctors.id", ondelete="RESTRICT"), nullable=False)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="RESTRICT"), nullable=False)
    weekdays: Mapped[str] = mapped_column(String(20), nullable=False)  # "1,3": Tuesday and Thursday (Monday 0)
    every_n_weeks: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    first_day: Mapped[date] = mapped_column(Date, nullable=False)
    until: Mapped[date | None] = mapped_column(Date)  # the last day, or
    count: Mapped[int | None] = mapped_column(SmallInteger)  # the number of visits asked for
    start_time: Mapped[time] = mapped_column(Time, nullable=False)  # clinic-local
    minutes: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
