"""A patient saved at another desk while the form was open: compare, then theirs or mine on top."""

from __future__ import annotations

from PySide6.QtCore import Qt

from heartbeat_desktop.ui.forms.patient_form import PatientForm
from heartbeat_desktop.ui.forms.stale_dialog import StaleDialog
from tests.helpers import patient_data


def open_form_then_another_desk_saves(qtbot, services, admin_session):  # noqa: ANN001, ANN201
    token = admin_session.token
    record = services.patients.create(token, patient_data(email="old@example.com"))
    form = PatientForm(services, admin_session, record)
    qtbot.addWidget(form)
    form.show()
    fields = record.model_dump(include=set(PatientForm.schema.model_fields))
    theirs = services.patients.update(token, record.id, {**fields, "phone": "+7 999 111-22-33",
                                                          "version": record.version})
    form.email.setText("new@example.com")  # what this desk changes meanwhile
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.stale_dialog is not None and form.stale_dialog.isVisible(), timeout=10_000)
    return form, theirs


def table_rows(dialog: StaleDialog) -> list[tuple[str, ...]]:
    t = dialog.table
    return [tuple(t.item(r, c).text() for c in range(3)) for r in range(t.rowCount())]


def test_save_mine_on_top_keeps_their_change_and_adds_mine(qtbot, services, admin_session):
    form, theirs = open_form_then_another_desk_saves(qtbot, services, admin_session)
    dialog = form.stale_dialog
    assert dialog.message.text().startswith("admin saved this patient at ")
    assert table_rows(dialog) == [("Phone", "+7 999 111-22-33", "+7 916 123-45-67"),
                                  ("E-mail", "old@example.com", "new@example.com")]
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    after = saved.args[0]
    assert (after.phone, after.email) == ("+7 999 111-22-33", "new@example.com")  # theirs kept, mine on top
    assert after.version == theirs.version + 1
    assert services.patients.get(admin_session.token, after.id) == after


def test_use_their_version_loads_it_into_the_open_form(qtbot, services, admin_session):
    form, theirs = open_form_then_another_desk_saves(qtbot, services, admin_session)
    qtbot.mouseClick(form.stale_dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.phone.text() == "+7 999 111-22-33" and form.email.text() == "old@example.com"
    assert "saved version is in the form" in form.form_error.text()
    assert services.patients.get(admin_session.token, theirs.id) == theirs  # nothing saved yet
    assert not form.dirty  # what is in the form is what is saved: closing asks nothing


def test_the_form_closes_after_their_version_is_taken(qtbot, services, admin_session):
    form, _theirs = open_form_then_another_desk_saves(qtbot, services, admin_session)
    qtbot.mouseClick(form.stale_dialog.theirs_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed since: no question, it just closes
    assert not form.isVisible()
