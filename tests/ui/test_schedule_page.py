from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from heartbeat_desktop.ui.models.schedule import AppointmentRole, BlockRole, WorkingRole
from heartbeat_desktop.ui.pages.schedule_page import SchedulePage
from heartbeat_desktop.ui.status_style import status_style
from tests.helpers import at, booking, next_monday, session_for
from tests.ui.booking_helpers import (  # noqa: F401
    OFFSCREEN_POPUPS,
    WAIT,
    choose_patient,
    click_cell,
    double_click,
    people,
    settle,
)

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]
MONDAY = next_monday()


@pytest.fixture
def folks(services, admin_session):
    return people(services, admin_session.token)


def make_page(qtbot, services, session, day=MONDAY):
    page = SchedulePage(services, session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.go_to(day)
    page.refresh()  # the page does this when the day changes; twice is harmless
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot, page):
    qtbot.waitUntil(lambda: page.summary.text() not in ("", "Loading…") and page.model.columnCount() > 0,
                    timeout=WAIT)


def cell(page, doctor_id, hour, minute=0, day=MONDAY):
    index = page.view.slot_index(doctor_id, at(hour, minute, day))
    assert index.isValid(), (doctor_id, hour, minute)
    return index


def block_of(page, appointment_id):
    return next((b for b in page.model.blocks if b.appointment.id == appointment_id), None)


def test_the_model_passes_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session, folks):
    token = admin_session.token
    services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9), 45))
    services.appointments.create(token, booking(folks["orlov"].id, folks["kuznetsov"].id, at(12), 15))
    page = make_page(qtbot, services, admin_session)
    assert len(page.model.blocks) == 2
    qtmodeltester.check(page.model)


def test_doctors_are_columns_and_slots_are_rows_with_non_working_time_greyed(qtbot, services, admin_session, folks):
    page = make_page(qtbot, services, admin_session)
    model = page.model
    assert page.objectName() == "schedulePage" and page.view.objectName() == "scheduleView"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[0].startswith("Орлов О. П.") and headers[1].startswith("Петрова М. И.")
    assert model.headerData(0, Qt.Orientation.Vertical) == "08:00"
    assert model.headerData(model.rowCount() - 1, Qt.Orientation.Vertical) == "19:45"
    petrova, orlov = cell(page, folks["petrova"].id, 8), cell(page, folks["orlov"].id, 8)
    assert petrova.data(WorkingRole) is False and orlov.data(WorkingRole) is False
    assert cell(page, folks["petrova"].id, 9).data(WorkingRole) is True
    assert cell(page, folks["orlov"].id, 12).data(WorkingRole) is True
    assert cell(page, folks["petrova"].id, 18).data(WorkingRole) is False
    assert petrova.data(Qt.ItemDataRole.BackgroundRole) == QColor("#e2e5e9")
    assert cell(page, folks["petrova"].id, 9).data(Qt.ItemDataRole.BackgroundRole) is None


def test_appointments_are_spanning_blocks_coloured_and_named_by_status(qtbot, services, admin_session, folks):
    token = admin_session.token
    a = services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(10), 45))
    b = services.appointments.create(token, booking(folks["orlov"].id, folks["sidorova"].id, at(12), 30))
    services.appointments.set_status(token, b.id, Status.CANCELLED, b.version)
    page = make_page(qtbot, services, admin_session)
    top = cell(page, folks["petrova"].id, 10)
    assert page.view.rowSpan(top.row(), top.column()) == 3  # 10:00–10:45 covers three 15-minute rows
    assert top.data() == "10:00–10:45 Иванов П. С. — Scheduled"
    assert cell(page, folks["petrova"].id, 10, 30).data(AppointmentRole).id == a.id
    cancelled = cell(page, folks["orlov"].id, 12)
    assert cancelled.data() == "12:00–12:30 Сидорова О. П. — Cancelled"
    assert top.data(Qt.ItemDataRole.BackgroundRole) != cancelled.data(Qt.ItemDataRole.BackgroundRole)
    assert status_style(Status.CANCELLED).hatched and status_style(Status.CANCELLED).struck  # not colour alone
    assert not status_style(Status.SCHEDULED).hatched
    assert {s.mark for s in map(status_style, Status)}.__len__() == len(Status)


def test_a_new_booking_over_a_cancelled_one_takes_the_slot_and_keeps_it_listed(qtbot, services, admin_session, folks):
    token = admin_session.token
    old = services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(11)))
    services.appointments.set_status(token, old.id, Status.CANCELLED, old.version)
    new = services.appointments.create(token, booking(folks["petrova"].id, folks["kuznetsov"].id, at(11)))
    page = make_page(qtbot, services, admin_session)
    index = cell(page, folks["petrova"].id, 11)
    assert index.data(AppointmentRole).id == new.id
    assert [h.id for h in index.data(BlockRole).hidden] == [old.id]
    assert "Also:" in index.data(Qt.ItemDataRole.ToolTipRole) and "(+1)" in index.data()


def test_book_by_double_clicking_a_free_slot(qtbot, services, admin_session, folks):
    page = make_page(qtbot, services, admin_session)
    double_click(qtbot, page.view, cell(page, folks["orlov"].id, 14, 30))
    form = page.findChild(AppointmentForm, "appointmentForm")
    assert form is not None and form.isVisible()
    assert form.doctor.currentData() == folks["orlov"].id
    assert form.starts_at.value() == at(14, 30)
    choose_patient(qtbot, form.patient, "Кузн")
    qtbot.waitUntil(form.save_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: cell(page, folks["orlov"].id, 14, 30).data() is not None, timeout=WAIT)
    booked = cell(page, folks["orlov"].id, 14, 30).data(AppointmentRole)
    assert booked.patient_id == folks["kuznetsov"].id
    assert cell(page, folks["orlov"].id, 14, 30).data() == "14:30–15:00 Кузнецов А. — Scheduled"
    assert page.view.selected_appointment().id == booked.id  # the new block is selected
    assert services.appointments.get(admin_session.token, booked.id).doctor_id == folks["orlov"].id


def test_status_buttons_act_on_the_selected_block(qtbot, services, admin_session, folks):
    token = admin_session.token
    a = services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9)))
    page = make_page(qtbot, services, admin_session)
    arrived = page.findChild(QPushButton, "arrivedButton")
    cancel = page.findChild(QPushButton, "cancelAppointmentButton")
    completed = page.findChild(QPushButton, "completedButton")
    assert not arrived.isEnabled() and not cancel.isEnabled()
    click_cell(qtbot, page.view, cell(page, folks["petrova"].id, 9, 15))  # the block's lower half
    assert page.view.selected_appointment().id == a.id
    assert arrived.isEnabled() and cancel.isEnabled() and not completed.isEnabled()
    assert page.findChild(QPushButton, "scheduleEditButton").isEnabled()
    qtbot.mouseClick(arrived, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(token, a.id).status == Status.ARRIVED, timeout=WAIT)
    qtbot.waitUntil(lambda: "Arrived" in cell(page, folks["petrova"].id, 9).data(), timeout=WAIT)
    for name, status in (("inProgressButton", Status.IN_PROGRESS), ("completedButton", Status.COMPLETED)):
        target = page.findChild(QPushButton, name)
        qtbot.waitUntil(target.isEnabled, timeout=WAIT)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=status: services.appointments.get(token, a.id).status == s, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.findChild(QPushButton, "inProgressButton").isEnabled(), timeout=WAIT)
    assert page.view.selected_appointment().status == Status.COMPLETED


def test_no_show_and_cancel_from_the_schedule(qtbot, services, admin_session, folks):
    token = admin_session.token
    a = services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9)))
    b = services.appointments.create(token, booking(folks["petrova"].id, folks["sidorova"].id, at(10)))
    page = make_page(qtbot, services, admin_session)
    click_cell(qtbot, page.view, cell(page, folks["petrova"].id, 9))
    qtbot.mouseClick(page.findChild(QPushButton, "noShowButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(token, a.id).status == Status.NO_SHOW, timeout=WAIT)
    qtbot.waitUntil(lambda: "No-show" in cell(page, folks["petrova"].id, 9).data(), timeout=WAIT)
    click_cell(qtbot, page.view, cell(page, folks["petrova"].id, 10))
    cancel = page.findChild(QPushButton, "cancelAppointmentButton")
    qtbot.waitUntil(cancel.isEnabled, timeout=WAIT)  # as a person would: the button greys while a change is saved
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(token, b.id).status == Status.CANCELLED, timeout=WAIT)
    qtbot.waitUntil(lambda: "Cancelled" in cell(page, folks["petrova"].id, 10).data(), timeout=WAIT)


def test_a_late_status_answer_keeps_the_visit_the_desk_selected_since(qtbot, services, admin_session, folks):
    token = admin_session.token
    a = services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9)))
    b = services.appointments.create(token, booking(folks["petrova"].id, folks["sidorova"].id, at(10)))
    page = make_page(qtbot, services, admin_session)
    click_cell(qtbot, page.view, cell(page, folks["petrova"].id, 10))
    assert page.view.selected_appointment().id == b.id
    arrived = services.appointments.set_status(token, a.id, Status.ARRIVED, a.version)
    page._status_changed(arrived)  # the answer to a click made on the 9:00 visit a moment ago
    assert page.view.selected_appointment().id == b.id
    assert "Arrived" in cell(page, folks["petrova"].id, 9).data()


def test_double_clicking_a_block_opens_it_for_editing(qtbot, services, admin_session, folks):
    a = services.appointments.create(admin_session.token, booking(folks["orlov"].id, folks["ivanov"].id, at(12)))
    page = make_page(qtbot, services, admin_session)
    double_click(qtbot, page.view, cell(page, folks["orlov"].id, 12))
    form = page.findChild(AppointmentForm, "appointmentForm")
    assert form is not None and form.isVisible() and form.record.id == a.id
    assert form.patient.patient_id == folks["ivanov"].id and form.starts_at.value() == at(12)


def test_day_navigation_and_the_date_picker(qtbot, services, admin_session, folks):
    token = admin_session.token
    tuesday = MONDAY + timedelta(days=1)
    services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9, day=tuesday)))
    page = make_page(qtbot, services, admin_session)
    assert page.model.blocks == []
    qtbot.mouseClick(page.findChild(QPushButton, "nextDayButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.model.blocks) == 1 and page.model.day == tuesday, timeout=WAIT)
    qtbot.mouseClick(page.findChild(QPushButton, "prevDayButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.blocks == [] and page.model.day == MONDAY, timeout=WAIT)
    qtbot.mouseClick(page.findChild(QPushButton, "todayButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.day == date.today(), timeout=WAIT)
    assert page.date_edit.objectName() == "scheduleDate" and page.date_edit.calendarPopup()
    page.date_edit.setDate(QDate(tuesday.year, tuesday.month, tuesday.day))
    qtbot.waitUntil(lambda: len(page.model.blocks) == 1, timeout=WAIT)


def test_the_doctor_filter_shows_one_column(qtbot, services, admin_session, folks):
    page = make_page(qtbot, services, admin_session)
    assert page.model.columnCount() == 2
    combo = page.doctor_filter
    assert combo.objectName() == "scheduleDoctorFilter"
    combo.setCurrentIndex(combo.findData(folks["orlov"].id))
    assert page.model.columnCount() == 1 and page.model.columns[0].id == folks["orlov"].id
    page.refresh()  # the choice survives a reload
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: page.model.columnCount() == 1, timeout=WAIT)
    assert combo.currentData() == folks["orlov"].id


def test_a_doctor_sees_its_own_column_sets_status_but_cannot_book(qtbot, services, gui_admin, folks):
    token = gui_admin.token
    doctor_session = session_for(services, gui_admin, "drorlov", "doctor")
    fields = {"last_name", "first_name", "middle_name", "specialty", "room", "working_hours"}
    services.doctors.update(token, folks["orlov"].id, {**folks["orlov"].model_dump(include=fields),
                                                      "user_id": doctor_session.user.id,
                                                      "version": folks["orlov"].version})
    own = services.appointments.create(token, booking(folks["orlov"].id, folks["ivanov"].id, at(12)))
    page = make_page(qtbot, services, doctor_session)
    qtbot.waitUntil(lambda: page.model.columnCount() == 1, timeout=WAIT)
    assert page.model.columns[0].id == folks["orlov"].id
    assert page.doctor_filter.currentData() == folks["orlov"].id
    assert not page.findChild(QPushButton, "scheduleNewButton").isVisible()
    assert not page.findChild(QPushButton, "scheduleEditButton").isVisible()
    double_click(qtbot, page.view, cell(page, folks["orlov"].id, 15))
    assert page.findChild(AppointmentForm) is None  # a doctor cannot book
    click_cell(qtbot, page.view, cell(page, folks["orlov"].id, 12))
    arrived = page.findChild(QPushButton, "arrivedButton")
    assert arrived.isEnabled()
    qtbot.mouseClick(arrived, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(token, own.id).status == Status.ARRIVED, timeout=WAIT)


def test_another_desks_booking_reloads_the_day_keeping_selection_and_scroll(qtbot, services, admin_session, folks):
    """Live refresh: the day again (it is small), the selected visit still selected though off screen,
    and the view not moved to it."""
    from heartbeat_desktop.services.changes import Change

    token = admin_session.token
    visit = services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(17), 30))
    page = make_page(qtbot, services, admin_session)
    page.resize(1000, 400)
    assert page.view.select_appointment(visit.id)
    page.view.scrollTo(cell(page, folks["petrova"].id, 11), page.view.ScrollHint.PositionAtTop)
    top = page.view.rowAt(0)
    moment, y = page.model.slot_start(top), page.view.rowViewportPosition(top)
    assert not page.view.visualRect(cell(page, folks["petrova"].id, 17)).intersects(page.view.viewport().rect())
    early = services.appointments.create(token, booking(folks["orlov"].id, folks["kuznetsov"].id, at(13), 15))
    page.live_update(frozenset({Change("appointment", early.id)}))
    qtbot.waitUntil(lambda: block_of(page, early.id) is not None, timeout=WAIT)
    top = page.view.rowAt(0)
    assert (page.model.slot_start(top), page.view.rowViewportPosition(top)) == (moment, y)
    assert page.view.selected_appointment().id == visit.id
