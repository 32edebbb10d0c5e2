"""The booking rules, each a sentence for the desk when it is broken.

``problems`` is used twice: while the form is being filled (to show conflicts
before Save) and inside the saving transaction.  The database's own overlap
rule stays the final word for a race between two desks.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from heartbeat_desktop.models import Appointment, Doctor, Patient
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
) -> list[str]:
    found: list[str] = []
    if not doctor.is_active:
        found.append(f"Dr {doctor.last_name} is not seeing patients (the doctor is inactive).")
    if not patient.is_active:
        found.append("This patient's record is deactivated. Reactivate it before booking.")
    if not allow_past and starts_at < now - PAST_GRACE:
        found.append("The appointment would be in the past.")
    if outside_working_hours(doctor, starts_at, ends_at, zone):
        found.append(f"This is outside Dr {doctor.last_name}'s working hours.")
    for other in uow.appointments.clashes(starts_at, ends_at, doctor_id=doctor.id, exclude_id=exclude_id)[:1]:
        found.append(
            f"Dr {doctor.last_name} already has an appointment at {span(other, zone)} "
            f"({other.patient.last_name})."
        )
    for other in uow.appointments.clashes(starts_at, ends_at, patient_id=patient.id, exclude_id=exclude_id)[:1]:
        if other.doctor_id != doctor.id:
            found.append(
                f"The patient already has an appointment at {span(other, zone)} with Dr {other.doctor.last_name}."
            )
    return found
