from datetime import time

from PySide6.QtCore import Qt, QThreadPool, QTime
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QMessageBox,
    QTimeEdit,
    QToolButton,
)

from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from heartbeat_desktop.ui.forms.doctor_form import DoctorForm
from heartbeat_desktop.ui.forms.hours_editor import HoursEditor
from heartbeat_desktop.ui.pages.doctors_page import DoctorsPage
from tests.helpers import (
    at,
    booking,
    doctor_data,
    make_user,
    patient_data,
    session_for,
    type_text,
)
from tests.ui.booking_helpers import double_click

WAIT_MS = 30_000  # an upper bound for a loaded machine (password hashing); met waits return at once


def make_page(qtbot, services, session):
    page = DoctorsPage(services, session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    return page


def wait_rows(qtbot, model, n):
    qtbot.waitUntil(lambda: model.rowCount() == n and not model.is_loading, timeout=WAIT_MS)


def loaded_page(qtbot, services, session, n):
    page = make_page(qtbot, services, session)
    page.refresh()
    wait_rows(qtbot, page.model, n)
    return page


def open_new_form(qtbot, page):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.findChild(DoctorForm, "doctorForm")
    assert form is not None and form.isVisible()
    return form


def child(form, cls, name):
    widget = form.findChild(cls, name)
    assert widget is not None, name
    return widget


def click(qtbot, form, name):
    qtbot.mouseClick(child(form, QToolButton, name), Qt.MouseButton.LeftButton)


def set_time(form, name, hour, minute=0):
    child(form, QTimeEdit, name).setTime(QTime(hour, minute))


def save(qtbot, form):
    assert form.save_button.isEnabled(), form.validate()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)


def hours_on(doctor, weekday):
    return [(h.starts, h.ends) for h in doctor.working_hours if h.weekday == weekday]


def test_models_pass_qt_model_tester(qtmodeltester, qtbot, services, admin_session):
    token = admin_session.token
    doctors = [services.doctors.create(token, doctor_data(last_name=name)) for name in ("Петрова", "Сидоров", "Ким")]
    patient = services.patients.create(token, patient_data())
    for hour in (10, 11):
        services.appointments.create(token, booking(doctors[0].id, patient.id, at(hour)))
    page = loaded_page(qtbot, services, admin_session, 3)
    qtmodeltester.check(page.model)
    page.select_id(doctors[0].id)
    wait_rows(qtbot, page.upcoming, 2)
    qtmodeltester.check(page.upcoming)


def test_create_a_doctor_with_a_lunch_break_through_the_form(qtbot, services, admin_session):
    page = loaded_page(qtbot, services, admin_session, 0)
    form = open_new_form(qtbot, page)
    assert not form.save_button.isEnabled()
    type_text(form.last_name, "соколова")
    type_text(form.first_name, "Елена")
    type_text(form.specialty, "Кардиолог")
    qtbot.keyClicks(form.room, "204")
    click(qtbot, form, "mondayAdd")  # 09:00–18:00
    click(qtbot, form, "mondayAdd")  # a second interval: the afternoon after a break
    set_time(form, "mondayEnd1", 13)
    set_time(form, "mondayStart2", 14)
    set_time(form, "mondayEnd2", 18)
    click(qtbot, form, "tuesdayAdd")
    assert not form.findChild(QLabel, "working_hoursError").isVisible()
    save(qtbot, form)
    wait_rows(qtbot, page.model, 1)
    doctor = services.doctors.get(admin_session.token, page.model.record(0).id)
    assert (doctor.last_name, doctor.specialty, doctor.room) == ("Соколова", "Кардиолог", "204")
    assert hours_on(doctor, 0) == [(time(9), time(13)), (time(14), time(18))]
    assert hours_on(doctor, 1) == [(time(9), time(18))]
    assert hours_on(doctor, 2) == []


def test_edit_hours_of_an_existing_doctor(qtbot, services, admin_session):
    doctor = services.doctors.create(admin_session.token, doctor_data())  # Mon–Fri 09:00–18:00
    page = loaded_page(qtbot, services, admin_session, 1)
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.findChild(DoctorForm, "doctorForm")
    editor = child(form, HoursEditor, "working_hours")
    assert [len(editor.intervals(d)) for d in range(7)] == [1, 1, 1, 1, 1, 0, 0]
    assert not form.dirty and form.save_button.isEnabled()
    click(qtbot, form, "fridayRemove1")  # Friday off
    set_time(form, "tuesdayEnd1", 15)
    click(qtbot, form, "saturdayAdd")
    set_time(form, "saturdayStart1", 10)
    set_time(form, "saturdayEnd1", 14)
    assert form.dirty
    save(qtbot, form)
    saved = services.doctors.get(admin_session.token, doctor.id)
    assert hours_on(saved, 1) == [(time(9), time(15))]
    assert hours_on(saved, 4) == []
    assert hours_on(saved, 5) == [(time(10), time(14))]
    assert page.model.record(0).version == saved.version  # the row shows the saved record


def test_bad_hours_are_explained_next_to_the_editor(qtbot, services, admin_session):
    page = loaded_page(qtbot, services, admin_session, 0)
    form = open_new_form(qtbot, page)
    type_text(form.last_name, "Ким")
    type_text(form.first_name, "Ли")
    type_text(form.specialty, "ЛОР")
    click(qtbot, form, "wednesdayAdd")
    set_time(form, "wednesdayEnd1", 8)  # ends before it starts
    error = form.findChild(QLabel, "working_hoursError")
    assert error.isVisible() and "Wednesday" in error.text() and "after the start" in error.text()
    assert not form.save_button.isEnabled()
    set_time(form, "wednesdayEnd1", 12)
    click(qtbot, form, "wednesdayAdd")
    set_time(form, "wednesdayStart2", 11)  # overlaps the morning
    assert error.isVisible() and "overlap" in error.text()
    click(qtbot, form, "wednesdayRemove2")
    assert not error.isVisible() and form.save_button.isEnabled()


def test_time_edits_step_by_five_minutes_and_show_hh_mm(qtbot, services, admin_session):
    page = loaded_page(qtbot, services, admin_session, 0)
    form = open_new_form(qtbot, page)
    click(qtbot, form, "mondayAdd")
    start = child(form, QTimeEdit, "mondayStart1")
    assert start.displayFormat() == "HH:mm" and start.text() == "09:00"
    start.setFocus()
    start.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    qtbot.keyClick(start, Qt.Key.Key_Up)
    qtbot.keyClick(start, Qt.Key.Key_Up)
    assert start.time() == QTime(9, 10)
    qtbot.keyClick(start, Qt.Key.Key_Down)
    assert start.time() == QTime(9, 5)
    start.setTime(QTime(9, 7))
    start.editingFinished.emit()  # leaving the field puts a typed minute on the grid
    assert start.time() == QTime(9, 5)


def test_receptionist_cannot_delete_doctors_or_link_accounts(qtbot, services, gui_admin):
    services.doctors.create(gui_admin.token, doctor_data())
    desk = session_for(services, gui_admin, "desk", "receptionist")
    page = loaded_page(qtbot, services, desk, 1)
    page.table.selectRow(0)
    assert page.new_button.isVisible() and page.edit_button.isEnabled()
    assert not page.delete_button.isVisible() and not page.delete_button.isEnabled()
    assert all(a.text() != "Delete" for a in page.table.actions())
    page.edit_selected()
    form = page.findChild(DoctorForm, "doctorForm")
    assert not child(form, QComboBox, "user_id").isEnabled()


def test_admin_links_a_doctor_account_from_a_list_of_doctor_users(qtbot, services, admin_session, gui_admin):
    make_user(services, gui_admin.token, "dr.petrova", "doctor")
    make_user(services, gui_admin.token, "desk", "receptionist")
    doctor = services.doctors.create(admin_session.token, doctor_data())
    page = loaded_page(qtbot, services, admin_session, 1)
    page.table.selectRow(0)
    page.edit_selected()
    form = page.findChild(DoctorForm, "doctorForm")
    combo = child(form, QComboBox, "user_id")
    qtbot.waitUntil(combo.isEnabled, timeout=WAIT_MS)
    assert [combo.itemText(i) for i in range(combo.count())][1:] == ["Dr.Petrova (dr.petrova)"]
    assert not form.dirty  # filling the list is not an edit
    combo.setCurrentIndex(1)
    save(qtbot, form)
    linked = services.users.list(gui_admin.token)
    account = next(u for u in linked if u.username == "dr.petrova")
    assert services.doctors.get(admin_session.token, doctor.id).user_id == account.id


def test_selected_doctor_shows_upcoming_appointments(qtbot, services, admin_session):
    token = admin_session.token
    first = services.doctors.create(token, doctor_data(last_name="Алексеева"))
    second = services.doctors.create(token, doctor_data(last_name="Борисов"))
    patient = services.patients.create(token, patient_data())
    services.appointments.create(token, booking(first.id, patient.id, at(10), reason="Осмотр"))
    services.appointments.create(token, booking(first.id, patient.id, at(11)))
    page = loaded_page(qtbot, services, admin_session, 2)
    hint = page.findChild(QLabel, "doctorAppointmentsHint")
    assert "Select a doctor" in hint.text()
    page.select_id(first.id)
    wait_rows(qtbot, page.upcoming, 2)
    assert page.upcoming.record(0).starts_at < page.upcoming.record(1).starts_at
    assert page.upcoming.index(0, 1).data() == "10:00–10:30"  # the clinic's time, whatever the computer's zone
    assert page.upcoming.index(0, 2).data() == "Иванов Пётр Сергеевич"
    assert page.upcoming.index(0, 4).data() == "Осмотр"
    assert "Алексеева" in page.upcoming_box.title()
    page.select_id(second.id)
    wait_rows(qtbot, page.upcoming, 0)
    qtbot.waitUntil(lambda: hint.text() == "No upcoming appointments.", timeout=WAIT_MS)


def test_refresh_keeps_the_doctor_and_double_click_opens_the_appointment(qtbot, services, admin_session):
    token = admin_session.token
    doctor = services.doctors.create(token, doctor_data())
    patient = services.patients.create(token, patient_data())
    first = services.appointments.create(token, booking(doctor.id, patient.id, at(10)))
    page = loaded_page(qtbot, services, admin_session, 1)
    page.select_id(doctor.id)
    wait_rows(qtbot, page.upcoming, 1)
    second = services.appointments.create(token, booking(doctor.id, patient.id, at(9)))  # booked at another desk
    page.refresh()  # F5
    qtbot.waitUntil(lambda: [page.upcoming.record(i).id for i in range(page.upcoming.rowCount())]
                    == [second.id, first.id], timeout=WAIT_MS)
    assert page.selected().id == doctor.id and "Петрова" in page.upcoming_box.title()
    double_click(qtbot, page.upcoming_box.table, page.upcoming.index(1, 0))
    forms = [f for f in page.findChildren(AppointmentForm) if f.isVisible()]
    assert len(forms) == 1 and forms[0].record.id == first.id
    forms[0].reject()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)
    QApplication.processEvents()


def test_admin_deletes_a_doctor_without_appointments(qtbot, services, admin_session, monkeypatch):
    services.doctors.create(admin_session.token, doctor_data())
    page = loaded_page(qtbot, services, admin_session, 1)
    page.table.selectRow(0)
    assert page.delete_button.isVisible() and page.delete_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    wait_rows(qtbot, page.model, 0)
    qtbot.waitUntil(lambda: services.doctors.count(admin_session.token) == 0, timeout=WAIT_MS)
    QApplication.processEvents()
