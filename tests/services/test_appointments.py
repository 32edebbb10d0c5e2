"""The appointment service on a real database of each backend: booking, rescheduling,
the booking rules and their messages, the status machine, lists, audit, time zones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from heartbeat_desktop.core.errors import BookingConflict, NotFound, PermissionDenied, StaleRecord, ValidationFailed
from heartbeat_desktop.core.vocabulary import STATUS_TRANSITIONS, Status
from heartbeat_desktop.services import Heartbeat
from tests.helpers import at, booking, doctor_data, next_monday, patient_data

MOSCOW = ZoneInfo("Europe/Moscow")
UTC = timezone.utc


@dataclass
class Clinic:
    token: str
    doctor: int  # Петрова, Mon-Fri 9-18
    other_doctor: int  # Сидоров, Mon-Fri 9-18
    patient: int  # Иванов
    other_patient: int  # Смирнова


@pytest.fixture
def clinic(hb: Heartbeat, admin_token: str) -> Clinic:
    return Clinic(
        token=admin_token,
        doctor=hb.doctors.create(admin_token, doctor_data()).id,
        other_doctor=hb.doctors.create(admin_token, doctor_data(last_name="Сидоров", first_name="Олег",
                                                                middle_name=None, specialty="Хирург")).id,
        patient=hb.patients.create(admin_token, patient_data()).id,
        other_patient=hb.patients.create(admin_token, patient_data(last_name="Смирнова", first_name="Ольга",
                                                                   middle_name=None, sex="female",
                                                                   phone=None)).id,
    )


def book(hb: Heartbeat, c: Clinic, start: datetime, minutes: int = 30, *, doctor: int | None = None,
         patient: int | None = None, **extra: Any):  # noqa: ANN201
    return hb.appointments.create(c.token, booking(doctor or c.doctor, patient or c.patient, start, minutes, **extra))


def edit(appointment: Any, **changes: Any) -> dict[str, Any]:
    data = appointment.model_dump(include={"doctor_id", "patient_id", "starts_at", "ends_at", "reason", "notes",
                                           "version"})
    data.update(changes)
    return data


def refused(hb: Heartbeat, c: Clinic, data: dict[str, Any]) -> str:
    """The BookingConflict message for ``data``; asserts nothing was saved."""
    before = len(hb.appointments.list(c.token))
    with pytest.raises(BookingConflict) as caught:
        hb.appointments.create(c.token, data)
    assert len(hb.appointments.list(c.token)) == before
    return str(caught.value)


# --- create / get / update / delete --------------------------------------------------

def test_create_and_get(hb, clinic):
    created = book(hb, clinic, at(10), reason="  Головная боль ", notes="первичный")
    assert created.id > 0 and created.version == 1
    assert created.status is Status.SCHEDULED and created.is_active
    assert (created.doctor_id, created.patient_id) == (clinic.doctor, clinic.patient)
    assert created.doctor_name == "Петрова Мария Ивановна"
    assert created.patient_name == "Иванов Пётр Сергеевич"
    assert created.reason == "Головная боль"
    assert created.notes == "первичный"
    admin_id = next(u.id for u in hb.users.list(clinic.token) if u.username == "admin")
    assert created.created_by_id == admin_id
    assert hb.appointments.get(clinic.token, created.id) == created


def test_get_missing_is_not_found(hb, clinic):
    with pytest.raises(NotFound, match="no longer exists"):
        hb.appointments.get(clinic.token, 4242)


def test_naive_local_time_is_stored_as_utc_and_read_back_aware(hb, clinic):
    created = book(hb, clinic, at(10))
    monday = next_monday()
    expected = datetime.combine(monday, time(7), tzinfo=UTC)
    for read in (created, hb.appointments.get(clinic.token, created.id)):
        assert read.starts_at == expected
        assert read.starts_at.tzinfo is not None and read.starts_at.utcoffset() == timedelta(0)
        assert read.ends_at == expected + timedelta(minutes=30)
        assert read.starts_at.astimezone(MOSCOW).time() == time(10)
    with hb.ctx.db.engine.connect() as conn:
        if hb.ctx.db.dialect == "sqlite":
            raw = conn.execute(text("SELECT starts_at FROM appointments")).scalar_one()
            assert raw == f"{monday.isoformat()} 07:00:00.000000"
        else:
            raw = conn.execute(text("SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') "
                                    "FROM appointments")).scalar_one()
            assert raw == f"{monday.isoformat()} 07:00"


def test_aware_times_in_any_zone_are_the_same_moment(hb, clinic):
    start = datetime.combine(next_monday(), time(8), tzinfo=UTC)  # 11:00 in Moscow
    created = hb.appointments.create(clinic.token, booking(clinic.doctor, clinic.patient, start))
    assert created.starts_at == start
    vladivostok = start.astimezone(ZoneInfo("Asia/Vladivostok"))
    msg = refused(hb, clinic, booking(clinic.doctor, clinic.other_patient, vladivostok, 15))
    assert "11:00–11:30" in msg  # shown in the clinic's zone


def test_update_reschedules(hb, clinic):
    created = book(hb, clinic, at(10), reason="Осмотр")
    moved = hb.appointments.update(clinic.token, created.id,
                                   edit(created, starts_at=at(15), ends_at=at(15, 45), reason="Повторный"))
    assert moved.version == created.version + 1
    assert moved.starts_at.astimezone(MOSCOW).time() == time(15)
    assert moved.ends_at.astimezone(MOSCOW).time() == time(15, 45)
    assert moved.reason == "Повторный"
    assert hb.appointments.get(clinic.token, created.id) == moved
    # the old slot is free again
    assert book(hb, clinic, at(10), patient=clinic.other_patient).id != created.id


def test_update_to_another_doctor_and_patient_shows_their_names(hb, clinic):
    created = book(hb, clinic, at(10))
    moved = hb.appointments.update(clinic.token, created.id,
                                   edit(created, doctor_id=clinic.other_doctor, patient_id=clinic.other_patient))
    assert (moved.doctor_name, moved.patient_name) == ("Сидоров Олег", "Смирнова Ольга")
    assert [a.id for a in hb.appointments.list_by_doctor(clinic.token, clinic.other_doctor)] == [created.id]
    assert hb.appointments.list_by_doctor(clinic.token, clinic.doctor) == []


def test_update_onto_a_busy_slot_is_refused(hb, clinic):
    first = book(hb, clinic, at(10))
    second = book(hb, clinic, at(11), patient=clinic.other_patient)
    with pytest.raises(BookingConflict, match="already has an appointment at 10:00–10:30"):
        hb.appointments.update(clinic.token, second.id, edit(second, starts_at=at(10, 15), ends_at=at(10, 45)))
    assert hb.appointments.get(clinic.token, second.id) == second
    assert hb.appointments.get(clinic.token, first.id) == first


def test_update_within_its_own_slot_is_not_a_clash_with_itself(hb, clinic):
    created = book(hb, clinic, at(10), 60)
    shorter = hb.appointments.update(clinic.token, created.id, edit(created, starts_at=at(10), ends_at=at(10, 30)))
    assert shorter.ends_at.astimezone(MOSCOW).time() == time(10, 30)
    later = hb.appointments.update(clinic.token, created.id, edit(shorter, starts_at=at(10, 15), ends_at=at(10, 45)))
    assert later.version == 3


def test_stale_update_is_refused(hb, clinic):
    created = book(hb, clinic, at(10))
    theirs = hb.appointments.update(clinic.token, created.id, edit(created, notes="их"))
    with pytest.raises(StaleRecord) as caught:
        hb.appointments.update(clinic.token, created.id, edit(created, starts_at=at(12), ends_at=at(12, 30)))
    assert caught.value.current_version == theirs.version
    assert hb.appointments.get(clinic.token, created.id) == theirs


def test_completed_appointment_cannot_be_moved_but_notes_can_change(hb, clinic):
    a = book(hb, clinic, at(10))
    for status in ("arrived", "in_progress", "completed"):
        a = hb.appointments.set_status(clinic.token, a.id, status, a.version)
    with pytest.raises(BookingConflict, match="A completed appointment cannot be moved."):
        hb.appointments.update(clinic.token, a.id, edit(a, starts_at=at(11), ends_at=at(11, 30)))
    noted = hb.appointments.update(clinic.token, a.id, edit(a, notes="Рецепт выдан"))
    assert noted.notes == "Рецепт выдан" and noted.status is Status.COMPLETED


def test_delete(hb, clinic):
    created = book(hb, clinic, at(10))
    with pytest.raises(StaleRecord):
        hb.appointments.delete(clinic.token, created.id, created.version + 1)
    hb.appointments.delete(clinic.token, created.id, created.version)
    with pytest.raises(NotFound):
        hb.appointments.get(clinic.token, created.id)
    with pytest.raises(NotFound):
        hb.appointments.delete(clinic.token, created.id)
    book(hb, clinic, at(10))  # the slot is free


# --- lists ------------------------------------------------------------------------------

def test_list_by_doctor_and_by_patient(hb, clinic):
    a = book(hb, clinic, at(12))
    b = book(hb, clinic, at(10), patient=clinic.other_patient)
    c = book(hb, clinic, at(10), doctor=clinic.other_doctor)
    d = book(hb, clinic, at(9, 0, next_monday() + timedelta(days=1)), doctor=clinic.other_doctor,
             patient=clinic.other_patient)
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(hb.appointments.list_by_doctor(clinic.token, clinic.doctor)) == [b.id, a.id]
    assert ids(hb.appointments.list_by_doctor(clinic.token, clinic.other_doctor)) == [c.id, d.id]
    assert ids(hb.appointments.list_by_patient(clinic.token, clinic.patient)) == [c.id, a.id]
    assert ids(hb.appointments.list_by_patient(clinic.token, clinic.other_patient)) == [b.id, d.id]
    assert ids(hb.appointments.list_by_patient(clinic.token, clinic.patient, doctor_id=clinic.doctor)) == [a.id]
    assert ids(hb.appointments.list_by_patient(clinic.token, clinic.other_patient, newest_first=True)) == [d.id, b.id]
    assert ids(hb.appointments.list(clinic.token, offset=1, limit=2)) == [c.id, a.id]
    assert ids(hb.appointments.list(clinic.token, starts_from=at(10, 30), starts_before=at(9, 0, next_monday()
                                                                                           + timedelta(days=1)))) \
        == [a.id]


def test_a_patients_history_and_upcoming_visits_split_at_now(settings, hb, clinic):
    """The patient card's two lists: before now newest first, from now on soonest first."""
    now = datetime.now(UTC).replace(microsecond=0)
    with Heartbeat.open(settings.replace(allow_past_bookings=True)) as lenient:
        free = lenient.doctors.create(clinic.token, doctor_data(last_name="Ким", working_hours=[])).id
        made = {days: lenient.appointments.create(clinic.token, booking(free, clinic.patient,
                                                                         now + timedelta(days=days))).id
                for days in (-30, 2, -1, 9, -400)}
        other = lenient.appointments.create(clinic.token, booking(free, clinic.other_patient,
                                                                  now + timedelta(days=-2))).id
        book(hb, clinic, at(10), patient=clinic.other_patient)
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    history = hb.appointments.list_by_patient(clinic.token, clinic.patient, starts_before=now, newest_first=True)
    assert ids(history) == [made[-1], made[-30], made[-400]]
    upcoming = hb.appointments.list_by_patient(clinic.token, clinic.patient, starts_from=now)
    assert ids(upcoming) == [made[2], made[9]]
    assert other not in ids(history) + ids(upcoming)
    # paged as the card scrolls: the pages continue one another
    pages = [hb.appointments.list_by_patient(clinic.token, clinic.patient, starts_before=now, newest_first=True,
                                             offset=offset, limit=2) for offset in (0, 2)]
    assert ids(pages[0]) + ids(pages[1]) == ids(history)
    # naive bounds are clinic-local, aware ones any zone: the same moment either way
    local_now = now.astimezone(MOSCOW).replace(tzinfo=None)
    assert ids(hb.appointments.list_by_patient(clinic.token, clinic.patient, starts_from=local_now)) == ids(upcoming)
    # an appointment starting exactly "now" is upcoming, not history
    assert ids(hb.appointments.list_by_patient(clinic.token, clinic.patient,
                                               starts_from=now + timedelta(days=2))) == ids(upcoming)
    assert ids(hb.appointments.list_by_patient(clinic.token, clinic.patient, starts_before=now + timedelta(days=2),
                                               newest_first=True))[0] == made[-1]


def test_list_day_uses_the_clinic_local_day(hb, admin_token):
    doctor = hb.doctors.create(admin_token, doctor_data(working_hours=[])).id  # books any time
    patient = hb.patients.create(admin_token, patient_data()).id
    monday = next_monday()
    sunday, tuesday = monday - timedelta(days=1), monday + timedelta(days=1)
    made = {}
    for label, moment in {"sun 23:30": at(23, 30, sunday), "mon 00:00": at(0, 0, monday),
                          "mon 02:30": at(2, 30, monday),  # Sunday 23:30 UTC
                          "mon 23:30": at(23, 30, monday), "tue 00:00": at(0, 0, tuesday)}.items():
        made[label] = hb.appointments.create(admin_token, booking(doctor, patient, moment)).id
    day = hb.appointments.list_day(admin_token, monday)
    assert [a.id for a in day] == [made["mon 00:00"], made["mon 02:30"], made["mon 23:30"]]
    assert day[1].starts_at.date() == sunday  # in UTC it is still Sunday
    assert [a.id for a in hb.appointments.list_day(admin_token, sunday)] == [made["sun 23:30"]]
    assert [a.id for a in hb.appointments.list_day(admin_token, tuesday)] == [made["tue 00:00"]]
    assert hb.appointments.list_day(admin_token, monday, doctor_id=doctor + 1) == []


def test_list_with_status_filter(hb, clinic):
    a = book(hb, clinic, at(10))
    b = book(hb, clinic, at(11))
    c = book(hb, clinic, at(12))
    hb.appointments.set_status(clinic.token, b.id, Status.CANCELLED, b.version)
    hb.appointments.set_status(clinic.token, c.id, "arrived", c.version)
    by = lambda *s: [r.id for r in hb.appointments.list(clinic.token, statuses=s)]  # noqa: E731
    assert by(Status.SCHEDULED) == [a.id]
    assert by("cancelled") == [b.id]
    assert by(Status.SCHEDULED, Status.ARRIVED) == [a.id, c.id]
    assert by() == [a.id, b.id, c.id]
    assert [r.id for r in hb.appointments.list_day(clinic.token, next_monday(), statuses=(Status.ARRIVED,))] == [c.id]
    with pytest.raises(ValueError):
        hb.appointments.list(clinic.token, statuses=("lost",))


# --- the booking rules -------------------------------------------------------------------

def test_overlap_with_the_doctors_other_appointment(hb, clinic):
    book(hb, clinic, at(10), 30)
    for start, minutes in [(at(10), 30), (at(10, 15), 30), (at(9, 45), 30), (at(9, 30), 90), (at(10, 10), 5)]:
        msg = refused(hb, clinic, booking(clinic.doctor, clinic.other_patient, start, minutes))
        assert msg == "Dr Петрова already has an appointment at 10:00–10:30 (Иванов)."


def test_patient_overlapping_appointment_with_another_doctor(hb, clinic):
    book(hb, clinic, at(10), doctor=clinic.other_doctor)
    msg = refused(hb, clinic, booking(clinic.doctor, clinic.patient, at(10, 15)))
    assert msg == "The patient already has an appointment at 10:00–10:30 with Dr Сидоров."
    book(hb, clinic, at(10, 30))  # right after it is fine


def test_outside_working_hours(hb, clinic):
    monday = next_monday()
    cases = {
        "before the day starts": (at(8), 30),
        "straddling 09:00": (at(8, 45), 30),
        "straddling 18:00": (at(17, 45), 30),
        "after hours": (at(18), 30),
        "Saturday": (at(10, 0, monday + timedelta(days=5)), 30),
        "Sunday": (at(10, 0, monday + timedelta(days=6)), 30),
        "across midnight": (at(23, 30), 60),
    }
    messages = {label: refused(hb, clinic, booking(clinic.doctor, clinic.patient, start, minutes))
                for label, (start, minutes) in cases.items()}
    assert messages == {label: "This is outside Dr Петрова's working hours." for label in cases}


def test_edges_of_working_hours_are_inside(hb, clinic):
    first = book(hb, clinic, at(9))
    last = book(hb, clinic, at(17, 30))
    assert first.starts_at.astimezone(MOSCOW).time() == time(9)
    assert last.ends_at.astimezone(MOSCOW).time() == time(18)


def test_hours_split_in_two_intervals(hb, admin_token):
    hours = [{"weekday": 0, "starts": time(9), "ends": time(13)},
             {"weekday": 0, "starts": time(14), "ends": time(18)},
             {"weekday": 1, "starts": time(9), "ends": time(12)},
             {"weekday": 1, "starts": time(12), "ends": time(15)}]
    doctor = hb.doctors.create(admin_token, doctor_data(working_hours=hours)).id
    patient = hb.patients.create(admin_token, patient_data()).id
    tuesday = next_monday() + timedelta(days=1)
    hb.appointments.create(admin_token, booking(doctor, patient, at(12, 30)))
    hb.appointments.create(admin_token, booking(doctor, patient, at(14)))
    for start in (at(13), at(12, 45)):  # the lunch break, and straddling into it
        with pytest.raises(BookingConflict, match="outside Dr Петрова's working hours"):
            hb.appointments.create(admin_token, booking(doctor, patient, start))
    # two intervals that touch make one stretch of work
    spanning = hb.appointments.create(admin_token, booking(doctor, patient, at(11, 45, tuesday)))
    assert spanning.ends_at.astimezone(MOSCOW).time() == time(12, 15)
    with pytest.raises(BookingConflict, match="outside"):
        hb.appointments.create(admin_token, booking(doctor, patient, at(14, 45, tuesday)))


def test_inactive_doctor(hb, clinic):
    doctor = hb.doctors.get(clinic.token, clinic.doctor)
    hb.doctors.set_active(clinic.token, doctor.id, False, doctor.version)
    msg = refused(hb, clinic, booking(clinic.doctor, clinic.patient, at(10)))
    assert msg == "Dr Петрова is not seeing patients (the doctor is inactive)."


def test_inactive_patient(hb, clinic):
    patient = hb.patients.get(clinic.token, clinic.patient)
    hb.patients.set_active(clinic.token, patient.id, False, patient.version)
    msg = refused(hb, clinic, booking(clinic.doctor, clinic.patient, at(10)))
    assert msg == "This patient's record is deactivated. Reactivate it before booking."


def test_bad_times_are_validation_errors(hb, clinic):
    cases = [
        (at(10), at(9, 30), "The end must be after the start."),
        (at(10), at(10), "The end must be after the start."),
        (at(6), at(19), "An appointment cannot be longer than 12 hours."),
        (at(10), at(10, 30).replace(tzinfo=UTC), "Start and end must both carry a time zone, or neither."),
    ]
    for start, end, message in cases:
        with pytest.raises(ValidationFailed) as caught:
            hb.appointments.create(clinic.token, {"doctor_id": clinic.doctor, "patient_id": clinic.patient,
                                                  "starts_at": start, "ends_at": end})
        assert message in str(caught.value), (start, end)
    assert hb.appointments.list(clinic.token) == []


def test_missing_fields_are_validation_errors(hb, clinic):
    with pytest.raises(ValidationFailed) as caught:
        hb.appointments.create(clinic.token, {"doctor_id": 0, "starts_at": "soon"})
    assert set(caught.value.field_errors) >= {"doctor_id", "patient_id", "starts_at", "ends_at"}


def test_unknown_doctor_or_patient_is_not_found(hb, clinic):
    with pytest.raises(NotFound, match="doctor"):
        hb.appointments.create(clinic.token, booking(9999, clinic.patient, at(10)))
    with pytest.raises(NotFound, match="patient"):
        hb.appointments.create(clinic.token, booking(clinic.doctor, 9999, at(10)))


def test_in_the_past_is_refused(hb, admin_token):
    doctor = hb.doctors.create(admin_token, doctor_data(working_hours=[])).id
    patient = hb.patients.create(admin_token, patient_data()).id
    yesterday = datetime.now(MOSCOW).replace(tzinfo=None) - timedelta(days=1)
    with pytest.raises(BookingConflict) as caught:
        hb.appointments.create(admin_token, booking(doctor, patient, yesterday))
    assert str(caught.value) == "The appointment would be in the past."
    # the patient standing at the desk can be booked "now"
    now = datetime.now(UTC) - timedelta(minutes=2)
    assert hb.appointments.create(admin_token, booking(doctor, patient, now)).starts_at == now


def test_in_the_past_is_allowed_when_the_settings_say_so(settings, hb, admin_token):
    doctor = hb.doctors.create(admin_token, doctor_data(working_hours=[])).id
    patient = hb.patients.create(admin_token, patient_data()).id
    last_week = datetime.now(MOSCOW).replace(tzinfo=None, microsecond=0) - timedelta(days=7)
    with Heartbeat.open(settings.replace(allow_past_bookings=True)) as lenient:
        created = lenient.appointments.create(admin_token, booking(doctor, patient, last_week))
        assert lenient.appointments.conflicts(admin_token, booking(doctor, patient, last_week, minutes=10)) == [
            "Dr Петрова already has an appointment at "
            f"{last_week:%H:%M}–{last_week + timedelta(minutes=30):%H:%M} (Иванов)."]
    assert created.starts_at == last_week.replace(tzinfo=MOSCOW).astimezone(UTC)
    assert hb.appointments.get(admin_token, created.id) == created


def test_several_problems_are_all_reported(hb, clinic):
    book(hb, clinic, at(17, 30), patient=clinic.other_patient)
    doctor = hb.doctors.get(clinic.token, clinic.doctor)
    hb.doctors.set_active(clinic.token, doctor.id, False, doctor.version)
    msg = refused(hb, clinic, booking(clinic.doctor, clinic.patient, at(17, 45)))
    assert msg == ("Dr Петрова is not seeing patients (the doctor is inactive). "
                   "This is outside Dr Петрова's working hours. "
                   "Dr Петрова already has an appointment at 17:30–18:00 (Смирнова).")


def test_back_to_back_appointments_are_allowed(hb, clinic):
    first = book(hb, clinic, at(10), 30)
    second = book(hb, clinic, at(10, 30), 30, patient=clinic.other_patient)
    before = book(hb, clinic, at(9, 30), 30, patient=clinic.other_patient)
    assert first.ends_at == second.starts_at and before.ends_at == first.starts_at
    assert len(hb.appointments.list_by_doctor(clinic.token, clinic.doctor)) == 3


def test_a_cancelled_or_no_show_appointment_frees_its_slot(hb, clinic):
    a = book(hb, clinic, at(10))
    hb.appointments.set_status(clinic.token, a.id, Status.CANCELLED, a.version)
    b = book(hb, clinic, at(10), patient=clinic.other_patient)
    hb.appointments.set_status(clinic.token, b.id, Status.NO_SHOW, b.version)
    c = book(hb, clinic, at(10, 15))
    assert c.is_active
    statuses = [x.status for x in hb.appointments.list_by_doctor(clinic.token, clinic.doctor)]
    assert statuses == [Status.CANCELLED, Status.NO_SHOW, Status.SCHEDULED]


def test_a_cancelled_appointment_can_be_moved_anywhere(hb, clinic):
    book(hb, clinic, at(10))
    a = book(hb, clinic, at(11), patient=clinic.other_patient)
    a = hb.appointments.set_status(clinic.token, a.id, Status.CANCELLED, a.version)
    moved = hb.appointments.update(clinic.token, a.id, edit(a, starts_at=at(10), ends_at=at(10, 30)))
    assert moved.status is Status.CANCELLED
    with pytest.raises(BookingConflict, match="booked for someone else"):
        hb.appointments.set_status(clinic.token, a.id, Status.SCHEDULED, moved.version)


# --- the status machine ---------------------------------------------------------------------

def test_status_walk_to_completed(hb, clinic):
    a = book(hb, clinic, at(10))
    for status in (Status.ARRIVED, Status.IN_PROGRESS, Status.COMPLETED):
        a = hb.appointments.set_status(clinic.token, a.id, status, a.version)
        assert a.status is status
    assert a.version == 4
    for back in (Status.SCHEDULED, Status.ARRIVED, Status.IN_PROGRESS, Status.CANCELLED, Status.NO_SHOW):
        with pytest.raises(BookingConflict) as caught:
            hb.appointments.set_status(clinic.token, a.id, back, a.version)
        assert str(caught.value) == f"An appointment that is “Completed” cannot become “{back.label}”."
    assert hb.appointments.get(clinic.token, a.id).status is Status.COMPLETED


def test_every_transition_follows_the_table(hb, clinic):
    """Each status to each other one, on one appointment re-set through allowed moves."""
    route = {Status.SCHEDULED: [], Status.ARRIVED: [Status.ARRIVED],
             Status.IN_PROGRESS: [Status.IN_PROGRESS], Status.COMPLETED: [Status.IN_PROGRESS, Status.COMPLETED],
             Status.CANCELLED: [Status.CANCELLED], Status.NO_SHOW: [Status.NO_SHOW]}
    wrong = []
    for i, (current, path) in enumerate(route.items()):
        for j, new in enumerate(Status):
            if new == current:
                continue
            a = book(hb, clinic, at(9 + i, 0, next_monday() + timedelta(days=j % 5)), 10, reason=f"{current}>{new}")
            for step in path:
                a = hb.appointments.set_status(clinic.token, a.id, step, a.version)
            assert a.status is current
            try:
                a = hb.appointments.set_status(clinic.token, a.id, new, a.version)
                ok = True
            except BookingConflict:
                ok = False
            if ok != (new in STATUS_TRANSITIONS[current]):
                wrong.append((current.value, new.value, ok))
            hb.appointments.delete(clinic.token, a.id)
    assert wrong == []


def test_setting_the_same_status_changes_nothing(hb, clinic):
    a = book(hb, clinic, at(10))
    same = hb.appointments.set_status(clinic.token, a.id, "scheduled", a.version)
    assert same == a
    assert [r.action for r in hb.audit.list(clinic.token, entity="appointment")] == ["create"]


def test_status_change_with_stale_version(hb, clinic):
    a = book(hb, clinic, at(10))
    hb.appointments.update(clinic.token, a.id, edit(a, notes="x"))
    with pytest.raises(StaleRecord):
        hb.appointments.set_status(clinic.token, a.id, Status.CANCELLED, a.version)
    assert hb.appointments.get(clinic.token, a.id).status is Status.SCHEDULED


def test_uncancel_only_while_the_slot_is_free(hb, clinic):
    a = book(hb, clinic, at(10))
    a = hb.appointments.set_status(clinic.token, a.id, Status.CANCELLED, a.version)
    a = hb.appointments.set_status(clinic.token, a.id, Status.SCHEDULED, a.version)  # still free: back on
    assert a.status is Status.SCHEDULED
    a = hb.appointments.set_status(clinic.token, a.id, Status.CANCELLED, a.version)
    book(hb, clinic, at(10, 15), patient=clinic.other_patient)  # someone took the slot
    with pytest.raises(BookingConflict) as caught:
        hb.appointments.set_status(clinic.token, a.id, Status.SCHEDULED, a.version)
    assert str(caught.value) == "The slot has been booked for someone else meanwhile."
    assert hb.appointments.get(clinic.token, a.id).status is Status.CANCELLED


def test_uncancel_refused_when_the_patient_is_busy_elsewhere(hb, clinic):
    a = book(hb, clinic, at(10))
    a = hb.appointments.set_status(clinic.token, a.id, Status.CANCELLED, a.version)
    book(hb, clinic, at(10), doctor=clinic.other_doctor)  # the patient went to another doctor instead
    with pytest.raises(BookingConflict) as caught:
        hb.appointments.set_status(clinic.token, a.id, Status.SCHEDULED, a.version)
    assert str(caught.value) == "The patient already has an appointment at 10:00–10:30 with Dr Сидоров."
    assert hb.appointments.get(clinic.token, a.id).status is Status.CANCELLED
    # a no-show cannot come back into a taken slot either
    b = book(hb, clinic, at(11))
    b = hb.appointments.set_status(clinic.token, b.id, Status.NO_SHOW, b.version)
    book(hb, clinic, at(11), patient=clinic.other_patient)
    with pytest.raises(BookingConflict):
        hb.appointments.set_status(clinic.token, b.id, Status.ARRIVED, b.version)


def test_doctor_account_changes_only_own_appointments(hb, clinic):
    from tests.helpers import make_user

    doc_token = make_user(hb, clinic.token, "petrova", "doctor")
    doc_user = next(u.id for u in hb.users.list(clinic.token) if u.username == "petrova")
    mine = hb.doctors.get(clinic.token, clinic.doctor)
    hb.doctors.update(clinic.token, mine.id, {**mine.model_dump(exclude={"id", "created_at", "updated_at"}),
                                              "user_id": doc_user})
    a = book(hb, clinic, at(10))
    b = book(hb, clinic, at(10), doctor=clinic.other_doctor, patient=clinic.other_patient)
    assert hb.appointments.set_status(doc_token, a.id, Status.ARRIVED, a.version).status is Status.ARRIVED
    with pytest.raises(PermissionDenied, match="only their own"):
        hb.appointments.set_status(doc_token, b.id, Status.ARRIVED, b.version)
    with pytest.raises(PermissionDenied):
        hb.appointments.create(doc_token, booking(clinic.doctor, clinic.patient, at(12)))
    assert hb.appointments.get(clinic.token, b.id).status is Status.SCHEDULED


# --- conflicts() ----------------------------------------------------------------------------

def test_conflicts_lists_problems_without_saving(hb, clinic):
    a = book(hb, clinic, at(10))
    assert hb.appointments.conflicts(clinic.token, booking(clinic.doctor, clinic.other_patient, at(11))) == []
    problems = hb.appointments.conflicts(clinic.token, booking(clinic.doctor, clinic.other_patient, at(17, 45)))
    assert problems == ["This is outside Dr Петрова's working hours."]
    problems = hb.appointments.conflicts(clinic.token, booking(clinic.doctor, clinic.other_patient, at(10, 20)))
    assert problems == ["Dr Петрова already has an appointment at 10:00–10:30 (Иванов)."]
    # editing the appointment itself: its own slot is no conflict
    assert hb.appointments.conflicts(clinic.token, booking(clinic.doctor, clinic.patient, at(10, 15)),
                                     exclude_id=a.id) == []
    assert [x.id for x in hb.appointments.list(clinic.token)] == [a.id]
    with pytest.raises(ValidationFailed):
        hb.appointments.conflicts(clinic.token, booking(clinic.doctor, clinic.patient, at(10), minutes=-5))


# --- audit ------------------------------------------------------------------------------------

def test_audit_rows_for_create_update_status_delete(hb, clinic):
    a = book(hb, clinic, at(10), reason="Осмотр")
    a = hb.appointments.update(clinic.token, a.id, edit(a, starts_at=at(11), ends_at=at(11, 30)))
    a = hb.appointments.set_status(clinic.token, a.id, Status.ARRIVED, a.version)
    hb.appointments.delete(clinic.token, a.id, a.version)
    rows = hb.audit.list(clinic.token, entity="appointment", entity_id=a.id)
    assert [r.action for r in rows] == ["delete", "status", "update", "create"]
    delete, status, update_, create = rows
    assert all(r.username == "admin" for r in rows)
    monday = next_monday().isoformat()
    assert create.changes == {"doctor_id": clinic.doctor, "patient_id": clinic.patient,
                              "starts_at": f"{monday}T07:00:00+00:00", "ends_at": f"{monday}T07:30:00+00:00",
                              "status": "scheduled", "reason": "Осмотр", "notes": None, "type_id": None,
                              "overbooked": False, "overbook_reason": None, "confirmation": "not_called"}
    assert update_.changes == {"starts_at": [f"{monday}T07:00:00+00:00", f"{monday}T08:00:00+00:00"],
                               "ends_at": [f"{monday}T07:30:00+00:00", f"{monday}T08:30:00+00:00"]}
    assert status.changes == {"status": ["scheduled", "arrived"]}
    assert delete.changes["status"] == "arrived"
    assert delete.changes["starts_at"] == f"{monday}T08:00:00+00:00"


def test_refused_booking_leaves_no_audit_row(hb, clinic):
    book(hb, clinic, at(10))
    refused(hb, clinic, booking(clinic.doctor, clinic.other_patient, at(10)))
    assert [r.action for r in hb.audit.list(clinic.token, entity="appointment")] == ["create"]


def test_update_without_changes_writes_no_audit_row(hb, clinic):
    a = book(hb, clinic, at(10))
    same = hb.appointments.update(clinic.token, a.id, edit(a))
    assert same.version == a.version
    assert [r.action for r in hb.audit.list(clinic.token, entity="appointment")] == ["create"]


def test_date_only_day_lists_are_independent_of_the_computer_zone(hb, clinic):
    """list_day with a date uses the clinic zone from the settings, not the process's."""
    a = book(hb, clinic, at(0, 0, next_monday() + timedelta(days=2)).replace(hour=9))
    wednesday = next_monday() + timedelta(days=2)
    assert [x.id for x in hb.appointments.list_day(clinic.token, wednesday)] == [a.id]
    assert hb.appointments.list_day(clinic.token, date.fromordinal(wednesday.toordinal() - 1)) == []
