"""Find a free time from the schedule (a specialty, several doctors) and Find slot in the booking form."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from tests.helpers import at, booking
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, choose_patient, people, settle  # noqa: F401
from tests.ui.test_schedule_page import MONDAY, make_page

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]


@pytest.fixture
def folks(services, admin_session):  # noqa: ANN001, ANN201
    return people(services, admin_session.token)


def listed(dialog):  # noqa: ANN001, ANN201
    return [dialog.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.results.count())]


def test_a_specialty_search_offers_the_soonest_and_books_the_chosen_one(qtbot, services, admin_session, folks):
    petrova = folks["petrova"].id  # Терапевт, Mon-Fri 9-18
    services.appointments.create(admin_session.token, booking(petrova, folks["ivanov"].id, at(9), minutes=60))
    page = make_page(qtbot, services, admin_session)
    dialog = page.open_free_time()
    dialog.choose("specialty", "Терапевт")
    dialog.minutes.setValue(45)
    qtbot.waitUntil(lambda: bool(listed(dialog)) and listed(dialog)[0] == (petrova, at(10)), timeout=WAIT)
    assert [start for _doctor, start in listed(dialog)[:3]] == [at(10), at(10, 15), at(10, 30)]
    dialog.results.setCurrentRow(1)
    qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    form = page.findChild(AppointmentForm)
    qtbot.waitUntil(lambda: form is not None and form.isVisible(), timeout=WAIT)
    assert form.starts_at.value() == at(10, 15) and form.length.value() == timedelta(minutes=45)
    qtbot.waitUntil(lambda: form.doctor.currentData() == petrova, timeout=WAIT)


def test_find_slot_in_the_form_offers_the_doctors_next_free_times(qtbot, services, admin_session, folks):
    orlov = folks["orlov"].id  # 12-20
    services.appointments.create(admin_session.token, booking(orlov, folks["sidorova"].id, at(12), minutes=30))
    page = make_page(qtbot, services, admin_session, day=MONDAY)
    page.book(orlov, at(12))
    form = page.findChild(AppointmentForm)
    qtbot.waitUntil(lambda: form.doctor.currentData() == orlov, timeout=WAIT)
    choose_patient(qtbot, form.patient, "Иван")
    qtbot.mouseClick(form.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(form.free_times.buttons) == 6, timeout=WAIT)
    qtbot.mouseClick(form.free_times.buttons[0], Qt.MouseButton.LeftButton)
    assert form.starts_at.value() == at(12, 30)
    form._dirty = False  # nothing to ask at teardown
