"""Changing a booked series: "this" visit, "this and the following" or "the whole series".

* :meth:`SeriesChanges.cancel` cancels the visits in scope that can still be cancelled.
* :meth:`SeriesChanges.edit` applies the appointment form's change to the scheduled visits
  in scope: the form's time of day and length, each visit's day shifted as the edited one's
  was, the form's doctor, reason, notes and type.  For "this" visit it is the ordinary update.
* :meth:`SeriesChanges.move` is the same machinery with only the time of day changed.

Both changes are all or nothing, in one transaction: the visits that change time or doctor
are first set aside (so the series never blocks itself), then each is checked by the booking
rules at its new time and written back (the database's overlap rule runs for each); the
first refusal rolls everything back with a message naming that visit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from sqlalchemy.exc import DBAPIError

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import BookingConflict, Text, ValidationFailed
from heartbeat_desktop.core.vocabulary import Status, can_move
from heartbeat_desktop.models import Appointment, Doctor, Patient
from heartbeat_desktop.repositories.series import SeriesRepository
from heartbeat_desktop.schemas import AppointmentCreate, AppointmentRead, Scope, parse
from heartbeat_desktop.services import booking_rules, status_history
from heartbeat_desktop.services.appointments import FIELDS, AppointmentService, to_read
from heartbeat_desktop.services.audit import diff, snapshot
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import UnitOfWork, translate_db_error

ONE_VISIT_SQUEEZE = Text("errors", "Squeezing in over another visit is for one visit only: choose “Only this visit”, "
                     "or untick squeezing in.")
# "Visit 2 of 10 (01.12.2026 10:00–10:30)": which visit of a series a refusal is about
WHICH_VISIT = Text("errors", "Visit {0} of {1} ({2})")
VISIT_REFUSED = Text("errors", "{0}: {1} {2}")  # which visit: why. Nothing was changed.
# a status inside a sentence (lower case in English)
STATUS_WORDS = {Status.SCHEDULED: Text("errors", "scheduled"), Status.ARRIVED: Text("errors", "arrived"),
                Status.IN_PROGRESS: Text("errors", "in progress"), Status.COMPLETED: Text("errors", "completed"),
                Status.CANCELLED: Text("errors", "cancelled"), Status.NO_SHOW: Text("errors", "no-show")}
SAME_PATIENT = Text("errors", "All visits of a series are for one patient: to give this visit to another patient, "
                "change only this visit.")


@dataclass(frozen=True)
class Wanted:
    """What one visit of the series becomes."""

    starts_at: datetime  # UTC
    ends_at: datetime
    doctor_id: int
    reason: str | None
    notes: str | None
    type_id: int | None


Plan = Callable[[Appointment], Wanted]  # a visit of the scope -> what it becomes
Planner = Callable[[Appointment], Plan]  # the edited visit -> the plan (it may refuse the change)


class SeriesChanges:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _problems(self, uow: UnitOfWork, doctor: Doctor, patient: Patient, starts: datetime, ends: datetime,
                  exclude_id: int | None = None) -> list[str]:
        return booking_rules.problems(
            uow, doctor=doctor, patient=patient, starts_at=starts, ends_at=ends, zone=self.ctx.zone,
            now=self.ctx.now(), allow_past=self.ctx.settings.allow_past_bookings, exclude_id=exclude_id)

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
                raise BookingConflict(Text("errors", "An appointment that is {0} cannot be cancelled.").format(
                    STATUS_WORDS[Status(appointment.status)]))
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
        ``start_time`` (clinic-local) on their own days, keeping their length, doctor and the rest.
        All or nothing; returns the visits of the scope as they are now."""
        zone = self.ctx.zone

        def plan(_edited: Appointment) -> Plan:
            def wanted(visit: Appointment) -> Wanted:
                start = clock.as_utc(datetime.combine(visit.starts_at.astimezone(zone).date(), start_time), zone)
                return Wanted(start, start + (visit.ends_at - visit.starts_at), visit.doctor_id, visit.reason,
                              visit.notes, visit.type_id)
            return wanted

        return self._change(token, appointment_id, Scope(scope), version, plan, Text("errors", "Nothing was moved."),
                            Text("errors", "Only a scheduled visit can be moved to another time of day."))

    def edit(self, token: str, appointment_id: int, scope: Scope | str, data: AppointmentCreate | Mapping[str, Any],
             version: int) -> list[AppointmentRead]:
        """The appointment form's change (``data``; naive times are clinic-local) for this visit
        (exactly ``appointments.update``), or for this and the following, or the whole series'
        scheduled visits: each gets the form's time of day and length on its own day shifted by
        as many days as the edited visit's was, and the form's doctor, reason, notes and type;
        the patient stays.  All or nothing; returns the visits of the scope as they are now."""
        scope = Scope(scope)
        data = parse(AppointmentCreate, data)
        if scope is Scope.THIS:
            return [AppointmentService(self.ctx).update(token, appointment_id,
                                                        {**data.model_dump(), "version": version})]
        if data.overbook_reason:
            raise ValidationFailed({"overbook_reason": ONE_VISIT_SQUEEZE})
        zone = self.ctx.zone
        starts = clock.as_utc(data.starts_at, zone)
        length = clock.as_utc(data.ends_at, zone) - starts
        local_start = starts.astimezone(zone)

        def plan(edited: Appointment) -> Plan:
            if data.patient_id != edited.patient_id:
                raise ValidationFailed({"patient_id": SAME_PATIENT})
            shift = local_start.date() - edited.starts_at.astimezone(zone).date()

            def wanted(visit: Appointment) -> Wanted:
                day = visit.starts_at.astimezone(zone).date() + shift
                start = clock.as_utc(datetime.combine(day, local_start.time()), zone)
                return Wanted(start, start + length, data.doctor_id, data.reason, data.notes, data.type_id)
            return wanted

        return self._change(token, appointment_id, scope, version, plan, Text("errors", "Nothing was changed."),
                            Text("errors", "Only a scheduled visit can change the other visits of its series with it; "
                                 "choose “Only this visit”."))

    def _change(self, token: str, appointment_id: int, scope: Scope, version: int, plan: Planner, nothing: str,
                not_scheduled: str) -> list[AppointmentRead]:
        """Give every scheduled visit of ``scope`` what ``plan(edited visit)`` says, all or nothing."""
        zone = self.ctx.zone
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.BOOK_APPOINTMENTS)
            appointment = AppointmentService._load(uow, appointment_id)
            AppointmentService._check_version(appointment, version)
            if Status(appointment.status) is not Status.SCHEDULED:
                raise BookingConflict(not_scheduled)
            wanted_for = plan(appointment)
            targets = [(v, wanted_for(v)) for v in self._targets(uow, appointment, scope)
                       if Status(v.status) is Status.SCHEDULED]
            people: dict[tuple[int, int], tuple[Doctor, Patient]] = {}
            for key in sorted({(w.doctor_id, v.patient_id) for v, w in targets}):  # each doctor, then the patient
                people[key] = AppointmentService._people(uow, *key, lock=True)
            moving = {v.id for v, w in targets if (w.starts_at, w.ends_at, w.doctor_id) != (
                v.starts_at, v.ends_at, v.doctor_id)}
            before = {v.id: snapshot(v, FIELDS) for v, _wanted in targets}
            # those that change time or doctor leave their old times first, so the series never blocks itself
            for visit, _wanted in targets:
                if visit.id in moving:
                    visit.status = Status.CANCELLED.value  # held aside inside this transaction only
            uow.flush()
            for number, (visit, wanted) in enumerate(targets, 1):
                when = booking_rules.when(wanted.starts_at, wanted.ends_at, zone)
                which = WHICH_VISIT.format(number, len(targets), when)
                if visit.id in moving:
                    doctor, patient = people[(wanted.doctor_id, visit.patient_id)]
                    problems = self._problems(uow, doctor, patient, wanted.starts_at, wanted.ends_at,
                                              exclude_id=visit.id)
                    if problems:
                        raise BookingConflict(VISIT_REFUSED.format(which, Text.joined(problems), nothing))
                    visit.doctor, visit.starts_at, visit.ends_at = doctor, wanted.starts_at, wanted.ends_at
                    visit.status, visit.overbooked = Status.SCHEDULED.value, False
                    visit.forget_confirmation()  # the patient confirmed the old time
                visit.type = AppointmentService._type(uow, wanted.type_id, visit.type_id)
                visit.reason, visit.notes = wanted.reason, wanted.notes
                try:
                    uow.flush()  # the database's overlap rule runs here
                except DBAPIError as exc:
                    translated = translate_db_error(exc)
                    if translated is None:
                        raise
                    raise BookingConflict(VISIT_REFUSED.format(which, translated.message, nothing)) from exc
                changes = diff(before[visit.id], snapshot(visit, FIELDS))
                if changes:
                    uow.audit(actor, "update", "appointment", visit.id, {**changes, "scope": scope.value})
            result = [to_read(v) for v, _wanted in targets]
            uow.commit()
            return result
