from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLabel, QLineEdit, QSpinBox

from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from tests.helpers import at, booking
from tests.ui.booking_helpers import (  # noqa: F401
    OFFSCREEN_POPUPS,
    WAIT,
    choose_patient,
    people,
    settle,
    wait_save,
)

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]


@pytest.fixture
def folks(services, admin_session):
    return people(services, admin_session.token)


def make_form(qtbot, services, session, record=None, **prefill):
    form = AppointmentForm(services, session, record, **prefill)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.doctor.count() > 0, timeout=WAIT)  # the doctors load in the background
    return form


def listed(services, session):
    return services.appointments.list(session.token, starts_from=at(0), starts_before=at(23, 59))


def test_the_contract_names_exist(qtbot, services, admin_session, folks):
    form = make_form(qtbot, services, admin_session)
    assert form.objectName() == "appointmentForm"
    assert isinstance(form.findChild(QLineEdit, "patient"), QLineEdit)
    assert isinstance(form.findChild(QComboBox, "doctor"), QComboBox)
    assert form.findChild(QComboBox, "duration") is form.duration
    assert form.findChild(QSpinBox, "durationMinutes") is form.length.minutes
    for name in ("starts_at", "reason", "notes", "saveButton", "cancelButton", "formError", "patientError"):
        assert form.findChild(object, name) is not None, name
    assert form.findChild(QLabel, "conflicts") is form.conflicts
    assert form.starts_at.date.calendarPopup()
    assert not form.save_button.isEnabled()  # nobody chosen yet


def test_book_by_typing_cyrillic_into_the_patient_completer(qtbot, services, admin_session, folks):
    form = make_form(qtbot, services, admin_session)
    form.doctor.setCurrentIndex(form.doctor.findData(folks["petrova"].id))
    form.starts_at.set_value(at(10, 30))
    choose_patient(qtbot, form.patient, "сидор")
    assert form.patient.text().startswith("Сидорова Ольга Павловна, ")
    assert form.patient.patient_id == folks["sidorova"].id
    qtbot.keyClicks(form.reason, "Checkup")
    wait_save(qtbot, form)
    assert form.conflicts.isHidden()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    [saved] = listed(services, admin_session)
    assert (saved.patient_id, saved.doctor_id, saved.reason) == (folks["sidorova"].id, folks["petrova"].id, "Checkup")
    assert saved.starts_at.astimezone(services.ctx.zone).replace(tzinfo=None) == at(10, 30)
    assert saved.ends_at - saved.starts_at == timedelta(minutes=30)


def test_suggestions_show_name_and_birth_date_and_typing_again_drops_the_choice(qtbot, services, admin_session, folks):
    form = make_form(qtbot, services, admin_session)
    choose_patient(qtbot, form.patient, "Ива")
    assert form.patient.matches.item(0).text().startswith("Иванов Пётр Сергеевич, ")
    assert "17" in form.patient.matches.item(0).text() and "1980" in form.patient.matches.item(0).text()
    qtbot.keyClick(form.patient, Qt.Key.Key_Backspace)
    assert form.patient.patient_id is None
    assert form.findChild(QLabel, "patientError").isVisible()
    assert not form.save_button.isEnabled()


def test_a_double_booking_is_shown_before_save_and_save_stays_disabled(qtbot, services, admin_session, folks):
    token = admin_session.token
    services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(10), 60))
    form = make_form(qtbot, services, admin_session, doctor_id=folks["petrova"].id, starts_at=at(10, 15))
    choose_patient(qtbot, form.patient, "Кузн")
    qtbot.waitUntil(form.conflicts.isVisible, timeout=WAIT)
    assert "already has an appointment at 10:00–11:00" in form.conflicts.text()
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)  # a disabled button does nothing
    assert listed(services, admin_session)[0].patient_id == folks["ivanov"].id
    assert len(listed(services, admin_session)) == 1
    form.starts_at.time.setTime(QTime(11, 0))  # move past the other visit: clean again
    wait_save(qtbot, form)
    assert form.conflicts.isHidden()


def test_outside_working_hours_is_a_conflict_too(qtbot, services, admin_session, folks):
    form = make_form(qtbot, services, admin_session, doctor_id=folks["orlov"].id, starts_at=at(10))
    choose_patient(qtbot, form.patient, "Кузн")
    qtbot.waitUntil(form.conflicts.isVisible, timeout=WAIT)
    assert "outside Dr Орлов's working hours" in form.conflicts.text()
    assert not form.save_button.isEnabled()


def test_a_refusal_at_save_time_shows_in_form_error_and_keeps_the_form(qtbot, services, admin_session, folks):
    token = admin_session.token
    form = make_form(qtbot, services, admin_session, doctor_id=folks["petrova"].id, starts_at=at(15))
    choose_patient(qtbot, form.patient, "Кузн")
    qtbot.keyClicks(form.reason, "Race")
    wait_save(qtbot, form)  # the form checked: no conflicts
    assert form.conflicts.isHidden()
    # another desk books the same slot before this one clicks Save
    services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(15), 30))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.form_error.isVisible, timeout=WAIT)
    assert "just taken at another desk" in form.form_error.text()
    assert form.isVisible()
    assert form.patient.patient_id == folks["kuznetsov"].id and form.patient.text().startswith("Кузнецов Алексей")
    assert form.reason.text() == "Race"
    assert form.starts_at.value() == at(15)
    qtbot.waitUntil(form.conflicts.isVisible, timeout=WAIT)  # and the check now says why
    assert "already has an appointment at 15:00–15:30" in form.conflicts.text()
    assert not form.save_button.isEnabled()
    assert [a.patient_id for a in listed(services, admin_session)] == [folks["ivanov"].id]
    # ... and offers the next free times; one click takes the first
    qtbot.waitUntil(form.free_times.isVisible, timeout=WAIT)
    assert len(form.free_times.buttons) == 3 and form.free_times.buttons[0].text().endswith("15:30")
    qtbot.mouseClick(form.free_times.buttons[0], Qt.MouseButton.LeftButton)
    assert form.starts_at.value() == at(15, 30)
    wait_save(qtbot, form)  # checked again: clean
    assert form.conflicts.isHidden() and form.free_times.isHidden()


def test_editing_prefills_everything_and_does_not_conflict_with_itself(qtbot, services, admin_session, folks):
    token = admin_session.token
    record = services.appointments.create(token, booking(
        folks["orlov"].id, folks["sidorova"].id, at(14), 50, reason="Боли", notes="Принести ЭКГ"))
    form = make_form(qtbot, services, admin_session, record)
    assert form.patient.patient_id == folks["sidorova"].id
    qtbot.waitUntil(lambda: form.patient.text().startswith("Сидорова Ольга Павловна, "), timeout=WAIT)
    assert form.doctor.currentData() == folks["orlov"].id
    assert form.starts_at.value() == at(14)
    assert form.duration.currentText() == "Custom…" and form.length.minutes.isEnabled()
    assert form.length.minutes.value() == 50
    assert (form.reason.text(), form.notes.toPlainText()) == ("Боли", "Принести ЭКГ")
    assert form.save_button.isEnabled() and form.conflicts.isHidden()
    assert not form.dirty  # filling in is not typing
    form.starts_at.time.setTime(QTime(14, 30))  # overlaps only its own old time
    wait_save(qtbot, form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    moved = services.appointments.get(token, record.id)
    assert moved.starts_at.astimezone(services.ctx.zone).replace(tzinfo=None) == at(14, 30)
    assert moved.version > record.version and moved.notes == "Принести ЭКГ"


def test_a_completed_visit_keeps_its_time_but_its_notes_can_change(qtbot, services, admin_session, folks):
    token = admin_session.token
    a = services.appointments.create(token, booking(folks["petrova"].id, folks["ivanov"].id, at(9)))
    for status in (Status.ARRIVED, Status.IN_PROGRESS, Status.COMPLETED):
        a = services.appointments.set_status(token, a.id, status, a.version)
    form = make_form(qtbot, services, admin_session, a)
    assert not form.starts_at.isEnabled() and not form.doctor.isEnabled() and not form.patient.isEnabled()
    qtbot.keyClicks(form.notes, "ok")
    wait_save(qtbot, form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    assert services.appointments.get(token, a.id).notes == "ok"


def test_duration_presets_custom_minutes_and_five_minute_steps(qtbot, services, admin_session, folks):
    form = make_form(qtbot, services, admin_session, starts_at=at(10))
    assert [form.duration.itemText(i) for i in range(form.duration.count())] == [
        "15 min", "20 min", "30 min", "45 min", "60 min", "Custom…"]
    assert not form.length.minutes.isEnabled()
    form.duration.setCurrentIndex(form.duration.findText("45 min"))
    assert form.values()["ends_at"] == at(10, 45)
    assert "10:45" in form.ends_label.text()
    form.duration.setCurrentIndex(form.duration.findText("Custom…"))
    assert form.length.minutes.isEnabled()
    form.length.minutes.setValue(70)
    assert form.values()["ends_at"] == at(11, 10)
    time_edit = form.starts_at.time
    time_edit.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
    qtbot.keyClick(time_edit, Qt.Key.Key_Up)
    assert time_edit.time() == QTime(10, 5)
    time_edit.setTime(QTime(10, 7))
    time_edit.editingFinished.emit()
    assert time_edit.time() == QTime(10, 5)  # typed minutes snap to the 5-minute grid
