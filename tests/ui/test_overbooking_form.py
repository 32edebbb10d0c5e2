"""Squeezing a visit in from the booking form: offered only to an allowed account, only with a reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from heartbeat_desktop.ui.session import SessionHolder
from tests.helpers import STAFF_PASSWORD, at, booking
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, choose_patient, people, settle  # noqa: F401
from tests.ui.test_schedule_page import make_page

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]


def desk_session(services, admin_session, can_overbook):  # noqa: ANN001, ANN201
    services.users.create(admin_session.token, {"username": "desk1", "password": STAFF_PASSWORD,
                                                "role": "receptionist", "can_overbook": can_overbook})
    return SessionHolder(services.auth.login("desk1", STAFF_PASSWORD))


def busy_form(qtbot, services, admin_session, session):  # noqa: ANN001, ANN201
    folks = people(services, admin_session.token)
    services.appointments.create(admin_session.token, booking(folks["petrova"].id, folks["ivanov"].id, at(10)))
    page = make_page(qtbot, services, session)
    page.book(folks["petrova"].id, at(10))
    form = page.findChild(AppointmentForm)
    choose_patient(qtbot, form.patient, "Кузн")
    qtbot.waitUntil(lambda: "already has an appointment" in form.conflicts.text(), timeout=WAIT)
    return form


def test_an_allowed_desk_squeezes_in_with_a_reason(qtbot, services, admin_session):
    form = busy_form(qtbot, services, admin_session, desk_session(services, admin_session, True))
    assert form.squeeze_row.isVisible() and not form.save_button.isEnabled()
    form.squeeze.setChecked(True)
    qtbot.wait(700)
    assert not form.save_button.isEnabled()  # no reason yet: still refused
    form.squeeze_reason.setText("Острая боль")
    qtbot.waitUntil(lambda: form.conflicts.isHidden() and form.save_button.isEnabled(), timeout=WAIT)
    with qtbot.waitSignal(form.saved, timeout=WAIT) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0].overbooked and saved.args[0].overbook_reason == "Острая боль"


def test_a_desk_without_the_grant_is_not_offered_it(qtbot, services, admin_session):
    form = busy_form(qtbot, services, admin_session, desk_session(services, admin_session, False))
    assert not form.squeeze_row.isVisible() and not form.save_button.isEnabled()
    form._dirty = False
