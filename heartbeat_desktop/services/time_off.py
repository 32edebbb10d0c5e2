"""Time off: vacations, days off, blocked hours and clinic holidays; booking stops at them.

The booking rules (:mod:`~heartbeat_desktop.services.booking_rules`) refuse a
visit that overlaps a doctor's time off or a clinic holiday, saying which and
why; the free-time search skips them; the schedule greys them.  Adding time off
over booked visits is allowed (the visits are the desk's to move, and
:meth:`TimeOffService.clashing` lists them first), never silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import NotFound, StaleRecord, Text
from heartbeat_desktop.core.vocabulary import AwayKind
from heartbeat_desktop.models import Appointment, TimeOff
from heartbeat_desktop.repositories.appointment import active, overlapping
from heartbeat_desktop.schemas import AppointmentRead, TimeOffCreate, TimeOffRead, parse
from heartbeat_desktop.schemas.person import short_name
from heartbeat_desktop.services.appointments import to_read as appointment_read
from heartbeat_desktop.services.audit import snapshot
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission, require
from heartbeat_desktop.services.unit_of_work import STALE, UnitOfWork

FIELDS = ("doctor_id", "kind", "starts_at", "ends_at", "reason")


def to_read(off: TimeOff, doctor_name: str | None) -> TimeOffRead:
    return TimeOffRead(id=off.id, doctor_id=off.doctor_id, doctor_name=doctor_name, kind=AwayKind(off.kind),
                       starts_at=off.starts_at, ends_at=off.ends_at, reason=off.reason, version=off.version)


class TimeOffService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ---------------------------------------------------------------------------
    def list(self, token: str, starts_at: datetime, ends_at: datetime,
             doctor_ids: Iterable[int] | None = None) -> list[TimeOffRead]:
        """Time off overlapping [starts_at, ends_at): of these doctors and the clinic's holidays
        (``doctor_ids`` None: everyone's), by start."""
        zone = self.ctx.zone
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_DOCTORS)
            found = uow.time_off.overlapping(clock.as_utc(starts_at, zone), clock.as_utc(ends_at, zone),
                                             None if doctor_ids is None else list(doctor_ids))
            return [to_read(off, self._name(uow, off.doctor_id)) for off in found]

    def clashing(self, token: str, data: TimeOffCreate | Mapping[str, Any]) -> list[AppointmentRead]:
        """The active visits that this time off would fall on (to move them first, or knowingly not)."""
        data = self._parse(data)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            where = [active(), overlapping(data.starts_at, data.ends_at)]
            if data.doctor_id is not None:
                where.append(Appointment.doctor_id == data.doctor_id)
            return [appointment_read(a) for a in uow.appointments.list(*where)]

    # --- writing ---------------------------------------------------------------------------
    def add(self, token: str, data: TimeOffCreate | Mapping[str, Any]) -> TimeOffRead:
        data = self._parse(data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MANAGE_TIME_OFF)
            if data.kind is AwayKind.HOLIDAY:
                require(actor.role, Permission.CLINIC_HOLIDAYS)
            name = self._name(uow, data.doctor_id)
            if data.doctor_id is not None and name is None:
                raise NotFound(Text("errors", "This doctor no longer exists."))
            off = TimeOff(doctor_id=data.doctor_id, kind=data.kind.value, starts_at=data.starts_at,
                          ends_at=data.ends_at, reason=data.reason)
            uow.time_off.add(off)
            uow.flush()
            uow.audit(actor, "create", "time_off", off.id, snapshot(off, FIELDS))
            uow.commit()
            return to_read(off, name)

    def remove(self, token: str, id_: int, version: int) -> None:
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MANAGE_TIME_OFF)
            off = uow.time_off.get(id_)
            if off is None:
                raise NotFound(Text("errors", "This time off was already removed."))
            if off.kind == AwayKind.HOLIDAY.value:
                require(actor.role, Permission.CLINIC_HOLIDAYS)
            if off.version != version:
                raise StaleRecord(STALE)
            state = snapshot(off, FIELDS)
            uow.time_off.delete(off)
            uow.audit(actor, "delete", "time_off", id_, state)
            uow.commit()

    # --- helpers ---------------------------------------------------------------------------
    def _parse(self, data: TimeOffCreate | Mapping[str, Any]) -> TimeOffCreate:
        data = parse(TimeOffCreate, data)
        zone = self.ctx.zone
        return data.model_copy(update={"starts_at": clock.as_utc(data.starts_at, zone),
                                       "ends_at": clock.as_utc(data.ends_at, zone)})

    @staticmethod
    def _name(uow: UnitOfWork, doctor_id: int | None) -> str | None:
        if doctor_id is None:
            return None
        doctor = uow.doctors.get(doctor_id)
        return short_name(doctor.last_name, doctor.first_name, doctor.middle_name) if doctor is not None else None
