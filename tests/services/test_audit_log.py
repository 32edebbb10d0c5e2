"""The admin's view of the audit log (AuditService): filters, the date range, and
the CSV export's rows, the export itself audited."""

from __future__ import annotations

from datetime import timedelta

import pytest

from heartbeat_desktop.core.errors import PermissionDenied
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.audit import AuditFilters
from tests.helpers import audit_rows, doctor_data, make_user, patient_data


@pytest.fixture
def logged(hb: Heartbeat, admin_token: str) -> dict[str, object]:
    """The admin adds a doctor and the desk account; the desk registers a patient and edits it."""
    hb.doctors.create(admin_token, doctor_data())
    desk = make_user(hb, admin_token, "desk", "receptionist")
    patient = hb.patients.create(desk, patient_data())
    hb.patients.update(desk, patient.id, {**patient_data(phone="+7 900 000-00-01"), "version": patient.version})
    return {"desk": desk, "patient": patient}


def test_filters_by_user_entity_and_action(hb, admin_token, logged):
    desk_id = hb.auth.current_user(logged["desk"]).id
    by_desk = hb.audit.list(admin_token, user_id=desk_id)
    assert {(e.action, e.entity) for e in by_desk} >= {("create", "patient"), ("update", "patient")}
    assert all(e.username == "desk" for e in by_desk)
    updates = hb.audit.list(admin_token, entity="patient", action="update")
    assert [e.entity_id for e in updates] == [logged["patient"].id]
    assert updates[0].changes["phone"][1] == "+7 900 000-00-01"  # [old, new]
    assert hb.audit.list(admin_token, entity="doctor", user_id=desk_id) == []


def test_the_date_range_takes_since_inclusive_until_exclusive(hb, admin_token, logged):
    everything = hb.audit.list(admin_token, order="at")  # oldest first
    middle = everything[len(everything) // 2]
    after = hb.audit.list(admin_token, since=middle.at, order="at")
    assert after and after[0].at >= middle.at and middle.id in {e.id for e in after}
    before = hb.audit.list(admin_token, until=middle.at, order="at")
    assert all(e.at < middle.at for e in before)
    assert {e.id for e in before} | {e.id for e in after} == {e.id for e in everything}
    assert hb.audit.list(admin_token, since=everything[-1].at + timedelta(seconds=1)) == []


def test_export_returns_what_the_filters_find_and_is_audited(hb, admin_token, logged):
    filters = AuditFilters(entity="patient")
    rows = hb.audit.export(admin_token, filters, order="action")
    assert [e.action for e in rows] == ["create", "update"]
    assert rows == hb.audit.list(admin_token, entity="patient", order="action")
    entry = audit_rows(hb, "export")[-1]
    assert (entry.username, entry.entity, entry.entity_id) == ("admin", "audit", None)
    assert entry.changes == {"entity": "patient", "entries": 2}
    assert hb.audit.verify(admin_token).intact  # the export's own entry is chained like the rest


def test_export_records_the_date_range_as_text(hb, admin_token, logged):
    first = hb.audit.list(admin_token, order="at")[0]
    hb.audit.export(admin_token, AuditFilters(since=first.at, user_ids=[first.user_id or 0]))
    changes = audit_rows(hb, "export")[-1].changes
    assert changes["since"] == first.at.isoformat() and changes["user_ids"] == [first.user_id or 0]


def test_only_an_admin_exports(hb, admin_token, logged):
    with pytest.raises(PermissionDenied):
        hb.audit.export(logged["desk"])
    assert audit_rows(hb, "export") == []
