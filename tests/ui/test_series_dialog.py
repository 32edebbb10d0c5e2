"""Recurring visits in the GUI: *Repeat…* from the appointment form, the preview with a
conflict and its alternative, booking all at once, a refusal that books nothing, and
cancelling "this and the following" from the schedule."""

from datetime import time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.schemas import Scope
from heartbeat_desktop.ui.dialogs import series as series_dialogs
from heartbeat_desktop.ui.dialogs.series import OccurrenceModel, SeriesDialog
from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from heartbeat_desktop.ui.pages.schedule_page import SchedulePage
from tests.helpers import at, booking, next_monday
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, click_cell, people, settle  # noqa: F401

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]
TUESDAY = next_monday() + timedelta(days=1)


@pytest.fixture
def folks(services, admin_session):
    return people(services, admin_session.token)


def visit(folks, **changes):
    values = {"doctor_id": folks["petrova"].id, "patient_id": folks["ivanov"].id, "starts_at": at(10, day=TUESDAY),
              "ends_at": at(10, 30, day=TUESDAY), "reason": "Массаж", "notes": None, "type_id": None}
    values.update(changes)
    return values


def make_dialog(qtbot, services, session, values):
    dialog = SeriesDialog(services, session, values)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def twice_a_week(qtbot, dialog):
    """Tuesday (ticked from the visit) and Thursday, six visits: wait for the preview."""
    dialog.weekdays[3].setChecked(True)
    dialog.count.setValue(6)
    zone = dialog.zone
    qtbot.waitUntil(lambda: [r.starts_at.astimezone(zone).weekday() for r in dialog.model.rows] == [1, 3] * 3,
                    timeout=WAIT)


def mine(services, session, folks):
    return services.appointments.list(session.token, patient_id=folks["ivanov"].id)


def test_the_preview_model_passes_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session, folks):
    services.appointments.create(admin_session.token, booking(folks["petrova"].id, folks["sidorova"].id,
                                                              at(10, day=TUESDAY + timedelta(days=9))))
    rows = services.series.preview(admin_session.token, {
        "doctor_id": folks["petrova"].id, "patient_id": folks["ivanov"].id, "first_day": TUESDAY,
        "weekdays": (1, 3), "start_time": time(10), "minutes": 30, "count": 6})
    model = OccurrenceModel(services.ctx.zone)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(3, model.STATUS).data().startswith("Dr Петрова already has an appointment")
    assert model.index(3, model.VISIT).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(model.index(3, model.VISIT), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert len(model.chosen()) == 5


def test_repeat_from_the_form_previews_a_conflict_accepts_its_alternative_and_books_all(
        qtbot, services, admin_session, folks):
    token = admin_session.token
    services.appointments.create(token, booking(folks["petrova"].id, folks["sidorova"].id,
                                                at(10, day=TUESDAY + timedelta(days=9))))  # 2nd Thursday
    form = AppointmentForm(services, admin_session)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.doctor.count() > 0, timeout=WAIT)
    form.doctor.setCurrentIndex(form.doctor.findData(folks["petrova"].id))
    form.patient.set_patient(folks["ivanov"].id, "Иванов Пётр Сергеевич")
    form.starts_at.set_value(at(10, day=TUESDAY))
    form.reason.setText("Массаж")
    repeat = form.findChild(QPushButton, "repeatButton")
    assert repeat is form.repeat_button and repeat.isVisibleTo(form)
    dialog = form.open_series()
    assert dialog.weekdays[1].isChecked() and not dialog.weekdays[3].isChecked()  # the visit's own weekday
    twice_a_week(qtbot, dialog)
    conflict = dialog.model.index(3, dialog.model.STATUS)
    assert "already has an appointment" in conflict.data()
    assert "09:30" in dialog.model.index(3, dialog.model.ALTERNATIVE).data()
    assert dialog.error.isVisible() and "1 visit" in dialog.error.text()
    assert dialog.book_button.text() == "Book 6 visit(s)" and dialog.book_button.isEnabled()
    with qtbot.waitSignal(form.saved, timeout=WAIT):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    booked = mine(services, admin_session, folks)
    assert len(booked) == 6 and len({a.series_id for a in booked}) == 1 and booked[0].series_id is not None
    zone = services.ctx.zone
    assert booked[3].starts_at.astimezone(zone).time() == time(9, 30)
    assert all(a.reason == "Массаж" for a in booked)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)


def test_a_time_taken_meanwhile_books_nothing_and_says_which(qtbot, services, admin_session, folks):
    dialog = make_dialog(qtbot, services, admin_session, visit(folks))
    twice_a_week(qtbot, dialog)
    dialog.model.setData(dialog.model.index(5, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.book_button.text() == "Book 5 visit(s)"
    # another desk books the third visit's time before Book is clicked
    services.appointments.create(admin_session.token, booking(folks["petrova"].id, folks["sidorova"].id,
                                                              at(10, day=TUESDAY + timedelta(days=7))))
    qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was booked" in dialog.error.text(), timeout=WAIT)
    assert "Visit 3 of 5" in dialog.error.text()
    assert mine(services, admin_session, folks) == []
    assert dialog.isVisible()
    # the preview is redone: the taken visit now shows its conflict and an alternative
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 6 and not dialog.model.rows[2].is_free, timeout=WAIT)
    assert "Nothing was booked" in dialog.error.text()


def test_cancel_this_and_the_following_from_the_schedule(qtbot, services, admin_session, folks, monkeypatch):
    token = admin_session.token
    rule = {"doctor_id": folks["petrova"].id, "patient_id": folks["ivanov"].id, "first_day": next_monday(),
            "weekdays": (1, 3), "start_time": time(10), "minutes": 30, "count": 4}
    booked = services.series.book(token, rule, [p.starts_at for p in services.series.preview(token, rule)])
    asked = []
    monkeypatch.setattr(series_dialogs, "ask_scope",
                        lambda parent, title, question: asked.append((title, question)) or Scope.FOLLOWING)
    page = SchedulePage(services, admin_session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.go_to(TUESDAY + timedelta(days=2))  # the second visit, on Thursday
    page.refresh()
    qtbot.waitUntil(lambda: page.model.columnCount() > 0 and page.model.active_count() == 1, timeout=WAIT)
    click_cell(qtbot, page.view, page.view.slot_index(folks["petrova"].id, at(10, day=TUESDAY + timedelta(days=2))))
    cancel = page.findChild(QPushButton, "cancelAppointmentButton")
    qtbot.waitUntil(cancel.isEnabled, timeout=WAIT)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mine(services, admin_session, folks)[-1].status == Status.CANCELLED, timeout=WAIT)
    assert asked == [("Cancel a recurring visit", "This visit is one of a series. Cancel which visits?")]
    assert [a.status for a in mine(services, admin_session, folks)] == [Status.SCHEDULED] + [Status.CANCELLED] * 3
    assert [a.id for a in mine(services, admin_session, folks)] == [a.id for a in booked.appointments]
    qtbot.waitUntil(lambda: page.model.active_count() == 0, timeout=WAIT)


def test_a_single_visit_is_cancelled_without_the_question(qtbot, services, admin_session, folks, monkeypatch):
    monkeypatch.setattr(series_dialogs, "ask_scope", lambda *_asked: pytest.fail("asked about a single visit"))
    a = services.appointments.create(admin_session.token, booking(folks["petrova"].id, folks["ivanov"].id,
                                                                  at(10, day=TUESDAY)))
    page = SchedulePage(services, admin_session)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.go_to(TUESDAY)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.columnCount() > 0 and page.model.active_count() == 1, timeout=WAIT)
    click_cell(qtbot, page.view, page.view.slot_index(folks["petrova"].id, at(10, day=TUESDAY)))
    cancel = page.findChild(QPushButton, "cancelAppointmentButton")
    qtbot.waitUntil(cancel.isEnabled, timeout=WAIT)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(admin_session.token, a.id).status == Status.CANCELLED,
                    timeout=WAIT)
