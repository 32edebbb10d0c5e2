"""Merging two records of one patient and undoing it: what moves, what is refused with nothing
changed, exactly what undo puts back, who may."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from heartbeat_desktop.core.errors import BookingConflict, Conflict, PermissionDenied, StaleRecord, ValidationFailed
from heartbeat_desktop.models import Appointment, AppointmentSeries, Patient, StatusChange, WaitlistEntry
from heartbeat_desktop.services import Heartbeat
from tests.helpers import at, audit_rows, booking, doctor_data, make_user, next_monday, patient_data

# the columns whose values a merge and its undo must leave as they were (versions and
# update times move on: an open form must notice that the row was touched)
SKIP = {"version", "updated_at"}


@dataclass
class Twins:
    token: str
    doctor: int
    survivor: int  # Иванов Пётр Сергеевич, with a phone, no e-mail
    duplicate: int  # Ivanov Petr, no middle name, an e-mail and an address


@pytest.fixture
def twins(hb: Heartbeat, admin_token: str) -> Twins:
    doctor = hb.doctors.create(admin_token, doctor_data()).id
    survivor = hb.patients.create(admin_token, patient_data()).id
    duplicate = hb.patients.create(admin_token, patient_data(last_name="Ivanov", first_name="Petr", middle_name=None,
                                                             phone=None, email="petr@example.com",
                                                             address="ул. Ленина, 1")).id
    return Twins(admin_token, doctor, survivor, duplicate)


def state(hb: Heartbeat) -> dict[str, list[dict[str, Any]]]:
    """Every row a merge may touch, as plain values, by table."""
    out = {}
    with hb.ctx.uow() as uow:
        for model in (Patient, Appointment, StatusChange, WaitlistEntry, AppointmentSeries):
            rows = uow.session.scalars(select(model).order_by(model.id))
            out[model.__tablename__] = [{c.key: getattr(r, c.key) for c in model.__table__.columns
                                         if c.key not in SKIP} for r in rows]
    return out


def request(hb: Heartbeat, t: Twins, take: tuple[str, ...] = ()) -> dict[str, Any]:
    survivor, duplicate = hb.patients.get(t.token, t.survivor), hb.patients.get(t.token, t.duplicate)
    return {"survivor_id": t.survivor, "duplicate_id": t.duplicate, "take": take,
            "survivor_version": survivor.version, "duplicate_version": duplicate.version}


def fill_duplicate(hb: Heartbeat, t: Twins) -> dict[str, Any]:
    """The duplicate's visits (one done, with its status history, one coming), a waitlist entry, a series."""
    done = hb.appointments.create(t.token, booking(t.doctor, t.duplicate, at(9)))
    hb.appointments.set_status(t.token, done.id, "arrived", done.version)
    coming = hb.appointments.create(t.token, booking(t.doctor, t.duplicate, at(11)))
    entry = hb.waitlist.add(t.token, {"patient_id": t.duplicate, "doctor_id": t.doctor, "weekdays": "1111100",
                                      "earliest": time(8), "latest": time(20), "minutes": 30})
    rule = {"doctor_id": t.doctor, "patient_id": t.duplicate, "first_day": next_monday() + timedelta(weeks=2),
            "weekdays": (1,), "start_time": time(15), "minutes": 30, "count": 2}
    series = hb.series.book(t.token, rule, [p.starts_at for p in hb.series.preview(t.token, rule)])
    return {"visits": {done.id, coming.id} | {a.id for a in series.appointments}, "waitlist": entry.id,
            "series": series.series_id}


def test_the_preview_counts_what_would_move(hb, twins):
    fill_duplicate(hb, twins)
    preview = hb.merges.preview(twins.token, twins.survivor, twins.duplicate)
    assert (preview.appointments, preview.waitlist, preview.series) == (4, 1, 1)
    assert preview.status_changes == 5  # four bookings and one arrival
    assert preview.fillable == ("email", "address")  # the survivor's middle name and phone are not empty
    assert preview.problem is None


def test_a_merge_moves_everything_fills_fields_deactivates_and_audits(hb, twins):
    owned = fill_duplicate(hb, twins)
    merged = hb.merges.merge(twins.token, request(hb, twins, take=("email",)))
    with hb.ctx.uow() as uow:
        visits = uow.session.scalars(select(Appointment)).all()
        assert {a.id for a in visits if a.patient_id == twins.survivor} == owned["visits"]
        assert uow.session.get(WaitlistEntry, owned["waitlist"]).patient_id == twins.survivor
        assert uow.session.get(AppointmentSeries, owned["series"]).patient_id == twins.survivor
        duplicate = uow.session.get(Patient, twins.duplicate)
        assert (duplicate.is_active, duplicate.merged_into_id) == (False, twins.survivor)
        assert uow.merges.status_changes(twins.survivor) == 5  # the history goes with its visits
        assert uow.merges.status_changes(twins.duplicate) == 0
    survivor = hb.patients.get(twins.token, twins.survivor)
    assert (survivor.email, survivor.address) == ("petr@example.com", None)  # only what was chosen
    assert merged.fields == {"email": [None, "petr@example.com"]}
    assert {k: len(v) for k, v in merged.moved.items()} == {"appointments": 4, "waitlist": 1, "series": 1}
    rows = audit_rows(hb, "merge")
    assert [r.entity_id for r in rows] == [twins.survivor, twins.duplicate]
    assert set(rows[0].changes["appointments"]) == owned["visits"]
    assert rows[0].changes["fields"] == {"email": [None, "petr@example.com"]}
    assert rows[1].changes["is_active"] == [True, False]
    assert [m.id for m in hb.merges.list(twins.token, twins.duplicate)] == [merged.id]


def test_a_merge_refused_for_visits_at_the_same_time_changes_nothing(hb, twins):
    fill_duplicate(hb, twins)
    other = hb.doctors.create(twins.token, doctor_data(last_name="Сидоров", first_name="Олег", room="102")).id
    hb.appointments.create(twins.token, booking(other, twins.survivor, at(11, 10)))  # the duplicate has 11:00
    before = state(hb)
    audited = len(audit_rows(hb))
    assert "same time" in hb.merges.preview(twins.token, twins.survivor, twins.duplicate).problem
    with pytest.raises(BookingConflict, match="Both records have a visit at the same time.*Dr Сидоров"):
        hb.merges.merge(twins.token, request(hb, twins))
    assert state(hb) == before
    assert len(audit_rows(hb)) == audited


def test_bad_merges_are_refused(hb, twins, admin_token):
    with pytest.raises(ValidationFailed):
        hb.merges.merge(admin_token, {**request(hb, twins), "duplicate_id": twins.survivor})
    with pytest.raises(ValidationFailed, match="not empty"):
        hb.merges.merge(admin_token, request(hb, twins, take=("phone",)))  # the survivor has one
    with pytest.raises(ValidationFailed):
        hb.merges.merge(admin_token, request(hb, twins, take=("last_name",)))
    with pytest.raises(StaleRecord):
        hb.merges.merge(admin_token, {**request(hb, twins), "duplicate_version": 99})
    hb.merges.merge(admin_token, request(hb, twins))
    with pytest.raises(Conflict, match="already merged"):
        hb.merges.merge(admin_token, request(hb, twins))


def test_undo_puts_back_exactly_what_the_merge_changed(hb, twins):
    fill_duplicate(hb, twins)
    before = state(hb)
    merged = hb.merges.merge(twins.token, request(hb, twins, take=("email", "address")))
    assert state(hb) != before
    undone = hb.merges.undo(twins.token, merged.id)
    assert state(hb) == before
    assert undone.undone_at is not None and undone.undone_by == "admin"
    rows = audit_rows(hb, "undo_merge")
    assert [r.entity_id for r in rows] == [twins.survivor, twins.duplicate]
    assert rows[0].changes["fields"] == {"email": ["petr@example.com", None], "address": ["ул. Ленина, 1", None]}
    with pytest.raises(Conflict, match="already undone"):
        hb.merges.undo(twins.token, merged.id)
    hb.merges.merge(twins.token, request(hb, twins))  # and the two may be merged again


def test_undo_is_refused_after_a_moved_visit_changed(hb, twins):
    owned = fill_duplicate(hb, twins)
    merged = hb.merges.merge(twins.token, request(hb, twins))
    visit = next(a for a in hb.appointments.list(twins.token, patient_id=twins.survivor) if a.status == "scheduled")
    hb.appointments.set_status(twins.token, visit.id, "cancelled", visit.version)
    before = state(hb)
    with pytest.raises(Conflict, match="appointment of .* was changed since"):
        hb.merges.undo(twins.token, merged.id)
    assert state(hb) == before
    assert audit_rows(hb, "undo_merge") == []
    assert owned


def test_undo_is_refused_after_a_moved_visit_was_deleted_or_a_field_edited(hb, twins):
    fill_duplicate(hb, twins)
    merged = hb.merges.merge(twins.token, request(hb, twins, take=("email",)))
    survivor = hb.patients.get(twins.token, twins.survivor)
    data = survivor.model_dump(include=set(patient_data()) | {"email", "address", "notes", "version"})
    hb.patients.update(twins.token, survivor.id, {**data, "email": "other@example.com"})
    with pytest.raises(Conflict, match="e-mail .* was edited since"):
        hb.merges.undo(twins.token, merged.id)
    hb.patients.update(twins.token, survivor.id, {**data, "version": survivor.version + 1})  # back as merged
    visit = hb.appointments.list(twins.token, patient_id=twins.survivor)[-1]
    hb.appointments.delete(twins.token, visit.id, visit.version)
    with pytest.raises(Conflict, match="deleted since"):
        hb.merges.undo(twins.token, merged.id)


def test_a_receptionist_may_not_merge_or_undo(hb, twins, admin_token):
    desk = make_user(hb, admin_token, "desk", "receptionist")
    with pytest.raises(PermissionDenied):
        hb.merges.preview(desk, twins.survivor, twins.duplicate)
    with pytest.raises(PermissionDenied):
        hb.merges.merge(desk, request(hb, twins))
    merged = hb.merges.merge(admin_token, request(hb, twins))
    with pytest.raises(PermissionDenied):
        hb.merges.undo(desk, merged.id)
    with pytest.raises(PermissionDenied):
        hb.merges.list(desk)
    assert hb.patients.get(admin_token, twins.duplicate).is_active is False
