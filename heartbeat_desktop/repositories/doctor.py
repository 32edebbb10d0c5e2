"""Doctors, loaded with their working hours."""

from __future__ import annotations

from sqlalchemy import Select
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

    def for_user(self, user_id: int) -> Doctor | None:
        found = self.list(id_is(Doctor.user_id, user_id), limit=1)
        return found[0] if found else None
