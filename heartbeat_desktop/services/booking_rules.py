"""The booking rules, each a sentence for the desk when it is broken.

``problems`` is used twice: while the form is being filled (to show conflicts
before Save) and inside the saving transaction.  The database's own overlap
rule stays the final word for a race between two desks.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.core.vocabulary import AwayKind
from heartbeat_desktop.models import Appointment, Doctor, Patient, TimeOff
from heartbeat_desktop.services.unit_of_work import UnitOfWork

PAST_GRACE = timedelta(minutes=5)  # booking the patient standing at the desk "now"


def hhmm(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def span(appointment: Appointment, zone: tzinfo) -> str:
    return f"{hhmm(appointment.starts_at, zone)}–{hhmm(appointment.ends_at, zone)}"


def outside_working_hours(doctor: Doctor, starts_at: datetime, ends_at: datetime, zone: tzinfo) -> bool:
    """True if the doctor has hours set and the interval is not inside one of them.

    A doctor with no hours set at all can be booked at any time (a small
    practice that does not keep rotas).
    """
    if not doctor.working_hours:
        return False
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    if start.date() != end.date() and end.time() != datetime.min.time():
        return True
    end_time = end.time() if start.date() == end.date() else datetime.max.time()
    return not any(
        starts <= start.time() and end_time <= ends
        for starts, ends in day_stretches(doctor, start.weekday())
    )


def day_stretches(doctor: Doctor, weekday: int) -> list[tuple[time, time]]:
    """The doctor's intervals of one weekday, those that touch (9-12, 12-15) joined."""
    stretches: list[tuple[time, time]] = []
    for h in sorted((h for h in doctor.working_hours if h.weekday == weekday), key=lambda h: h.starts):
        if stretches and h.starts <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], h.ends))
        else:
            stretches.append((h.starts, h.ends))
    return stretches


def when(starts_at: datetime, ends_at: datetime, zone: tzinfo) -> str:
    """``01.12.2026–14.12.2026``, ``31.12.2026``, ``02.12.2026 13:00–14:00``: in clinic time."""
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    if start.time() == time.min and end.time() == time.min:  # whole days
        last = (end - timedelta(days=1)).date()
        return f"{start:%d.%m.%Y}" if last == start.date() else f"{start:%d.%m.%Y}–{last:%d.%m.%Y}"
    if start.date() == end.date():
        return f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}"
    return f"{start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M}"


# the kinds of time off inside a sentence (lower case in English)
AWAY_WORDS = {AwayKind.VACATION: Text("errors", "vacation"), AwayKind.DAY_OFF: Text("errors", "day off"),
              AwayKind.BLOCKED: Text("errors", "blocked time"), AwayKind.HOLIDAY: Text("errors", "clinic holiday")}


def away_sentence(off: TimeOff, doctor_last_name: str, zone: tzinfo) -> str:
    """Why a visit cannot be booked then, for the desk."""
    because = f": {off.reason}" if off.reason else ""
    span = when(off.starts_at, off.ends_at, zone)
    if off.kind == AwayKind.HOLIDAY.value:
        return Text("errors", "The clinic is closed then (clinic holiday {span}{because}).").format(
            span=span, because=because)
    return Text("errors", "Dr {doctor} is away then ({kind} {span}{because}).").format(
        doctor=doctor_last_name, kind=AWAY_WORDS[AwayKind(off.kind)], span=span, because=because)


def problems(
    uow: UnitOfWork,
    *,
    doctor: Doctor,
    patient: Patient,
    starts_at: datetime,
    ends_at: datetime,
    zone: tzinfo,
    now: datetime,
    allow_past: bool,
    exclude_id: int | None = None,
    overbook: bool = False,
) -> list[str]:
    found: list[str] = []
    if not doctor.is_active:
        found.append(Text("errors", "Dr {0} is not seeing patients (the doctor is inactive).").format(doctor.last_name))
    if not patient.is_active:
        found.append(Text("errors", "This patient's record is deactivated. Reactivate it before booking."))
    if not allow_past and starts_at < now - PAST_GRACE:
        found.append(Text("errors", "The appointment would be in the past."))
    if outside_working_hours(doctor, starts_at, ends_at, zone):
        found.append(Text("errors", "This is outside Dr {0}'s working hours.").format(doctor.last_name))
    for off in uow.time_off.overlapping(starts_at, ends_at, [doctor.id])[:1]:
        found.append(away_sentence(off, doctor.last_name, zone))
    doctor_busy = [] if overbook else uow.appointments.clashes(starts_at, ends_at, doctor_id=doctor.id,
                                                               exclude_id=exclude_id)
    for other in doctor_busy[:1]:  # a squeeze-in (``overbook``) goes over the doctor's other visits on purpose
        found.append(Text("errors", "Dr {0} already has an appointment at {1} ({2}).").format(
            doctor.last_name, span(other, zone), other.patient.last_name))
    for other in uow.appointments.clashes(starts_at, ends_at, patient_id=patient.id, exclude_id=exclude_id)[:1]:
        if other.doctor_id != doctor.id:
            found.append(Text("errors", "The patient already has an appointment at {0} with Dr {1}.").format(
                span(other, zone), other.doctor.last_name))
    return found
