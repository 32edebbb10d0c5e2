"""Likely duplicates under the patient form, found as the clerk types."""

from __future__ import annotations

from PySide6.QtCore import Qt

from heartbeat_desktop.ui.forms.patient_form import PatientForm
from tests.helpers import patient_data, type_text

WAIT = 5000


def new_form(qtbot, services, session) -> PatientForm:  # noqa: ANN001
    form = PatientForm(services, session)
    qtbot.addWidget(form, before_close_func=quiet)
    form.show()
    return form


def quiet(form: PatientForm) -> None:
    form._dirty = False  # nothing to ask at teardown
    qtbot_wait_idle(form)


def qtbot_wait_idle(form: PatientForm) -> None:
    form._check_timer.stop()


def test_typing_a_latin_spelling_shows_the_cyrillic_patient(qtbot, services, admin_session):
    token = admin_session.token
    ivanov = services.patients.create(token, patient_data())  # Иванов Пётр Сергеевич
    services.patients.create(token, patient_data(last_name="Петрова", first_name="Анна", phone=None))
    form = new_form(qtbot, services, admin_session)
    assert not form.duplicate_box.isVisible()
    type_text(form.last_name, "Ivanov")
    type_text(form.first_name, "Petr")
    qtbot.waitUntil(lambda: form.duplicates.rowCount() == 1 and form.duplicate_box.isVisible(), timeout=WAIT)
    match = form.duplicates.record(0)
    assert match.patient.id == ivanov.id and match.signals == ("name",)
    assert "Possible duplicate" in form.duplicate_note.text()
    assert form.duplicates.data(form.duplicates.index(0, 0)) == "Иванов Пётр Сергеевич"
    type_text(form.birth_date, "17051980")  # the birth date agrees too: said so in the list
    qtbot.waitUntil(lambda: form.duplicates.rowCount() == 1
                    and form.duplicates.record(0).signals == ("name", "birth_date"), timeout=WAIT)
    assert form.duplicates.data(form.duplicates.index(0, 3)) == "name, birth date"
    qtbot.wait(50)
    form.grab().save("/tmp/shotsD/patient_form_duplicates.png")


def test_open_shows_the_record_and_saving_is_not_blocked(qtbot, services, admin_session):
    services.patients.create(admin_session.token, patient_data())
    form = new_form(qtbot, services, admin_session)
    type_text(form.last_name, "Иваноф")  # a letter wrong
    type_text(form.first_name, "Пётр")
    type_text(form.birth_date, "17051980")
    qtbot.waitUntil(lambda: form.duplicates.rowCount() == 1, timeout=WAIT)
    qtbot.mouseClick(form.open_duplicate_button, Qt.MouseButton.LeftButton)
    opened = form.opened_forms[-1]
    assert opened.isVisible() and opened.last_name.text() == "Иванов"
    opened.reject()
    assert form.save_button.isEnabled()  # a possible duplicate never blocks saving


def test_nothing_alike_shows_no_list(qtbot, services, admin_session):
    services.patients.create(admin_session.token, patient_data())
    form = new_form(qtbot, services, admin_session)
    type_text(form.last_name, "Smith")
    type_text(form.first_name, "John")
    form.check_duplicates()
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not form.duplicates.is_loading, timeout=WAIT)
    assert form.duplicates.rowCount() == 0 and not form.duplicate_box.isVisible()


def test_the_duplicate_model_passes_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session):
    services.patients.create(admin_session.token, patient_data())
    services.patients.create(admin_session.token, patient_data(last_name="Иванова", first_name="Анна",
                                                               phone="+7 903 000-00-00"))
    form = new_form(qtbot, services, admin_session)
    type_text(form.last_name, "Ivanov")
    type_text(form.first_name, "Petr")
    type_text(form.phone, "+7 903 000-00-00")
    qtbot.waitUntil(lambda: form.duplicates.rowCount() == 2, timeout=WAIT)
    qtmodeltester.check(form.duplicates)
