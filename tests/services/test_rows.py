"""One row as a list holds it: what a live table asks when another desk changed a row it shows."""

from __future__ import annotations

import pytest

from heartbeat_desktop.core.errors import AuthenticationFailed, NotFound
from heartbeat_desktop.schemas import PatientRow
from heartbeat_desktop.services import Heartbeat
from tests.helpers import at, booking, doctor_data, make_user, patient_data


def test_a_patient_row_is_the_pages_row_while_it_matches(hb: Heartbeat, admin_token: str):
    patient = hb.patients.create(admin_token, patient_data(last_name="Строков", phone=None))
    listed = hb.patients.page(admin_token, "Строк").rows
    assert hb.patients.row(admin_token, patient.id, "Строк") == listed[0]
    assert isinstance(hb.patients.row(admin_token, patient.id), PatientRow)
    assert hb.patients.row(admin_token, patient.id, "Другой") is None  # exists, but not in that list
    hb.patients.set_active(admin_token, patient.id, False, patient.version)
    assert hb.patients.row(admin_token, patient.id) is not None  # the page lists inactive ones too
    assert hb.patients.row(admin_token, patient.id, include_inactive=False) is None
    hb.patients.delete(admin_token, patient.id)
    with pytest.raises(NotFound):
        hb.patients.row(admin_token, patient.id)


def test_a_doctor_row_is_the_search_row(hb: Heartbeat, admin_token: str):
    doctor = hb.doctors.create(admin_token, doctor_data())
    assert hb.doctors.row(admin_token, doctor.id) == hb.doctors.search(admin_token)[0]
    with pytest.raises(NotFound):
        hb.doctors.row(admin_token, doctor.id + 100)


def test_an_appointment_row_follows_the_lists_filters(hb: Heartbeat, admin_token: str):
    doctor = hb.doctors.create(admin_token, doctor_data()).id
    patient = hb.patients.create(admin_token, patient_data()).id
    visit = hb.appointments.create(admin_token, booking(doctor, patient, at(10)))
    day = {"starts_from": at(0), "starts_before": at(23, 59)}
    assert hb.appointments.row(admin_token, visit.id, **day) == hb.appointments.list(admin_token, **day)[0]
    assert hb.appointments.row(admin_token, visit.id, doctor_id=doctor + 1) is None
    hb.appointments.delete(admin_token, visit.id)
    with pytest.raises(NotFound):
        hb.appointments.row(admin_token, visit.id, **day)


def test_a_row_needs_a_session(hb: Heartbeat, admin_token: str):
    patient = hb.patients.create(admin_token, patient_data())
    doctor_token = make_user(hb, admin_token, "doc", "doctor")
    assert hb.patients.row(doctor_token, patient.id) is not None  # a doctor sees the patients list
    with pytest.raises(AuthenticationFailed):
        hb.patients.row("not-a-session", patient.id)
