"""Changing a booked series: "this" visit, "this and the following" or "the whole series".

:meth:`SeriesChanges.cancel` and :meth:`SeriesChanges.move` reach "this" visit, "this and the
following" or "the whole series", all or nothing.
"""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy.exc import DBAPIError

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import BookingConflict
from heartbeat_desktop.core.vocabulary import Status, can_move
from heartbeat_desktop.models import Appointment, Doctor, Patient
from heartbeat_desktop.repositories.series import SeriesRepository
from heartbeat_desktop.schemas import AppointmentRead, Scope
from heartbeat_desktop.services import booking_rules, status_history
from heartbeat_desktop.services.appointments import AppointmentService, to_read
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import UnitOfWork, translate_db_error


class SeriesChanges:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _problems(self, uow: UnitOfWork, doctor: Doctor, patient: Patient, starts: datetime, ends: datetime,
                  exclude_id: int | None = None) -> list[str]:
        return booking_rules.problems(
            uow, doctor=doctor, patient=patient, starts_at=starts, ends_at=ends, zone=self.ctx.zone,
            now=self.ctx.now(), allow_past=self.ctx.settings.allow_past_bookings, exclude_id=exclude_id)

    # --- changing a series ---------------------------------------------------------------
    def _targets(self, uow: UnitOfWork, appointment: Appointment, scope: Scope) -> list[Appointment]:
        if scope is Scope.THIS or appointment.series_id is None:
            return [appointment]
        visits = SeriesRepository(uow.session)
        if scope is Scope.FOLLOWING:
            return visits.visits(appointment.series_id, appointment.starts_at)
        return visits.visits(appointment.series_id)

    def cancel(self, token: str, appointment_id: int, scope: Scope | str, version: int) -> list[AppointmentRead]:
        """Cancel this visit, this and the series' following ones, or the whole series' visits that
        can still be cancelled (the completed and the no-shows stay as they are); returns those cancelled."""
        scope = Scope(scope)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.SET_APPOINTMENT_STATUS)
            appointment = AppointmentService._load(uow, appointment_id)
            AppointmentService._check_version(appointment, version)
            AppointmentService._check_own(uow, actor, appointment)
            if not can_move(Status(appointment.status), Status.CANCELLED):
                raise BookingConflict(f"An appointment that is {Status(appointment.status).label.lower()} "
                                      "cannot be cancelled.")
            cancelled: list[Appointment] = []
            for visit in self._targets(uow, appointment, scope):
                current = Status(visit.status)
                if not can_move(current, Status.CANCELLED):
                    continue
                visit.status = Status.CANCELLED.value
                uow.flush()
                status_history.record(uow, actor, visit, current, Status.CANCELLED, self.ctx.now())
                uow.audit(actor, "status", "appointment", visit.id,
                          {"status": [current.value, Status.CANCELLED.value], "scope": scope.value})
                cancelled.append(visit)
            result = [to_read(a) for a in cancelled]
            uow.commit()
            return result

    def move(self, token: str, appointment_id: int, scope: Scope | str, start_time: time,
             version: int) -> list[AppointmentRead]:
        """Move this visit, this and the following, or the whole series' scheduled visits to
        ``start_time`` (clinic-local) on their own days, keeping their length.  All or nothing:
        each moved visit must pass the booking rules at its new time."""
        scope = Scope(scope)
        zone = self.ctx.zone
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.BOOK_APPOINTMENTS)
            appointment = AppointmentService._load(uow, appointment_id)
            AppointmentService._check_version(appointment, version)
            if Status(appointment.status) is not Status.SCHEDULED:
                raise BookingConflict("Only a scheduled visit can be moved to another time of day.")
            doctor, patient = AppointmentService._people(uow, appointment.doctor_id, appointment.patient_id,
                                                         lock=True)
            targets = [v for v in self._targets(uow, appointment, scope) if Status(v.status) is Status.SCHEDULED]
            moves = []
            for visit in targets:
                start = clock.as_utc(datetime.combine(visit.starts_at.astimezone(zone).date(), start_time), zone)
                moves.append((visit, start, start + (visit.ends_at - visit.starts_at)))
            # all leave their old times first, so that visits of the series never block each other
            for visit, _start, _end in moves:
                visit.status = Status.CANCELLED.value  # held aside inside this transaction only
            uow.flush()
            moved: list[Appointment] = []
            for number, (visit, start, end) in enumerate(moves, 1):
                which = f"Visit {number} of {len(moves)} ({booking_rules.when(start, end, zone)})"
                problems = self._problems(uow, doctor, patient, start, end, exclude_id=visit.id)
                if problems:
                    raise BookingConflict(f"{which}: {' '.join(problems)} Nothing was moved.")
                before = {"starts_at": visit.starts_at.isoformat(), "ends_at": visit.ends_at.isoformat()}
                visit.starts_at, visit.ends_at, visit.status = start, end, Status.SCHEDULED.value
                try:
                    uow.flush()
                except DBAPIError as exc:
                    translated = translate_db_error(exc)
                    if translated is None:
                        raise
                    raise BookingConflict(f"{which}: {translated} Nothing was moved.") from exc
                uow.audit(actor, "update", "appointment", visit.id,
                          {"starts_at": [before["starts_at"], start.isoformat()],
                           "ends_at": [before["ends_at"], end.isoformat()], "scope": scope.value})
                moved.append(visit)
            result = [to_read(a) for a in moved]
            uow.commit()
            return result
