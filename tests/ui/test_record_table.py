"""The generic table model's paging: the first page is small, later ones grow."""

from heartbeat_desktop.ui.models.patients import PatientTableModel
from tests.helpers import patient_data


def load_to_end(qtbot, model) -> None:
    """fetchMore until the model has every row, as scrolling to the end does."""
    while True:
        qtbot.waitUntil(lambda: not model.is_loading, timeout=5000)
        if not model.canFetchMore():
            return
        model.fetchMore()


def test_pages_double_up_to_the_cap_and_every_row_arrives_once(qtbot, qtmodeltester, services, admin_session):
    token = admin_session.token
    for i in range(23):
        services.patients.create(token, patient_data(last_name=f"Пациентов{chr(0x430 + i)}", phone=None))
    asked = []

    def loader(query, offset, limit, **sort):
        asked.append((offset, limit))
        return services.patients.search(token, query, offset=offset, limit=limit, **sort)

    model = PatientTableModel(loader)
    model.page_size, model.max_page_size = 2, 8
    model.reload("")
    load_to_end(qtbot, model)
    assert asked == [(0, 2), (2, 2), (4, 4), (8, 8), (16, 8)]  # 2, 2, 4, 8, then the cap
    assert model.rowCount() == 23
    assert len({model.record(i).id for i in range(23)}) == 23
    qtmodeltester.check(model)


def test_the_largest_page_is_one_the_services_give_whole():
    """A service that silently returned fewer rows would end the list early."""
    from heartbeat_desktop.services.appointments import MAX_LIST
    from heartbeat_desktop.services.records import MAX_PAGE
    from heartbeat_desktop.ui.models.record_table import RecordTableModel

    assert RecordTableModel.max_page_size <= min(MAX_PAGE, MAX_LIST)


def test_a_keyset_loader_gets_the_last_pages_cursor_back(qtbot, qtmodeltester, services, admin_session):
    token = admin_session.token
    for i in range(7):
        services.patients.create(token, patient_data(last_name=f"Курсоров{chr(0x430 + i)}", phone=None))
    cursors = []

    def loader(query, offset, limit, **rest):
        cursors.append(rest.get("after"))
        return services.patients.page(token, query, limit=limit, **rest)

    model = PatientTableModel(loader)
    model.page_size, model.max_page_size = 3, 3
    model.reload("")
    load_to_end(qtbot, model)
    assert cursors[0] is None and len(cursors) == 3 and all(c is not None for c in cursors[1:])
    assert [model.record(i).id for i in range(7)] == [p.id for p in services.patients.search(token, "")]
    model.reload("курсоровб")  # a new search starts without a cursor
    qtbot.waitUntil(lambda: not model.is_loading, timeout=5000)
    assert cursors[-1] is None and model.rowCount() == 1
    qtmodeltester.check(model)
