"""The next free times offered when the chosen one is taken: inside the doctor's
hours, clear of the doctor's and the patient's other visits, from that time on."""

from __future__ import annotations

from datetime import time, timedelta
from zoneinfo import ZoneInfo

from tests.helpers import at, booking, doctor_data, next_monday, patient_data

MOSCOW = ZoneInfo("Europe/Moscow")


def local(moments):  # noqa: ANN001, ANN201
    return [m.astimezone(MOSCOW).replace(tzinfo=None) for m in moments]


def test_a_taken_time_offers_the_next_free_quarters_around_the_visits(hb, admin_token):
    doctor = hb.doctors.create(admin_token, doctor_data()).id  # Mon-Fri 9-18
    patient = hb.patients.create(admin_token, patient_data()).id
    other = hb.patients.create(admin_token, patient_data(last_name="Занятов", phone=None)).id
    hb.appointments.create(admin_token, booking(doctor, other, at(10), minutes=30))  # the doctor: 10:00-10:30
    hb.appointments.create(admin_token, booking(hb.doctors.create(admin_token, doctor_data(last_name="Иной")).id,
                                                patient, at(10, 30), minutes=30))  # the patient: 10:30-11:00
    offered = hb.appointments.free_slots(admin_token, booking(doctor, patient, at(10), minutes=30))
    assert local(offered) == [at(11), at(11, 15), at(11, 30)]


def test_the_end_of_the_day_moves_on_to_the_next_working_day(hb, admin_token):
    doctor = hb.doctors.create(admin_token, doctor_data(working_hours=[
        {"weekday": d, "starts": time(9), "ends": time(10)} for d in range(5)])).id
    patient = hb.patients.create(admin_token, patient_data()).id
    friday = next_monday() + timedelta(days=4)
    hb.appointments.create(admin_token, booking(doctor, patient, at(9, day=friday), minutes=60))
    offered = hb.appointments.free_slots(admin_token, booking(doctor, patient, at(9, day=friday), minutes=30))
    monday = friday + timedelta(days=3)  # the weekend has no hours
    assert local(offered) == [at(9, day=monday), at(9, 15, day=monday), at(9, 30, day=monday)]


def test_a_free_time_offers_nothing(hb, admin_token):
    doctor = hb.doctors.create(admin_token, doctor_data()).id
    patient = hb.patients.create(admin_token, patient_data()).id
    assert hb.appointments.free_slots(admin_token, booking(doctor, patient, at(12), minutes=30)) == []


def test_the_sweep_finds_exactly_what_checking_every_quarter_finds():
    """free_on jumps past what a candidate meets; a plain check of every grid time must agree."""
    import random
    from datetime import date, datetime, timezone

    from heartbeat_desktop.models import Doctor, WorkingHours
    from heartbeat_desktop.services.free_slots import STEP, free_on

    rng = random.Random(5)
    day = date(2031, 3, 3)  # a Monday
    for _ in range(300):
        doctor = Doctor(working_hours=[WorkingHours(weekday=0, starts=time(9), ends=time(13)),
                                       WorkingHours(weekday=0, starts=time(14), ends=time(18))])
        base = datetime(2031, 3, 3, 5, tzinfo=timezone.utc)  # 08:00 in Moscow
        busy = []
        for _i in range(rng.randint(0, 12)):
            start = base + timedelta(minutes=5 * rng.randint(0, 130))
            busy.append((start, start + timedelta(minutes=5 * rng.randint(1, 24))))
        length = timedelta(minutes=rng.choice([10, 15, 30, 45, 60]))
        earliest = base + timedelta(minutes=5 * rng.randint(0, 60))
        expected = []
        for starts, ends in ((time(9), time(13)), (time(14), time(18))):
            first = datetime.combine(day, starts, tzinfo=MOSCOW).astimezone(timezone.utc)
            last = datetime.combine(day, ends, tzinfo=MOSCOW).astimezone(timezone.utc)
            candidate = first
            while candidate + length <= last:
                if candidate >= earliest and not any(b < candidate + length and candidate < e for b, e in busy):
                    expected.append(candidate)
                candidate += STEP
        assert free_on(doctor, day, busy, earliest, length, MOSCOW, 100) == expected, (busy, length, earliest)
