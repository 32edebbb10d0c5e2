"""Time off on the schedule: away slots hatched with their reason; the dialog adds, warns and removes."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QTime, Qt
from PySide6.QtWidgets import QMessageBox

from heartbeat_desktop.ui.dialogs.time_off import TimeOffDialog
from heartbeat_desktop.ui.forms.doctor_form import DoctorForm
from heartbeat_desktop.ui.models.schedule import AwayRole, AwayStartRole, WorkingRole
from tests.helpers import at, booking, session_for
from tests.ui.booking_helpers import OFFSCREEN_POPUPS, WAIT, people, settle  # noqa: F401
from tests.ui.test_schedule_page import MONDAY, cell, make_page

pytestmark = [OFFSCREEN_POPUPS, pytest.mark.usefixtures("settle")]


@pytest.fixture
def folks(services, admin_session):  # noqa: ANN001, ANN201
    return people(services, admin_session.token)


def test_a_vacation_is_hatched_with_its_reason_and_cannot_be_booked(qtbot, services, admin_session, folks):
    petrova = folks["petrova"].id
    services.time_off.add(admin_session.token, {
        "doctor_id": petrova, "kind": "vacation", "starts_at": datetime.combine(MONDAY, time.min),
        "ends_at": datetime.combine(MONDAY + timedelta(days=5), time.min), "reason": "Отпуск"})
    page = make_page(qtbot, services, admin_session)
    slot = cell(page, petrova, 10)
    assert slot.data(AwayRole) == "Vacation: Отпуск" and slot.data(WorkingRole) is False
    assert "away (Vacation: Отпуск)" in slot.data(Qt.ItemDataRole.ToolTipRole)
    first_row = page.model.index(0, slot.column())
    assert first_row.data(AwayStartRole) and not slot.data(AwayStartRole)  # the reason is written once
    orlov = cell(page, folks["orlov"].id, 13)
    assert orlov.data(AwayRole) is None and orlov.data(WorkingRole) is True  # the other doctor works


def test_blocked_hours_added_in_the_dialog_show_on_the_schedule(qtbot, services, admin_session, folks):
    petrova = folks["petrova"].id
    page = make_page(qtbot, services, admin_session)
    page.view.setCurrentIndex(cell(page, petrova, 9))
    dialog = page.open_time_off()
    assert dialog.who.currentData() == petrova
    qtbot.waitUntil(lambda: dialog.listing.count() == 0, timeout=WAIT)
    dialog.kind.setCurrentIndex(dialog.kind.findData("blocked"))
    dialog.whole_days.setChecked(False)
    dialog.from_time.setTime(QTime(13, 0))
    dialog.to_time.setTime(QTime(14, 0))
    dialog.reason.setText("Планёрка")
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.listing.count() == 1, timeout=WAIT)
    assert "13:00–14:00" in dialog.listing.item(0).text() and "Планёрка" in dialog.listing.item(0).text()
    qtbot.waitUntil(lambda: cell(page, petrova, 13, 30).data(AwayRole) == "Blocked time: Планёрка", timeout=WAIT)
    assert cell(page, petrova, 12, 45).data(AwayRole) is None


def test_visits_in_the_time_are_shown_first_and_no_means_nothing_is_added(qtbot, services, admin_session, folks,
                                                                          monkeypatch):
    petrova, token = folks["petrova"].id, admin_session.token
    services.appointments.create(token, booking(petrova, folks["ivanov"].id, at(10)))
    asked: list[str] = []

    def answer_no(_parent, _title, text, *_args):  # noqa: ANN001, ANN202
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer_no)
    dialog = TimeOffDialog(services, admin_session, [folks["petrova"]], petrova, MONDAY)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # a day off, on Monday
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    assert asked[0].startswith("1 visit(s) are booked") and "Иванов" in asked[0]
    qtbot.waitUntil(dialog.add_button.isEnabled, timeout=WAIT)
    assert services.time_off.list(token, at(0), at(23)) == []


def test_removing_and_who_may(qtbot, services, admin_session, folks):
    petrova = folks["petrova"].id
    added = services.time_off.add(admin_session.token, {
        "doctor_id": petrova, "kind": "day_off", "starts_at": datetime.combine(MONDAY, time.min),
        "ends_at": datetime.combine(MONDAY + timedelta(days=1), time.min)})
    dialog = TimeOffDialog(services, admin_session, [folks["petrova"]], petrova, MONDAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.listing.count() == 1, timeout=WAIT)
    assert dialog.who.findData(-1) >= 0  # an admin may set clinic holidays
    dialog.listing.setCurrentRow(0)
    with qtbot.waitSignal(dialog.changed, timeout=WAIT):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.listing.count() == 0, timeout=WAIT)
    assert services.time_off.list(admin_session.token, at(0), at(23)) == [] and added.id

    desk = session_for(services, admin_session, "desk1", "receptionist")
    desk_dialog = TimeOffDialog(services, desk, [folks["petrova"]], petrova, MONDAY)
    qtbot.addWidget(desk_dialog)
    assert desk_dialog.who.findData(-1) == -1  # the desk: doctors' time off, not holidays
    doctor_page = make_page(qtbot, services, session_for(services, admin_session, "doc1", "doctor"))
    assert not doctor_page.time_off_button.isVisibleTo(doctor_page)


def test_the_doctor_form_opens_the_doctors_time_off(qtbot, services, admin_session, folks):
    form = DoctorForm(services, admin_session, folks["orlov"])
    qtbot.addWidget(form)
    dialog = form.open_time_off()
    assert [dialog.who.itemData(i) for i in range(dialog.who.count())] == [folks["orlov"].id, -1]
