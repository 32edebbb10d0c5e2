"""The next free times for a visit: what the desk offers when the chosen time is taken,
and what *Find a free time* lists for a doctor or for every doctor of a specialty.

Candidates step through the doctor's working hours (every quarter hour from
the start of each stretch; 08:00 to 20:00 for a doctor without hours set),
from the time asked for onwards, for two weeks; a candidate is free if
nothing the caller calls busy overlaps it: the doctor's and the patient's
active visits, the doctor's time off and the clinic's holidays.

:class:`FreeTimeFinder` reads all of that for every candidate doctor in two
queries per window of days (plain rows, no ORM objects), walking the days in
Python and stopping as soon as it has enough: its cost does not grow with the
years of history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import NotFound, Text
from heartbeat_desktop.models import Doctor
from heartbeat_desktop.schemas import FreeTime, FreeTimeQuery, parse
from heartbeat_desktop.schemas.person import short_name
from heartbeat_desktop.services.booking_rules import day_stretches
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission

STEP = timedelta(minutes=15)
DAYS = 14
WINDOWS = (2, 5, 8)  # Find a free time reads the fortnight in these steps (days), stopping when it has enough
NO_ROTA = [(time(8), time(20))]  # a doctor who keeps no hours: a working day's span

Busy = Sequence[tuple[datetime, datetime]]  # UTC intervals


def next_free(doctor: Doctor, busy_on: Callable[[date], Busy], wanted: datetime, length: timedelta,
              zone: tzinfo, not_before: datetime, count: int = 3) -> list[datetime]:
    """Up to ``count`` free starts (UTC) at or after ``wanted`` (and ``not_before``)."""
    earliest = max(wanted, not_before).astimezone(zone)
    found: list[datetime] = []
    for offset in range(DAYS + 1):
        day = earliest.date() + timedelta(days=offset)
        found += free_on(doctor, day, busy_on(day), earliest, length, zone, count - len(found))
        if len(found) == count:
            break
    return found


def free_on(doctor: Doctor, day: date, busy: Busy, earliest: datetime, length: timedelta, zone: tzinfo,
            limit: int) -> list[datetime]:
    """Up to ``limit`` free starts (UTC) of ``doctor`` on ``day``, none before ``earliest``.

    One sweep over the day's busy intervals sorted by start: a candidate that
    collides jumps to the first grid time after the intervals it met (any time
    before their end would meet them too).
    """
    stretches = day_stretches(doctor, day.weekday()) if doctor.working_hours else NO_ROTA
    found: list[datetime] = []
    if not stretches or limit <= 0:
        return found
    taken = sorted(busy)
    for starts, ends in stretches:
        first = datetime.combine(day, starts, tzinfo=zone).astimezone(timezone.utc)
        last = datetime.combine(day, ends, tzinfo=zone).astimezone(timezone.utc)
        steps = max(0, -(-(earliest - first) // STEP))  # the first grid time not before ``earliest``
        candidate, at = first + steps * STEP, 0
        while candidate + length <= last:
            finishes = candidate + length
            while at < len(taken) and taken[at][1] <= candidate:
                at += 1  # over before this candidate, and before every later one
            clash, j = None, at  # the latest end among the intervals this candidate meets
            while j < len(taken) and taken[j][0] < finishes:
                if taken[j][1] > candidate and (clash is None or taken[j][1] > clash):
                    clash = taken[j][1]
                j += 1
            if clash is None:
                found.append(candidate)
                if len(found) == limit:
                    return found
                candidate += STEP
            else:  # the first grid time at or after the interval's end
                candidate = first + max(steps + 1, -(-(clash - first) // STEP)) * STEP
                steps = (candidate - first) // STEP
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
            return sorted({specialty.strip() for _id, specialty in uow.doctors.specialties()}, key=str.casefold)

    def find(self, token: str, query: FreeTimeQuery | Mapping[str, Any]) -> list[FreeTime]:
        """Up to ``count`` free times, soonest first, at least the clinic's minimum notice from now.

        Day by day across all the candidate doctors, reading the days in growing
        windows (2, 5, then 8 days): the search stops at the first day by whose
        end enough times were found, without reading the rest of the fortnight.
        """
        query = parse(FreeTimeQuery, query)
        zone = self.ctx.zone
        wanted = clock.as_utc(query.starts_from, zone)
        earliest = wanted if self.ctx.settings.allow_past_bookings else max(
            wanted, self.ctx.now() + self.ctx.settings.min_notice)
        length = timedelta(minutes=query.minutes)
        first = earliest.astimezone(zone).date()
        found: list[FreeTime] = []
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            doctors = self._doctors(uow, query)
            names = {d.id: short_name(d.last_name, d.first_name, d.middle_name) for d in doctors}
            day = first
            for span in WINDOWS:
                last = min(day + timedelta(days=span - 1), first + timedelta(days=DAYS))
                busy = self._busy(uow, doctors, query.patient_id, day, last)
                while day <= last:
                    for doctor in doctors:
                        for start in free_on(doctor, day, busy[doctor.id].get(day, ()), earliest, length, zone,
                                             query.count):
                            found.append(FreeTime(doctor_id=doctor.id, doctor_name=names[doctor.id],
                                                  specialty=doctor.specialty, starts_at=start,
                                                  ends_at=start + length))
                    day += timedelta(days=1)
                    if len(found) >= query.count:
                        break
                if len(found) >= query.count or day > first + timedelta(days=DAYS):
                    break
        found.sort(key=lambda f: (f.starts_at, f.doctor_name.casefold()))
        return found[:query.count]

    def _busy(self, uow: Any, doctors: list[Doctor], patient_id: int | None, first: date,
              last: date) -> dict[int, dict[date, Busy]]:
        """For each doctor, what is taken on each local day from ``first`` to ``last``: their visits,
        the patient's, their time off and the clinic's holidays (two queries for all the doctors)."""
        zone = self.ctx.zone
        window = (clock.local_day_bounds(first, zone)[0], clock.local_day_bounds(last, zone)[1])
        ids = [d.id for d in doctors]
        rows = uow.appointments.busy(*window, doctor_ids=ids, patient_id=patient_id)
        rows += [(o.doctor_id, o.starts_at, o.ends_at) for o in uow.time_off.overlapping(*window, ids)]
        shared = [(b, e) for who, b, e in rows if who is None]  # the patient's visits, clinic holidays
        own: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
        for who, b, e in rows:
            if who is not None:
                own[who].append((b, e))
        return {i: by_day(own[i] + shared, zone, first, last) for i in ids}

    @staticmethod
    def _doctors(uow: Any, query: FreeTimeQuery) -> list[Doctor]:
        if query.doctor_id is not None:
            doctor = uow.doctors.get(query.doctor_id)
            if doctor is None or not doctor.is_active:
                raise NotFound(Text("errors", "This doctor is not seeing patients."))
            return [doctor]
        wanted = (query.specialty or "").strip().casefold()  # SQLite's lower() knows no Cyrillic: compared here
        ids = [i for i, specialty in uow.doctors.specialties() if specialty.strip().casefold() == wanted]
        doctors = uow.doctors.list(Doctor.id.in_(ids)) if ids else []  # only these, with their hours
        if not doctors:
            raise NotFound(Text("errors", "No active doctor has the specialty {0}.").format(repr(query.specialty)))
        return doctors
