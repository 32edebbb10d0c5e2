"""Visit types: an administrator's list; chosen on a booking; a type in use is retired, not deleted."""

from __future__ import annotations

import pytest

from heartbeat_desktop.core.errors import Conflict, PermissionDenied, ValidationFailed
from tests.helpers import at, audit_rows, booking, doctor_data, make_user, patient_data


@pytest.fixture
def first_visit(hb, admin_token):  # noqa: ANN001, ANN201
    return hb.appointment_types.create(admin_token, {"name": "Первичный приём", "minutes": 30,
                                                     "colour": "#2E7D32"})


def test_a_booking_carries_its_type_name_and_colour(hb, admin_token, first_visit):
    doctor = hb.doctors.create(admin_token, doctor_data()).id
    patient = hb.patients.create(admin_token, patient_data()).id
    made = hb.appointments.create(admin_token, booking(doctor, patient, at(10), type_id=first_visit.id))
    assert (made.type_id, made.type_name, made.type_colour) == (first_visit.id, "Первичный приём", "#2e7d32")
    assert hb.appointments.list_day(admin_token, at(10).date())[0].type_name == "Первичный приём"
    untyped = hb.appointments.update(admin_token, made.id, {**booking(doctor, patient, at(10)),
                                                            "version": made.version})
    assert untyped.type_id is None
    assert ["type_id"] == [k for k in audit_rows(hb, "update")[-1].changes if k == "type_id"]


def test_a_retired_type_stays_where_it_was_and_is_no_longer_offered(hb, admin_token, first_visit):
    doctor = hb.doctors.create(admin_token, doctor_data()).id
    patient = hb.patients.create(admin_token, patient_data()).id
    made = hb.appointments.create(admin_token, booking(doctor, patient, at(10), type_id=first_visit.id))
    with pytest.raises(Conflict, match="make it inactive"):
        hb.appointment_types.delete(admin_token, first_visit.id, first_visit.version)
    retired = hb.appointment_types.update(admin_token, first_visit.id, {
        "name": first_visit.name, "minutes": 30, "colour": "#2e7d32", "is_active": False,
        "version": first_visit.version})
    assert hb.appointment_types.list(admin_token) == []
    assert hb.appointment_types.list(admin_token, include_inactive=True) == [retired]
    moved = hb.appointments.update(admin_token, made.id, {**booking(doctor, patient, at(11), type_id=retired.id),
                                                          "version": made.version})
    assert moved.type_name == "Первичный приём"  # kept on the visit that had it
    with pytest.raises(ValidationFailed, match="no longer offered"):
        hb.appointments.create(admin_token, booking(doctor, patient, at(14), type_id=retired.id))


def test_only_an_admin_changes_the_list_and_names_are_unique(hb, admin_token, first_visit):
    desk = make_user(hb, admin_token, "desk1", "receptionist")
    assert [t.name for t in hb.appointment_types.list(desk)] == ["Первичный приём"]
    with pytest.raises(PermissionDenied):
        hb.appointment_types.create(desk, {"name": "Повторный", "minutes": 15})
    with pytest.raises(ValidationFailed, match="already exists"):
        hb.appointment_types.create(admin_token, {"name": "первичный приём", "minutes": 20})
    with pytest.raises(ValidationFailed):
        hb.appointment_types.create(admin_token, {"name": "Ночной", "minutes": 600})
    with pytest.raises(ValidationFailed):
        hb.appointment_types.create(admin_token, {"name": "Цветной", "minutes": 20, "colour": "red"})
    unused = hb.appointment_types.create(admin_token, {"name": "Повторный", "minutes": 15})
    hb.appointment_types.delete(admin_token, unused.id, unused.version)
    assert [(r.action, r.entity) for r in audit_rows(hb) if r.entity == "appointment_type"] == [
        ("create", "appointment_type"), ("create", "appointment_type"), ("delete", "appointment_type")]
