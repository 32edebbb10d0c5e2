"""Recurring visits (issue 7): a series booked in one action, its occurrences real appointments.

* :meth:`SeriesService.preview` lists every occurrence of a rule, free or with the reasons it
  cannot be booked (the same :func:`booking_rules.problems` the single booking uses), and for
  each conflict the nearest free time that day or the next days (:func:`free_slots.free_on`).
  Nothing is written.
* :meth:`SeriesService.book` books the starts the desk kept (alternatives accepted, some
  skipped) in ONE transaction: each is checked again and inserted as an appointment, so the
  database's overlap rule holds for each; the first refusal rolls back everything, with a
  message naming that visit.
* Cancelling, moving and editing the visits of a booked series ("this" visit, "this and the
  following" or "the whole series", all or nothing) are in :mod:`services.series_changes`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.exc import DBAPIError

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import BookingConflict, Text, ValidationFailed
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.models import Appointment, AppointmentSeries, Doctor, Patient
from heartbeat_desktop.repositories.series import SeriesRepository
from heartbeat_desktop.schemas import (
    MAX_OCCURRENCES,
    OccurrencePreview,
    SeriesBooked,
    SeriesRequest,
    parse,
)
from heartbeat_desktop.services import booking_rules, status_history
from heartbeat_desktop.services.appointments import FIELDS, AppointmentService, to_read
from heartbeat_desktop.services.audit import snapshot
from heartbeat_desktop.services.free_slots import Busy, free_on, next_free
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.series_changes import VISIT_REFUSED, WHICH_VISIT, SeriesChanges
from heartbeat_desktop.services.unit_of_work import UnitOfWork, translate_db_error

SERIES_FIELDS = FIELDS + ("series_id",)
TOO_MANY = Text("errors", "A series has at most {0} visits; choose an earlier last day or fewer weeks.").format(
    MAX_OCCURRENCES)
NOTHING_BOOKED = Text("errors", "Nothing was booked.")


def occurrence_days(request: SeriesRequest) -> list[date]:
    """The days of the rule: its weekdays in every N-th week counted from ``first_day``'s week,
    from ``first_day`` to ``until`` or ``count`` of them; more than MAX_OCCURRENCES is refused."""
    monday = request.first_day - timedelta(days=request.first_day.weekday())
    days: list[date] = []
    day = request.first_day
    while (request.until is None or day <= request.until) and len(days) != request.count:
        if day.weekday() in request.weekdays and ((day - monday).days // 7) % request.every_n_weeks == 0:
            if len(days) == MAX_OCCURRENCES:
                raise ValidationFailed({"until": TOO_MANY})
            days.append(day)
        day += timedelta(days=1)
    return days


class SeriesService(SeriesChanges):
    """Preview and book a series here; cancel, move and edit its visits: :class:`SeriesChanges`."""

    # --- before booking ------------------------------------------------------------------
    def occurrences(self, request: SeriesRequest | Mapping[str, Any]) -> list[tuple[datetime, datetime]]:
        """(start, end) in UTC of every visit of the rule."""
        request = parse(SeriesRequest, request)
        length = timedelta(minutes=request.minutes)
        starts = [clock.as_utc(datetime.combine(day, request.start_time), self.ctx.zone)
                  for day in occurrence_days(request)]
        return [(start, start + length) for start in starts]

    def preview(self, token: str, request: SeriesRequest | Mapping[str, Any]) -> list[OccurrencePreview]:
        """Each visit of the rule: free, or why not and (if there is one) the nearest free time
        for it, the same day or the next days, clear of the series' other visits too."""
        request = parse(SeriesRequest, request)
        planned = self.occurrences(request)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            doctor, patient = AppointmentService._people(uow, request.doctor_id, request.patient_id, lock=False)
            found = [self._problems(uow, doctor, patient, s, e) for s, e in planned]
            taken = [slot for slot, problems in zip(planned, found) if not problems]  # kept for the series
            previews: list[OccurrencePreview] = []
            for (starts, ends), problems in zip(planned, found):
                alternative = None
                if problems:
                    alternative = self._alternative(uow, doctor, patient, starts, ends - starts, taken)
                    if alternative is not None:
                        taken.append((alternative, alternative + (ends - starts)))
                previews.append(OccurrencePreview(starts_at=starts, ends_at=ends, problems=tuple(problems),
                                                  alternative=alternative))
            return previews

    def _alternative(self, uow: UnitOfWork, doctor: Doctor, patient: Patient, wanted: datetime,
                     length: timedelta, taken: Sequence[tuple[datetime, datetime]]) -> datetime | None:
        """The free start nearest to ``wanted`` on its day (before or after it), else the first
        of the next days; None if there is none in two weeks or no time would do (an inactive doctor)."""
        if not doctor.is_active or not patient.is_active:
            return None
        zone = self.ctx.zone

        def busy_on(day: date) -> Busy:
            start, end = clock.local_day_bounds(day, zone)
            rows = uow.appointments.busy(start, end, doctor_ids=[doctor.id], patient_id=patient.id)
            away = uow.time_off.overlapping(start, end, [doctor.id])
            return [(b, e) for _who, b, e in rows] + [(o.starts_at, o.ends_at) for o in away] + [
                (b, e) for b, e in taken if b < end and e > start]

        not_before = wanted if self.ctx.settings.allow_past_bookings else self.ctx.now()
        day = wanted.astimezone(zone).date()
        day_start, day_end = clock.local_day_bounds(day, zone)
        same_day = free_on(doctor, day, busy_on(day), max(day_start, not_before), length, zone, 200)
        if same_day:
            choice = min(same_day, key=lambda s: (abs(s - wanted), s))
        else:
            later = next_free(doctor, busy_on, day_end, length, zone, not_before, 1)
            if not later:
                return None
            choice = later[0]
        if self._problems(uow, doctor, patient, choice, choice + length):
            return None  # not bookable after all: offer nothing rather than a second refusal
        return choice

    # --- booking -------------------------------------------------------------------------
    def book(self, token: str, request: SeriesRequest | Mapping[str, Any], starts: Sequence[datetime]) -> SeriesBooked:
        """Book the series: one appointment at each of ``starts`` (the rule's times, with the
        alternatives the desk accepted and without the visits it skipped), each ``minutes`` long.

        All or nothing: every visit is checked by the booking rules and inserted (the database's
        overlap rule) in one transaction; the first refusal rolls all of it back and says which
        visit it was."""
        request = parse(SeriesRequest, request)
        zone = self.ctx.zone
        chosen = sorted({clock.as_utc(s, zone) for s in starts})
        if not chosen:
            raise ValidationFailed({"starts": Text("errors", "Choose at least one visit to book.")})
        if len(chosen) > MAX_OCCURRENCES:
            raise ValidationFailed({"starts": TOO_MANY})
        length = timedelta(minutes=request.minutes)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.BOOK_APPOINTMENTS)
            doctor, patient = AppointmentService._people(uow, request.doctor_id, request.patient_id, lock=True)
            visit_type = AppointmentService._type(uow, request.type_id, None)
            series = AppointmentSeries(
                doctor_id=doctor.id, patient_id=patient.id, weekdays=",".join(map(str, request.weekdays)),
                every_n_weeks=request.every_n_weeks, first_day=request.first_day, until=request.until,
                count=request.count, start_time=request.start_time, minutes=request.minutes,
                created_by_id=actor.user_id)
            SeriesRepository(uow.session).add(series)
            uow.audit(actor, "create", "appointment_series", series.id,
                      {"doctor_id": doctor.id, "patient_id": patient.id, "rule": request.rule_text,
                       "visits": len(chosen)})
            booked: list[Appointment] = []
            for number, start in enumerate(chosen, 1):
                end = start + length
                which = WHICH_VISIT.format(number, len(chosen), booking_rules.when(start, end, zone))
                problems = self._problems(uow, doctor, patient, start, end)
                if problems:
                    raise BookingConflict(VISIT_REFUSED.format(which, Text.joined(problems), NOTHING_BOOKED))
                appointment = Appointment(
                    doctor=doctor, patient=patient, starts_at=start, ends_at=end, status=Status.SCHEDULED.value,
                    reason=request.reason, notes=request.notes, created_by_id=actor.user_id, type=visit_type,
                    series_id=series.id)
                try:
                    uow.appointments.add(appointment)  # the database's overlap rule runs here
                except DBAPIError as exc:
                    translated = translate_db_error(exc)
                    if translated is None:
                        raise
                    raise BookingConflict(VISIT_REFUSED.format(which, translated.message, NOTHING_BOOKED)) from exc
                status_history.record(uow, actor, appointment, None, Status.SCHEDULED, self.ctx.now())
                uow.audit(actor, "create", "appointment", appointment.id, snapshot(appointment, SERIES_FIELDS))
                booked.append(appointment)
            result = SeriesBooked(series_id=series.id, appointments=tuple(to_read(a) for a in booked))
            uow.commit()
            return result
