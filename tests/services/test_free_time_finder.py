"""Find a free time: one doctor or every doctor of a specialty; around visits, time off and the patient."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from heartbeat_desktop.core.errors import NotFound, ValidationFailed
from tests.helpers import at, booking, doctor_data, next_monday, patient_data

MOSCOW = ZoneInfo("Europe/Moscow")


def local(found):  # noqa: ANN001, ANN201
    return [(f.doctor_name, f.starts_at.astimezone(MOSCOW).replace(tzinfo=None)) for f in found]


@pytest.fixture
def clinic(hb, admin_token):  # noqa: ANN001, ANN201
    nine = [{"weekday": d, "starts": time(9), "ends": time(10)} for d in range(5)]
    ten = [{"weekday": d, "starts": time(10), "ends": time(11)} for d in range(5)]
    return {
        "petrova": hb.doctors.create(admin_token, doctor_data(working_hours=nine)).id,  # Терапевт 9-10
        "orlov": hb.doctors.create(admin_token, doctor_data(last_name="Орлов", first_name="Олег",
                                                            middle_name=None, working_hours=ten)).id,  # 10-11
        "heart": hb.doctors.create(admin_token, doctor_data(last_name="Сердцева", specialty="Кардиолог",
                                                            working_hours=nine)).id,
        "patient": hb.patients.create(admin_token, patient_data()).id,
    }


def test_a_specialty_lists_its_doctors_soonest_first(hb, admin_token, clinic):
    hb.appointments.create(admin_token, booking(clinic["petrova"], clinic["patient"], at(9), minutes=30))
    found = hb.free_times.find(admin_token, {"specialty": "терапевт", "starts_from": at(8), "minutes": 30,
                                             "count": 4})  # any case, Cyrillic too
    assert local(found) == [("Петрова М. И.", at(9, 30)), ("Орлов О.", at(10)), ("Орлов О.", at(10, 15)),
                            ("Орлов О.", at(10, 30))]
    assert all(f.specialty == "Терапевт" for f in found)  # the cardiologist is not offered


def test_time_off_a_holiday_and_the_patients_own_visits_are_skipped(hb, admin_token, clinic):
    monday = next_monday()
    hb.time_off.add(admin_token, {"doctor_id": clinic["petrova"], "kind": "vacation",
                                  "starts_at": datetime.combine(monday, time.min),
                                  "ends_at": datetime.combine(monday + timedelta(days=1), time.min)})
    tuesday = monday + timedelta(days=1)
    hb.time_off.add(admin_token, {"kind": "holiday", "starts_at": datetime.combine(tuesday, time.min),
                                  "ends_at": datetime.combine(tuesday + timedelta(days=1), time.min)})
    wednesday = monday + timedelta(days=2)
    hb.appointments.create(admin_token, booking(clinic["heart"], clinic["patient"], at(9, day=wednesday), 60))
    found = hb.free_times.find(admin_token, {"doctor_id": clinic["petrova"], "patient_id": clinic["patient"],
                                             "starts_from": at(8), "minutes": 60, "count": 2})
    thursday = monday + timedelta(days=3)  # Monday away, Tuesday closed, Wednesday the patient is elsewhere
    assert local(found) == [("Петрова М. И.", at(9, day=thursday)), ("Петрова М. И.", at(9, day=thursday + timedelta(days=1)))]


def test_nothing_sooner_than_the_minimum_notice(hb, admin_token, clinic):
    hb.ctx.settings = hb.ctx.settings.replace(min_notice=timedelta(days=3, hours=1))
    found = hb.free_times.find(admin_token, {"doctor_id": clinic["heart"], "starts_from": datetime(2000, 1, 1),
                                             "count": 1})
    assert found and found[0].starts_at >= hb.ctx.now() + timedelta(days=3, hours=1)


@pytest.mark.parametrize(("query", "error", "words"), [
    ({}, ValidationFailed, "Choose a doctor or a specialty"),
    ({"doctor_id": 1, "specialty": "Терапевт"}, ValidationFailed, "Choose a doctor or a specialty"),
    ({"specialty": "Астролог"}, NotFound, "No active doctor"),
    ({"doctor_id": 999_999}, NotFound, "not seeing patients"),
    ({"specialty": "Терапевт", "minutes": 1000}, ValidationFailed, "at most 480"),
])
def test_questions_that_cannot_be_answered_say_why(hb, admin_token, clinic, query, error, words):
    with pytest.raises(error, match=words):
        hb.free_times.find(admin_token, {"starts_from": at(8), **query})


def test_the_specialties_offered_are_the_active_doctors(hb, admin_token, clinic):
    assert hb.free_times.specialties(admin_token) == ["Кардиолог", "Терапевт"]
