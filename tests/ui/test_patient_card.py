"""The patient card on the patients page: details, upcoming visits, history."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QLabel, QTableView

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.formatting import format_date, format_datetime
from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from heartbeat_desktop.ui.pages.patient_card import PatientCard, age_on
from heartbeat_desktop.ui.pages.patients_page import PatientsPage
from tests.helpers import at, booking, doctor_data, next_monday, patient_data, session_for
from tests.ui.booking_helpers import WAIT, double_click, settle  # noqa: F401

pytestmark = pytest.mark.usefixtures("settle")


@dataclass
class Visits:
    ivanov: int
    smirnova: int
    upcoming: list[int]  # Иванов's, soonest first
    history: list[int]  # Иванов's, newest first
    others: list[int]  # Смирнова's


@pytest.fixture
def visits(gui_settings, services, admin_session):
    """Иванов: two visits ahead and three behind; Смирнова: one of each."""
    token = admin_session.token
    ivanov = services.patients.create(token, patient_data(email="ivanov@example.com", address="Тверская, 1",
                                                          notes="Аллергия на пенициллин")).id
    smirnova = services.patients.create(token, patient_data(last_name="Смирнова", first_name="Ольга",
                                                            middle_name=None, sex="female", phone=None)).id
    petrova = services.doctors.create(token, doctor_data()).id
    kim = services.doctors.create(token, doctor_data(last_name="Ким", first_name="Ли", middle_name=None,
                                                     working_hours=[])).id  # books any time
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    with Heartbeat.open(gui_settings.replace(allow_past_bookings=True)) as lenient:
        def book(doctor, patient, start, **extra):
            return lenient.appointments.create(token, booking(doctor, patient, start, **extra)).id

        later = book(petrova, ivanov, at(11, 0, next_monday() + timedelta(days=1)))
        soon = book(petrova, ivanov, at(10), reason="Осмотр")
        long_ago = book(kim, ivanov, now - timedelta(days=400))
        recent = book(kim, ivanov, now - timedelta(days=3), reason="Давление")
        month_ago = book(kim, ivanov, now - timedelta(days=30))
        others = [book(petrova, smirnova, at(12)), book(kim, smirnova, now - timedelta(days=5))]
    return Visits(ivanov, smirnova, [soon, later], [recent, month_ago, long_ago], others)


def make_page(qtbot, services, session):
    page = PatientsPage(services, session)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.is_loading, timeout=WAIT)
    return page


def listed(model):
    return [model.record(i).id for i in range(model.rowCount())]


def wait_listed(qtbot, model, ids):
    qtbot.waitUntil(lambda: listed(model) == ids and not model.is_loading, timeout=WAIT)


def text_of(page, name):
    return page.findChild(QLabel, name).text()


def test_nothing_selected_shows_a_hint_and_the_contract_names_exist(qtbot, services, admin_session, visits):
    page = make_page(qtbot, services, admin_session)
    card = page.findChild(PatientCard, "patientCard")
    assert card is page.card and card.accessibleName() == "Patient card"
    assert card.currentWidget() is card.hint and "Select a patient" in card.hint.text()
    for name in ("patientUpcomingTable", "patientHistoryTable"):
        table = page.findChild(QTableView, name)
        assert table is not None and table.accessibleName()
    for name in ("patientName", "patientBirthDate", "patientPhone", "patientEmail", "patientAddress",
                 "patientNotes", "patientUpcomingHint", "patientHistoryHint"):
        assert page.findChild(QLabel, name) is not None, name


def test_selecting_a_patient_shows_their_details_upcoming_soonest_first_and_history_newest_first(
        qtbot, services, admin_session, visits):
    page = make_page(qtbot, services, admin_session)
    page.select_id(visits.ivanov)
    card = page.card
    assert card.currentWidget() is card.splitter
    wait_listed(qtbot, card.upcoming.model, visits.upcoming)
    wait_listed(qtbot, card.history.model, visits.history)
    assert text_of(page, "patientName") == "Иванов Пётр Сергеевич"
    age = age_on(date(1980, 5, 17), date.today())
    assert text_of(page, "patientBirthDate") == f"{format_date(date(1980, 5, 17))} (age {age})"
    assert text_of(page, "patientPhone") == "+7 916 123-45-67"
    assert text_of(page, "patientEmail") == "ivanov@example.com"
    assert text_of(page, "patientAddress") == "Тверская, 1"
    assert text_of(page, "patientNotes") == "Аллергия на пенициллин"
    upcoming = card.upcoming.model
    assert upcoming.index(0, 0).data() == format_datetime(at(10))  # the clinic's time, whatever the computer's zone
    assert upcoming.index(0, 1).data() == "Петрова М. И."
    assert upcoming.index(0, 2).data() == "Scheduled"
    assert upcoming.index(0, 3).data() == "Осмотр"
    assert card.history.model.index(0, 1).data() == "Ким Л."
    assert card.history.model.index(0, 3).data() == "Давление"
    assert not card.upcoming.hint.isVisible() and card.upcoming.table.isVisible()

    page.select_id(visits.smirnova)  # another patient: only their visits, none of Иванов's
    wait_listed(qtbot, card.upcoming.model, visits.others[:1])
    wait_listed(qtbot, card.history.model, visits.others[1:])
    assert text_of(page, "patientEmail") == "—"

    page.table.clearSelection()
    assert card.currentWidget() is card.hint


def test_a_patient_without_visits_is_told_so(qtbot, services, admin_session, visits):
    newcomer = services.patients.create(admin_session.token, patient_data(last_name="Новикова", first_name="Ия")).id
    page = make_page(qtbot, services, admin_session)
    page.select_id(newcomer)
    card = page.card
    qtbot.waitUntil(lambda: card.upcoming.hint.text() == "No upcoming visits."
                    and card.history.hint.text() == "No past visits.", timeout=WAIT)
    assert not card.upcoming.table.isVisible() and not card.history.table.isVisible()


def test_a_new_booking_appears_after_refresh_with_the_patient_still_selected(qtbot, services, admin_session, visits):
    page = make_page(qtbot, services, admin_session)
    page.select_id(visits.ivanov)
    wait_listed(qtbot, page.card.upcoming.model, visits.upcoming)
    doctor = services.doctors.search(admin_session.token, "Петрова")[0].id
    new = services.appointments.create(admin_session.token, booking(doctor, visits.ivanov, at(9))).id
    page.refresh()  # F5
    wait_listed(qtbot, page.card.upcoming.model, [new, *visits.upcoming])
    wait_listed(qtbot, page.card.history.model, visits.history)
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().id == visits.ivanov, timeout=WAIT)
    later = services.appointments.create(admin_session.token, booking(doctor, visits.ivanov, at(15))).id
    page.hide()  # off to another page, and back
    page.show()
    wait_listed(qtbot, page.card.upcoming.model, [new, visits.upcoming[0], later, visits.upcoming[1]])


def test_an_edited_patient_is_shown_afresh(qtbot, services, admin_session, visits):
    page = make_page(qtbot, services, admin_session)
    page.select_id(visits.ivanov)
    wait_listed(qtbot, page.card.history.model, visits.history)
    record = page.selected()
    data = {f: getattr(record, f) for f in ("last_name", "first_name", "middle_name", "birth_date", "sex", "phone",
                                             "email", "address", "notes", "version")}
    page.saved(services.patients.update(admin_session.token, record.id, {**data, "phone": "+7 916 000-00-01"}))
    assert text_of(page, "patientPhone") == "+7 916 000-00-01"
    assert listed(page.card.history.model) == visits.history


def test_a_new_search_lets_the_patient_go(qtbot, services, admin_session, visits):
    page = make_page(qtbot, services, admin_session)
    page.select_id(visits.ivanov)
    wait_listed(qtbot, page.card.history.model, visits.history)
    page.model.reload("Смирнова")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.is_loading, timeout=WAIT)
    assert page.card.currentWidget() is page.card.hint
    page.table.selectionModel().select(page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    wait_listed(qtbot, page.card.history.model, visits.others[1:])


def test_the_models_pass_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session, visits):
    page = make_page(qtbot, services, admin_session)
    page.select_id(visits.ivanov)
    wait_listed(qtbot, page.card.upcoming.model, visits.upcoming)
    wait_listed(qtbot, page.card.history.model, visits.history)
    qtmodeltester.check(page.card.upcoming.model)
    qtmodeltester.check(page.card.history.model)


def test_double_click_on_a_visit_opens_its_form_and_saving_reloads_the_card(qtbot, services, admin_session, visits):
    page = make_page(qtbot, services, admin_session)
    page.select_id(visits.ivanov)
    upcoming = page.card.upcoming
    wait_listed(qtbot, upcoming.model, visits.upcoming)
    double_click(qtbot, upcoming.table, upcoming.model.index(1, 0))
    forms = [f for f in page.findChildren(AppointmentForm) if f.isVisible()]
    assert len(forms) == 1 and forms[0].record.id == visits.upcoming[1]
    form = forms[0]
    form.reason.setText("Повторный приём")
    qtbot.waitUntil(form.save_button.isEnabled, timeout=WAIT)
    form.save_button.click()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: upcoming.model.rowCount() == 2
                    and upcoming.model.index(1, 3).data() == "Повторный приём", timeout=WAIT)


def test_a_doctor_account_sees_the_card_but_opens_no_form(qtbot, services, gui_admin, visits):
    doctor = session_for(services, gui_admin, "dr", "doctor")
    page = make_page(qtbot, services, doctor)
    page.select_id(visits.ivanov)
    history = page.card.history
    wait_listed(qtbot, history.model, visits.history)
    double_click(qtbot, history.table, history.model.index(0, 0))
    assert not [f for f in page.findChildren(AppointmentForm) if f.isVisible()]


@pytest.mark.parametrize(("born", "today", "age"), [
    (date(1980, 5, 17), date(2025, 5, 16), 44),
    (date(1980, 5, 17), date(2025, 5, 17), 45),
    (date(2000, 2, 29), date(2025, 2, 28), 24),
    (date(2000, 2, 29), date(2025, 3, 1), 25),
])
def test_age_counts_full_years(born, today, age):
    assert age_on(born, today) == age
