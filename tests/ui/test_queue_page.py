"""Today's queue: time order, the arrival key, waiting time ticking, late and no-show marks,
a doctor's own queue, and the status history with its undo (on the queue, the schedule, the form)."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.ui.forms.appointment_form import AppointmentForm
from heartbeat_desktop.ui.models.queue import LATE_FILL, TICK_MS, LateRole, WaitingRole
from heartbeat_desktop.ui.pages.queue_page import QueuePage
from heartbeat_desktop.ui.pages.registry import PAGES
from tests.helpers import at, booking, next_monday, session_for
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, people, settle  # noqa: F401

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]
MONDAY = next_monday()  # "today" for these tests: the clocks are set to it (bookings must be in the future)


class Clock:
    """One clinic-local moment on MONDAY, as aware UTC; ``set`` moves it."""

    def __init__(self, zone, hour: int, minute: int = 0) -> None:  # noqa: ANN001
        self.zone = zone
        self.set(hour, minute)

    def set(self, hour: int, minute: int = 0) -> None:
        self.moment = clock.as_utc(datetime.combine(MONDAY, time(hour, minute)), self.zone)

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def folks(services, admin_session):
    return people(services, admin_session.token)


@pytest.fixture
def day(services, admin_session, folks, monkeypatch):
    """Four visits on MONDAY, booked now; then the services' and the queue's clock at 10:05 that day."""
    token = admin_session.token
    petrova, orlov = folks["petrova"].id, folks["orlov"].id
    visits = {
        "late": services.appointments.create(token, booking(petrova, folks["ivanov"].id, at(9))),
        "due": services.appointments.create(token, booking(petrova, folks["sidorova"].id, at(10))),
        "orlov": services.appointments.create(token, booking(orlov, folks["kuznetsov"].id, at(12))),
        "gone": services.appointments.create(token, booking(petrova, folks["kuznetsov"].id, at(11))),
    }
    visits["gone"] = services.appointments.set_status(token, visits["gone"].id, Status.NO_SHOW,
                                                      visits["gone"].version)
    now = Clock(services.ctx.zone, 10, 5)
    monkeypatch.setattr(services.ctx, "now", now)
    return visits, now


def make_page(qtbot, services, session, now):  # noqa: ANN001, ANN201
    page = QueuePage(services, session)
    page.model.now = now
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.is_loading, timeout=WAIT)
    return page


def ids(page):  # noqa: ANN001, ANN201
    return [page.model.record(r).id for r in range(page.model.rowCount())]


def row_of(page, visit):  # noqa: ANN001, ANN201
    return page.model.row_of(visit.id)


def cell(page, visit, column):  # noqa: ANN001, ANN201
    return page.model.index(row_of(page, visit), column)


def test_the_queue_is_a_page_of_every_role_after_the_schedule():
    names = [factory.__name__ for factory, _permission in PAGES]
    assert names[:2] == ["SchedulePage", "QueuePage"]


def test_the_model_passes_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session, day):
    visits, now = day
    page = make_page(qtbot, services, admin_session, now)
    qtmodeltester.check(page.model)


def test_todays_visits_in_time_order_with_late_and_no_show_marked(qtbot, services, admin_session, day):
    visits, now = day
    page = make_page(qtbot, services, admin_session, now)
    assert page.objectName() == "queuePage" and page.table.objectName() == "queueTable"
    assert ids(page) == [visits[k].id for k in ("late", "due", "gone", "orlov")]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["Time", "Patient", "Doctor", "Status", "Arrived at", "Waiting"]
    late = cell(page, visits["late"], 3)
    assert late.data() == "Scheduled, late 65 min" and late.data(LateRole) is True
    assert late.data(Qt.ItemDataRole.BackgroundRole) == QColor(LATE_FILL)
    due = cell(page, visits["due"], 3)  # five minutes past its start: not late yet
    assert due.data() == "Scheduled" and due.data(LateRole) is False
    gone = cell(page, visits["gone"], 1)
    assert gone.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert gone.data(Qt.ItemDataRole.ForegroundRole) == QColor("#8a8f98")
    assert cell(page, visits["gone"], 3).data(LateRole) is False  # a no-show is not late
    assert "4 visits: 0 waiting, 1 late, 0 done" == page.summary.text()
    now.set(10, 20)
    page.model.tick()
    assert cell(page, visits["due"], 3).data() == "Scheduled, late 20 min"


def test_space_marks_arrival_and_the_waiting_time_ticks(qtbot, services, admin_session, day):
    visits, now = day
    page = make_page(qtbot, services, admin_session, now)
    assert page.model.ticker.isActive() and page.model.ticker.interval() == TICK_MS
    page.table.setFocus()
    page.table.selectRow(row_of(page, visits["due"]))
    qtbot.keyClick(page.table, Qt.Key.Key_Space)  # the arrival key
    qtbot.waitUntil(lambda: cell(page, visits["due"], 4).data() == "10:05", timeout=WAIT)
    assert services.appointments.get(admin_session.token, visits["due"].id).status is Status.ARRIVED
    assert cell(page, visits["due"], 3).data() == "Arrived"
    assert cell(page, visits["due"], 5).data() == "0 min"
    now.set(10, 17)  # twelve minutes later, no reload: the timer's tick repaints
    with qtbot.waitSignal(page.model.dataChanged, timeout=WAIT):
        page.model.ticker.timeout.emit()
    assert cell(page, visits["due"], 5).data() == "12 min" and cell(page, visits["due"], 5).data(WaitingRole) == 12
    services.appointments.set_status(admin_session.token, visits["due"].id, Status.IN_PROGRESS,
                                     services.appointments.get(admin_session.token, visits["due"].id).version)
    page.model.refresh_loaded()  # the visit began at 10:17: the waiting time stops there
    qtbot.waitUntil(lambda: cell(page, visits["due"], 3).data() == "In progress", timeout=WAIT)
    now.set(11, 0)
    page.model.tick()
    assert cell(page, visits["due"], 5).data() == "12 min"
    assert page.summary.text() == "4 visits: 0 waiting, 1 late, 0 done"


def test_a_doctors_account_sees_its_own_queue(qtbot, services, gui_admin, folks, day, monkeypatch):
    visits, now = day
    monkeypatch.setattr(services.ctx, "now", clock.utcnow)  # signing in: a token issued now, not on MONDAY
    doctor_session = session_for(services, gui_admin, "drorlov", "doctor")
    monkeypatch.setattr(services.ctx, "now", now)
    orlov = folks["orlov"]
    fields = {"last_name", "first_name", "middle_name", "specialty", "room", "working_hours"}
    services.doctors.update(gui_admin.token, orlov.id, {**orlov.model_dump(include=fields),
                                                        "user_id": doctor_session.user.id, "version": orlov.version})
    page = make_page(qtbot, services, doctor_session, now)
    assert ids(page) == [visits["orlov"].id]


def test_undo_a_mistaken_no_show_from_the_queue_with_the_history_shown(qtbot, services, admin_session, day):
    visits, now = day
    page = make_page(qtbot, services, admin_session, now)
    page.table.selectRow(row_of(page, visits["gone"]))
    qtbot.waitUntil(lambda: "Scheduled → No-show (admin)" in page.history.text(), timeout=WAIT)
    assert "Booked (admin)" in page.history.text()
    undo = page.findChild(QPushButton, "queueUndoStatusButton")
    assert undo.isEnabled()
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(page, visits["gone"], 3).data() == "Scheduled", timeout=WAIT)
    qtbot.waitUntil(lambda: "No-show → Scheduled (undone by admin)" in page.history.text(), timeout=WAIT)
    assert services.appointments.get(admin_session.token, visits["gone"].id).status is Status.SCHEDULED


def test_the_undo_is_offered_on_the_schedule_and_the_appointments_page(qtbot, services, admin_session, day):
    from heartbeat_desktop.ui.pages.appointments_page import AppointmentsPage
    from tests.ui.test_schedule_page import make_page as schedule_page

    visits, _now = day
    schedule = schedule_page(qtbot, services, admin_session)
    assert schedule.view.select_appointment(visits["gone"].id)
    texts = [a.text() for a in schedule.view.actions()]
    assert "Undo last status change" in texts
    button = schedule.findChild(QPushButton, "undoStatusButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.appointments.get(admin_session.token, visits["gone"].id).status
                    == Status.SCHEDULED, timeout=WAIT)
    listing = AppointmentsPage(services, admin_session)
    qtbot.addWidget(listing)
    assert listing.findChild(QPushButton, "appointmentsUndoStatusButton") is not None
    assert "Undo last status change" in [a.text() for a in listing.table.actions()]


def test_a_refused_undo_is_said_in_plain_words(qtbot, services, admin_session, day, monkeypatch):
    from heartbeat_desktop.ui import status_actions

    shown = []
    monkeypatch.setattr(status_actions, "show_error", lambda _parent, exc: shown.append(str(exc)))
    visits, now = day
    page = make_page(qtbot, services, admin_session, now)
    page.table.selectRow(row_of(page, visits["due"]))  # just booked: nothing to undo
    page.status_actions.request_undo()
    qtbot.waitUntil(lambda: shown != [], timeout=WAIT)
    assert shown == ["There is no status change to undo on this appointment."]


def test_the_appointment_form_shows_the_status_history(qtbot, services, admin_session, day):
    visits, _now = day
    form = AppointmentForm(services, admin_session, visits["gone"])
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: "Scheduled → No-show (admin)" in form.history.text(), timeout=WAIT)
    assert form.history.objectName() == "statusHistory"
    assert form.history.text().splitlines()[1].endswith("Booked (admin)")
