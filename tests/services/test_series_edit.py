"""Editing a visit of a series on a real database of each backend: the form's change reaches
"this" visit, "this and the following" or "the whole series", all or nothing, audited with its scope."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from heartbeat_desktop.core.errors import BookingConflict, PermissionDenied, StaleRecord, ValidationFailed
from heartbeat_desktop.core.vocabulary import Confirmation, Status
from heartbeat_desktop.schemas import AppointmentRead
from heartbeat_desktop.services import Heartbeat
from tests.helpers import at, audit_rows, booking, doctor_data, make_user
from tests.services import test_series
from tests.services.test_series import Clinic, day, local

clinic, series = test_series.clinic, test_series.series  # the fixtures: a doctor, two patients; a 6-visit series


def form_values(visit: AppointmentRead, **changes: object) -> dict[str, object]:
    """What the appointment form sends for ``visit`` (clinic-local times), with ``changes``."""
    values: dict[str, object] = {
        "patient_id": visit.patient_id, "doctor_id": visit.doctor_id, "starts_at": local(visit.starts_at),
        "ends_at": local(visit.ends_at), "reason": visit.reason, "notes": visit.notes, "type_id": visit.type_id,
        "overbook_reason": None}
    values.update(changes)
    return values


def at_on(visit: AppointmentRead, hour: int, minutes: int = 30, shift: int = 0) -> dict[str, datetime]:
    start = datetime.combine(local(visit.starts_at).date() + timedelta(days=shift), time(hour))
    return {"starts_at": start, "ends_at": start + timedelta(minutes=minutes)}


def visits(hb: Heartbeat, c: Clinic) -> list[AppointmentRead]:
    return hb.appointments.list(c.token, patient_id=c.patient)


def state(hb: Heartbeat, c: Clinic) -> list[tuple[object, ...]]:
    return [(a.starts_at, a.ends_at, a.doctor_id, a.status, a.notes, a.version) for a in visits(hb, c)]


def days_of(found: list[AppointmentRead]) -> list[date]:
    return [local(a.starts_at).date() for a in found]


def test_this_and_the_following_move_to_the_new_time_and_the_earlier_stay(hb, clinic, series):
    third = series[2]
    changed = hb.series.edit(clinic.token, third.id, "following", form_values(third, **at_on(third, 11)),
                             third.version)
    assert [a.id for a in changed] == [a.id for a in series[2:]]
    now = visits(hb, clinic)
    assert [local(a.starts_at).time() for a in now] == [time(10)] * 2 + [time(11)] * 4
    assert days_of(now) == days_of(list(series))  # each on its own day
    assert all(a.ends_at - a.starts_at == timedelta(minutes=30) and a.status is Status.SCHEDULED for a in now)
    assert [a.version for a in now[:2]] == [a.version for a in series[:2]]  # untouched


def test_the_form_s_length_and_a_shifted_day_reach_every_following_visit(hb, clinic, series):
    fifth = series[4]  # a Tuesday: one day later is Wednesday, the Thursday after it Friday
    hb.series.edit(clinic.token, fifth.id, "following", form_values(fifth, **at_on(fifth, 12, 45, shift=1)),
                   fifth.version)
    now = visits(hb, clinic)
    assert days_of(now) == days_of(list(series[:4])) + [day(2, 2), day(2, 4)]
    assert [local(a.starts_at).time() for a in now[4:]] == [time(12)] * 2
    assert all(a.ends_at - a.starts_at == timedelta(minutes=45) for a in now[4:])


def test_the_whole_series_gets_the_doctor_and_notes_but_not_a_completed_visit(hb, clinic, series):
    other = hb.doctors.create(clinic.token, doctor_data(last_name="Орлова", room="102")).id
    first = series[0]
    for status in (Status.ARRIVED, Status.IN_PROGRESS, Status.COMPLETED):
        first = hb.appointments.set_status(clinic.token, first.id, status, first.version)
    second = series[1]
    changed = hb.series.edit(clinic.token, second.id, "all",
                             form_values(second, doctor_id=other, notes="Кабинет 102"), second.version)
    assert [a.id for a in changed] == [a.id for a in series[1:]]
    now = visits(hb, clinic)
    assert [(a.doctor_id, a.notes) for a in now] == [(clinic.doctor, None)] + [(other, "Кабинет 102")] * 5
    assert now[0].status is Status.COMPLETED and now[0].version == first.version
    assert [a.starts_at for a in now] == [a.starts_at for a in series]  # the times stay
    assert all(a.doctor_name.startswith("Орлова") for a in changed)


def test_a_conflict_on_the_fourth_visit_changes_nothing(hb, clinic, series):
    hb.appointments.create(clinic.token, booking(clinic.doctor, clinic.other_patient,
                                                 datetime.combine(local(series[3].starts_at).date(), time(11))))
    before = state(hb, clinic)
    first = series[0]
    with pytest.raises(BookingConflict) as caught:
        hb.series.edit(clinic.token, first.id, "all",
                       form_values(first, notes="Перенос", **at_on(first, 11)), first.version)
    message = str(caught.value)
    assert message.startswith(f"Visit 4 of 6 ({local(series[3].starts_at):%d.%m.%Y} 11:00–11:30): ")
    assert "Смирнова" in message and message.endswith("Nothing was changed.")
    assert state(hb, clinic) == before
    assert not [r for r in audit_rows(hb, "update") if r.entity == "appointment"]


def test_a_stale_version_is_refused(hb, clinic, series):
    third = series[2]
    before = state(hb, clinic)
    with pytest.raises(StaleRecord):
        hb.series.edit(clinic.token, third.id, "following", form_values(third, **at_on(third, 11)),
                       third.version + 1)
    with pytest.raises(StaleRecord):  # "this" visit is the ordinary update, with its version check
        hb.series.edit(clinic.token, third.id, "this", form_values(third, notes="x"), third.version + 1)
    assert state(hb, clinic) == before


def test_each_changed_visit_is_audited_with_its_scope(hb, clinic, series):
    third = series[2]
    hb.series.edit(clinic.token, third.id, "following", form_values(third, notes="Новое", **at_on(third, 11)),
                   third.version)
    rows = [r for r in audit_rows(hb, "update") if r.entity == "appointment"]
    assert [r.entity_id for r in rows] == [a.id for a in series[2:]]
    assert all(r.changes["scope"] == "following" and r.changes["notes"] == [None, "Новое"] for r in rows)
    assert rows[0].changes["starts_at"] == [series[2].starts_at.isoformat(),
                                            (series[2].starts_at + timedelta(hours=1)).isoformat()]
    assert "status" not in rows[0].changes  # set aside and back inside the transaction: no change


def test_only_this_visit_is_the_ordinary_update(hb, clinic, series):
    third = series[2]
    changed = hb.series.edit(clinic.token, third.id, "this", form_values(third, **at_on(third, 11)), third.version)
    assert [a.id for a in changed] == [third.id]
    assert [local(a.starts_at).time() for a in visits(hb, clinic)] == [time(10)] * 2 + [time(11)] + [time(10)] * 3
    assert "scope" not in audit_rows(hb, "update")[-1].changes


def test_a_doctor_account_may_not_edit_a_series(hb, clinic, series):
    doctor_token = make_user(hb, clinic.token, "doc", "doctor")
    third = series[2]
    with pytest.raises(PermissionDenied):
        hb.series.edit(doctor_token, third.id, "following", form_values(third, **at_on(third, 11)), third.version)
    assert [local(a.starts_at).time() for a in visits(hb, clinic)] == [time(10)] * 6


def test_another_patient_or_a_squeeze_in_is_for_one_visit_only(hb, clinic, series):
    third = series[2]
    before = state(hb, clinic)
    with pytest.raises(ValidationFailed) as caught:
        hb.series.edit(clinic.token, third.id, "all", form_values(third, patient_id=clinic.other_patient),
                       third.version)
    assert "patient_id" in caught.value.field_errors
    with pytest.raises(ValidationFailed) as caught:
        hb.series.edit(clinic.token, third.id, "following", form_values(third, overbook_reason="Срочно"),
                       third.version)
    assert "one visit only" in caught.value.field_errors["overbook_reason"]
    assert state(hb, clinic) == before


def test_a_visit_no_longer_scheduled_changes_only_itself(hb, clinic, series):
    first = hb.appointments.set_status(clinic.token, series[0].id, Status.CANCELLED, series[0].version)
    with pytest.raises(BookingConflict, match="Only this visit"):
        hb.series.edit(clinic.token, first.id, "all", form_values(first, notes="x"), first.version)
    assert hb.series.edit(clinic.token, first.id, "this", form_values(first, notes="x"), first.version)[0].notes == "x"


def test_the_database_overlap_rule_holds_for_an_edit(hb, clinic, series, monkeypatch):
    from heartbeat_desktop.services import booking_rules

    hb.appointments.create(clinic.token, booking(clinic.doctor, clinic.other_patient,
                                                 datetime.combine(local(series[4].starts_at).date(), time(11))))
    before = state(hb, clinic)
    monkeypatch.setattr(booking_rules, "problems", lambda *args, **kwargs: [])
    first = series[0]
    with pytest.raises(BookingConflict) as caught:
        hb.series.edit(clinic.token, first.id, "all", form_values(first, **at_on(first, 11)), first.version)
    assert str(caught.value).startswith("Visit 5 of 6") and str(caught.value).endswith("Nothing was changed.")
    assert state(hb, clinic) == before


def test_move_keeps_each_visit_s_own_length(hb, clinic, series):
    third = series[2]
    hb.appointments.update(clinic.token, third.id, {**form_values(third, **at_on(third, 10, 45)),
                                                    "version": third.version})
    first = series[0]
    hb.series.move(clinic.token, first.id, "all", time(14), first.version)
    now = visits(hb, clinic)
    assert [local(a.starts_at).time() for a in now] == [time(14)] * 6
    assert [int((a.ends_at - a.starts_at).total_seconds() // 60) for a in now] == [30, 30, 45, 30, 30, 30]
    assert at(14, day=day(0, 1)) == local(now[0].starts_at)


def test_a_moved_visit_forgets_its_confirmation_call_and_one_left_in_place_keeps_it(hb, clinic, series):
    second, third = series[1], series[2]
    hb.confirmations.set_answer(clinic.token, second.id, Confirmation.CONFIRMED, second.version)
    third = hb.confirmations.set_answer(clinic.token, third.id, Confirmation.CONFIRMED, third.version).appointment
    hb.series.edit(clinic.token, third.id, "following", form_values(third, **at_on(third, 11)), third.version)
    now = visits(hb, clinic)
    assert [a.confirmation for a in now[1:3]] == [Confirmation.CONFIRMED, Confirmation.NOT_CALLED]
