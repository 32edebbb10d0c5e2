"""Status history and undo on a real database of each backend: who changed what when, the undo
of a mistaken no-show or completion (audited, refused when it cannot be), and the day's queue."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from heartbeat_desktop.core.errors import BookingConflict, PermissionDenied, StaleRecord
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.models import StatusChange
from heartbeat_desktop.services.status_history import NOTHING_TO_UNDO
from tests.helpers import at, audit_rows, doctor_data, make_user, next_monday
from tests.services import test_appointments
from tests.services.test_appointments import book

UTC = timezone.utc
clinic = test_appointments.clinic  # the fixture: two doctors, two patients
S = Status


class Ticking:
    """A clock for ``ctx.now``: each reading a minute after the one before."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(minutes=1)
        return self.moment


def walk(hb, c, a, *statuses):  # noqa: ANN001, ANN201
    for status in statuses:
        a = hb.appointments.set_status(c.token, a.id, status, a.version)
    return a


def moves(hb, c, a):  # noqa: ANN001, ANN201
    return [(h.from_status, h.to_status, h.is_undo) for h in hb.appointments.status_history(c.token, a.id)]


def test_every_change_is_kept_with_who_when_from_and_to(hb, clinic, monkeypatch):
    clock = Ticking(datetime.now(UTC))
    monkeypatch.setattr(hb.ctx, "now", clock)
    a = walk(hb, clinic, book(hb, clinic, at(10)), S.ARRIVED, S.IN_PROGRESS, S.COMPLETED)
    history = hb.appointments.status_history(clinic.token, a.id)
    assert [(h.from_status, h.to_status) for h in history] == [
        (None, S.SCHEDULED), (S.SCHEDULED, S.ARRIVED), (S.ARRIVED, S.IN_PROGRESS), (S.IN_PROGRESS, S.COMPLETED)]
    admin = next(u for u in hb.users.list(clinic.token) if u.username == "admin")
    assert {(h.username, h.user_id, h.is_undo) for h in history} == {("admin", admin.id, False)}
    times = [h.changed_at for h in history]
    assert all(t.tzinfo is not None for t in times)
    assert times == sorted(times) and len(set(times)) == 4  # one clock reading each, kept to the second


def test_a_mistaken_no_show_is_undone_audited_and_kept_in_the_history(hb, clinic):
    a = walk(hb, clinic, book(hb, clinic, at(10)), S.NO_SHOW)
    back = hb.appointments.undo_status(clinic.token, a.id, a.version)
    assert back.status is S.SCHEDULED and back.version == a.version + 1
    assert moves(hb, clinic, a)[-2:] == [(S.SCHEDULED, S.NO_SHOW, False), (S.NO_SHOW, S.SCHEDULED, True)]
    undo = audit_rows(hb, "undo_status")
    assert [(r.entity, r.entity_id, r.changes, r.username) for r in undo] == [
        ("appointment", a.id, {"status": ["no_show", "scheduled"]}, "admin")]
    with pytest.raises(BookingConflict) as caught:  # back at the booking: nothing left to undo
        hb.appointments.undo_status(clinic.token, a.id, back.version)
    assert str(caught.value) == NOTHING_TO_UNDO


def test_undo_steps_back_one_change_at_a_time_even_past_the_transition_table(hb, clinic):
    """A completed visit may not become "in progress" by hand; its undo goes exactly there."""
    a = walk(hb, clinic, book(hb, clinic, at(10)), S.ARRIVED, S.IN_PROGRESS, S.COMPLETED)
    seen = []
    for _ in range(3):
        a = hb.appointments.undo_status(clinic.token, a.id, a.version)
        seen.append(a.status)
    assert seen == [S.IN_PROGRESS, S.ARRIVED, S.SCHEDULED]
    a = walk(hb, clinic, a, S.CANCELLED)  # a new change after undos is undone in its turn
    assert hb.appointments.undo_status(clinic.token, a.id, a.version).status is S.SCHEDULED


def test_nothing_to_undo_on_a_new_booking(hb, clinic):
    a = book(hb, clinic, at(10))
    with pytest.raises(BookingConflict) as caught:
        hb.appointments.undo_status(clinic.token, a.id, a.version)
    assert str(caught.value) == "There is no status change to undo on this appointment."
    assert moves(hb, clinic, a) == [(None, S.SCHEDULED, False)]
    assert audit_rows(hb, "undo_status") == []


def test_undoing_a_cancellation_is_refused_when_the_slot_was_taken_meanwhile(hb, clinic):
    a = walk(hb, clinic, book(hb, clinic, at(10)), S.CANCELLED)
    book(hb, clinic, at(10, 15), patient=clinic.other_patient)  # someone took the slot
    with pytest.raises(BookingConflict) as caught:
        hb.appointments.undo_status(clinic.token, a.id, a.version)
    assert str(caught.value) == "The slot has been booked for someone else meanwhile."
    assert hb.appointments.get(clinic.token, a.id).status is S.CANCELLED
    assert moves(hb, clinic, a)[-1] == (S.SCHEDULED, S.CANCELLED, False)  # no undo row written
    assert audit_rows(hb, "undo_status") == []


def test_undo_is_refused_when_the_record_changed_meanwhile(hb, clinic):
    a = walk(hb, clinic, book(hb, clinic, at(10)), S.ARRIVED)
    hb.appointments.set_status(clinic.token, a.id, S.IN_PROGRESS, a.version)  # another desk
    with pytest.raises(StaleRecord):
        hb.appointments.undo_status(clinic.token, a.id, a.version)
    assert hb.appointments.get(clinic.token, a.id).status is S.IN_PROGRESS


def test_a_doctor_undoes_only_their_own_visits(hb, clinic):
    token = make_user(hb, clinic.token, "dr.petrova", "doctor")
    a = walk(hb, clinic, book(hb, clinic, at(10)), S.NO_SHOW)
    with pytest.raises(PermissionDenied):
        hb.appointments.undo_status(token, a.id, a.version)


def test_history_goes_with_its_appointment(hb, clinic):
    a = walk(hb, clinic, book(hb, clinic, at(10)), S.ARRIVED)
    hb.appointments.delete(clinic.token, a.id)
    with hb.ctx.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(StatusChange)) == 0


def test_the_queue_lists_the_day_in_time_order_with_arrival_and_start(hb, clinic, monkeypatch):
    clock = Ticking(datetime.now(UTC))
    monkeypatch.setattr(hb.ctx, "now", clock)
    later = book(hb, clinic, at(11))
    first = walk(hb, clinic, book(hb, clinic, at(10), patient=clinic.other_patient), S.ARRIVED, S.IN_PROGRESS)
    other = walk(hb, clinic, book(hb, clinic, at(10, 30), doctor=clinic.other_doctor), S.ARRIVED)
    undone = walk(hb, clinic, book(hb, clinic, at(12), patient=clinic.other_patient), S.ARRIVED)
    hb.appointments.undo_status(clinic.token, undone.id, undone.version)  # arrived by mistake
    book(hb, clinic, at(10, 0, next_monday() + timedelta(days=1)))  # another day
    queue = hb.appointments.queue(clinic.token, next_monday())
    assert [e.id for e in queue] == [first.id, other.id, later.id, undone.id]
    by_id = {e.id: e for e in queue}
    history = hb.appointments.status_history(clinic.token, first.id)
    assert (by_id[first.id].arrived_at, by_id[first.id].started_at) == (history[1].changed_at,
                                                                         history[2].changed_at)
    assert by_id[other.id].arrived_at is not None and by_id[other.id].started_at is None
    assert by_id[later.id].arrived_at is None and by_id[undone.id].arrived_at is None
    mine = hb.appointments.queue(clinic.token, next_monday(), doctor_id=clinic.other_doctor)
    assert [e.id for e in mine] == [other.id]


def test_the_queue_of_an_empty_day(hb, clinic):
    hb.doctors.create(clinic.token, doctor_data(last_name="Новикова"))
    assert hb.appointments.queue(clinic.token, next_monday()) == []
