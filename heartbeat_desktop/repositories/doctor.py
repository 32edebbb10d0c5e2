"""Doctors, loaded with their working hours."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from heartbeat_desktop.models import Doctor
from heartbeat_desktop.repositories.base import id_is
from heartbeat_desktop.repositories.people import PersonRepository


class DoctorRepository(PersonRepository[Doctor]):
    model = Doctor
    sort_keys = {**PersonRepository.sort_keys, "specialty": ("specialty", "name_key"),
                 "room": ("room", "name_key"), "active": ("is_active", "name_key")}

    def select(self) -> Select[tuple[Doctor]]:
        return super().select().options(selectinload(Doctor.working_hours))

    def specialties(self) -> list[tuple[int, str]]:
        """(id, specialty) of every active doctor: plain rows, for choosing by specialty without loading doctors.

        Compared in Python by the caller: SQLite's lower() folds no Cyrillic."""
        stmt = select(Doctor.id, Doctor.specialty).where(Doctor.is_active.is_(True))
        return [(i, s) for i, s in self.session.execute(stmt)]

    def for_user(self, user_id: int) -> Doctor | None:
        found = self.list(id_is(Doctor.user_id, user_id), limit=1)
        return found[0] if found else None
