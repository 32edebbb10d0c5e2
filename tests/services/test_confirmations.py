"""The confirmation list: the day's visits with phones, the answers noted, a phone cancellation."""

from __future__ import annotations

from datetime import timedelta

import pytest

from heartbeat_desktop.core.errors import BookingConflict, PermissionDenied, StaleRecord
from heartbeat_desktop.core.vocabulary import Confirmation as C
from heartbeat_desktop.core.vocabulary import Status
from tests.helpers import at, audit_rows, booking, doctor_data, make_user, next_monday, patient_data

DAY = next_monday()


@pytest.fixture
def day(hb, admin_token):  # noqa: ANN001, ANN201
    """Two doctors with three visits on DAY (one cancelled the usual way) and one the next day."""
    first = hb.doctors.create(admin_token, doctor_data()).id
    second = hb.doctors.create(admin_token, doctor_data(last_name="Андреев", first_name="Олег")).id
    ivanov = hb.patients.create(admin_token, patient_data()).id
    smirnova = hb.patients.create(admin_token, patient_data(last_name="Смирнова", first_name="Анна",
                                                            sex="female", phone="8 903 111-22-33")).id
    nophone = hb.patients.create(admin_token, patient_data(last_name="Без", first_name="Телефона", phone=None)).id
    visits = {
        "ivanov": hb.appointments.create(admin_token, booking(first, ivanov, at(10))),
        "smirnova": hb.appointments.create(admin_token, booking(second, smirnova, at(9))),
        "nophone": hb.appointments.create(admin_token, booking(first, nophone, at(11))),
        "gone": hb.appointments.create(admin_token, booking(second, ivanov, at(12))),
        "later": hb.appointments.create(admin_token, booking(first, smirnova, at(10, day=DAY + timedelta(1)))),
    }
    hb.appointments.set_status(admin_token, visits["gone"].id, Status.CANCELLED, visits["gone"].version)
    return visits


def test_the_list_is_the_days_active_visits_in_time_order_with_phones(hb, admin_token, day):
    calls = hb.confirmations.calls(admin_token, DAY)
    assert [c.id for c in calls] == [day["smirnova"].id, day["ivanov"].id, day["nophone"].id]
    assert [c.phone for c in calls] == ["+7 903 111-22-33", "+7 916 123-45-67", None]
    assert {c.confirmation for c in calls} == {C.NOT_CALLED}
    assert (calls[0].called_at, calls[0].called_by) == (None, None)
    assert [c.id for c in hb.confirmations.calls(admin_token, DAY, day["ivanov"].doctor_id)] == [
        day["ivanov"].id, day["nophone"].id]


def test_an_answer_is_noted_with_when_and_who_and_audited(hb, admin_token, day):
    desk = make_user(hb, admin_token, "desk", "receptionist")
    a = day["ivanov"]
    call = hb.confirmations.set_answer(desk, a.id, C.CONFIRMED, a.version)
    assert call.confirmation is C.CONFIRMED and call.called_by == "desk"
    assert call.called_at is not None and call.appointment.status is Status.SCHEDULED
    assert hb.appointments.get(admin_token, a.id).confirmation is C.CONFIRMED
    row = audit_rows(hb, "confirmation")[-1]
    assert (row.entity, row.entity_id, row.username) == ("appointment", a.id, "desk")
    assert row.changes == {"confirmation": ["not_called", "confirmed"]}
    again = hb.confirmations.set_answer(desk, a.id, C.LEFT_MESSAGE, call.appointment.version)
    assert again.confirmation is C.LEFT_MESSAGE
    back = hb.confirmations.set_answer(desk, a.id, C.NOT_CALLED, again.appointment.version)
    assert (back.confirmation, back.called_at, back.called_by) == (C.NOT_CALLED, None, None)


def test_cancelled_by_phone_cancels_the_visit_with_its_history_and_stays_on_the_list(hb, admin_token, day):
    a = day["ivanov"]
    call = hb.confirmations.set_answer(admin_token, a.id, C.CANCELLED_BY_PHONE, a.version)
    assert (call.confirmation, call.appointment.status) == (C.CANCELLED_BY_PHONE, Status.CANCELLED)
    history = hb.appointments.status_history(admin_token, a.id)
    assert [(h.from_status, h.to_status) for h in history][-1] == (Status.SCHEDULED, Status.CANCELLED)
    assert a.id in [c.id for c in hb.confirmations.calls(admin_token, DAY)]  # the outcome stays in view
    assert audit_rows(hb, "status")[-1].changes == {"status": ["scheduled", "cancelled"]}
    with pytest.raises(BookingConflict, match="Undo status"):
        hb.confirmations.set_answer(admin_token, a.id, C.CONFIRMED, call.appointment.version)
    # taken back: booked again, and the answer that cancelled it is forgotten
    back = hb.appointments.undo_status(admin_token, a.id, call.appointment.version)
    assert (back.status, back.confirmation) == (Status.SCHEDULED, C.NOT_CALLED)


def test_a_visit_cancelled_otherwise_has_nothing_to_confirm(hb, admin_token, day):
    gone = hb.appointments.get(admin_token, day["gone"].id)
    with pytest.raises(BookingConflict, match="nothing to confirm"):
        hb.confirmations.set_answer(admin_token, gone.id, C.CONFIRMED, gone.version)


def test_moving_a_confirmed_visit_forgets_the_answer(hb, admin_token, day):
    a = day["ivanov"]
    call = hb.confirmations.set_answer(admin_token, a.id, C.CONFIRMED, a.version)
    notes_only = hb.appointments.update(admin_token, a.id, {**booking(a.doctor_id, a.patient_id, at(10)),
                                                            "notes": "принести анализы",
                                                            "version": call.appointment.version})
    assert notes_only.confirmation is C.CONFIRMED  # the same time: still confirmed
    moved = hb.appointments.update(admin_token, a.id, {**booking(a.doctor_id, a.patient_id, at(14)),
                                                       "version": notes_only.version})
    assert moved.confirmation is C.NOT_CALLED
    assert audit_rows(hb, "update")[-1].changes["confirmation"] == ["confirmed", "not_called"]


def test_a_doctor_sees_the_list_but_does_not_note_answers(hb, admin_token, day):
    doctor = make_user(hb, admin_token, "doc", "doctor")
    assert len(hb.confirmations.calls(doctor, DAY)) == 3
    a = day["ivanov"]
    with pytest.raises(PermissionDenied, match="confirmation calls"):
        hb.confirmations.set_answer(doctor, a.id, C.CONFIRMED, a.version)
    assert hb.appointments.get(admin_token, a.id).confirmation is C.NOT_CALLED


def test_an_answer_on_a_visit_changed_meanwhile_is_refused(hb, admin_token, day):
    a = day["ivanov"]
    hb.appointments.set_status(admin_token, a.id, Status.ARRIVED, a.version)
    with pytest.raises(StaleRecord):
        hb.confirmations.set_answer(admin_token, a.id, C.CONFIRMED, a.version)
    assert hb.appointments.get(admin_token, a.id).confirmation is C.NOT_CALLED


def test_the_next_day_to_call_about_skips_days_without_visits(hb, admin_token, day):
    friday = DAY - timedelta(days=3)
    assert hb.confirmations.next_day(admin_token, friday) == DAY  # Friday's calls: Monday's visits
    assert hb.confirmations.next_day(admin_token, DAY) == DAY + timedelta(days=1)
    far = DAY + timedelta(days=30)  # nothing in the fortnight after: simply the next day
    assert hb.confirmations.next_day(admin_token, far) == far + timedelta(days=1)
