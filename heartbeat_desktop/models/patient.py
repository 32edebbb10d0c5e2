"""Patients."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from heartbeat_desktop.models.base import search_key_type
from heartbeat_desktop.models.people import Person
from heartbeat_desktop.schemas.text import MATCH_KEY_LENGTH

if TYPE_CHECKING:
    from heartbeat_desktop.models.appointment import Appointment


class Patient(Person):
    __tablename__ = "patients"
    __table_args__ = (
        # the duplicate check while a patient is registered (migration 0011): the same first name and a
        # surname starting, or ending (reversed), like the one typed
        Index("ix_patients_match_first_last", "match_first", "match_last"),
        Index("ix_patients_match_first_last_reversed", "match_first", "match_last_reversed"),
    )

    birth_date: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    sex: Mapped[str | None] = mapped_column(String(10))
    address: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # spelling-blind name keys (schemas.text.match_key), written with the name: "Ivanov" ~ "Иванов"
    match_last: Mapped[str] = mapped_column(search_key_type(MATCH_KEY_LENGTH), nullable=False, default="")
    match_last_reversed: Mapped[str] = mapped_column(search_key_type(MATCH_KEY_LENGTH), nullable=False,
                                                     default="")
    match_first: Mapped[str] = mapped_column(search_key_type(MATCH_KEY_LENGTH), nullable=False, default="")
    # a duplicate merged into another record (services.merges): deactivated, never deleted
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))

    appointments: Mapped[list[Appointment]] = relationship(
        back_populates="patient", passive_deletes="all", order_by="Appointment.starts_at"
    )
