"""The next free times for a visit: what the desk offers when the chosen time is taken.

Candidates step through the doctor's working hours (every quarter hour from
the start of each stretch; 08:00 to 20:00 for a doctor without hours set),
from the time asked for onwards, for two weeks; a candidate is free if
nothing the caller calls busy overlaps it: the doctor's and the patient's
active visits, the doctor's time off and the clinic's holidays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from heartbeat_desktop.models import Doctor
from heartbeat_desktop.services.booking_rules import day_stretches

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
