from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from heartbeat_desktop.ui.pages.appointments_page import AppointmentsPage
from tests.helpers import at, booking, next_monday, session_for, type_text
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, people, settle  # noqa: F401

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]


@pytest.fixture
def folks(services, admin_session):
    return people(services, admin_session.token)


@pytest.fixture
def three(services, admin_session, folks):
    """Petrova: Иванов at 9:00 and Сидорова at 10:00; Orlov: Кузнецов at 13:00 (next Monday)."""
    book = services.appointments.create
    token = admin_session.token
    return [
        book(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9), reason="Первичный")),
        book(token, booking(folks["petrova"].id, folks["sidorova"].id, at(10))),
        book(token, booking(folks["orlov"].id, folks["kuznetsov"].id, at(13))),
    ]


def make_page(qtbot, services, session):
    page = AppointmentsPage(services, session)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    page.refresh()
    return page


def wait_rows(qtbot, page, n):
    qtbot.waitUntil(lambda: page.model.rowCount() == n and not page.model.is_loading, timeout=WAIT)


def patients_listed(page):
    return [page.model.record(i).patient_name.split()[0] for i in range(page.model.rowCount())]


def button(page, name):
    return page.findChild(QPushButton, name)


def test_the_model_passes_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session, three):
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 3)
    qtmodeltester.check(page.model)


def test_columns_show_local_date_time_doctor_patient_status_and_reason(qtbot, services, admin_session, three):
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 3)
    assert page.objectName() == "appointmentsPage" and page.table.objectName() == "appointmentsTable"
    headers = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert headers == ["Date", "Time", "Doctor", "Patient", "Status", "Reason"]
    first = [page.model.index(0, c).data() for c in range(6)]
    assert first[1] == "09:00–09:30"  # clinic-local, whatever the machine's zone
    assert first[2] == "Петрова Мария Ивановна" and first[3] == "Иванов Пётр Сергеевич"
    assert first[4] == "Scheduled" and first[5] == "Первичный"


def test_the_default_range_is_today_to_thirty_days_and_the_dates_can_change(qtbot, services, admin_session, folks):
    token = admin_session.token
    far = next_monday() + timedelta(days=35)
    services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9)))
    services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9, day=far)))
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 1)
    bar = page.filter_bar
    assert bar.first_day.date() == QDate.currentDate()
    assert bar.last_day.date() == QDate.currentDate().addDays(30)
    bar.last_day.setDate(QDate(far.year, far.month, far.day))
    wait_rows(qtbot, page, 2)
    bar.first_day.setDate(QDate(far.year, far.month, far.day))
    wait_rows(qtbot, page, 1)
    assert page.model.record(0).starts_at.astimezone(services.ctx.zone).date() == far


def test_doctor_and_status_filters_narrow_the_list(qtbot, services, admin_session, folks, three):
    token = admin_session.token
    services.appointments.set_status(token, three[1].id, Status.CANCELLED, three[1].version)
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 3)
    bar = page.filter_bar
    qtbot.waitUntil(lambda: bar.doctor.count() == 3, timeout=WAIT)
    bar.doctor.setCurrentIndex(bar.doctor.findData(folks["petrova"].id))
    wait_rows(qtbot, page, 2)
    bar.status.setCurrentIndex(bar.status.findText("Cancelled"))
    wait_rows(qtbot, page, 1)
    assert patients_listed(page) == ["Сидорова"]
    bar.doctor.setCurrentIndex(0)
    bar.status.setCurrentIndex(bar.status.findText("All but cancelled and no-show"))
    wait_rows(qtbot, page, 2)
    assert sorted(patients_listed(page)) == ["Иванов", "Кузнецов"]


def test_search_filters_by_the_patients_name_in_cyrillic(qtbot, services, admin_session, three):
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 3)
    type_text(page.search, "сидорова ольга")
    wait_rows(qtbot, page, 1)
    assert patients_listed(page) == ["Сидорова"]
    qtbot.waitUntil(lambda: page.count_label.text().startswith("1"), timeout=WAIT)


def test_status_actions_follow_the_allowed_moves_and_change_the_status(qtbot, services, admin_session, three):
    token = admin_session.token
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 3)
    arrived, in_progress, completed = (button(page, n) for n in (
        "appointmentsArrivedButton", "appointmentsInProgressButton", "appointmentsCompletedButton"))
    assert not arrived.isEnabled()  # nothing selected
    page.table.selectRow(0)
    assert arrived.isEnabled() and in_progress.isEnabled() and not completed.isEnabled()
    qtbot.mouseClick(arrived, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(token, three[0].id).status == Status.ARRIVED, timeout=WAIT)
    qtbot.waitUntil(lambda: page.model.index(0, 4).data() == "Arrived", timeout=WAIT)
    qtbot.mouseClick(in_progress, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(completed.isEnabled, timeout=WAIT)
    qtbot.mouseClick(completed, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(token, three[0].id).status == Status.COMPLETED, timeout=WAIT)
    qtbot.waitUntil(lambda: not in_progress.isEnabled(), timeout=WAIT)
    assert not any(b.isEnabled() for b in page.status_actions.buttons.values())  # completed stays completed


def test_cancel_from_the_context_menu_and_undo(qtbot, services, admin_session, three):
    token = admin_session.token
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 3)
    page.table.selectRow(1)
    [cancel] = [a for a in page.table.actions() if a.text() == "Cancel visit"]
    cancel.trigger()
    qtbot.waitUntil(lambda: services.appointments.get(token, three[1].id).status == Status.CANCELLED, timeout=WAIT)
    rebook = button(page, "appointmentsRebookButton")
    qtbot.waitUntil(rebook.isEnabled, timeout=WAIT)
    qtbot.mouseClick(rebook, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(token, three[1].id).status == Status.SCHEDULED, timeout=WAIT)


def test_a_stale_status_change_is_refused_and_the_list_reloads(qtbot, services, admin_session, three):
    token = admin_session.token
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 3)
    page.table.selectRow(0)
    services.appointments.set_status(token, three[0].id, Status.ARRIVED, three[0].version)  # another desk
    qtbot.mouseClick(button(page, "appointmentsNoShowButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorDialog") is not None, timeout=WAIT)
    page.findChild(QMessageBox, "errorDialog").close()
    assert services.appointments.get(token, three[0].id).status == Status.ARRIVED
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.model.index(0, 4).data() == "Arrived", timeout=WAIT)


def test_new_edit_and_delete_from_the_page(qtbot, services, admin_session, three, monkeypatch):
    token = admin_session.token
    page = make_page(qtbot, services, admin_session)
    wait_rows(qtbot, page, 3)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.findChild(AppointmentForm, "appointmentForm")
    assert form is not None and form.isVisible() and form.record is None
    form.reject()
    page.table.selectRow(2)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    forms = [f for f in page.findChildren(AppointmentForm) if f.isVisible()]
    assert len(forms) == 1 and forms[0].record.id == three[2].id
    forms[0].reject()
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    wait_rows(qtbot, page, 2)
    assert len(services.appointments.list(token, starts_from=at(0), starts_before=at(23, 59))) == 2


def test_a_doctor_account_sets_status_on_its_own_visits_but_sees_no_new_or_delete(qtbot, services, gui_admin, folks):
    token = gui_admin.token
    doctor_session = session_for(services, gui_admin, "drpetrova", "doctor")
    petrova = services.doctors.update(token, folks["petrova"].id, {
        **folks["petrova"].model_dump(include={"last_name", "first_name", "middle_name", "specialty", "room",
                                               "working_hours"}),
        "user_id": doctor_session.user.id, "version": folks["petrova"].version})
    own = services.appointments.create(token, booking(petrova.id, folks["ivanov"].id, at(9)))
    services.appointments.create(token, booking(folks["orlov"].id, folks["kuznetsov"].id, at(13)))
    page = make_page(qtbot, services, doctor_session)
    wait_rows(qtbot, page, 2)
    assert not page.new_button.isVisible() and not page.delete_button.isVisible()
    assert not page.edit_button.isVisible()
    arrived = button(page, "appointmentsArrivedButton")
    page.table.selectRow(1)  # Orlov's visit
    qtbot.waitUntil(lambda: page.own_doctor == petrova.id, timeout=WAIT)
    assert not arrived.isEnabled()
    page.table.selectRow(0)
    assert arrived.isEnabled()
    qtbot.mouseClick(arrived, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(token, own.id).status == Status.ARRIVED, timeout=WAIT)
