"""Time off: booking stops at a doctor's vacation, day off or blocked hour and at clinic holidays,
saying which; the free-time search skips them; only the right people set them; all audited."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from heartbeat_desktop.core.errors import BookingConflict, PermissionDenied, StaleRecord, ValidationFailed
from tests.helpers import at, audit_rows, booking, doctor_data, make_user, next_monday, patient_data

MOSCOW = ZoneInfo("Europe/Moscow")


def days(first, last):  # noqa: ANN001, ANN201 - whole local days, as the dialog sends them
    return datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)


def away(doctor_id, kind, starts, ends, reason=None):  # noqa: ANN001, ANN201
    return {"doctor_id": doctor_id, "kind": kind, "starts_at": starts, "ends_at": ends, "reason": reason}


@pytest.fixture
def people(hb, admin_token):  # noqa: ANN001, ANN201
    doctor = hb.doctors.create(admin_token, doctor_data()).id  # Mon-Fri 9-18
    patient = hb.patients.create(admin_token, patient_data()).id
    return doctor, patient


def test_a_vacation_refuses_bookings_and_says_why(hb, admin_token, people):
    doctor, patient = people
    monday = next_monday()
    start, end = days(monday, monday + timedelta(days=4))
    hb.time_off.add(admin_token, away(doctor, "vacation", start, end, "Отпуск"))
    with pytest.raises(BookingConflict) as refused:
        hb.appointments.create(admin_token, booking(doctor, patient, at(10, day=monday + timedelta(days=2))))
    assert str(refused.value) == (f"Dr Петрова is away then (vacation {monday:%d.%m.%Y}–"
                                  f"{monday + timedelta(days=4):%d.%m.%Y}: Отпуск).")
    next_week = monday + timedelta(days=7)
    assert hb.appointments.create(admin_token, booking(doctor, patient, at(10, day=next_week))).id


def test_a_blocked_hour_refuses_only_that_hour(hb, admin_token, people):
    doctor, patient = people
    hb.time_off.add(admin_token, away(doctor, "blocked", at(13), at(14), "Планёрка"))
    with pytest.raises(BookingConflict, match=r"away then \(blocked time .* 13:00–14:00: Планёрка\)"):
        hb.appointments.create(admin_token, booking(doctor, patient, at(13, 30)))
    problems = hb.appointments.conflicts(admin_token, booking(doctor, patient, at(12, 45)))  # runs into it
    assert any("blocked time" in p for p in problems)
    assert hb.appointments.create(admin_token, booking(doctor, patient, at(14))).id


def test_a_clinic_holiday_closes_every_doctor(hb, admin_token, people):
    doctor, patient = people
    other = hb.doctors.create(admin_token, doctor_data(last_name="Другой")).id
    tuesday = next_monday() + timedelta(days=1)
    hb.time_off.add(admin_token, away(None, "holiday", *days(tuesday, tuesday), "День клиники"))
    for who in (doctor, other):
        with pytest.raises(BookingConflict, match="The clinic is closed then"):
            hb.appointments.create(admin_token, booking(who, patient, at(11, day=tuesday)))


def test_the_next_free_times_skip_a_vacation_and_a_holiday(hb, admin_token, people):
    doctor, patient = people
    monday = next_monday()
    hb.time_off.add(admin_token, away(doctor, "vacation", *days(monday, monday + timedelta(days=2))))
    thursday = monday + timedelta(days=3)
    hb.time_off.add(admin_token, away(None, "holiday", *days(thursday, thursday)))
    offered = hb.appointments.free_slots(admin_token, booking(doctor, patient, at(9, day=monday)))
    friday = monday + timedelta(days=4)
    assert [m.astimezone(MOSCOW).replace(tzinfo=None) for m in offered] == [
        at(9, day=friday), at(9, 15, day=friday), at(9, 30, day=friday)]


def test_visits_already_booked_in_the_time_are_listed_before_adding(hb, admin_token, people):
    doctor, patient = people
    visit = hb.appointments.create(admin_token, booking(doctor, patient, at(15)))
    data = away(doctor, "day_off", *days(next_monday(), next_monday()))
    assert [a.id for a in hb.time_off.clashing(admin_token, data)] == [visit.id]
    added = hb.time_off.add(admin_token, data)  # allowed: the desk moves the visit
    assert added.doctor_name == "Петрова М. И." and added.kind.value == "day_off"


def test_the_desk_sets_time_off_an_admin_sets_holidays_a_doctor_neither(hb, admin_token, people):
    doctor, _patient = people
    desk = make_user(hb, admin_token, "desk1", "receptionist")
    doc = make_user(hb, admin_token, "doc1", "doctor")
    monday = next_monday()
    assert hb.time_off.add(desk, away(doctor, "day_off", *days(monday, monday))).id
    with pytest.raises(PermissionDenied, match="clinic holidays"):
        hb.time_off.add(desk, away(None, "holiday", *days(monday, monday)))
    with pytest.raises(PermissionDenied):
        hb.time_off.add(doc, away(doctor, "day_off", *days(monday, monday)))
    assert len(hb.time_off.list(doc, *days(monday, monday))) == 1  # but sees it


@pytest.mark.parametrize(("data", "words"), [
    ({"doctor_id": None, "kind": "vacation"}, "Choose the doctor"),
    ({"kind": "holiday"}, "for every doctor"),
    ({"starts_at": datetime(2030, 1, 2), "ends_at": datetime(2030, 1, 1)}, "end must be after"),
    ({"ends_at": datetime(2032, 1, 1)}, "at most a year"),
    ({"kind": "sabbatical"}, "Choose one of"),
    ({"reason": "x" * 201}, "at most 200"),
])
def test_bad_time_off_is_refused_in_words(hb, admin_token, people, data, words):
    doctor, _patient = people
    base = away(doctor, "vacation", datetime(2030, 1, 1), datetime(2030, 1, 8))
    with pytest.raises(ValidationFailed, match=words):
        hb.time_off.add(admin_token, {**base, **data})
    assert hb.time_off.list(admin_token, datetime(2029, 1, 1), datetime(2033, 1, 1)) == []


def test_adding_and_removing_are_audited_and_a_stale_removal_refused(hb, admin_token, people):
    doctor, _patient = people
    added = hb.time_off.add(admin_token, away(doctor, "blocked", at(13), at(14)))
    with pytest.raises(StaleRecord):
        hb.time_off.remove(admin_token, added.id, added.version + 1)
    hb.time_off.remove(admin_token, added.id, added.version)
    assert hb.time_off.list(admin_token, at(0), at(23)) == []
    assert [(r.action, r.entity) for r in audit_rows(hb) if r.entity == "time_off"] == [
        ("create", "time_off"), ("delete", "time_off")]
