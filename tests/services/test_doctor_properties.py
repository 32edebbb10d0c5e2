"""Property test of the doctor service on a real database of each backend:
whatever a form sends (names, phones, e-mail, room, weekly hours, a linked
account's id) is refused with a clear message or stored exactly as the
schema's rules make it."""

from __future__ import annotations

import pytest
from hypothesis import given

from heartbeat_desktop.core.errors import HeartbeatError, ValidationFailed
from heartbeat_desktop.schemas import DoctorCreate, parse
from tests.schemas.test_patient_properties import doctors
from tests.strategies import assert_clear_message, per_backend


def test_doctor_forms_refuse_clearly_or_store_exactly(hb, admin_token):
    fields = ("last_name", "first_name", "middle_name", "specialty", "room", "phone", "email", "is_active",
              "user_id", "working_hours")

    @per_backend(hb.ctx.db.dialect, sqlite=400, postgresql=100)
    @given(doctors)
    def check(data):
        try:  # the schema's rules are checked in tests/schemas/test_patient_properties.py
            expected = parse(DoctorCreate, data)
        except ValidationFailed as invalid:
            with pytest.raises(ValidationFailed) as refused:
                hb.doctors.create(admin_token, data)
            assert refused.value.field_errors == invalid.field_errors
            return
        try:
            created = hb.doctors.create(admin_token, data)
        except HeartbeatError as refused:  # the account to link is not a doctor's
            assert_clear_message(refused)
            assert set(refused.field_errors) == {"user_id"}
            return
        stored = hb.doctors.get(admin_token, created.id)
        assert {f: getattr(stored, f) for f in fields} == {f: getattr(expected, f) for f in fields}

    check()
