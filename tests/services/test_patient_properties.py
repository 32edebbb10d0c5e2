"""Property tests of the patient service on a real database of each backend:
whatever a form sends, ``create`` and ``update`` either refuse it with a clear
message (a HeartbeatError) or store exactly what the schema's rules make of
it; whatever is typed into the search box, searching gives rows or a clear
message, never a driver error."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heartbeat_desktop.core.errors import HeartbeatError, StaleRecord, ValidationFailed
from heartbeat_desktop.schemas import PatientCreate, PatientUpdate, parse
from tests.helpers import patient_data
from tests.schemas.test_patient_properties import patients
from tests.strategies import assert_clear_message, ids, per_backend, queries

FIELDS = ("last_name", "first_name", "middle_name", "birth_date", "sex", "phone", "email", "address", "notes")
PLAIN_WORD = re.compile(r"^[^\W\d_]+$")


def stored_as(record, schema_value) -> None:  # noqa: ANN001
    assert {f: getattr(record, f) for f in FIELDS} == {f: getattr(schema_value, f) for f in FIELDS}


def test_create_refuses_clearly_or_stores_exactly(hb, admin_token):
    @per_backend(hb.ctx.db.dialect, sqlite=600, postgresql=150)
    @given(patients)
    def check(data):
        try:  # the schema's rules are checked in tests/schemas/test_patient_properties.py
            expected = parse(PatientCreate, data)
        except ValidationFailed as invalid:
            with pytest.raises(ValidationFailed) as refused:
                hb.patients.create(admin_token, data)
            assert refused.value.field_errors == invalid.field_errors
            assert_clear_message(refused.value)
            return
        created = hb.patients.create(admin_token, data)  # what the schema accepts, the database takes
        stored_as(created, expected)
        stored_as(hb.patients.get(admin_token, created.id), expected)
        if PLAIN_WORD.match(expected.last_name):
            found = hb.patients.search(admin_token, expected.last_name, limit=5000)
            assert created.id in {p.id for p in found}

    check()


def test_update_refuses_clearly_or_stores_exactly(hb, admin_token):
    current = hb.patients.create(admin_token, patient_data())

    @per_backend(hb.ctx.db.dialect, sqlite=400, postgresql=100)
    @given(patients, st.booleans(), ids)
    def check(data, fresh, other_version):
        nonlocal current
        version = current.version if fresh else other_version
        try:
            saved = hb.patients.update(admin_token, current.id, {**data, "version": version})
        except HeartbeatError as refused:
            assert_clear_message(refused)
            if not isinstance(refused, StaleRecord):  # only a wrong version or the schema refuses
                with pytest.raises(ValidationFailed):
                    parse(PatientUpdate, {**data, "version": version})
            assert hb.patients.get(admin_token, current.id) == current  # nothing half written
            return
        expected = parse(PatientUpdate, {**data, "version": version})
        stored_as(saved, expected)
        before, current = current, hb.patients.get(admin_token, current.id)
        stored_as(current, expected)
        same = {"version", "created_at", "updated_at"}
        changed = before.model_dump(exclude=same) != current.model_dump(exclude=same)
        assert current.version == version + changed  # a save that changes nothing writes nothing

    check()


def test_search_takes_any_text(hb, admin_token):
    hb.patients.create(admin_token, patient_data())
    hb.patients.create(admin_token, patient_data(last_name="O'Brien", first_name="Ёлка", phone="8 800 555-35-35"))

    @per_backend(hb.ctx.db.dialect, sqlite=500, postgresql=200)
    @given(queries, st.sampled_from([None, "name", "phone", "birth_date", "email", "x'; --"]), ids)
    def check(query, order, offset):
        try:
            found = hb.patients.search(admin_token, query, order=order, limit=10)
            assert hb.patients.count(admin_token, query) >= len(found)
            hb.patients.page(admin_token, query, order=order, limit=5)
            hb.patients.search(admin_token, query, offset=offset, limit=offset)
            hb.doctors.search(admin_token, query, limit=10)
        except HeartbeatError as refused:
            assert_clear_message(refused)

    check()


def test_lookups_by_any_id_say_not_found(hb, admin_token):
    @per_backend(hb.ctx.db.dialect, sqlite=200, postgresql=60)
    @given(ids)
    def check(id_):
        for call in (hb.patients.get, hb.doctors.get, hb.appointments.get, hb.users.get):
            try:
                call(admin_token, id_)
            except HeartbeatError as refused:
                assert_clear_message(refused)

    check()
