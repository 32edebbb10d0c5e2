"""Live rows: another desk's save changes only the rows concerned, and a table scrolled deep
into a long list keeps its place (the rows on screen and the selection) while it does.

Two desks on one real database: the window's own (``hb``) and another ``Heartbeat`` opened
on the same settings.  On PostgreSQL the window hears which row changed (LISTEN) and fetches
that row alone; SQLite says only "something changed", so the window loads the rows it holds
again and applies the difference.  Either way the service calls are counted through wrappers
around the real services.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractItemView

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.main_window import MainWindow
from heartbeat_desktop.ui.models.patients import PatientTableModel
from heartbeat_desktop.ui.session import SessionHolder
from tests.helpers import patient_data

SECONDS = 3
PATIENTS = 300
LOADED = 160  # pages of 20, 20, 40, 40, 40: five fetches deep, the list not at its end
LETTERS = "абвгдежзиклмнопрстуфхцчшэюя"  # in the order names sort


def name(i: int) -> str:
    """The ``i``-th patient's surname: Пациентаа, Пациентаб, ... (letters only, as names must be)."""
    return "Пациент" + LETTERS[i // len(LETTERS)] + LETTERS[i % len(LETTERS)]


def counting(monkeypatch: pytest.MonkeyPatch, service: Any, name: str) -> list[tuple[tuple[Any, ...], dict]]:
    """Every call of ``service.name`` from now on, (args, kwargs) (the real method still answers)."""
    calls: list[tuple[tuple[Any, ...], dict]] = []
    real = getattr(service, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(service, name, wrapper)
    return calls


def place(page) -> tuple[int, int, int | None]:  # noqa: ANN001
    """The top row on screen (its id, how far down it is drawn) and the selected record's id."""
    table, model = page.table, page.model
    top = table.rowAt(0)
    selected = page.selected()
    return model.record(top).id, table.rowViewportPosition(top), selected.id if selected else None


def watched(qtbot, qtmodeltester, model) -> int:  # noqa: ANN001
    """Qt's model tester watching ``model`` from now on: the rows loaded then.

    (The tester fetches more rows after each change it checks: counts of rows or of
    page calls are no measure of a live update here; where the pages start is.)
    """
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
    return model.rowCount()


@pytest.fixture
def deep_page(qtbot, monkeypatch, hb: Heartbeat, admin_auth):  # noqa: ANN001
    """The patients page of a desk's window, scrolled to row 100 of 160 loaded, row 104 selected."""
    for i in range(PATIENTS):
        hb.patients.create(admin_auth.token, patient_data(last_name=name(i), phone=None))
    monkeypatch.setattr(PatientTableModel, "page_size", 20)
    monkeypatch.setattr(PatientTableModel, "max_page_size", 40)
    window = MainWindow(hb, SessionHolder(admin_auth))
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    assert window.live._watcher.ready.wait(10)
    page = window.show_page("patientsPage")
    model = page.model
    qtbot.waitUntil(lambda: not model.is_loading and model.rowCount() > 0, timeout=10_000)
    while model.rowCount() < LOADED:
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.is_loading, timeout=10_000)
    assert model.rowCount() == LOADED and model.canFetchMore()
    page.select_id(model.record(104).id)
    page.table.scrollTo(model.index(100, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    qtbot.wait(50)
    assert page.table.rowAt(0) == 100 and page.selected().last_name == name(104)
    yield page
    window.close()


def test_a_row_renamed_at_another_desk_changes_in_place(qtbot, qtmodeltester, monkeypatch, deep_page, hb,
                                                       admin_auth):
    page, model = deep_page, deep_page.model
    loaded = watched(qtbot, qtmodeltester, model)
    before = [model.record(i) for i in range(model.rowCount())]
    where = place(page)
    pages = counting(monkeypatch, hb.patients, "page")
    rows = counting(monkeypatch, hb.patients, "row")
    renamed = model.record(102)
    with Heartbeat.open(hb.ctx.settings) as other_desk:
        other_desk.patients.update(admin_auth.token, renamed.id, {
            **patient_data(last_name=renamed.last_name, first_name="Переименована", phone=None),
            "version": renamed.version})
        qtbot.waitUntil(lambda: model.record(102).first_name == "Переименована", timeout=SECONDS * 1000)
    qtbot.wait(300)  # nothing else follows
    assert place(page) == where
    unchanged = [i for i in range(loaded) if i != 102]
    assert all(model.record(i) is before[i] for i in unchanged)  # the same objects: not refetched
    from_the_top = [kwargs for _args, kwargs in pages if kwargs.get("after") is None]
    if hb.ctx.settings.is_sqlite:  # "something changed": the loaded rows again, from the first
        assert len(from_the_top) == 1 and rows == []
    else:  # LISTEN said which: that row alone, and no list again
        assert from_the_top == [] and [args[1] for args, _kwargs in rows] == [renamed.id]


def test_a_record_added_above_at_another_desk_keeps_the_place(qtbot, qtmodeltester, deep_page, hb, admin_auth):
    page, model = deep_page, deep_page.model
    loaded = watched(qtbot, qtmodeltester, model)
    top, y, selected = place(page)
    with Heartbeat.open(hb.ctx.settings) as other_desk:
        new = other_desk.patients.create(admin_auth.token, patient_data(last_name=name(0) + "а", phone=None))
        qtbot.waitUntil(lambda: model.row_of(new.id) == 1, timeout=SECONDS * 1000)
    assert place(page) == (top, y, selected)  # the rows on screen did not move, the selection stayed
    assert page.table.rowAt(0) == 101  # one row more above them
    assert model.rowCount() >= loaded


def test_a_record_deleted_at_another_desk_leaves_the_list_and_the_place(qtbot, qtmodeltester, deep_page, hb,
                                                                       admin_auth):
    page, model = deep_page, deep_page.model
    watched(qtbot, qtmodeltester, model)
    where = place(page)
    above, shown = model.record(50), model.record(103)
    with Heartbeat.open(hb.ctx.settings) as other_desk:
        other_desk.patients.delete(admin_auth.token, above.id)
        qtbot.waitUntil(lambda: model.row_of(above.id) < 0, timeout=SECONDS * 1000)
        assert place(page) == where and page.table.rowAt(0) == 99
        other_desk.patients.delete(admin_auth.token, shown.id)  # one on screen, under the selection
        qtbot.waitUntil(lambda: model.row_of(shown.id) < 0, timeout=SECONDS * 1000)
    assert place(page) == where
    qtbot.waitUntil(lambda: page.count_label.text().startswith(str(PATIENTS - 2)), timeout=SECONDS * 1000)
