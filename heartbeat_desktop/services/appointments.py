"""Appointments: booking, rescheduling, status changes, lists by doctor/patient/day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import (
    BookingConflict,
    NotFound,
    PermissionDenied,
    StaleRecord,
    Text,
    ValidationFailed,
)
from heartbeat_desktop.core.vocabulary import (
    INACTIVE_STATUSES,
    Confirmation,
    Role,
    Status,
    can_move,
)
from heartbeat_desktop.models import Appointment, AppointmentType, Doctor, Patient
from heartbeat_desktop.repositories.appointment import active, overlapping
from heartbeat_desktop.repositories.base import id_is, id_is_not
from heartbeat_desktop.schemas import (
    AppointmentCreate,
    AppointmentRead,
    AppointmentUpdate,
    QueueEntry,
    StatusChangeRead,
    parse,
)
from heartbeat_desktop.services import booking_rules, status_history
from heartbeat_desktop.services.audit import diff, snapshot
from heartbeat_desktop.services.context import Actor, ServiceContext
from heartbeat_desktop.services.free_slots import next_free
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import STALE, UnitOfWork

FIELDS = ("doctor_id", "patient_id", "starts_at", "ends_at", "status", "reason", "notes", "type_id", "overbooked",
          "overbook_reason", "confirmation")
NO_OVERBOOKING = Text("errors", "Your account may not squeeze a visit in over another; an administrator can allow it "
                  "(Users → May squeeze in).")
MAX_LIST = 5000


def to_read(a: Appointment) -> AppointmentRead:
    return AppointmentRead(
        id=a.id, version=a.version, doctor_id=a.doctor_id, patient_id=a.patient_id,
        starts_at=a.starts_at, ends_at=a.ends_at, status=Status(a.status), reason=a.reason,
        notes=a.notes, created_by_id=a.created_by_id,
        doctor_name=" ".join(p for p in (a.doctor.last_name, a.doctor.first_name, a.doctor.middle_name) if p),
        patient_name=" ".join(p for p in (a.patient.last_name, a.patient.first_name, a.patient.middle_name) if p),
        type_id=a.type_id, type_name=a.type.name if a.type else None, type_colour=a.type.colour if a.type else None,
        overbooked=a.overbooked, overbook_reason=a.overbook_reason, series_id=a.series_id,
        confirmation=Confirmation(a.confirmation),
        created_at=a.created_at, updated_at=a.updated_at,
    )


class AppointmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ---------------------------------------------------------------
    def get(self, token: str, id_: int) -> AppointmentRead:
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            return to_read(self._load(uow, id_))

    def list(
        self,
        token: str,
        *,
        doctor_id: int | None = None,
        patient_id: int | None = None,
        starts_from: datetime | None = None,
        starts_before: datetime | None = None,
        statuses: tuple[Status, ...] = (),
        newest_first: bool = False,
        order: str | None = None,
        descending: bool = False,
        offset: int = 0,
        limit: int = 500,
    ) -> list[AppointmentRead]:
        """Appointments matching every filter given, by start time (``newest_first``: latest first).

        ``order`` sorts by a key of ``AppointmentRepository.sort_keys`` instead
        ("starts_at", "doctor", "patient", "status"), ``descending`` if asked;
        an unknown key raises ValidationFailed.
        """
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            where = self._filters(uow, doctor_id=doctor_id, patient_id=patient_id, starts_from=starts_from,
                                  starts_before=starts_before, statuses=statuses)
            order_by = uow.appointments.order_by(order, descending)
            if order_by is None and newest_first:
                order_by = [Appointment.starts_at.desc(), Appointment.id.desc()]
            rows = uow.appointments.list(*where, order_by=order_by, offset=max(offset, 0),
                                         limit=min(max(limit, 0), MAX_LIST))
            return [to_read(a) for a in rows]

    def row(self, token: str, id_: int, **filters: Any) -> AppointmentRead | None:
        """One appointment if it still matches ``filters`` (``list``'s): None if it no
        longer does (moved to another day, another status); NotFound if deleted.

        A live table asks this when another desk changed a row it shows.
        """
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            found = uow.appointments.list(Appointment.id == id_, *self._filters(uow, **filters), limit=1)
            if found:
                return to_read(found[0])
            self._load(uow, id_)  # NotFound if it is gone
            return None

    def _filters(self, uow: UnitOfWork, *, doctor_id: int | None = None, patient_id: int | None = None,
                 starts_from: datetime | None = None, starts_before: datetime | None = None,
                 statuses: tuple[Status, ...] = ()) -> list[Any]:
        """``list``'s filters as SQL; naive bounds are clinic-local."""
        zone = self.ctx.zone
        return uow.appointments.filters(
            doctor_id=doctor_id,
            patient_id=patient_id,
            starts_from=clock.as_utc(starts_from, zone) if starts_from else None,
            starts_before=clock.as_utc(starts_before, zone) if starts_before else None,
            statuses=tuple(Status(s).value for s in statuses),
        )

    def list_by_doctor(self, token: str, doctor_id: int, **filters: Any) -> list[AppointmentRead]:
        return self.list(token, doctor_id=doctor_id, **filters)

    def list_by_patient(self, token: str, patient_id: int, **filters: Any) -> list[AppointmentRead]:
        return self.list(token, patient_id=patient_id, **filters)

    def list_day(self, token: str, day: date, **filters: Any) -> list[AppointmentRead]:
        """One local calendar day: the schedule page."""
        start, end = clock.local_day_bounds(day, self.ctx.zone)
        return self.list(token, starts_from=start, starts_before=end, **filters)

    def free_slots(self, token: str, data: AppointmentCreate | Mapping[str, Any], exclude_id: int | None = None,
                   count: int = 3) -> list[datetime]:
        """The next free starts (UTC) for this visit's doctor, patient and length, from its
        start on: what to offer when that time is taken.  Empty if that time itself is free."""
        data = self._parse(AppointmentCreate, data)
        zone = self.ctx.zone
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            doctor, _patient = self._people(uow, data.doctor_id, data.patient_id, lock=False)

            def busy_on(day: date) -> list[tuple[datetime, datetime]]:
                start, end = clock.local_day_bounds(day, zone)
                where = [active(), overlapping(start, end),
                         or_(Appointment.doctor_id == data.doctor_id, Appointment.patient_id == data.patient_id)]
                if exclude_id is not None:
                    where.append(id_is_not(Appointment.id, exclude_id))
                away = uow.time_off.overlapping(start, end, [data.doctor_id])
                return [(a.starts_at, a.ends_at) for a in uow.appointments.list(*where)] + [
                    (off.starts_at, off.ends_at) for off in away]

            not_before = data.starts_at if self.ctx.settings.allow_past_bookings else self.ctx.now()
            found = next_free(doctor, busy_on, data.starts_at, data.ends_at - data.starts_at, zone, not_before,
                              count + 1)
        if found and found[0] == data.starts_at:
            return []  # the time asked for is free: what stops it is something else
        return found[:count]

    def conflicts(self, token: str, data: AppointmentCreate | Mapping[str, Any], exclude_id: int | None = None) -> list[str]:
        """What would stop this booking, checked while the form is filled in."""
        data = self._parse(AppointmentCreate, data)
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            if data.overbook_reason and not self._may_overbook(uow, actor):
                return [NO_OVERBOOKING, *self._problems(uow, data.model_copy(update={"overbook_reason": None}),
                                                        exclude_id)]
            return self._problems(uow, data, exclude_id)

    # --- writing ---------------------------------------------------------------
    def create(self, token: str, data: AppointmentCreate | Mapping[str, Any]) -> AppointmentRead:
        data = self._parse(AppointmentCreate, data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.BOOK_APPOINTMENTS)
            if data.overbook_reason and not self._may_overbook(uow, actor):
                raise PermissionDenied(NO_OVERBOOKING)
            result = self.book_in(uow, actor, data)
            uow.commit()
            return result

    def book_in(self, uow: UnitOfWork, actor: Actor, data: AppointmentCreate) -> AppointmentRead:
        """``create`` inside a caller's transaction (the waitlist books and marks its entry in one):
        every booking rule, the history and the audit; ``data`` already parsed, nothing committed."""
        doctor, patient = self._refuse_problems(uow, data, None)
        appointment = Appointment(  # given the loaded people: to_read needs no query for the names
            doctor=doctor, patient=patient, starts_at=data.starts_at,
            ends_at=data.ends_at, status=Status.SCHEDULED.value, reason=data.reason,
            notes=data.notes, created_by_id=actor.user_id, type=self._type(uow, data.type_id, None),
            overbooked=bool(data.overbook_reason), overbook_reason=data.overbook_reason or None,
        )
        uow.appointments.add(appointment)  # the database's overlap rule runs here
        status_history.record(uow, actor, appointment, None, Status.SCHEDULED, self.ctx.now())
        uow.audit(actor, "create", "appointment", appointment.id, snapshot(appointment, FIELDS))
        return to_read(appointment)  # loads the names inside the transaction

    def update(self, token: str, id_: int, data: AppointmentUpdate | Mapping[str, Any]) -> AppointmentRead:
        data = self._parse(AppointmentUpdate, data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.BOOK_APPOINTMENTS)
            appointment = self._load(uow, id_)
            self._check_version(appointment, data.version)
            moved = (appointment.doctor_id, appointment.patient_id, appointment.starts_at,
                     appointment.ends_at) != (data.doctor_id, data.patient_id, data.starts_at, data.ends_at)
            if moved and Status(appointment.status) == Status.COMPLETED:
                raise BookingConflict(Text("errors", "A completed appointment cannot be moved."))
            if moved and Status(appointment.status) not in INACTIVE_STATUSES:
                self._refuse_problems(uow, data, appointment.id)
            before = snapshot(appointment, FIELDS)
            if moved:  # checked like any booking above: a squeezed-in visit moved is an ordinary one
                appointment.overbooked = False
                appointment.forget_confirmation()  # the patient confirmed the old time, not this one
            appointment.type = self._type(uow, data.type_id, appointment.type_id)
            for field in ("doctor_id", "patient_id", "starts_at", "ends_at", "reason", "notes"):
                setattr(appointment, field, getattr(data, field))
            uow.flush()
            changes = diff(before, snapshot(appointment, FIELDS))
            if changes:
                uow.audit(actor, "update", "appointment", appointment.id, changes)
            uow.session.expire(appointment, ["doctor", "patient"])  # the ids may have changed
            result = to_read(appointment)
            uow.commit()
            return result

    def set_status(self, token: str, id_: int, status: Status | str, version: int) -> AppointmentRead:
        new = Status(status)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.SET_APPOINTMENT_STATUS)
            appointment = self._load(uow, id_)
            self._check_version(appointment, version)
            self._check_own(uow, actor, appointment)
            current = Status(appointment.status)
            if new == current:
                return to_read(appointment)
            if not can_move(current, new):
                raise BookingConflict(Text("errors", "An appointment that is “{0}” cannot become “{1}”.").format(
                    current.label, new.label))
            self._move(uow, actor, appointment, current, new)
            uow.audit(actor, "status", "appointment", appointment.id, {"status": [current.value, new.value]})
            result = to_read(appointment)
            uow.commit()
            return result

    def undo_status(self, token: str, id_: int, version: int) -> AppointmentRead:
        """Take back the last status change still in effect: the status goes back to what it was
        before it, even where ``STATUS_TRANSITIONS`` has no such move (a mistaken completion),
        and nowhere else.  Refused if there is nothing to undo, if the record changed since the
        desk saw it (``version``), or if the old status would break a rule (a cancellation
        taken back onto a slot booked meanwhile).  Audited as ``undo_status``."""
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.SET_APPOINTMENT_STATUS)
            appointment = self._load(uow, id_)
            self._check_version(appointment, version)
            self._check_own(uow, actor, appointment)
            current = Status(appointment.status)
            last = status_history.undoable(uow.status_changes.of(appointment.id), current)
            back = Status(last.from_status)
            self._move(uow, actor, appointment, current, back, is_undo=True)
            if back not in INACTIVE_STATUSES and appointment.confirmation == Confirmation.CANCELLED_BY_PHONE:
                appointment.forget_confirmation()  # booked again: the call that cancelled it no longer holds
            uow.audit(actor, "undo_status", "appointment", appointment.id, {"status": [current.value, back.value]})
            result = to_read(appointment)
            uow.commit()
            return result

    def status_history(self, token: str, id_: int) -> list[StatusChangeRead]:
        """Every status change of one appointment, oldest first (the booking is the first)."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            appointment = self._load(uow, id_)
            return [status_history.to_read(row) for row in uow.status_changes.of(appointment.id)]

    def queue(self, token: str, day: date, doctor_id: int | None = None) -> list[QueueEntry]:
        """One local day's appointments in time order (a doctor's, if given), each with when
        the patient arrived and when the visit began, from the status history."""
        start, end = clock.local_day_bounds(day, self.ctx.zone)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            where = self._filters(uow, doctor_id=doctor_id, starts_from=start, starts_before=end)
            rows = uow.appointments.list(*where, limit=MAX_LIST)
            appointments = [to_read(a) for a in rows]
            changes = uow.status_changes.of_many(a.id for a in appointments)
            return status_history.queue_entries(appointments, changes)

    def _move(self, uow: UnitOfWork, actor: Actor, appointment: Appointment, current: Status, new: Status,
              *, is_undo: bool = False) -> None:
        """Set the status, the old one kept in the history; an inactive visit made active again
        must find its doctor and patient still free (the database's overlap rule holds too)."""
        if current in INACTIVE_STATUSES and new not in INACTIVE_STATUSES:
            self._people(uow, appointment.doctor_id, appointment.patient_id, lock=True)
            self._refuse_clashes(uow, appointment)
        appointment.status = new.value
        uow.flush()
        status_history.record(uow, actor, appointment, current, new, self.ctx.now(), is_undo=is_undo)

    def delete(self, token: str, id_: int, version: int | None = None) -> None:
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.DELETE_APPOINTMENTS)
            appointment = self._load(uow, id_)
            if version is not None:
                self._check_version(appointment, version)
            state = snapshot(appointment, FIELDS)
            uow.appointments.delete(appointment)
            uow.audit(actor, "delete", "appointment", id_, state)
            uow.commit()

    # --- helpers ---------------------------------------------------------------
    def _parse(self, schema: type[AppointmentCreate], data: Any) -> Any:
        data = parse(schema, data)
        zone = self.ctx.zone
        return data.model_copy(update={"starts_at": clock.as_utc(data.starts_at, zone),
                                       "ends_at": clock.as_utc(data.ends_at, zone)})

    def _problems(
        self, uow: UnitOfWork, data: AppointmentCreate, exclude_id: int | None, *, lock: bool = False
    ) -> list[str]:
        return self._checked(uow, data, exclude_id, lock)[2]

    def _checked(
        self, uow: UnitOfWork, data: AppointmentCreate, exclude_id: int | None, lock: bool
    ) -> tuple[Doctor, Patient, list[str]]:
        doctor, patient = self._people(uow, data.doctor_id, data.patient_id, lock)
        overbook = bool(data.overbook_reason) and exclude_id is None  # only a new visit is squeezed in
        return doctor, patient, booking_rules.problems(
            uow, doctor=doctor, patient=patient, starts_at=data.starts_at, ends_at=data.ends_at,
            zone=self.ctx.zone, now=self.ctx.now(), allow_past=self.ctx.settings.allow_past_bookings,
            exclude_id=exclude_id, overbook=overbook,
        )

    @staticmethod
    def _people(uow: UnitOfWork, doctor_id: int, patient_id: int, lock: bool) -> tuple[Doctor, Patient]:
        """The doctor and patient of a booking; with ``lock`` (booking), row-locked on PostgreSQL.

        Two desks booking one doctor or one patient then take turns: the second
        waits until the first commits, so its checks see the first booking.
        Always the doctor first, then the patient.
        """
        doctor = (uow.doctors.lock if lock else uow.doctors.get)(doctor_id)
        if doctor is None:
            raise NotFound(Text("errors", "This doctor no longer exists."))
        patient = (uow.patients.lock if lock else uow.patients.get)(patient_id)
        if patient is None:
            raise NotFound(Text("errors", "This patient no longer exists."))
        return doctor, patient

    def _refuse_problems(
        self, uow: UnitOfWork, data: AppointmentCreate, exclude_id: int | None
    ) -> tuple[Doctor, Patient]:
        """The booking's doctor and patient, row-locked; refused with every problem found."""
        doctor, patient, found = self._checked(uow, data, exclude_id, lock=True)
        if found:
            raise BookingConflict(Text.joined(found))
        return doctor, patient

    def _refuse_clashes(self, uow: UnitOfWork, appointment: Appointment) -> None:
        """Taking back a cancellation: the doctor and the patient must both still be free."""
        clashes = uow.appointments.clashes(appointment.starts_at, appointment.ends_at,
                                           doctor_id=appointment.doctor_id, exclude_id=appointment.id)
        if clashes:
            raise BookingConflict(Text("errors", "The slot has been booked for someone else meanwhile."))
        clashes = uow.appointments.clashes(appointment.starts_at, appointment.ends_at,
                                           patient_id=appointment.patient_id, exclude_id=appointment.id)
        if clashes:
            other = clashes[0]
            raise BookingConflict(
                Text("errors", "The patient already has an appointment at {0} with Dr {1}.").format(
                    booking_rules.span(other, self.ctx.zone), other.doctor.last_name)
            )

    @staticmethod
    def _may_overbook(uow: UnitOfWork, actor: Actor) -> bool:
        user = uow.users.get(actor.user_id) if actor.user_id is not None else None
        return bool(user is not None and user.can_overbook)

    @staticmethod
    def _type(uow: UnitOfWork, type_id: int | None, current: int | None) -> AppointmentType | None:
        """The visit type asked for; a type no longer offered only where it already was."""
        if type_id is None:
            return None
        found = uow.appointment_types.get(type_id)
        if found is None or (not found.is_active and type_id != current):
            raise ValidationFailed({"type_id": Text("errors", "This visit type is no longer offered; choose another.")})
        return found

    @staticmethod
    def _load(uow: UnitOfWork, id_: int) -> Appointment:
        found = uow.appointments.list(id_is(Appointment.id, id_), limit=1)
        if not found:
            raise NotFound(Text("errors", "This appointment no longer exists; it may have been deleted at another desk."))
        return found[0]

    @staticmethod
    def _check_version(appointment: Appointment, version: int) -> None:
        if appointment.version != version:
            raise StaleRecord(STALE, current_version=appointment.version)

    @staticmethod
    def _check_own(uow: UnitOfWork, actor: Actor, appointment: Appointment) -> None:
        """A doctor's account changes only that doctor's own appointments."""
        if actor.role == Role.DOCTOR:
            doctor = uow.doctors.get(appointment.doctor_id)
            if doctor is None or doctor.user_id != actor.user_id:
                raise PermissionDenied(Text("errors", "A doctor can change only their own appointments."))
