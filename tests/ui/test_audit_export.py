"""The audit page's date range, the selected entry's changes side by side, and the CSV export."""

import csv
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QMessageBox

from heartbeat_desktop.ui.formatting import date_format
from heartbeat_desktop.ui.models.audit_detail import AuditDetailModel
from tests.helpers import STAFF_PASSWORD, audit_rows, make_user, patient_data
from tests.ui.test_audit_page import WAIT_MS, choose, desk_and_records, make_page, rows, wait_rows


def typed(field, day: date) -> None:
    """Type ``day`` into a date field as the desk would, and leave it."""
    field.setText(QDate(day).toString(date_format()))
    field.editingFinished.emit()


def with_an_edit(services, gui_admin):
    desk = desk_and_records(services, gui_admin)
    patient = services.patients.search(desk, "", limit=1)[0]
    services.patients.update(desk, patient.id, {**patient_data(phone="+7 900 000-00-01"),
                                                "version": patient.version})
    return patient


def test_the_date_range_shows_the_days_chosen(qtbot, services, admin_session, gui_admin):
    desk_and_records(services, gui_admin)
    page = make_page(qtbot, services, admin_session)
    everything = rows(page)
    today = services.ctx.now().astimezone(services.ctx.zone).date()
    typed(page.from_date, today + timedelta(days=1))
    wait_rows(qtbot, page, lambda shown: shown == [])
    typed(page.from_date, today)
    wait_rows(qtbot, page, lambda shown: shown == everything)
    typed(page.to_date, today - timedelta(days=1))
    assert page.date_error.isVisible() and "after the last" in page.date_error.text()
    assert rows(page) == everything  # a wrong range keeps the list as it was
    typed(page.to_date, today)
    wait_rows(qtbot, page, lambda shown: shown == everything)
    assert not page.date_error.isVisible()
    page.from_date.setText("32.13")
    page.from_date.editingFinished.emit()
    assert page.date_error.isVisible() and "Type a date like" in page.date_error.text()
    page.from_date.clear()  # the clear button
    wait_rows(qtbot, page, lambda shown: shown == everything)
    assert not page.date_error.isVisible()


def test_the_selected_change_shows_before_and_after_side_by_side(qtbot, services, admin_session, gui_admin):
    patient = with_an_edit(services, gui_admin)
    page = make_page(qtbot, services, admin_session)
    choose(page.findChild(QComboBox, "auditActionFilter"), "Changed")
    wait_rows(qtbot, page, lambda shown: len(shown) == 1)
    detail = page.detail.model
    assert detail.rowCount() == 0 and "Select an entry" in page.detail.heading.text()
    page.table.selectRow(0)
    assert detail.side_by_side
    titles = [detail.headerData(c, Qt.Orientation.Horizontal) for c in range(detail.columnCount())]
    assert titles == ["Field", "Before", "After"]
    cells = [[detail.index(r, c).data() for c in range(3)] for r in range(detail.rowCount())]
    assert ["phone", patient.phone or "—", "+7 900 000-00-01"] in cells
    assert f"Patient #{patient.id}" in page.detail.heading.text() and "desk" in page.detail.heading.text()
    assert page.detail.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers

    choose(page.findChild(QComboBox, "auditActionFilter"), "Created")
    choose(page.findChild(QComboBox, "auditEntityFilter"), "Patient")
    wait_rows(qtbot, page, lambda shown: len(shown) == 1)
    page.table.selectRow(0)
    assert not detail.side_by_side and detail.columnCount() == 2  # a snapshot: one column of values
    assert ["last name", "Иванов"] in [[detail.index(r, c).data() for c in range(2)]
                                       for r in range(detail.rowCount())]


def test_detail_model_passes_qt_model_tester(qtmodeltester, qtbot, services, admin_session, gui_admin):
    with_an_edit(services, gui_admin)
    entry = next(e for e in services.audit.list(gui_admin.token) if e.action == "update")
    model = AuditDetailModel(services.ctx.zone)
    model.show_entry(entry)
    qtmodeltester.check(model)
    model.show_entry(None)
    qtmodeltester.check(model)


def test_export_writes_what_the_filters_show_as_utf8_csv(qtbot, services, admin_session, gui_admin, tmp_path):
    with_an_edit(services, gui_admin)
    services.auth.login("desk", STAFF_PASSWORD)
    page = make_page(qtbot, services, admin_session)
    choose(page.findChild(QComboBox, "auditEntityFilter"), "Patient")
    wait_rows(qtbot, page, lambda shown: len(shown) == 2)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "аудит.csv"
    page.ask_csv_path = lambda: str(target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.exported_box is not None and page.exported_box.isVisible(), timeout=WAIT_MS)
    assert "2 entries saved" in page.exported_box.text()
    page.exported_box.done(0)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads Cyrillic as Cyrillic
    with target.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == ["When", "User", "Action", "Entity", "Entity id", "Changes"]
    assert [(r[1], r[2], r[3]) for r in table[1:]] == rows(page)  # the table's order, the filter applied
    assert "phone: " in table[1][5] and "last name: Иванов" in table[2][5]
    export = audit_rows(services, "export")[-1]
    assert export.username == "admin" and export.changes == {"entity": "patient", "entries": 2}
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_export_cancelled_or_refused_writes_nothing(qtbot, services, admin_session, gui_admin, tmp_path):
    make_user(services, gui_admin.token, "desk", "receptionist")
    page = make_page(qtbot, services, admin_session)
    page.ask_csv_path = lambda: ""
    page.export_button.click()
    assert audit_rows(services, "export") == []
    page.ask_csv_path = lambda: str(tmp_path / "missing folder" / "audit.csv")
    page.export_button.click()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorDialog") is not None, timeout=WAIT_MS)
    box = page.findChild(QMessageBox, "errorDialog")
    assert "could not be saved" in box.text() and not box.detailedText()  # the user's words, no traceback
    box.done(0)
    assert page.export_button.isEnabled() and not (tmp_path / "missing folder").exists()
