"""Demo data on both backends: counts, determinism, working hours, no overlaps, valid rows."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from heartbeat_desktop.core.errors import PermissionDenied, ValidationFailed
from heartbeat_desktop.models import Appointment, AuditEntry, Doctor, Patient, WorkingHours
from heartbeat_desktop.schemas import DoctorCreate, PatientCreate
from heartbeat_desktop.schemas.text import name_key
from heartbeat_desktop.services.booking_rules import outside_working_hours
from heartbeat_desktop.services.demo_data import DatabaseNotEmpty, DemoDataRequest
from tests.helpers import patient_data

SMALL = {"patients": 120, "doctors": 4, "appointments": 150, "days_back": 10, "days_ahead": 10}
CYRILLIC_NAME = re.compile(r"^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' \-]+$")


def people(hb) -> list[tuple]:
    with hb.ctx.uow() as uow:
        rows = uow.session.execute(
            select(Patient.last_name, Patient.first_name, Patient.middle_name, Patient.birth_date,
                   Patient.phone, Patient.email, Patient.address).order_by(Patient.id))
        return [tuple(r) for r in rows]


def loaded(hb, stmt) -> list:
    """Rows as detached objects that keep their loaded values after the transaction."""
    with hb.ctx.uow() as uow:
        rows = list(uow.session.scalars(stmt))
        uow.session.expunge_all()
        return rows


def doctors_with_hours(hb) -> list[Doctor]:
    return loaded(hb, select(Doctor).options(selectinload(Doctor.working_hours)).order_by(Doctor.id))


def appointments(hb) -> list[Appointment]:
    return loaded(hb, select(Appointment).order_by(Appointment.doctor_id, Appointment.starts_at))


def wipe(hb) -> None:
    with hb.ctx.uow(write=True) as uow:
        for model in (Appointment, WorkingHours, Doctor, Patient):
            uow.session.execute(delete(model))
        uow.commit()


def test_generates_the_requested_counts_and_one_audit_row(hb, admin_token):
    result = hb.demo.generate(admin_token, seed=11, **SMALL)

    assert (result.patients, result.doctors, result.appointments) == (120, 4, 150)
    assert result.seed == 11 and result.locale == "ru_RU" and result.seconds >= 0
    assert hb.patients.count(admin_token) == 120
    assert len(hb.doctors.list_active(admin_token)) == 4
    assert len(appointments(hb)) == 150
    audit = hb.audit.list(admin_token, action="demo_data")
    assert len(audit) == 1
    assert audit[0].username == "admin" and audit[0].entity == "database"
    assert audit[0].changes["patients"] == 120 and audit[0].changes["seed"] == 11


def test_the_same_seed_gives_the_same_people(hb):
    hb.demo.generate_as_installer(seed=2024, **SMALL)
    first = people(hb)
    wipe(hb)
    hb.demo.generate_as_installer(seed=2024, **SMALL)
    assert people(hb) == first
    wipe(hb)
    hb.demo.generate_as_installer(seed=2025, **SMALL)
    assert people(hb) != first


def test_appointments_fit_the_working_hours_and_never_overlap(hb):
    before = datetime.now(timezone.utc)
    hb.demo.generate_as_installer(seed=5, patients=30, doctors=5, appointments=400, days_back=7, days_ahead=7)
    after = datetime.now(timezone.utc)
    doctors = {d.id: d for d in doctors_with_hours(hb)}
    booked = appointments(hb)
    assert len(booked) == 400


    previous: dict[int, Appointment] = {}
    by_patient: dict[int, list[Appointment]] = {}
    for a in booked:  # ordered by doctor, then start
        assert not outside_working_hours(doctors[a.doctor_id], a.starts_at, a.ends_at, hb.ctx.zone)
        assert a.starts_at.astimezone(hb.ctx.zone).weekday() < 5
        if a.doctor_id in previous:
            assert previous[a.doctor_id].ends_at <= a.starts_at, "a doctor is double-booked"
        previous[a.doctor_id] = a
        by_patient.setdefault(a.patient_id, []).append(a)
        if a.ends_at <= before:
            assert a.status in {"completed", "no_show", "cancelled"}
        elif a.starts_at > after:
            assert a.status == "scheduled"
    for visits in by_patient.values():
        visits.sort(key=lambda a: a.starts_at)
        assert all(x.ends_at <= y.starts_at for x, y in zip(visits, visits[1:])), "a patient in two rooms"
    statuses = {a.status for a in booked}
    assert {"completed", "scheduled"} <= statuses


def test_doctors_work_monday_to_friday_some_with_a_lunch_break(hb):
    hb.demo.generate_as_installer(seed=8, patients=0, doctors=40, appointments=0)
    doctors = doctors_with_hours(hb)
    assert len(doctors) == 40 and len({d.room for d in doctors}) == 40
    for doctor in doctors:
        assert {h.weekday for h in doctor.working_hours} == {0, 1, 2, 3, 4}
        assert doctor.specialty and doctor.email.endswith(".example")
    split_days = [d for d in doctors if len([h for h in d.working_hours if h.weekday == 0]) == 2]
    assert split_days and len(split_days) < 40
    for doctor in split_days:
        morning, afternoon = sorted((h for h in doctor.working_hours if h.weekday == 0), key=lambda h: h.starts)
        assert morning.ends < afternoon.starts  # the break


def test_russian_names_have_patronymics_that_agree_with_the_sex(hb):
    hb.demo.generate_as_installer(seed=7, locale="ru_RU", **SMALL)
    patients, doctors = loaded(hb, select(Patient)), loaded(hb, select(Doctor))
    assert {p.sex for p in patients} == {"female", "male"}
    for person in patients + doctors:
        for part in (person.last_name, person.first_name, person.middle_name):
            assert part and CYRILLIC_NAME.match(part), part
        assert person.name_key == name_key(person.last_name, person.first_name, person.middle_name)
        assert person.phone is None or (person.phone.startswith("+7 9")
                                         and person.phone_digits == re.sub(r"\D", "", person.phone))
    for p in patients:
        if p.sex == "female":
            assert p.middle_name.endswith("на") and p.last_name.endswith("а"), p.name_key
        else:
            assert p.middle_name.endswith("ич") and p.last_name.endswith(("ов", "ев", "ёв", "ин")), p.name_key
    assert any(p.address and p.address.startswith("г. ") for p in patients)


def test_english_names_have_no_middle_names(hb):
    hb.demo.generate_as_installer(seed=7, locale="en_US", **SMALL)
    patients = loaded(hb, select(Patient))
    assert all(p.middle_name is None for p in patients)
    assert all(LATIN_NAME.match(p.first_name) and LATIN_NAME.match(p.last_name) for p in patients)
    assert all(p.phone is None or p.phone.startswith("+1") for p in patients)


@pytest.mark.parametrize("locale", ["ru_RU", "en_US"])
def test_every_row_passes_the_forms_checks(hb, admin_token, locale):
    """Demo records open and save in the GUI unchanged: they are what the forms would store."""
    hb.demo.generate_as_installer(seed=3, locale=locale, **SMALL)
    fields = ("last_name", "first_name", "middle_name", "birth_date", "sex", "phone", "email",
              "address", "notes")
    for patient in hb.patients.search(admin_token, limit=1000):
        given = {f: getattr(patient, f) for f in fields}
        assert PatientCreate(**given).model_dump(include=set(fields)) == given
    for doctor in hb.doctors.list_active(admin_token):
        data = doctor.model_dump(include={"last_name", "first_name", "middle_name", "specialty", "room",
                                          "phone", "email", "working_hours"})
        assert DoctorCreate(**data).model_dump(include=set(data)) == data


def test_a_database_with_patients_is_refused_unless_forced(hb, admin_token):
    existing = hb.patients.create(admin_token, patient_data())
    with pytest.raises(DatabaseNotEmpty) as refused:
        hb.demo.generate(admin_token, seed=1, **SMALL)
    assert refused.value.patients == 1
    assert hb.patients.count(admin_token) == 1

    result = hb.demo.generate(admin_token, seed=1, force=True, **SMALL)
    assert result.patients == 120 and hb.patients.count(admin_token) == 121
    assert all(a.patient_id != existing.id for a in appointments(hb))  # only new people are booked


def test_appointments_are_capped_by_the_free_slots(hb):
    result = hb.demo.generate_as_installer(seed=1, patients=50, doctors=1, appointments=100_000,
                                           days_back=0, days_ahead=6)
    assert 0 < result.appointments == result.free_slots < 100_000
    assert len(appointments(hb)) == result.appointments


def test_progress_is_reported(hb):
    seen = []
    hb.demo.generate_as_installer(seed=1, progress=lambda *step: seen.append(step), **SMALL)
    assert ("patients", 120, 120) in seen and ("appointments", 150, 150) in seen


def test_nothing_is_written_when_a_step_fails(hb, monkeypatch):
    import heartbeat_desktop.services.demo_data.service as demo

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(demo, "plan_appointments", broken)
    with pytest.raises(RuntimeError):
        hb.demo.generate_as_installer(seed=1, **SMALL)
    assert people(hb) == [] and doctors_with_hours(hb) == []
    assert loaded(hb, select(AuditEntry)) == []


def test_bad_requests_name_the_fields(hb):
    with pytest.raises(ValidationFailed) as bad:
        hb.demo.generate_as_installer(patients=-1, days_ahead=10**9, locale="de_DE")
    assert set(bad.value.field_errors) == {"patients", "days_ahead", "locale"}
    assert DemoDataRequest().problems() == {}


def test_only_administrators_may_fill_the_database(hb, desk_token):
    with pytest.raises(PermissionDenied):
        hb.demo.generate(desk_token, seed=1, **SMALL)
    assert people(hb) == []


def test_postgresql_plans_the_new_rows_with_statistics(hb):
    """Without an ANALYZE after the bulk load, PostgreSQL plans as if the tables were empty."""
    if hb.ctx.db.dialect != "postgresql":
        pytest.skip("SQLite plans from its indexes; it keeps no statistics to refresh")
    hb.demo.generate_as_installer(patients=300, doctors=3, appointments=200, seed=5)
    with hb.ctx.db.engine.connect() as conn:
        analyzed = dict(conn.exec_driver_sql(
            "SELECT relname, last_analyze IS NOT NULL FROM pg_stat_user_tables "
            "WHERE relname IN ('patients', 'doctors', 'working_hours', 'appointments')").all())
    assert analyzed == dict.fromkeys(("patients", "doctors", "working_hours", "appointments"), True)
