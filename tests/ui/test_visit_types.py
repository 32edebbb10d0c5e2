"""Visit types on screen: the admin's dialog, the booking form's choice (it sets the length), the schedule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from heartbeat_desktop.ui.dialogs.visit_types import VisitTypesDialog
from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from heartbeat_desktop.ui.main_window import MainWindow
from tests.helpers import at, booking, session_for
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, choose_patient, people, settle  # noqa: F401
from tests.ui.test_schedule_page import make_page

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]


@pytest.fixture
def folks(services, admin_session):  # noqa: ANN001, ANN201
    return people(services, admin_session.token)


def test_the_admin_adds_edits_and_cannot_delete_a_type_in_use(qtbot, services, admin_session, folks):
    dialog = VisitTypesDialog(services, admin_session)
    qtbot.addWidget(dialog)
    dialog.name.setText("Первичный приём")
    dialog.minutes.setValue(45)
    dialog._set_colour("#2e7d32")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.listing.count() == 1, timeout=WAIT)
    assert dialog.listing.item(0).text() == "Первичный приём — 45 min" and dialog.current is not None
    kind = dialog.current
    services.appointments.create(admin_session.token, booking(folks["petrova"].id, folks["ivanov"].id, at(10),
                                                              type_id=kind.id))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "make it inactive" in dialog.error.text(), timeout=WAIT)
    dialog.active.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.listing.count() == 1 and "(inactive)" in dialog.listing.item(0).text(),
                    timeout=WAIT)


def test_choosing_a_type_in_the_form_sets_its_length_and_the_schedule_shows_it(qtbot, services, admin_session,
                                                                               folks):
    kind = services.appointment_types.create(admin_session.token, {"name": "Повторный", "minutes": 15,
                                                                   "colour": "#aa00ff"})
    page = make_page(qtbot, services, admin_session)
    page.book(folks["petrova"].id, at(11))
    form = page.findChild(AppointmentForm)
    qtbot.waitUntil(lambda: form.visit_type.count() == 2, timeout=WAIT)
    choose_patient(qtbot, form.patient, "Иван")
    form.visit_type.setCurrentIndex(1)
    form.visit_type.activated.emit(1)  # as a click on the item does
    assert form.length.value() == timedelta(minutes=15)
    qtbot.waitUntil(lambda: not form._pending and form.save_button.isEnabled(), timeout=WAIT)  # checked
    with qtbot.waitSignal(form.saved, timeout=WAIT) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert (saved.args[0].type_id, saved.args[0].ends_at - saved.args[0].starts_at) == (kind.id,
                                                                                         timedelta(minutes=15))
    qtbot.waitUntil(lambda: any(b.appointment.type_name == "Повторный" for b in page.model.blocks), timeout=WAIT)


def test_only_administrators_see_visit_types_in_the_tools_menu(qtbot, services, admin_session):
    admin_window = MainWindow(services, admin_session)
    qtbot.addWidget(admin_window)
    assert admin_window.findChild(type(admin_window.menuBar().actions()[0]), "visitTypesAction") is not None
    desk_window = MainWindow(services, session_for(services, admin_session, "desk1", "receptionist"))
    qtbot.addWidget(desk_window)
    assert desk_window.findChild(type(admin_window.menuBar().actions()[0]), "visitTypesAction") is None
    admin_window.close()
    desk_window.close()
