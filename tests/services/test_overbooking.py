"""Deliberate overbooking: only an account an admin allowed, only with a reason; marked, audited,
and the only visits the database's overlap rule lets through."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from heartbeat_desktop.core.errors import BookingConflict, PermissionDenied
from heartbeat_desktop.models import OVERLAP_CONSTRAINT
from tests.helpers import STAFF_PASSWORD, at, audit_rows, booking, doctor_data, patient_data

EMERGENCY = "Острая боль, примет между пациентами"


@pytest.fixture
def busy(hb, admin_token):  # noqa: ANN001, ANN201
    """A doctor with a 10:00 visit, another patient wanting 10:00 too, and a receptionist."""
    doctor = hb.doctors.create(admin_token, doctor_data()).id
    first = hb.patients.create(admin_token, patient_data()).id
    second = hb.patients.create(admin_token, patient_data(last_name="Срочный", phone=None)).id
    hb.appointments.create(admin_token, booking(doctor, first, at(10)))
    desk = hb.users.create(admin_token, {"username": "desk1", "password": STAFF_PASSWORD, "role": "receptionist"})
    return doctor, second, desk


def login(hb):  # noqa: ANN001, ANN201
    return hb.auth.login("desk1", STAFF_PASSWORD).token


def allow(hb, admin_token, user):  # noqa: ANN001, ANN201
    return hb.users.update(admin_token, user.id, {"full_name": user.full_name, "role": user.role.value,
                                                  "is_active": True, "can_overbook": True, "version": user.version})


def test_without_the_grant_the_rule_is_absolute(hb, admin_token, busy):
    doctor, patient, _desk = busy
    token = login(hb)
    squeeze = booking(doctor, patient, at(10), overbook_reason=EMERGENCY)
    with pytest.raises(PermissionDenied, match="may not squeeze"):
        hb.appointments.create(token, squeeze)
    assert hb.appointments.conflicts(token, squeeze)[0].startswith("Your account may not squeeze")
    with pytest.raises(BookingConflict, match="already has an appointment"):
        hb.appointments.create(token, booking(doctor, patient, at(10)))
    assert len(hb.appointments.list_day(admin_token, at(10).date())) == 1


def test_with_the_grant_and_a_reason_the_visit_goes_in_marked_and_audited(hb, admin_token, busy):
    doctor, patient, desk = busy
    granted = allow(hb, admin_token, desk)
    assert granted.can_overbook
    token = login(hb)
    with pytest.raises(BookingConflict):  # a reason is required: blank is no reason
        hb.appointments.create(token, booking(doctor, patient, at(10), overbook_reason="   "))
    assert hb.appointments.conflicts(token, booking(doctor, patient, at(10), overbook_reason=EMERGENCY)) == []
    made = hb.appointments.create(token, booking(doctor, patient, at(10), overbook_reason=EMERGENCY))
    assert (made.overbooked, made.overbook_reason) == (True, EMERGENCY)
    day = hb.appointments.list_day(admin_token, at(10).date())
    assert len(day) == 2 and all(a.is_active for a in day)
    created = [r for r in audit_rows(hb, "create") if r.entity == "appointment"][-1]
    assert created.changes["overbooked"] is True and created.changes["overbook_reason"] == EMERGENCY
    granting = [r for r in audit_rows(hb, "update") if r.entity == "user"][-1]
    assert granting.changes["can_overbook"] == [False, True]


def test_a_squeezed_in_visit_moved_is_an_ordinary_one(hb, admin_token, busy):
    doctor, patient, desk = busy
    allow(hb, admin_token, desk)
    token = login(hb)
    made = hb.appointments.create(token, booking(doctor, patient, at(10), overbook_reason=EMERGENCY))
    moved = hb.appointments.update(token, made.id, {**booking(doctor, patient, at(11)), "version": made.version})
    assert not moved.overbooked
    with pytest.raises(BookingConflict):  # and it cannot be moved back over the other visit
        hb.appointments.update(token, made.id, {**booking(doctor, patient, at(10)), "version": moved.version})


def test_the_database_lets_through_only_marked_visits(hb, admin_token, busy):
    doctor, patient, _desk = busy
    start = hb.appointments.list_day(admin_token, at(10).date())[0].starts_at
    insert = text("INSERT INTO appointments (doctor_id, patient_id, starts_at, ends_at, status, overbooked, "
                  "version, created_at, updated_at) VALUES (:d, :p, :s, :e, 'scheduled', :o, 1, :s, :s)")
    values = {"d": doctor, "p": patient, "s": start.replace(tzinfo=None) if hb.ctx.db.dialect == "sqlite" else start,
              "e": (start + timedelta(minutes=15)).replace(tzinfo=None) if hb.ctx.db.dialect == "sqlite"
              else start + timedelta(minutes=15)}
    with hb.ctx.db.engine.begin() as conn, pytest.raises(IntegrityError, match=OVERLAP_CONSTRAINT):
        conn.execute(insert, {**values, "o": False})
    with hb.ctx.db.engine.begin() as conn:
        conn.execute(insert, {**values, "o": True})
        assert conn.execute(text("SELECT count(*) FROM appointments")).scalar() == 2
