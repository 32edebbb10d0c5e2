"""The waitlist on a real database of each backend: entries added, listed and removed (audited);
a cancellation or no-show offering exactly the patients that fit the freed slot, oldest first;
booking one of them there through the ordinary booking, with the entry marked booked, in one go."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import BookingConflict, Conflict, PermissionDenied, StaleRecord, ValidationFailed
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.schemas import WaitlistStatus
from tests.helpers import at, audit_rows, booking, doctor_data, make_user, patient_data


def wait(patient_id, doctor_id=None, specialty=None, weekdays="1111100", earliest=time(8), latest=time(20),  # noqa: ANN001, ANN201
         minutes=30, note=None):
    return {"patient_id": patient_id, "doctor_id": doctor_id, "specialty": specialty, "weekdays": weekdays,
            "earliest": earliest, "latest": latest, "minutes": minutes, "note": note}


@pytest.fixture
def people(hb, admin_token):  # noqa: ANN001, ANN201
    doctor = hb.doctors.create(admin_token, doctor_data()).id  # Петрова, Терапевт, Mon-Fri 9-18
    surgeon = hb.doctors.create(admin_token, doctor_data(last_name="Сидоров", specialty="Хирург")).id
    names = ["Иванов", "Первый", "Второй", "Вторник", "Хирургов", "Поздний", "Долгий"]
    patients = [hb.patients.create(admin_token, patient_data(last_name=n, phone=None)).id for n in names]
    return doctor, surgeon, patients


def test_entries_are_added_listed_oldest_first_and_removed_all_audited(hb, admin_token, people):
    doctor, _surgeon, p = people
    first = hb.waitlist.add(admin_token, wait(p[1], doctor_id=doctor, note="Any morning"))
    second = hb.waitlist.add(admin_token, wait(p[2], specialty="Терапевт", weekdays="0000110"))
    assert (first.patient_name, first.doctor_name, first.status) == ("Первый П. С.", "Петрова М. И.",
                                                                    WaitlistStatus.ACTIVE)
    assert (second.doctor_id, second.specialty, second.weekdays) == (None, "Терапевт", "0000110")
    assert [e.id for e in hb.waitlist.list(admin_token)] == [first.id, second.id]

    hb.waitlist.remove(admin_token, first.id, first.version)
    assert [e.id for e in hb.waitlist.list(admin_token)] == [second.id]
    assert hb.waitlist.get(admin_token, first.id).status == WaitlistStatus.REMOVED
    assert {e.id for e in hb.waitlist.list(admin_token, ())} == {first.id, second.id}
    with pytest.raises(Conflict, match="no longer on the waitlist"):
        hb.waitlist.remove(admin_token, first.id, first.version + 1)
    with pytest.raises(StaleRecord):
        hb.waitlist.remove(admin_token, second.id, second.version + 5)

    created = [r for r in audit_rows(hb, "create") if r.entity == "waitlist"]
    assert [r.entity_id for r in created] == [first.id, second.id]
    assert created[0].changes["note"] == "Any morning"
    removed = audit_rows(hb, "remove")
    assert [(r.entity, r.entity_id, r.changes) for r in removed] == [
        ("waitlist", first.id, {"status": ["active", "removed"]})]


def test_an_entry_needs_a_doctor_or_a_specialty_and_a_sane_window(hb, admin_token, people):
    _doctor, _surgeon, p = people
    with pytest.raises(ValidationFailed):
        hb.waitlist.add(admin_token, wait(p[1]))
    with pytest.raises(ValidationFailed):
        hb.waitlist.add(admin_token, wait(p[1], specialty="Терапевт", earliest=time(12), latest=time(11)))
    with pytest.raises(ValidationFailed):
        hb.waitlist.add(admin_token, wait(p[1], specialty="Терапевт", weekdays="0000000"))
    assert hb.waitlist.list(admin_token) == []


def test_a_doctors_account_may_read_the_list_but_not_change_it(hb, admin_token, people):
    doctor, _surgeon, p = people
    token = make_user(hb, admin_token, "dr", "doctor")
    with pytest.raises(PermissionDenied):
        hb.waitlist.add(token, wait(p[1], doctor_id=doctor))
    assert hb.waitlist.list(token) == []


def test_a_cancellation_offers_the_right_waitlist_patients_oldest_first(hb, admin_token, people):
    doctor, surgeon, p = people
    visit = hb.appointments.create(admin_token, booking(doctor, p[0], at(10)))  # next Monday 10:00-10:30
    fits = hb.waitlist.add(admin_token, wait(p[1], doctor_id=doctor, weekdays="1000000", earliest=time(9),
                                             latest=time(12)))
    by_specialty = hb.waitlist.add(admin_token, wait(p[2], specialty="Терапевт", minutes=20))
    hb.waitlist.add(admin_token, wait(p[3], doctor_id=doctor, weekdays="0111100"))  # not on Mondays
    hb.waitlist.add(admin_token, wait(p[4], doctor_id=surgeon))  # another doctor
    hb.waitlist.add(admin_token, wait(p[5], doctor_id=doctor, earliest=time(11)))  # later hours only
    hb.waitlist.add(admin_token, wait(p[6], doctor_id=doctor, minutes=45))  # longer than the slot
    hb.waitlist.add(admin_token, wait(p[0], doctor_id=doctor))  # the cancelling patient themself

    assert hb.waitlist.offer(admin_token, visit.id).slot is None  # still booked: nothing freed
    assert hb.waitlist.matches(admin_token, visit.id) == []
    hb.appointments.set_status(admin_token, visit.id, Status.CANCELLED, visit.version)

    offer = hb.waitlist.offer(admin_token, visit.id)
    assert offer.slot is not None
    assert (offer.slot.doctor_id, offer.slot.starts_at, offer.slot.ends_at) == (doctor, visit.starts_at,
                                                                               visit.ends_at)
    assert [e.id for e in offer.entries] == [fits.id, by_specialty.id]
    assert [e.id for e in hb.waitlist.matches(admin_token, visit.id)] == [fits.id, by_specialty.id]


def test_a_no_show_offers_its_slot_too(hb, admin_token, people):
    doctor, _surgeon, p = people
    visit = hb.appointments.create(admin_token, booking(doctor, p[0], at(11)))
    entry = hb.waitlist.add(admin_token, wait(p[1], doctor_id=doctor))
    hb.appointments.set_status(admin_token, visit.id, Status.NO_SHOW, visit.version)
    assert [e.id for e in hb.waitlist.matches(admin_token, visit.id)] == [entry.id]


def test_booking_from_the_offer_books_marks_the_entry_and_audits_both(hb, admin_token, people):
    doctor, _surgeon, p = people
    visit = hb.appointments.create(admin_token, booking(doctor, p[0], at(10)))
    visit = hb.appointments.set_status(admin_token, visit.id, Status.CANCELLED, visit.version)
    entry = hb.waitlist.add(admin_token, wait(p[2], specialty="Терапевт", minutes=20, note="Earlier please"))
    offer = hb.waitlist.offer(admin_token, visit.id)

    booked = hb.waitlist.book_from_waitlist(admin_token, entry.id, offer.slot, entry.version)
    assert (booked.patient_id, booked.doctor_id, booked.status) == (p[2], doctor, Status.SCHEDULED)
    assert (booked.starts_at, booked.ends_at) == (visit.starts_at, visit.starts_at + timedelta(minutes=20))
    assert booked.reason == "Earlier please"
    after = hb.waitlist.get(admin_token, entry.id)
    assert (after.status, after.appointment_id) == (WaitlistStatus.BOOKED, booked.id)
    assert hb.waitlist.list(admin_token) == []
    assert hb.waitlist.offer(admin_token, visit.id).slot is None  # the slot is taken again

    assert [(r.entity, r.entity_id) for r in audit_rows(hb, "create")][-1] == ("appointment", booked.id)
    book_rows = audit_rows(hb, "book")
    assert [(r.entity, r.entity_id, r.changes) for r in book_rows] == [
        ("waitlist", entry.id, {"status": ["active", "booked"], "appointment_id": [None, booked.id]})]
    with pytest.raises(Conflict, match="no longer on the waitlist"):
        hb.waitlist.book_from_waitlist(admin_token, entry.id, offer.slot)


def test_a_booking_refused_by_the_rules_leaves_the_entry_waiting(hb, admin_token, people):
    doctor, surgeon, p = people
    visit = hb.appointments.create(admin_token, booking(doctor, p[0], at(10)))
    visit = hb.appointments.set_status(admin_token, visit.id, Status.CANCELLED, visit.version)
    entry = hb.waitlist.add(admin_token, wait(p[1], doctor_id=doctor))
    hb.appointments.create(admin_token, booking(surgeon, p[1], at(10)))  # the patient is busy then
    offer = hb.waitlist.offer(admin_token, visit.id)
    with pytest.raises(BookingConflict, match="already has an appointment"):
        hb.waitlist.book_from_waitlist(admin_token, entry.id, offer.slot)
    assert hb.waitlist.get(admin_token, entry.id).status == WaitlistStatus.ACTIVE
    assert audit_rows(hb, "book") == []
    other = hb.waitlist.add(admin_token, wait(p[4], doctor_id=surgeon))
    with pytest.raises(BookingConflict, match="another doctor"):
        hb.waitlist.book_from_waitlist(admin_token, other.id, offer.slot)


def test_a_no_show_already_begun_offers_what_is_left_of_its_slot(hb, admin_token, people, monkeypatch):
    doctor, _surgeon, p = people
    visit = hb.appointments.create(admin_token, booking(doctor, p[0], at(10)))  # 10:00-10:30
    too_long = hb.waitlist.add(admin_token, wait(p[1], doctor_id=doctor, minutes=30))
    short = hb.waitlist.add(admin_token, wait(p[2], doctor_id=doctor, minutes=20))
    monkeypatch.setattr(hb.ctx, "now", lambda: clock.as_utc(at(10, 7), hb.ctx.zone))  # the patient did not come
    visit = hb.appointments.set_status(admin_token, visit.id, Status.NO_SHOW, visit.version)
    offer = hb.waitlist.offer(admin_token, visit.id)
    assert (offer.slot.starts_at, offer.slot.ends_at) == (clock.as_utc(at(10, 10), hb.ctx.zone), visit.ends_at)
    assert [e.id for e in offer.entries] == [short.id]
    assert too_long.id not in {e.id for e in offer.entries}
    booked = hb.waitlist.book_from_waitlist(admin_token, short.id, offer.slot)
    assert booked.ends_at == visit.ends_at


def test_a_slot_that_is_over_offers_nothing(hb, admin_token, people, monkeypatch):
    doctor, _surgeon, p = people
    visit = hb.appointments.create(admin_token, booking(doctor, p[0], at(10)))
    hb.waitlist.add(admin_token, wait(p[1], doctor_id=doctor, minutes=5))
    monkeypatch.setattr(hb.ctx, "now", lambda: clock.as_utc(at(10, 26), hb.ctx.zone))  # 10:30 is the next step
    hb.appointments.set_status(admin_token, visit.id, Status.NO_SHOW, visit.version)
    assert hb.waitlist.offer(admin_token, visit.id).slot is None
