"""The waitlist page (listed, added through the form, removed) and the offer of a freed slot:
cancelling a visit on the queue offers exactly the waiting patients who fit it, and booking one
from the offer books the visit, marks the entry booked and refreshes the queue."""

from __future__ import annotations

from datetime import time

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool

from heartbeat_desktop.core.vocabulary import Role, Status
from heartbeat_desktop.schemas import WaitlistStatus
from heartbeat_desktop.services.permissions import allowed
from heartbeat_desktop.ui.pages.registry import PAGES
from heartbeat_desktop.ui.pages.waitlist_page import WaitlistPage
from tests.helpers import at, audit_rows, booking
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, choose_patient, people, settle  # noqa: F401
from tests.ui.test_queue_page import Clock, make_page

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]


def wait(patient_id, doctor_id=None, specialty=None, weekdays="1111100", minutes=30):  # noqa: ANN001, ANN201
    return {"patient_id": patient_id, "doctor_id": doctor_id, "specialty": specialty, "weekdays": weekdays,
            "earliest": time(8), "latest": time(20), "minutes": minutes}


@pytest.fixture
def folks(services, admin_session):  # noqa: ANN001, ANN201
    return people(services, admin_session.token)


def waitlist_page(qtbot, services, session):  # noqa: ANN001, ANN201
    page = WaitlistPage(services, session)
    qtbot.addWidget(page)
    page.resize(1200, 500)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: not page.model.is_loading, timeout=WAIT)
    return page


def names(page):  # noqa: ANN001, ANN201
    return [page.model.record(r).patient_name for r in range(page.model.rowCount())]


def test_the_waitlist_is_the_desks_page_after_the_queue():
    factories = [factory.__name__ for factory, _permission in PAGES]
    assert factories[:3] == ["SchedulePage", "QueuePage", "WaitlistPage"]
    permission = PAGES[2][1]
    assert [allowed(r, permission) for r in (Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR)] == [True, True, False]


def test_the_model_passes_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session, folks):
    token = admin_session.token
    services.waitlist.add(token, wait(folks["ivanov"].id, doctor_id=folks["petrova"].id))
    services.waitlist.add(token, wait(folks["sidorova"].id, specialty="Кардиолог", weekdays="1010100"))
    page = waitlist_page(qtbot, services, admin_session)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    qtmodeltester.check(page.model)


def test_the_page_lists_adds_and_removes(qtbot, services, admin_session, folks):
    token = admin_session.token
    services.waitlist.add(token, wait(folks["ivanov"].id, doctor_id=folks["petrova"].id))
    services.waitlist.add(token, wait(folks["sidorova"].id, specialty="Кардиолог", weekdays="1010100"))
    page = waitlist_page(qtbot, services, admin_session)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    assert page.objectName() == "waitlistPage"
    assert names(page) == ["Иванов П. С.", "Сидорова О. П."]  # oldest first
    second = [page.model.index(1, c).data() for c in range(5)]
    assert second == ["Сидорова О. П.", "any Кардиолог", "Mon, Wed, Fri", "08:00–20:00", "30"]
    assert page.summary.text() == "2 waiting"

    page.add_button.click()
    qtbot.waitUntil(lambda: page.entry_dialog is not None and page.entry_dialog.isVisible(), timeout=WAIT)
    dialog = page.entry_dialog
    choose_patient(qtbot, dialog.patient, "Кузн")
    dialog.doctor.setCurrentIndex(dialog.doctor.findData(folks["orlov"].id))
    assert not dialog.specialty.isEnabled()
    dialog.days[0].setChecked(False)  # Tuesday to Friday
    dialog.minutes.setValue(20)
    dialog.note.setText("Mornings are hard")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT)
    added = page.model.record(2)
    assert (added.patient_name, added.doctor_id, added.weekdays, added.minutes, added.note) == (
        "Кузнецов А.", folks["orlov"].id, "0111100", 20, "Mornings are hard")
    assert page.model.index(2, 2).data() == "Tue–Fri"

    page.table.selectRow(0)
    assert page.remove_button.isEnabled()
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    assert names(page) == ["Сидорова О. П.", "Кузнецов А."]
    assert [r.entity for r in audit_rows(services, "remove")] == ["waitlist"]


def test_a_patient_must_be_chosen_before_saving(qtbot, services, admin_session, folks):
    page = waitlist_page(qtbot, services, admin_session)
    page.add_button.click()
    qtbot.waitUntil(lambda: page.entry_dialog is not None and page.entry_dialog.isVisible(), timeout=WAIT)
    page.entry_dialog.save_button.click()
    assert page.entry_dialog.error.text() == "Choose the patient from the list."
    assert services.waitlist.list(admin_session.token) == []


def test_a_cancellation_on_the_queue_offers_the_right_patient_and_books_from_the_offer(
        qtbot, services, admin_session, folks, monkeypatch):
    token = admin_session.token
    petrova, orlov = folks["petrova"].id, folks["orlov"].id
    visit = services.appointments.create(token, booking(petrova, folks["ivanov"].id, at(14)))
    fits = services.waitlist.add(token, wait(folks["sidorova"].id, doctor_id=petrova, minutes=20))
    services.waitlist.add(token, wait(folks["kuznetsov"].id, doctor_id=petrova, weekdays="0111100"))  # not Monday
    services.waitlist.add(token, wait(folks["kuznetsov"].id, doctor_id=orlov))  # another doctor
    now = Clock(services.ctx.zone, 9)
    monkeypatch.setattr(services.ctx, "now", now)
    page = make_page(qtbot, services, admin_session, now)
    page.select(visit.id)
    page.status_actions.buttons[Status.CANCELLED].click()
    qtbot.waitUntil(lambda: getattr(page.status_actions, "waitlist_offer", None) is not None, timeout=WAIT)
    offer = page.status_actions.waitlist_offer
    assert offer.isVisible() and not offer.isModal()
    assert list(offer.book_buttons) == [fits.id]
    button = offer.book_buttons[fits.id]
    assert button.text() == "Book Сидорова О. П. here"

    button.click()
    qtbot.waitUntil(lambda: services.waitlist.get(token, fits.id).status == WaitlistStatus.BOOKED, timeout=WAIT)
    booked_id = services.waitlist.get(token, fits.id).appointment_id
    qtbot.waitUntil(lambda: page.model.row_of(booked_id) >= 0, timeout=WAIT)  # the queue shows it
    booked = services.appointments.get(token, booked_id)
    assert (booked.patient_id, booked.doctor_id, booked.starts_at) == (folks["sidorova"].id, petrova,
                                                                       visit.starts_at)
    assert [r.entity_id for r in audit_rows(services, "book")] == [fits.id]
    qtbot.waitUntil(lambda: not shiboken6.isValid(offer), timeout=WAIT)  # closed (and gone): the slot is taken
    assert page.model.index(page.model.row_of(booked_id), 1).data() == "Сидорова Ольга Павловна"


def test_the_schedule_offers_a_no_show_by_specialty_and_stays_quiet_when_nobody_fits(
        qtbot, services, admin_session, folks):
    from tests.ui.test_schedule_page import block_of
    from tests.ui.test_schedule_page import make_page as schedule_page

    token = admin_session.token
    orlov = folks["orlov"].id  # Кардиолог
    visit = services.appointments.create(token, booking(orlov, folks["ivanov"].id, at(15)))
    lonely = services.appointments.create(token, booking(folks["petrova"].id, folks["kuznetsov"].id, at(16)))
    entry = services.waitlist.add(token, wait(folks["sidorova"].id, specialty="Кардиолог"))
    page = schedule_page(qtbot, services, admin_session)
    assert page.view.select_appointment(lonely.id)
    page.status_actions.buttons[Status.CANCELLED].click()
    qtbot.waitUntil(lambda: block_of(page, lonely.id).appointment.status == Status.CANCELLED, timeout=WAIT)
    QThreadPool.globalInstance().waitForDone(WAIT)
    qtbot.wait(50)
    assert getattr(page.status_actions, "waitlist_offer", None) is None  # nobody waits for Петрова

    assert page.view.select_appointment(visit.id)
    page.status_actions.buttons[Status.NO_SHOW].click()
    qtbot.waitUntil(lambda: getattr(page.status_actions, "waitlist_offer", None) is not None, timeout=WAIT)
    offer = page.status_actions.waitlist_offer
    assert list(offer.book_buttons) == [entry.id]
    offer.book_buttons[entry.id].click()
    qtbot.waitUntil(lambda: services.waitlist.get(token, entry.id).status == WaitlistStatus.BOOKED, timeout=WAIT)
    booked_id = services.waitlist.get(token, entry.id).appointment_id
    qtbot.waitUntil(lambda: block_of(page, booked_id) is not None, timeout=WAIT)  # the day was loaded again
