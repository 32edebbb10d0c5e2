"""Series of recurring visits, and the appointments of one series."""

from __future__ import annotations

from datetime import datetime

from heartbeat_desktop.models import Appointment, AppointmentSeries
from heartbeat_desktop.repositories.appointment import AppointmentRepository
from heartbeat_desktop.repositories.base import Repository, id_is


class SeriesRepository(Repository[AppointmentSeries]):
    model = AppointmentSeries
    default_order = ("id",)
    sort_keys = {"id": ("id",)}

    def visits(self, series_id: int, starts_from: datetime | None = None) -> list[Appointment]:
        """The series' appointments (from ``starts_from`` on, if given), by start."""
        where = [id_is(Appointment.series_id, series_id)]
        if starts_from is not None:
            where.append(Appointment.starts_at >= starts_from)
        return AppointmentRepository(self.session).list(*where)
