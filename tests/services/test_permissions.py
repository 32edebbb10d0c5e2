"""Who may do what, checked in the services whatever the GUI shows.

The role table is checked on its own, then each role is tried against the real
services on both backends.  Accounts are inserted with a hash computed once per
module and given session tokens directly (no login needed to test a role).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from heartbeat_desktop.core.errors import PermissionDenied, ValidationFailed
from heartbeat_desktop.core.vocabulary import Role, Status
from heartbeat_desktop.models import AuditEntry
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed, require
from tests.helpers import STAFF_PASSWORD, add_user, at, booking, doctor_data, patient_data, staff_hash, token_for

STAFF_HASH = staff_hash()
ADMIN, DESK, DOCTOR = Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR

EXPECTED = {
    Permission.VIEW_PATIENTS: {ADMIN, DESK, DOCTOR},
    Permission.EDIT_PATIENTS: {ADMIN, DESK},
    Permission.DELETE_PATIENTS: {ADMIN, DESK},
    Permission.EXPORT_PATIENTS: {ADMIN, DESK},
    Permission.MERGE_PATIENTS: {ADMIN},
    Permission.VIEW_DOCTORS: {ADMIN, DESK, DOCTOR},
    Permission.EDIT_DOCTORS: {ADMIN, DESK},
    Permission.DELETE_DOCTORS: {ADMIN},
    Permission.VIEW_APPOINTMENTS: {ADMIN, DESK, DOCTOR},
    Permission.BOOK_APPOINTMENTS: {ADMIN, DESK},
    Permission.SET_APPOINTMENT_STATUS: {ADMIN, DESK, DOCTOR},
    Permission.DELETE_APPOINTMENTS: {ADMIN, DESK},
    Permission.CONFIRM_APPOINTMENTS: {ADMIN, DESK},
    Permission.MANAGE_TIME_OFF: {ADMIN, DESK},
    Permission.CLINIC_HOLIDAYS: {ADMIN},
    Permission.MANAGE_APPOINTMENT_TYPES: {ADMIN},
    Permission.MANAGE_USERS: {ADMIN},
    Permission.VIEW_AUDIT: {ADMIN},
    Permission.MAINTAIN_DATABASE: {ADMIN},
}


# --- the table -----------------------------------------------------------------------------

def test_every_permission_is_in_the_expected_table():
    assert set(Permission) == set(EXPECTED)


@pytest.mark.parametrize("permission", list(Permission), ids=lambda p: p.name)
def test_role_table(permission):
    for role in Role:
        assert allowed(role, permission) is (role in EXPECTED[permission])
        if role in EXPECTED[permission]:
            require(role, permission)
        else:
            with pytest.raises(PermissionDenied) as caught:
                require(role, permission)
            assert role.label in str(caught.value) and permission.description in str(caught.value)


def test_admin_may_do_everything():
    assert all(allowed(ADMIN, p) for p in Permission)


# --- the services -----------------------------------------------------------------------------



class Clinic:
    """One of each role, two doctors (one linked to the doctor's account), a patient, two visits."""

    def __init__(self, hb: Heartbeat) -> None:
        self.hb = hb
        self.admin_id = add_user(hb, "boss", "admin")
        self.desk_id = add_user(hb, "desk", "receptionist")
        self.doctor_user_id = add_user(hb, "house", "doctor")
        self.other_doctor_user_id = add_user(hb, "wilson", "doctor")
        self.admin = self.token(self.admin_id, "admin")
        self.desk = self.token(self.desk_id, "receptionist")
        self.doctor = self.token(self.doctor_user_id, "doctor")
        self.own = hb.doctors.create(self.admin, doctor_data(user_id=self.doctor_user_id))
        self.other = hb.doctors.create(self.admin, doctor_data(last_name="Уилсон", room="102",
                                                               user_id=self.other_doctor_user_id))
        self.patient = hb.patients.create(self.admin, patient_data())
        self.own_visit = hb.appointments.create(self.admin, booking(self.own.id, self.patient.id, at(10)))
        self.other_visit = hb.appointments.create(self.admin, booking(self.other.id, self.patient.id, at(11)))

    def token(self, user_id: int, role: str) -> str:
        return token_for(self.hb, user_id)

    def audit_count(self) -> int:
        with self.hb.ctx.uow() as uow:
            return len(list(uow.session.scalars(select(AuditEntry.id))))


@pytest.fixture
def clinic(hb: Heartbeat) -> Clinic:
    return Clinic(hb)


def denied(call: Callable[[], Any]) -> None:
    with pytest.raises(PermissionDenied):
        call()


def assert_nothing_written(clinic: Clinic, calls: dict[str, Callable[[], Any]]) -> None:
    before = clinic.audit_count()
    for name, call in calls.items():
        with pytest.raises(PermissionDenied):
            call()
        assert clinic.audit_count() == before, name


# --- receptionist ---------------------------------------------------------------------------

def test_receptionist_cannot_manage_users_read_the_audit_log_or_delete_a_doctor(hb, clinic):
    t = clinic.desk
    assert_nothing_written(clinic, {
        "users.list": lambda: hb.users.list(t),
        "users.get": lambda: hb.users.get(t, clinic.admin_id),
        "users.create": lambda: hb.users.create(t, {"username": "x1", "password": STAFF_PASSWORD}),
        "users.update": lambda: hb.users.update(t, clinic.desk_id, {"role": "admin", "version": 1}),
        "users.reset_password": lambda: hb.users.reset_password(t, clinic.admin_id, "Other-passw0rd"),
        "audit.list": lambda: hb.audit.list(t),
        "doctors.delete": lambda: hb.doctors.delete(t, clinic.other.id),
    })
    assert hb.doctors.get(clinic.admin, clinic.other.id).id == clinic.other.id


def test_receptionist_runs_the_front_desk(hb, clinic):
    t = clinic.desk
    patient = hb.patients.create(t, patient_data(last_name="Сидоров", phone="+7 916 000-00-01"))
    patient = hb.patients.update(t, patient.id, {**patient_data(last_name="Сидоров", phone="+7 916 000-00-02"),
                                                 "version": patient.version})
    doctor = hb.doctors.create(t, doctor_data(last_name="Новикова", room="103"))
    hb.doctors.update(t, doctor.id, {**doctor_data(last_name="Новикова", room="104"), "version": doctor.version})
    visit = hb.appointments.create(t, booking(clinic.other.id, patient.id, at(12)))
    visit = hb.appointments.set_status(t, visit.id, Status.ARRIVED, visit.version)
    assert visit.status == Status.ARRIVED
    hb.appointments.delete(t, visit.id)
    hb.patients.delete(t, patient.id)
    assert hb.patients.count(t) == 1 and len(hb.doctors.list_active(t)) == 3
    assert len(hb.appointments.list(t)) == 2


# --- doctor --------------------------------------------------------------------------------

def test_doctor_views_patients_and_appointments(hb, clinic):
    t = clinic.doctor
    assert hb.patients.count(t) == 1
    assert [p.id for p in hb.patients.search(t, "Иванов")] == [clinic.patient.id]
    assert hb.patients.get(t, clinic.patient.id).last_name == "Иванов"
    assert {a.id for a in hb.appointments.list(t)} == {clinic.own_visit.id, clinic.other_visit.id}
    assert hb.appointments.get(t, clinic.own_visit.id).doctor_id == clinic.own.id
    assert hb.doctors.for_user(t, clinic.doctor_user_id).id == clinic.own.id
    assert len(hb.doctors.list_active(t)) == 2


def test_doctor_sets_the_status_of_own_appointments_only(hb, clinic):
    t = clinic.doctor
    visit = hb.appointments.set_status(t, clinic.own_visit.id, Status.ARRIVED, clinic.own_visit.version)
    visit = hb.appointments.set_status(t, visit.id, Status.IN_PROGRESS, visit.version)
    assert visit.status == Status.IN_PROGRESS
    denied(lambda: hb.appointments.set_status(t, clinic.other_visit.id, Status.NO_SHOW, clinic.other_visit.version))
    assert hb.appointments.get(t, clinic.other_visit.id).status == Status.SCHEDULED
    entries = hb.audit.list(clinic.admin, action="status")  # newest first
    assert [(e.user_id, e.entity_id, e.changes) for e in entries] == [
        (clinic.doctor_user_id, visit.id, {"status": ["arrived", "in_progress"]}),
        (clinic.doctor_user_id, visit.id, {"status": ["scheduled", "arrived"]}),
    ]


def test_doctor_without_a_doctor_record_changes_no_status(hb, clinic):
    lone = clinic.token(add_user(hb, "lone", "doctor"), "doctor")
    denied(lambda: hb.appointments.set_status(lone, clinic.own_visit.id, Status.ARRIVED, clinic.own_visit.version))
    assert hb.appointments.get(clinic.admin, clinic.own_visit.id).status == Status.SCHEDULED


def test_doctor_cannot_change_records(hb, clinic):
    t = clinic.doctor
    p, own, visit = clinic.patient, clinic.own, clinic.own_visit
    assert_nothing_written(clinic, {
        "patients.create": lambda: hb.patients.create(t, patient_data(last_name="Новый")),
        "patients.update": lambda: hb.patients.update(t, p.id, {**patient_data(notes="x"), "version": p.version}),
        "patients.set_active": lambda: hb.patients.set_active(t, p.id, False, p.version),
        "patients.delete": lambda: hb.patients.delete(t, p.id),
        "appointments.create": lambda: hb.appointments.create(t, booking(own.id, p.id, at(14))),
        "appointments.update": lambda: hb.appointments.update(
            t, visit.id, {**booking(own.id, p.id, at(15)), "version": visit.version}),
        "appointments.delete": lambda: hb.appointments.delete(t, visit.id),
        "doctors.create": lambda: hb.doctors.create(t, doctor_data(last_name="Самозванцев")),
        "doctors.update own hours": lambda: hb.doctors.update(
            t, own.id, {**doctor_data(user_id=clinic.doctor_user_id, working_hours=[]), "version": own.version}),
        "doctors.delete": lambda: hb.doctors.delete(t, own.id),
        "users.list": lambda: hb.users.list(t),
        "audit.list": lambda: hb.audit.list(t),
    })
    assert hb.patients.count(clinic.admin) == 1
    assert len(hb.appointments.list(clinic.admin)) == 2


# --- admin ---------------------------------------------------------------------------------

def test_admin_may_do_all(hb, clinic):
    t = clinic.admin
    assert len(hb.users.list(t)) == 4
    assert hb.audit.list(t)
    visit = hb.appointments.set_status(t, clinic.other_visit.id, Status.CANCELLED, clinic.other_visit.version)
    assert visit.status == Status.CANCELLED
    hb.appointments.delete(t, visit.id)
    hb.appointments.delete(t, clinic.own_visit.id)
    hb.doctors.delete(t, clinic.other.id)
    hb.patients.delete(t, clinic.patient.id)
    assert hb.patients.count(t) == 0
    assert [d.id for d in hb.doctors.list_active(t)] == [clinic.own.id]


def test_a_doctor_record_links_only_to_a_doctor_account(hb, clinic):
    with pytest.raises(ValidationFailed) as caught:
        hb.doctors.create(clinic.admin, doctor_data(last_name="Связанный", user_id=clinic.desk_id))
    assert "user_id" in caught.value.field_errors


def test_rights_follow_the_account_not_the_token(hb, clinic):
    """A doctor promoted to admin may manage users at once; the token was not reissued."""
    denied(lambda: hb.users.list(clinic.doctor))
    house = hb.users.get(clinic.admin, clinic.doctor_user_id)
    hb.users.update(clinic.admin, house.id, {"full_name": house.full_name, "role": "admin",
                                             "version": house.version})
    assert len(hb.users.list(clinic.doctor)) == 4
