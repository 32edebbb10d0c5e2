"""Merging two patient records from the patients page, and undoing it (administrators)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from heartbeat_desktop.ui.dialogs.merge_patients import MergeDialog
from heartbeat_desktop.ui.dialogs.merges import MergesDialog
from heartbeat_desktop.ui.pages.patients_page import PatientsPage
from tests.helpers import at, booking, doctor_data, patient_data, session_for

WAIT = 5000


def twins(services, token):  # noqa: ANN001, ANN201
    doctor = services.doctors.create(token, doctor_data()).id
    survivor = services.patients.create(token, patient_data())
    duplicate = services.patients.create(token, patient_data(last_name="Ivanov", first_name="Petr", middle_name=None,
                                                             phone=None, email="petr@example.com"))
    for hour in (9, 10, 11):
        services.appointments.create(token, booking(doctor, duplicate.id, at(hour)))
    return doctor, survivor, duplicate


def merge_dialog(qtbot, services, session, patient) -> MergeDialog:  # noqa: ANN001
    dialog = MergeDialog(services, session, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_merge_button_is_for_administrators(qtbot, services, gui_admin, admin_session):
    page = PatientsPage(services, admin_session)
    qtbot.addWidget(page)
    assert not page.merge_button.isHidden() and not page.merges_button.isHidden()
    desk = PatientsPage(services, session_for(services, gui_admin, "desk", "receptionist"))
    qtbot.addWidget(desk)
    assert desk.merge_button.isHidden() and desk.merges_button.isHidden()


def test_merge_side_by_side_with_a_preview_then_undo(qtbot, services, admin_session):
    token = admin_session.token
    _doctor, survivor, duplicate = twins(services, token)
    dialog = merge_dialog(qtbot, services, admin_session, survivor)
    asked = []
    dialog.ask_merge = lambda preview, take: asked.append((preview.duplicate.id, take)) or True
    dialog.other.set_patient(duplicate.id, "Ivanov Petr")
    qtbot.waitUntil(lambda: dialog.merge_button.isEnabled(), timeout=WAIT)
    assert "3 appointment(s)" in dialog.summary.text()
    assert dialog.takes["email"].isEnabled() and dialog.takes["email"].isChecked()
    assert not dialog.takes["phone"].isEnabled()  # the kept record has one
    dialog.resize(760, 520)
    dialog.grab().save("/tmp/shotsD/merge_dialog.png")
    with qtbot.waitSignal(dialog.merged, timeout=WAIT):
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert asked == [(duplicate.id, ("email",))]
    assert services.patients.get(token, survivor.id).email == "petr@example.com"
    assert services.patients.get(token, duplicate.id).is_active is False

    merges = MergesDialog(services, admin_session)
    qtbot.addWidget(merges)
    merges.show()
    qtbot.waitUntil(lambda: merges.model.rowCount() == 1, timeout=WAIT)
    assert merges.model.data(merges.model.index(0, 3)) == "appointments: 3"
    merges.table.selectRow(0)
    merges.grab().save("/tmp/shotsD/merges_dialog.png")
    merges.ask_undo = lambda merge: True
    qtbot.mouseClick(merges.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: merges.model.rowCount() == 1 and merges.model.record(0).undone_at is not None,
                    timeout=WAIT)
    assert services.patients.get(token, duplicate.id).is_active is True
    assert services.patients.get(token, survivor.id).email is None


def test_a_clash_is_shown_and_merge_stays_off(qtbot, services, admin_session):
    token = admin_session.token
    _doctor, survivor, duplicate = twins(services, token)
    other = services.doctors.create(token, doctor_data(last_name="Сидоров", room="102")).id
    services.appointments.create(token, booking(other, survivor.id, at(10, 10)))
    dialog = merge_dialog(qtbot, services, admin_session, survivor)
    dialog.other.set_patient(duplicate.id, "Ivanov Petr")
    qtbot.waitUntil(lambda: "same time" in dialog.problem.text(), timeout=WAIT)
    assert not dialog.merge_button.isEnabled()


def test_the_merges_model_passes_the_qt_model_tester(qtmodeltester, qtbot, services, admin_session):
    token = admin_session.token
    _doctor, survivor, duplicate = twins(services, token)
    services.merges.merge(token, {"survivor_id": survivor.id, "duplicate_id": duplicate.id,
                                  "survivor_version": survivor.version, "duplicate_version": duplicate.version})
    merges = MergesDialog(services, admin_session, survivor.id)
    qtbot.addWidget(merges)
    qtbot.waitUntil(lambda: merges.model.rowCount() == 1, timeout=WAIT)
    qtmodeltester.check(merges.model)
