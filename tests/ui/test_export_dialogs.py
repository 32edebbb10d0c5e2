"""File → Export appointments… / Export patients…: the dialogs, the file question, the file written."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QProgressDialog

from heartbeat_desktop.schemas import ExportFormat
from heartbeat_desktop.ui.export_action import csv_delimiter
from heartbeat_desktop.ui.main_window import MainWindow
from tests.helpers import at, booking, next_monday, session_for
from tests.ui.booking_helpers import WAIT, people

MONDAY = next_monday()


@pytest.fixture
def folks(services, admin_session):  # noqa: ANN001, ANN201
    found = people(services, admin_session.token)
    token = admin_session.token
    found["visit"] = services.appointments.create(token, booking(found["petrova"].id, found["ivanov"].id, at(10)))
    services.appointments.create(token, booking(found["orlov"].id, found["sidorova"].id, at(14)))
    return found


def window_for(qtbot, services, session):  # noqa: ANN001, ANN201
    window = MainWindow(services, session)
    qtbot.addWidget(window)
    return window


def action_names(window):  # noqa: ANN001, ANN201
    return {a.objectName() for a in window.findChildren(QAction)}


def ok(dialog):  # noqa: ANN001, ANN201
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_one_doctors_week_as_ics(qtbot, services, admin_session, folks, tmp_path):
    window = window_for(qtbot, services, admin_session)
    asked = []
    target = tmp_path / "неделя.ics"
    window.exports.ask_path = lambda suggested, fmt: asked.append((suggested, fmt)) or str(target)
    dialog = window.exports.export_appointments()
    qtbot.waitUntil(lambda: dialog.doctor_combo.count() == 3, timeout=WAIT)
    dialog.from_edit.setDate(QDate(MONDAY))
    dialog.to_edit.setDate(QDate(MONDAY + timedelta(6)))
    dialog.doctor_combo.setCurrentIndex(dialog.doctor_combo.findData(folks["petrova"].id))
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(ExportFormat.ICS))
    with qtbot.waitSignal(window.exports.done, timeout=WAIT) as outcome:
        ok(dialog)
    result, path = outcome.args[0]
    assert path == target and result.rows == 1
    assert asked == [(f"appointments-{MONDAY}-{MONDAY + timedelta(6)}.ics", ExportFormat.ICS)]
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event["dtstart"].dt == folks["visit"].starts_at and "Иванов" in str(event["summary"])
    assert window.exports.message.isVisible() and str(target) in window.exports.message.text()
    assert not any(p.isVisible() for p in window.findChildren(QProgressDialog))
    assert [e.entity for e in services.audit.list(admin_session.token, action="export")] == ["appointments"]
    window.exports.message.done(0)


def test_a_backwards_range_is_said_in_the_dialog(qtbot, services, admin_session):
    window = window_for(qtbot, services, admin_session)
    window.exports.ask_path = lambda *_: pytest.fail("no file question for a wrong range")
    dialog = window.exports.export_appointments()
    dialog.from_edit.setDate(QDate(MONDAY))
    dialog.to_edit.setDate(QDate(MONDAY - timedelta(1)))
    ok(dialog)
    assert dialog.isVisible() and "before the first" in dialog.error.text() and dialog.error.isVisible()
    dialog.reject()


def test_the_desk_exports_patients_as_csv(qtbot, services, gui_admin, folks, tmp_path):
    desk = session_for(services, gui_admin, "desk", "receptionist")
    window = window_for(qtbot, services, desk)
    assert {"exportAppointmentsAction", "exportPatientsAction"} <= action_names(window)
    target = tmp_path / "пациенты.csv"
    window.exports.ask_path = lambda suggested, fmt: str(target)
    dialog = window.exports.export_patients()
    assert dialog.active_only.isChecked()
    with qtbot.waitSignal(window.exports.done, timeout=WAIT):
        ok(dialog)
    content = target.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=csv_delimiter()))
    assert [r[1] for r in rows[1:]] == ["Иванов", "Кузнецов", "Сидорова"]
    window.exports.message.done(0)


def test_a_doctor_may_export_appointments_but_not_patients(qtbot, services, gui_admin):
    doctor = session_for(services, gui_admin, "doc", "doctor")
    names = action_names(window_for(qtbot, services, doctor))
    assert "exportAppointmentsAction" in names and "exportPatientsAction" not in names


def test_a_file_that_cannot_be_written_is_a_plain_message(qtbot, services, admin_session, folks, tmp_path):
    window = window_for(qtbot, services, admin_session)
    window.exports.ask_path = lambda *_: str(tmp_path / "missing" / "p.csv")
    with qtbot.waitSignal(window.exports.done, timeout=WAIT) as outcome:
        ok(window.exports.export_patients())
    assert "could not be written" in str(outcome.args[0])
    box = window.findChild(QMessageBox, "errorDialog")
    assert box.isVisible() and "could not be written" in box.text()
    assert not (tmp_path / "missing").exists()
    box.done(0)


def test_csv_separator_follows_the_decimal_comma():
    assert csv_delimiter(QLocale(QLocale.Language.Russian, QLocale.Country.Russia)) == ";"
    assert csv_delimiter(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == ","
