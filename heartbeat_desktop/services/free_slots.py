"""The next free times for a visit: what the desk offers when the chosen time is taken,
and what *Find a free time* lists for a doctor or for every doctor of a specialty.

Candidates step through the doctor's working hours (every quarter hour from
the start of each stretch; 08:00 to 20:00 for a doctor without hours set),
from the time asked for onwards, for two weeks; a candidate is free if
nothing the caller calls busy overlaps it: the doctor's and the patient's
active visits, the doctor's time off and the clinic's holidays.

:class:`FreeTimeFinder` reads all of that for every candidate doctor in three
queries over the whole two weeks (plain rows, no ORM objects), then walks each
doctor's days in Python: its cost does not grow with the years of history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import NotFound
from heartbeat_desktop.models import Doctor
from heartbeat_desktop.schemas import FreeTime, FreeTimeQuery, parse
from heartbeat_desktop.schemas.person import short_name
from heartbeat_desktop.services.booking_rules import day_stretches
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission

STEP = timedelta(minutes=15)
DAYS = 14
NO_ROTA = [(time(8), time(20))]  # a doctor who keeps no hours: a working day's span

Busy = Sequence[tuple[datetime, datetime]]  # UTC intervals


def next_free(doctor: Doctor, busy_on: Callable[[date], Busy], wanted: datetime, length: timedelta,
              zone: tzinfo, not_before: datetime, count: int = 3) -> list[datetime]:
    """Up to ``count`` free starts (UTC) at or after ``wanted`` (and ``not_before``)."""
    earliest = max(wanted, not_before).astimezone(zone)
    found: list[datetime] = []
    for offset in range(DAYS + 1):
        day = earliest.date() + timedelta(days=offset)
        stretches = day_stretches(doctor, day.weekday()) if doctor.working_hours else NO_ROTA
        if not stretches:
            continue
        busy = busy_on(day)
        for starts, ends in stretches:
            first = datetime.combine(day, starts, tzinfo=zone)
            last = datetime.combine(day, ends, tzinfo=zone)
            steps = max(0, -(-(earliest - first) // STEP))  # the first grid time not before ``earliest``
            candidate = first + steps * STEP
            while candidate + length <= last:
                begins, finishes = candidate.astimezone(timezone.utc), (candidate + length).astimezone(timezone.utc)
                if not any(b < finishes and begins < e for b, e in busy):
                    found.append(begins)
                    if len(found) == count:
                        return found
                candidate += STEP
    return found


def by_day(intervals: Sequence[tuple[datetime, datetime]], zone: tzinfo, first: date, last: date) -> dict[date, Busy]:
    """The intervals filed under each local day they touch, from ``first`` to ``last``."""
    days: dict[date, list[tuple[datetime, datetime]]] = defaultdict(list)
    for begins, ends in intervals:
        day = max(begins.astimezone(zone).date(), first)
        final = min((ends - timedelta(microseconds=1)).astimezone(zone).date(), last)
        while day <= final:
            days[day].append((begins, ends))
            day += timedelta(days=1)
    return days


class FreeTimeFinder:
    """*Find a free time*: the next free starts of a doctor, or of every active doctor of a specialty."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def specialties(self, token: str) -> list[str]:
        """The active doctors' specialties, as the search offers them."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_DOCTORS)
            found = {d.specialty.strip(): None for d in uow.doctors.list(Doctor.is_active.is_(True))}
            return sorted(found, key=str.casefold)

    def find(self, token: str, query: FreeTimeQuery | Mapping[str, Any]) -> list[FreeTime]:
        """Up to ``count`` free times, soonest first, at least the clinic's minimum notice from now."""
        query = parse(FreeTimeQuery, query)
        zone = self.ctx.zone
        wanted = clock.as_utc(query.starts_from, zone)
        earliest = max(wanted, self.ctx.now() + self.ctx.settings.min_notice)
        if self.ctx.settings.allow_past_bookings:
            earliest = wanted
        length = timedelta(minutes=query.minutes)
        first = earliest.astimezone(zone).date()
        last = first + timedelta(days=DAYS)
        window = (clock.local_day_bounds(first, zone)[0], clock.local_day_bounds(last, zone)[1])
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            doctors = self._doctors(uow, query)
            ids = [d.id for d in doctors]
            rows = uow.appointments.busy(*window, doctor_ids=ids, patient_id=query.patient_id)
            away = uow.time_off.overlapping(*window, ids)
            found: list[FreeTime] = []
            for doctor in doctors:
                intervals = [(b, e) for who, b, e in rows if who in (doctor.id, None)]
                intervals += [(o.starts_at, o.ends_at) for o in away if o.doctor_id in (doctor.id, None)]
                days = by_day(intervals, zone, first, last)
                name = short_name(doctor.last_name, doctor.first_name, doctor.middle_name)
                for start in next_free(doctor, lambda day, d=days: d.get(day, ()), earliest, length, zone,
                                       earliest, query.count):
                    found.append(FreeTime(doctor_id=doctor.id, doctor_name=name, specialty=doctor.specialty,
                                          starts_at=start, ends_at=start + length))
        found.sort(key=lambda f: (f.starts_at, f.doctor_name.casefold()))
        return found[:query.count]

    @staticmethod
    def _doctors(uow: Any, query: FreeTimeQuery) -> list[Doctor]:
        if query.doctor_id is not None:
            doctor = uow.doctors.get(query.doctor_id)
            if doctor is None or not doctor.is_active:
                raise NotFound("This doctor is not seeing patients.")
            return [doctor]
        wanted = (query.specialty or "").strip().casefold()  # SQLite's lower() knows no Cyrillic: compared here
        doctors = [d for d in uow.doctors.list(Doctor.is_active.is_(True)) if d.specialty.strip().casefold() == wanted]
        if not doctors:
            raise NotFound(f"No active doctor has the specialty {query.specialty!r}.")
        return doctors
