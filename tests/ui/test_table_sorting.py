"""Sortable table headers: a click sorts in the database, the lazy pages that follow
keep that order, a column that cannot sort leaves the rows alone, and a saved
header state brings its sort back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from heartbeat_desktop.ui.models.doctors import DoctorTableModel
from heartbeat_desktop.ui.models.patients import PatientTableModel
from heartbeat_desktop.ui.models.record_table import takes_sort
from heartbeat_desktop.ui.pages.appointments_page import AppointmentsPage
from heartbeat_desktop.ui.pages.audit_page import AuditPage
from heartbeat_desktop.ui.pages.doctors_page import DoctorsPage
from heartbeat_desktop.ui.pages.records_page import record_table
from heartbeat_desktop.ui.pages.users_page import UsersPage
from tests.helpers import STAFF_PASSWORD, at, booking, doctor_data, patient_data

WAIT_MS = 30_000  # an upper bound for a loaded machine; met waits return at once
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
DOCTORS = [("Петрова", "Терапевт", "101"), ("де Сото", "Хирург", None), ("Ёрохов", "Терапевт", "205"),
           ("Абрамов", "Кардиолог", "101"), ("ИВАНОВ", "Невролог", "3"), ("Борисова", "Окулист", "7"),
           ("МакКуин", "Хирург", "12")]


@pytest.fixture(autouse=True)
def settle(qtbot: Any):
    """No page is still loading when the database closes."""
    yield
    QThreadPool.globalInstance().waitForDone(WAIT_MS)
    QApplication.processEvents()


def shown(qtbot: Any, page: Any, page_size: int | None = None) -> Any:
    qtbot.addWidget(page)
    if page_size is not None:
        page.model.page_size = page.model.max_page_size = page_size  # several pages even for a few rows
    page.resize(1000, 600)
    page.show()
    page.refresh()
    return page


def load_all(qtbot: Any, model: Any, n: int) -> None:
    """Scroll to the end: fetch page after page until all ``n`` rows are in."""
    def done() -> bool:
        if not model.is_loading and model.canFetchMore():
            model.fetchMore()
        return model.rowCount() == n and not model.is_loading and not model.canFetchMore()
    qtbot.waitUntil(done, timeout=WAIT_MS)


def ids(model: Any) -> list[int]:
    return [model.record(i).id for i in range(model.rowCount())]


def click_header(qtbot: Any, table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def indicator(table: QTableView) -> tuple[int, Qt.SortOrder, bool]:
    header = table.horizontalHeader()
    return header.sortIndicatorSection(), header.sortIndicatorOrder(), header.isSortIndicatorShown()


@pytest.fixture
def doctors(services, admin_session) -> list[Any]:  # noqa: ANN001
    return [services.doctors.create(admin_session.token, doctor_data(last_name=last, specialty=spec, room=room))
            for last, spec, room in DOCTORS]


def test_header_click_sorts_in_the_database_and_later_pages_follow(qtbot, services, admin_session, doctors,
                                                                    monkeypatch):
    token, n = admin_session.token, len(DOCTORS)
    asked: list[tuple[int, str | None, bool]] = []  # each page the table asked the service for
    search = services.doctors.search

    def spy(*args: Any, **kwargs: Any) -> Any:
        asked.append((kwargs["offset"], kwargs.get("order"), kwargs.get("descending", False)))
        return search(*args, **kwargs)

    monkeypatch.setattr(services.doctors, "search", spy)
    page = shown(qtbot, DoctorsPage(services, admin_session), page_size=2)
    assert page.table.isSortingEnabled() and indicator(page.table) == (0, ASC, True)
    load_all(qtbot, page.model, n)
    names = [page.model.record(i).last_name for i in range(n)]
    assert names == ["Абрамов", "Борисова", "де Сото", "Ёрохов", "Иванов", "МакКуин", "Петрова"]  # case, ё

    specialty = 3
    assert asked == [(0, "name", False), (2, "name", False), (4, "name", False), (6, "name", False)]
    asked.clear()
    click_header(qtbot, page.table, specialty)
    assert indicator(page.table) == (specialty, ASC, True) and page.model.sort_key == "specialty"
    load_all(qtbot, page.model, n)
    # from the first page again, and every later page in the new order
    assert asked == [(0, "specialty", False), (2, "specialty", False), (4, "specialty", False),
                     (6, "specialty", False)]
    assert ids(page.model) == [d.id for d in search(token, order="specialty")]

    click_header(qtbot, page.table, specialty)  # again: the other way
    assert indicator(page.table) == (specialty, DESC, True)
    load_all(qtbot, page.model, n)
    assert ids(page.model) == [d.id for d in search(token, order="specialty", descending=True)]
    specialties = [page.model.record(i).specialty for i in range(n)]
    assert specialties == sorted(specialties, reverse=True)


def test_a_column_that_cannot_sort_keeps_the_order_and_the_indicator(qtbot, services, admin_session, doctors):
    page = shown(qtbot, DoctorsPage(services, admin_session))
    page.table.sortByColumn(4, DESC)  # room, descending
    load_all(qtbot, page.model, len(DOCTORS))
    before = ids(page.model)
    first_name = 1
    assert page.model.columns[first_name].sort_key is None
    click_header(qtbot, page.table, first_name)
    assert indicator(page.table) == (4, DESC, True)
    assert not page.model.is_loading and ids(page.model) == before


def test_patients_model_sorts_by_birth_date_across_pages(qtmodeltester, qtbot, services, admin_session):
    token = admin_session.token
    for i, last in enumerate(["Яковлев", "ван Дейк", "Ёлкина", "абрамова", "Борисов", "БОРИСОВА"]):
        services.patients.create(token, patient_data(last_name=last, birth_date=patient_data()["birth_date"].replace(
            year=1990 - 7 * (i % 3)), phone=None))

    def load(query: str, offset: int, limit: int, **sort: Any) -> Any:  # what the patients page's loader does
        return services.patients.search(token, query, offset=offset, limit=limit, **sort)

    model = PatientTableModel(load, lambda query: services.patients.count(token, query))
    model.page_size = model.max_page_size = 2
    table = record_table(model, "patientsTable", "Patients")
    qtbot.addWidget(table)
    assert model.sortable and table.isSortingEnabled()
    model.reload()
    load_all(qtbot, model, 6)
    assert [model.record(i).last_name for i in range(6)] == [
        "Абрамова", "Борисов", "Борисова", "ван Дейк", "Ёлкина", "Яковлев"]
    table.sortByColumn(3, DESC)  # birth date, youngest first; the same day by name
    load_all(qtbot, model, 6)
    assert ids(model) == [p.id for p in services.patients.search(token, order="birth_date", descending=True)]
    born = [model.record(i).birth_date for i in range(6)]
    assert born == sorted(born, reverse=True)
    qtmodeltester.check(model)


def test_a_loader_without_sort_keywords_leaves_the_table_unsorted(qtbot, services, admin_session):
    model = PatientTableModel(lambda query, offset, limit: [], None)
    table = record_table(model, "plainTable", "Plain")
    qtbot.addWidget(table)
    assert not takes_sort(lambda query, offset, limit: [])
    assert not model.sortable and not table.isSortingEnabled()


def test_saved_header_state_restores_the_sort(qtbot, services, admin_session, doctors):
    first = shown(qtbot, DoctorsPage(services, admin_session))
    first.table.sortByColumn(4, DESC)
    saved = first.table.horizontalHeader().saveState()
    again = DoctorsPage(services, admin_session)
    again.table.horizontalHeader().restoreState(saved)  # as the main window does at start
    shown(qtbot, again)
    assert indicator(again.table) == (4, DESC, True) and again.model.sort_key == "room"
    load_all(qtbot, again.model, len(DOCTORS))
    assert ids(again.model) == [d.id for d in services.doctors.search(admin_session.token, order="room",
                                                                       descending=True)]


def test_a_header_state_saved_before_sorting_keeps_the_default_order(qtbot, services, admin_session, doctors):
    plain = QTableView()  # what the app saved before its tables sorted: no indicator shown
    qtbot.addWidget(plain)
    plain.setModel(QStandardItemModel(0, len(DoctorTableModel.columns), plain))
    old = plain.horizontalHeader().saveState()
    page = DoctorsPage(services, admin_session)
    page.table.horizontalHeader().restoreState(old)
    assert indicator(page.table) == (0, ASC, True) and page.model.sort_key == "name"
    shown(qtbot, page)
    load_all(qtbot, page.model, len(DOCTORS))
    assert ids(page.model) == [d.id for d in services.doctors.search(admin_session.token)]


def test_appointments_sort_by_patient_and_status(qtmodeltester, qtbot, services, admin_session, doctors):
    token = admin_session.token
    patients = [services.patients.create(token, patient_data(last_name=n, phone=None))
                for n in ("Яковлев", "абрамова", "ван Дейк")]
    for i, patient in enumerate(patients):
        services.appointments.create(token, booking(doctors[i].id, patient.id, at(9 + i)))
    page = shown(qtbot, AppointmentsPage(services, admin_session))
    load_all(qtbot, page.model, 3)
    assert [page.model.record(i).patient_name.split()[0] for i in range(3)] == ["Яковлев", "Абрамова", "ван"]
    click_header(qtbot, page.table, 3)  # patient
    load_all(qtbot, page.model, 3)
    assert [page.model.record(i).patient_name.split()[0] for i in range(3)] == ["Абрамова", "ван", "Яковлев"]
    qtmodeltester.check(page.model)


def test_audit_starts_newest_first_and_sorts_by_user(qtbot, services, admin_session, gui_admin):
    services.users.create(gui_admin.token, {"username": "desk", "password": STAFF_PASSWORD,
                                            "role": "receptionist"})
    services.auth.login("desk", STAFF_PASSWORD)
    page = shown(qtbot, AuditPage(services, admin_session))
    assert indicator(page.table) == (0, DESC, True)
    n = len(services.audit.list(gui_admin.token))
    load_all(qtbot, page.model, n)
    assert ids(page.model) == [e.id for e in services.audit.list(gui_admin.token)]
    page.table.sortByColumn(1, ASC)  # user
    load_all(qtbot, page.model, n)
    assert ids(page.model) == [e.id for e in services.audit.list(gui_admin.token, order="user")]


def test_users_sort_by_role_and_keep_the_search(qtbot, services, admin_session, gui_admin):
    for name, role in (("boris", "doctor"), ("anna", "receptionist"), ("bella", "admin")):
        services.users.create(gui_admin.token, {"username": name, "password": STAFF_PASSWORD, "role": role})
    page = shown(qtbot, UsersPage(services, admin_session))
    load_all(qtbot, page.model, 4)
    page.table.sortByColumn(2, DESC)  # role: receptionist, doctor, admin, admin
    load_all(qtbot, page.model, 4)
    assert [page.model.record(i).username for i in range(4)] == ["anna", "boris", "bella", "admin"]
    page.search.setText("b")
    page.refresh()
    load_all(qtbot, page.model, 2)
    assert [page.model.record(i).username for i in range(2)] == ["boris", "bella"]
