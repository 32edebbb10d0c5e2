"""Appointment slots cut from each doctor's working hours, so they never overlap."""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from operator import itemgetter
from typing import Any

from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.services.demo_data.people import LocaleText

# --- appointment slots -------------------------------------------------------------

@dataclass(frozen=True)
class DoctorPlan:
    id: int
    hours: list[tuple[int, time, time]]
    slot_minutes: int


def working_days(today: date, days_back: int, days_ahead: int) -> list[date]:
    first = today - timedelta(days=days_back)
    return [d for d in (first + timedelta(days=i) for i in range(days_back + days_ahead + 1))
            if d.weekday() < 5]


def day_slots(doctor: DoctorPlan, weekday: int) -> list[tuple[time, time]]:
    """The doctor's slots on that weekday (0 is Monday), in order."""
    slots = []
    step = doctor.slot_minutes
    for day, starts, ends in doctor.hours:
        if day != weekday:
            continue
        begin = starts.hour * 60 + starts.minute
        finish = ends.hour * 60 + ends.minute
        for minute in range(begin, finish - step + 1, step):
            slots.append((time(minute // 60, minute % 60), time((minute + step) // 60, (minute + step) % 60)))
    return slots


def plan_appointments(
    rng: random.Random,
    text: LocaleText,
    doctors: Sequence[DoctorPlan],
    patient_ids: Sequence[int],
    wanted: int,
    days: Sequence[date],
    zone: tzinfo,
    now: datetime,
) -> tuple[list[dict[str, Any]], int]:
    """Appointments in free slots, chosen at random; returns (rows, number of slots)."""
    cells: list[tuple[DoctorPlan, date, list[tuple[time, time]]]] = []
    bounds: list[int] = []
    total = 0
    for doctor in doctors:
        week = {weekday: day_slots(doctor, weekday) for weekday in range(7)}  # the same every week
        for day in days:
            slots = week[day.weekday()]
            if slots:
                cells.append((doctor, day, slots))
                total += len(slots)
                bounds.append(total)
    if not patient_ids or not cells or wanted <= 0:
        return [], total
    chosen = rng.sample(range(total), min(wanted, total))
    # a patient's visits by day: a visit lies within one clinic day, so only that day's can clash
    busy: dict[tuple[int, date], list[tuple[datetime, datetime]]] = {}
    rows = []
    randrange, patients = rng.randrange, len(patient_ids)
    for index in chosen:
        cell = bisect.bisect_right(bounds, index)
        doctor, day, slots = cells[cell]
        starts, ends = slots[index - (bounds[cell - 1] if cell else 0)]
        starts_at = datetime.combine(day, starts, tzinfo=zone).astimezone(timezone.utc)
        ends_at = datetime.combine(day, ends, tzinfo=zone).astimezone(timezone.utc)
        for _ in range(10):  # a patient is never in two rooms at once
            patient_id = patient_ids[randrange(patients)]
            taken = busy.setdefault((patient_id, day), [])
            if not taken or not any(s < ends_at and starts_at < e for s, e in taken):
                taken.append((starts_at, ends_at))
                break
        else:
            continue
        if ends_at <= now:
            roll = rng.random()
            status = Status.COMPLETED if roll < 0.8 else Status.NO_SHOW if roll < 0.88 else Status.CANCELLED
        elif starts_at <= now:
            status = Status.IN_PROGRESS
        else:
            status = Status.SCHEDULED
        rows.append({
            "doctor_id": doctor.id, "patient_id": patient_id,
            "starts_at": starts_at, "ends_at": ends_at, "status": status.value,
            "reason": rng.choice(text.reasons) if rng.random() < 0.7 else None,
            "notes": None, "created_by_id": None, "overbooked": False,
            "version": 1, "created_at": now, "updated_at": now,
        })
    # latest first: SQLite's overlap trigger then scans almost nothing per row
    rows.sort(key=itemgetter("starts_at", "doctor_id"), reverse=True)
    return rows, total
