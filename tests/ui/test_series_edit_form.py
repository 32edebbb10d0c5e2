"""Editing a visit of a series in the appointment form: Save asks which visits the change
reaches (the question answered here by a stand-in), and the database shows the answer."""

from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt, QTime

from heartbeat_desktop.schemas import Scope
from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from tests.helpers import at, booking, next_monday
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, people, settle, wait_save  # noqa: F401

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]
QUESTION = ("Change a recurring visit", "This visit is one of a series. Change which visits?")


@pytest.fixture
def folks(services, admin_session):
    return people(services, admin_session.token)


@pytest.fixture
def booked(services, admin_session, folks):
    """Six visits, Tuesdays and Thursdays at 10:00 from next week."""
    token = admin_session.token
    rule = {"doctor_id": folks["petrova"].id, "patient_id": folks["ivanov"].id, "first_day": next_monday(),
            "weekdays": (1, 3), "start_time": time(10), "minutes": 30, "count": 6, "reason": "Массаж"}
    return services.series.book(token, rule, [p.starts_at for p in services.series.preview(token, rule)]).appointments


def open_form(qtbot, services, session, record, answer):
    """The form on ``record``; the scope question answered by ``answer`` (asked: the questions put)."""
    form = AppointmentForm(services, session, record)
    form.asked = []
    form.ask_scope = lambda parent, title, question: form.asked.append((title, question)) or answer
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.doctor.count() > 0, timeout=WAIT)
    return form


def times(services, session, folks):
    zone = services.ctx.zone
    return [a.starts_at.astimezone(zone).time() for a in
            services.appointments.list(session.token, patient_id=folks["ivanov"].id)]


def versions(services, session, folks):
    return [a.version for a in services.appointments.list(session.token, patient_id=folks["ivanov"].id)]


def test_this_and_the_following_visits_move_with_the_edited_one(qtbot, services, admin_session, folks, booked):
    third = booked[2]
    form = open_form(qtbot, services, admin_session, third, Scope.FOLLOWING)
    form.starts_at.time.setTime(QTime(11, 0))
    wait_save(qtbot, form)
    with qtbot.waitSignal(form.saved, timeout=WAIT) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.asked == [QUESTION]
    assert saved.args[0].id == third.id and saved.args[0].version > third.version
    assert saved.args[0].starts_at.astimezone(services.ctx.zone).time() == time(11)
    assert times(services, admin_session, folks) == [time(10)] * 2 + [time(11)] * 4
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)


def test_no_answer_saves_nothing_and_keeps_the_form(qtbot, services, admin_session, folks, booked):
    before = versions(services, admin_session, folks)
    form = open_form(qtbot, services, admin_session, booked[2], None)
    form.starts_at.time.setTime(QTime(11, 0))
    wait_save(qtbot, form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.asked == [QUESTION]
    qtbot.wait(200)
    assert form.isVisible() and form.save_button.isEnabled()
    assert form.starts_at.value() == at(11, day=next_monday() + timedelta(days=8))
    assert versions(services, admin_session, folks) == before
    assert times(services, admin_session, folks) == [time(10)] * 6
    # asked again, "only this visit" is the ordinary save
    form.ask_scope = lambda *_question: Scope.THIS
    with qtbot.waitSignal(form.saved, timeout=WAIT):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert times(services, admin_session, folks) == [time(10)] * 2 + [time(11)] + [time(10)] * 3


def test_a_refusal_names_the_visit_in_the_form_and_changes_nothing(qtbot, services, admin_session, folks, booked):
    token = admin_session.token
    fifth_day = next_monday() + timedelta(weeks=2, days=1)
    services.appointments.create(token, booking(folks["petrova"].id, folks["sidorova"].id, at(11, day=fifth_day)))
    before = versions(services, admin_session, folks)
    form = open_form(qtbot, services, admin_session, booked[2], Scope.ALL)
    form.starts_at.time.setTime(QTime(11, 0))
    form.notes.setPlainText("Перенос")
    wait_save(qtbot, form)  # the edited visit itself is free at 11:00
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(form.form_error.isVisible, timeout=WAIT)
    assert form.form_error.text().startswith(f"Visit 5 of 6 ({fifth_day:%d.%m.%Y} 11:00–11:30)")
    assert form.form_error.text().endswith("Nothing was changed.")
    assert form.isVisible() and form.notes.toPlainText() == "Перенос"
    assert versions(services, admin_session, folks) == before


def test_an_unchanged_series_visit_is_saved_without_the_question(qtbot, services, admin_session, folks, booked):
    form = open_form(qtbot, services, admin_session, booked[2], None)
    wait_save(qtbot, form)
    with qtbot.waitSignal(form.saved, timeout=WAIT):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.asked == []
