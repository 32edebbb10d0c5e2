"""Visit types, by name; whether any appointment still uses one."""

from __future__ import annotations

from sqlalchemy import exists, select

from heartbeat_desktop.models import Appointment, AppointmentType
from heartbeat_desktop.repositories.base import Repository


class AppointmentTypeRepository(Repository[AppointmentType]):
    model = AppointmentType
    default_order = ("name", "id")
    sort_keys = {"name": ("name", "id")}

    def by_name(self, name: str) -> AppointmentType | None:
        wanted = name.strip().casefold()
        return next((t for t in self.list() if t.name.casefold() == wanted), None)

    def in_use(self, type_id: int) -> bool:
        return bool(self.session.scalar(select(exists().where(Appointment.type_id == type_id))))
