"""The waitlist (ASAP list): patients waiting for an earlier slot, and offering them a freed one.

An entry asks for one doctor, or for any doctor of a specialty, on some
weekdays, within a clinic-local window of the day, for a visit of so many
minutes.  When a visit is cancelled or marked a no-show, :meth:`offer` says
which slot it gave back (from now on, if it has begun) and which active
entries fit it, oldest first; :meth:`book_from_waitlist` books one of them
there through the ordinary booking (every rule applies) and marks the entry
booked, in one transaction.  Every change is audited as entity "waitlist".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import (
    BookingConflict,
    Conflict,
    NotFound,
    StaleRecord,
    Text,
)
from heartbeat_desktop.core.vocabulary import INACTIVE_STATUSES, Status
from heartbeat_desktop.models import Appointment, WaitlistEntry
from heartbeat_desktop.repositories.base import id_is
from heartbeat_desktop.schemas import (
    AppointmentCreate,
    AppointmentRead,
    FreedSlot,
    WaitlistCreate,
    WaitlistOffer,
    WaitlistRead,
    WaitlistStatus,
    parse,
)
from heartbeat_desktop.schemas.person import short_name
from heartbeat_desktop.services.appointments import AppointmentService
from heartbeat_desktop.services.audit import snapshot
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import STALE, UnitOfWork

FIELDS = ("patient_id", "doctor_id", "specialty", "weekdays", "earliest", "latest", "minutes", "note", "status")
STEP = timedelta(minutes=5)  # a slot already begun is offered from the next five minutes on
NOT_WAITING = Text("errors", "This patient is no longer on the waitlist (booked or removed at another desk).")


def _name(person: Any) -> str:
    return short_name(person.last_name, person.first_name, person.middle_name)


def to_read(entry: WaitlistEntry) -> WaitlistRead:
    return WaitlistRead(
        id=entry.id, version=entry.version, patient_id=entry.patient_id, patient_name=_name(entry.patient),
        doctor_id=entry.doctor_id, doctor_name=_name(entry.doctor) if entry.doctor is not None else None,
        specialty=entry.specialty, weekdays=entry.weekdays, earliest=entry.earliest, latest=entry.latest,
        minutes=entry.minutes, note=entry.note, status=WaitlistStatus(entry.status),
        appointment_id=entry.appointment_id, created_at=entry.created_at,
    )


class WaitlistService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.appointments = AppointmentService(ctx)

    # --- reading ---------------------------------------------------------------------------
    def list(self, token: str, statuses: tuple[WaitlistStatus, ...] = (WaitlistStatus.ACTIVE,)) -> list[WaitlistRead]:
        """Entries with these statuses (all, if none given), oldest first."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            where = [WaitlistEntry.status.in_([WaitlistStatus(s).value for s in statuses])] if statuses else []
            return [to_read(e) for e in uow.waitlist.list(*where)]

    def get(self, token: str, id_: int) -> WaitlistRead:
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            return to_read(self._load(uow, id_))

    def offer(self, token: str, appointment_id: int) -> WaitlistOffer:
        """The slot a cancelled or no-show visit gave back and the active entries that fit it.

        The slot runs from the visit's start (or, once begun, the next five
        minutes from now) to its end; none if the visit is still active, is
        over, or its doctor was booked there again meanwhile.  An entry fits if
        it asks for this doctor or (naming no doctor) for this doctor's
        specialty, the slot's weekday is one of its days, its visit begins and
        ends inside its window of the day and fits in the slot; the visit's own
        patient is left out.  Oldest entries first.
        """
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            found = uow.appointments.list(id_is(Appointment.id, appointment_id), limit=1)
            if not found:
                raise NotFound(Text("errors", "This appointment no longer exists; it may have been deleted at another desk."))
            appointment = found[0]
            slot = self._freed(uow, appointment)
            if slot is None:
                return WaitlistOffer(slot=None, entries=[])
            doctor = appointment.doctor
            entries = [e for e in uow.waitlist.waiting_for(doctor.id, doctor.specialty)
                       if e.patient_id != appointment.patient_id and self._fits(e, slot.starts_at, slot.ends_at)]
            return WaitlistOffer(slot=slot, entries=[to_read(e) for e in entries])

    def matches(self, token: str, appointment_id: int) -> list[WaitlistRead]:
        """The active entries that fit the slot this visit freed, oldest first (see :meth:`offer`)."""
        return self.offer(token, appointment_id).entries

    # --- writing ---------------------------------------------------------------------------
    def add(self, token: str, data: WaitlistCreate | Mapping[str, Any]) -> WaitlistRead:
        data = parse(WaitlistCreate, data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.BOOK_APPOINTMENTS)
            if uow.patients.get(data.patient_id) is None:
                raise NotFound(Text("errors", "This patient no longer exists."))
            specialty = data.specialty
            if data.doctor_id is not None:
                doctor = uow.doctors.get(data.doctor_id)
                if doctor is None:
                    raise NotFound(Text("errors", "This doctor no longer exists."))
                specialty = None  # a named doctor is what counts
            entry = WaitlistEntry(
                patient_id=data.patient_id, doctor_id=data.doctor_id, specialty=specialty, weekdays=data.weekdays,
                earliest=data.earliest, latest=data.latest, minutes=data.minutes, note=data.note,
                status=WaitlistStatus.ACTIVE.value, created_by_id=actor.user_id,
            )
            uow.waitlist.add(entry)
            uow.audit(actor, "create", "waitlist", entry.id, snapshot(entry, FIELDS))
            uow.session.refresh(entry, ["patient", "doctor"])
            result = to_read(entry)
            uow.commit()
            return result

    def remove(self, token: str, id_: int, version: int) -> None:
        """Off the list (the patient no longer waits); the entry stays, marked removed."""
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.BOOK_APPOINTMENTS)
            entry = self._waiting(uow, id_, version)
            entry.status = WaitlistStatus.REMOVED.value
            uow.flush()
            uow.audit(actor, "remove", "waitlist", entry.id, {"status": ["active", "removed"]})
            uow.commit()

    def book_from_waitlist(self, token: str, entry_id: int, slot: FreedSlot | Mapping[str, Any],
                           version: int | None = None) -> AppointmentRead:
        """Book the entry's patient at the slot's start for the entry's length, with the slot's
        doctor, and mark the entry booked: both or neither.  The ordinary booking's rules all
        apply (working hours, time off, the patient's other visits, overlaps)."""
        slot = parse(FreedSlot, slot)
        zone = self.ctx.zone
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.BOOK_APPOINTMENTS)
            entry = self._waiting(uow, entry_id, version)
            doctor = uow.doctors.get(slot.doctor_id)
            if doctor is None:
                raise NotFound(Text("errors", "This doctor no longer exists."))
            wanted = entry.doctor_id == doctor.id if entry.doctor_id is not None else entry.specialty == doctor.specialty
            if not wanted:
                raise BookingConflict(Text("errors", "This patient waits for another doctor."))
            starts_at = clock.as_utc(slot.starts_at, zone)
            booked = self.appointments.book_in(uow, actor, AppointmentCreate(
                doctor_id=doctor.id, patient_id=entry.patient_id, starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=entry.minutes), reason=entry.note or "From the waitlist",
            ))
            entry.status = WaitlistStatus.BOOKED.value
            entry.appointment_id = booked.id
            uow.flush()
            uow.audit(actor, "book", "waitlist", entry.id,
                      {"status": ["active", "booked"], "appointment_id": [None, booked.id]})
            uow.commit()
            return booked

    # --- helpers ---------------------------------------------------------------------------
    def _freed(self, uow: UnitOfWork, appointment: Appointment) -> FreedSlot | None:
        if Status(appointment.status) not in INACTIVE_STATUSES:
            return None
        starts_at, ends_at = appointment.starts_at, appointment.ends_at
        now = self.ctx.now()
        if starts_at < now and not self.ctx.settings.allow_past_bookings:
            begun = (now - starts_at) // STEP + 1
            starts_at = starts_at + begun * STEP
        if starts_at >= ends_at:
            return None
        if uow.appointments.clashes(starts_at, ends_at, doctor_id=appointment.doctor_id, exclude_id=appointment.id):
            return None  # booked again meanwhile
        return FreedSlot(doctor_id=appointment.doctor_id, doctor_name=_name(appointment.doctor),
                         starts_at=starts_at, ends_at=ends_at, appointment_id=appointment.id)

    def _fits(self, entry: WaitlistEntry, starts_at: datetime, ends_at: datetime) -> bool:
        length = timedelta(minutes=entry.minutes)
        if starts_at + length > ends_at:
            return False
        local_start = starts_at.astimezone(self.ctx.zone)
        local_end = (starts_at + length).astimezone(self.ctx.zone)
        if entry.weekdays[local_start.weekday()] != "1" or local_end.date() != local_start.date():
            return False
        return entry.earliest <= local_start.time() and local_end.time() <= entry.latest

    @staticmethod
    def _load(uow: UnitOfWork, id_: int) -> WaitlistEntry:
        entry = uow.waitlist.get(id_)
        if entry is None:
            raise NotFound(Text("errors", "This waitlist entry no longer exists."))
        return entry

    def _waiting(self, uow: UnitOfWork, id_: int, version: int | None) -> WaitlistEntry:
        """The entry, row-locked on PostgreSQL, still active and as the desk saw it."""
        entry = uow.waitlist.lock(id_)
        if entry is None:
            raise NotFound(Text("errors", "This waitlist entry no longer exists."))
        if version is not None and entry.version != version:
            raise StaleRecord(STALE, current_version=entry.version)
        if entry.status != WaitlistStatus.ACTIVE.value:
            raise Conflict(NOT_WAITING)
        return entry
