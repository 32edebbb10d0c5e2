"""A doctor's day sheet: the day's visits in time order with the patients' birth dates and phones.

The schedule page prints it (one page per doctor when it shows them all).
Cancelled and missed visits stay on it (printed struck through): the doctor
sees the gap and why.
"""

from __future__ import annotations

from datetime import date

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import NotFound, Text
from heartbeat_desktop.models import Appointment, Doctor
from heartbeat_desktop.repositories.base import id_is
from heartbeat_desktop.schemas import DaySheet, DaySheetVisit
from heartbeat_desktop.services.appointments import to_read
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission


def _full_name(person: Doctor) -> str:
    return " ".join(p for p in (person.last_name, person.first_name, person.middle_name) if p)


class DaySheetService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def sheets(self, token: str, day: date, doctor_id: int | None = None) -> list[DaySheet]:
        """The local day's sheets: of ``doctor_id`` (even without visits), or of every doctor with a
        visit that day, by the doctor's name."""
        start, end = clock.local_day_bounds(day, self.ctx.zone)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            where = [Appointment.starts_at >= start, Appointment.starts_at < end]
            doctors: dict[int, Doctor] = {}
            if doctor_id is not None:
                doctor = uow.doctors.get(doctor_id)
                if doctor is None:
                    raise NotFound(Text("errors", "This doctor no longer exists."))
                doctors[doctor.id] = doctor
                where.append(id_is(Appointment.doctor_id, doctor_id))
            found = uow.appointments.list(*where, order_by=[Appointment.starts_at, Appointment.id])
            visits: dict[int, list[DaySheetVisit]] = {d: [] for d in doctors}
            for a in found:
                doctors.setdefault(a.doctor_id, a.doctor)
                visits.setdefault(a.doctor_id, []).append(
                    DaySheetVisit(appointment=to_read(a), birth_date=a.patient.birth_date, phone=a.patient.phone))
            ordered = sorted(doctors.values(), key=lambda d: (d.name_key, d.id))
            return [DaySheet(day=day, doctor_id=d.id, doctor_name=_full_name(d), specialty=d.specialty, room=d.room,
                             visits=visits[d.id]) for d in ordered]
