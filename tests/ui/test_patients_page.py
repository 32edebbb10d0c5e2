from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from heartbeat_desktop.ui.forms.patient_form import PatientForm
from heartbeat_desktop.ui.pages.patients_page import PatientsPage
from tests.helpers import patient_data, session_for, type_text


def make_page(qtbot, services, session):
    page = PatientsPage(services, session)
    qtbot.addWidget(page)
    page.show()
    return page


def wait_rows(qtbot, page, n):
    qtbot.waitUntil(lambda: page.model.rowCount() == n and not page.model.is_loading, timeout=5000)


def test_model_passes_qt_model_tester(qtmodeltester, qtbot, services, admin_session):
    for i in range(3):
        services.patients.create(admin_session.token, patient_data(last_name=f"Фамилия{'абв'[i]}", phone=None))
    page = make_page(qtbot, services, admin_session)
    page.refresh()
    wait_rows(qtbot, page, 3)
    qtmodeltester.check(page.model)


def test_search_as_you_type_in_cyrillic_filters_in_the_database(qtbot, services, admin_session):
    token = admin_session.token
    services.patients.create(token, patient_data(last_name="Иванов", phone="+7 916 111-11-11"))
    services.patients.create(token, patient_data(last_name="Ивашкина", first_name="Анна", sex="female",
                                                 phone="+7 916 222-22-22"))
    services.patients.create(token, patient_data(last_name="Петров", phone="+7 916 333-33-33"))
    page = make_page(qtbot, services, admin_session)
    page.refresh()
    wait_rows(qtbot, page, 3)
    type_text(page.search, "ива")
    assert page.search.text() == "ива"
    wait_rows(qtbot, page, 2)
    assert {page.model.record(i).last_name for i in range(2)} == {"Иванов", "Ивашкина"}
    qtbot.waitUntil(lambda: page.count_label.text().startswith("2"), timeout=5000)


def test_create_patient_through_the_form(qtbot, services, admin_session):
    page = make_page(qtbot, services, admin_session)
    page.refresh()
    wait_rows(qtbot, page, 0)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.findChild(PatientForm, "patientForm")
    assert form is not None and form.isVisible()
    assert not form.save_button.isEnabled()  # empty form: nothing to save
    type_text(form.last_name, "сидорова")
    type_text(form.first_name, "Ольга")
    type_text(form.birth_date, "03021991")
    qtbot.keyClicks(form.phone, "89161234567")
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    wait_rows(qtbot, page, 1)
    saved = page.model.record(0)
    assert (saved.last_name, saved.phone) == ("Сидорова", "+7 916 123-45-67")
    assert services.patients.count(admin_session.token, "сидор") == 1


def test_field_error_appears_next_to_the_field(qtbot, services, admin_session):
    page = make_page(qtbot, services, admin_session)
    page.open_form(None)
    form = page.findChild(PatientForm, "patientForm")
    qtbot.keyClicks(form.email, "not-an-address")
    error = form.findChild(type(form.form_error), "emailError")
    assert error.isVisible() and "e-mail" in error.text().lower()
    assert not form.save_button.isEnabled()


def test_doctor_account_sees_no_new_or_delete_buttons(qtbot, services, gui_admin):
    doctor = session_for(services, gui_admin, "dr", "doctor")
    page = make_page(qtbot, services, doctor)
    assert not page.new_button.isVisible()
    assert not page.delete_button.isVisible()


def test_delete_refused_for_a_patient_with_appointments_shows_the_reason(qtbot, services, admin_session, monkeypatch):
    from tests.helpers import at, booking, doctor_data

    token = admin_session.token
    patient = services.patients.create(token, patient_data())
    doctor = services.doctors.create(token, doctor_data())
    services.appointments.create(token, booking(doctor.id, patient.id, at(10)))
    page = make_page(qtbot, services, admin_session)
    page.refresh()
    wait_rows(qtbot, page, 1)
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorDialog") is not None, timeout=5000)
    box = page.findChild(QMessageBox, "errorDialog")
    assert "cannot be deleted" in box.text()
    box.close()
    assert services.patients.count(token) == 1
    QApplication.processEvents()


def test_clicking_the_birth_date_header_sorts_the_real_page_in_the_database(qtbot, services, admin_session):
    token = admin_session.token
    for name, born in (("Борисов", date(1990, 1, 1)), ("Алексеев", date(1970, 1, 1)), ("Васильев", date(1980, 1, 1))):
        services.patients.create(token, patient_data(last_name=name, birth_date=born, phone=None))
    page = make_page(qtbot, services, admin_session)
    page.refresh()
    wait_rows(qtbot, page, 3)
    assert [page.model.record(i).last_name for i in range(3)] == ["Алексеев", "Борисов", "Васильев"]
    column = next(i for i, c in enumerate(page.model.columns) if c.sort_key == "birth_date")
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(header.sectionViewportPosition(column) + 5, 5))
    qtbot.waitUntil(lambda: not page.model.is_loading and page.model.rowCount() == 3, timeout=5000)
    order = [page.model.record(i).last_name for i in range(3)]
    assert order in (["Алексеев", "Васильев", "Борисов"], ["Борисов", "Васильев", "Алексеев"])
    assert page.model.sort_key == "birth_date"


def test_a_new_form_takes_typing_in_its_first_field(qtbot, services, admin_session):
    # a dialog focuses its default button unless told otherwise: the first letters typed were lost
    page = make_page(qtbot, services, admin_session)
    page.open_form(None)
    form = page.findChild(PatientForm, "patientForm")
    assert form.focusWidget() is form.last_name


def test_a_birth_date_that_is_no_date_is_said_next_to_the_field(qtbot, services, admin_session):
    page = make_page(qtbot, services, admin_session)
    page.open_form(None)
    form = page.findChild(PatientForm, "patientForm")
    type_text(form.last_name, "Датова")
    type_text(form.first_name, "Ольга")
    type_text(form.birth_date, "31021990")
    error = form.findChild(type(form.form_error), "birth_dateError")
    assert error.isVisible() and "for example 12.03.1984" in error.text()
    assert not form.save_button.isEnabled()
    form.birth_date.clear()
    type_text(form.birth_date, "28021990")
    assert not error.isVisible() and form.save_button.isEnabled()
