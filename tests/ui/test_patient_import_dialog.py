"""Records → Import patients… walked as the desk walks it: the file chosen, the
columns guessed and one changed, the preview with a rejected row and a possible
duplicate ticked, the import and its report; nothing stored before the last step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from heartbeat_desktop.schemas.patient_import import ImportRow
from heartbeat_desktop.ui.dialogs.patient_import import COLUMNS, PREVIEW, REPORT, PatientImportDialog
from heartbeat_desktop.ui.main_window import MainWindow
from heartbeat_desktop.ui.models.import_preview import ImportPreviewModel
from tests.helpers import patient_data, session_for
from tests.ui.booking_helpers import WAIT, settle  # noqa: F401

pytestmark = pytest.mark.usefixtures("settle")

EXCEL = ("№;ФИО;Дата рождения;Пол;Тел.;Комментарий\r\n"
         "1;Смирнова Анна Петровна;03.02.1975;ж;8 (903) 111-22-33;\r\n"
         "2;Кузнецов Олег;31.02.1990;м;;Аллергия\r\n"  # no such day
         "3;Иванов Пётр Сергеевич;17.05.1980;м;;\r\n"  # registered already
         "4;Попова Мария Ивановна;15/06/2001;ж;;\r\n")


@pytest.fixture
def excel_file(tmp_path):
    path = tmp_path / "пациенты.csv"
    path.write_bytes(EXCEL.encode("cp1251"))
    return path


def open_dialog(qtbot, services, session, path):
    dialog = PatientImportDialog(services, session)
    qtbot.addWidget(dialog)
    dialog.ask_path = lambda: str(path)
    dialog.show()
    return dialog


def test_the_preview_model_passes_the_qt_model_tester(qtmodeltester):
    model = ImportPreviewModel()
    model.set_rows([ImportRow(row=2, values={"last_name": "Смирнова"}),
                    ImportRow(row=3, values={}, problems=("Last name: This field is required.",)),
                    ImportRow(row=4, values={"last_name": "Иванов"}, duplicate_of=("row 2 of this file",))])
    qtmodeltester.check(model)
    status = model.index(2, model.STATUS)
    assert status.data() == "Possible duplicate of row 2 of this file"
    assert status.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(1, model.STATUS).data(Qt.ItemDataRole.CheckStateRole) is None  # a rejected row: no tick
    assert model.will_import() == 1
    assert model.setData(status, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.chosen_duplicates() == {4} and model.will_import() == 2


def test_the_wizard_previews_imports_and_reports(qtbot, services, admin_session, excel_file, tmp_path):
    token = admin_session.token
    services.patients.create(token, patient_data())  # Иванов Пётр Сергеевич, 17.05.1980
    dialog = open_dialog(qtbot, services, admin_session, excel_file)
    assert not dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.findChild(type(dialog.next_button), "importChoose"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.header is not None and dialog.next_button.isEnabled(), timeout=WAIT)
    assert "4 row(s);" in dialog.file_summary.text() and "cp1251, separated by semicolons" in dialog.file_summary.text()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.steps.currentIndex() == COLUMNS
    assert dialog.combos["full_name"].currentData() == "ФИО"
    assert dialog.combos["phone"].currentData() == "Тел."
    assert dialog.combos["notes"].currentData() == "Комментарий"
    assert dialog.combos["sex"].currentData() == "Пол"
    dialog.combos["notes"].setCurrentIndex(0)  # the desk leaves the comments out
    dialog.grab().save(str(tmp_path / "import-patients-columns.png"))

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == PREVIEW, timeout=WAIT)
    model = dialog.model
    statuses = [model.index(r, model.STATUS).data() for r in range(model.rowCount())]
    assert statuses[0] == "OK" and statuses[3] == "OK"
    assert statuses[1] == "Birth date: Enter the date as dd.mm.yyyy, for example 17.05.1980."
    assert statuses[2].startswith("Possible duplicate of Иванов Пётр Сергеевич, born 17.05.1980")
    assert "2 row(s) can be imported" in dialog.preview_summary.text()
    assert dialog.import_button.text() == "&Import 2 patient(s)"
    dialog.problems_only.setChecked(True)
    assert dialog.proxy.rowCount() == 2
    dialog.grab().save(str(tmp_path / "import-patients-preview.png"))
    assert services.patients.count(token) == 1  # nothing written yet

    model.setData(model.index(2, model.STATUS), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.import_button.text() == "&Import 3 patient(s)"
    with qtbot.waitSignal(dialog.imported, timeout=WAIT) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = imported.args[0]
    assert (result.imported, result.rejected) == (3, 1)
    assert dialog.steps.currentIndex() == REPORT
    rejected = excel_file.with_name("пациенты-rejected.csv")
    assert dialog.report.text().startswith("3 patient(s) imported. 1 row(s) rejected.")
    assert str(rejected) in dialog.report.text()
    assert rejected.read_text("cp1251").splitlines()[1].startswith("2;Кузнецов Олег;31.02.1990")
    assert dialog.close_button.text() == "Close"
    dialog.grab().save(str(tmp_path / "import-patients-report.png"))
    stored = {p.full_name: p for p in services.patients.search(token, "")}
    assert set(stored) == {"Иванов Пётр Сергеевич", "Смирнова Анна Петровна", "Попова Мария Ивановна"} \
        and len(services.patients.search(token, "Иванов")) == 2
    assert stored["Смирнова Анна Петровна"].notes is None  # the column was left out


def test_all_or_nothing_imports_nothing_and_says_why(qtbot, services, admin_session, excel_file):
    dialog = open_dialog(qtbot, services, admin_session, excel_file)
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.next_button.isEnabled(), timeout=WAIT)
    dialog.next()
    dialog.next()
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == PREVIEW, timeout=WAIT)
    dialog.all_or_nothing.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == REPORT, timeout=WAIT)
    assert dialog.report.text().startswith("Nothing was imported: 1 row(s) are rejected")
    assert services.patients.count(admin_session.token) == 0


def test_a_mapping_without_a_birth_date_is_stopped_at_the_columns_step(qtbot, services, admin_session, excel_file):
    dialog = open_dialog(qtbot, services, admin_session, excel_file)
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.next_button.isEnabled(), timeout=WAIT)
    dialog.next()
    dialog.combos["birth_date"].setCurrentIndex(0)
    dialog.next()
    assert dialog.steps.currentIndex() == COLUMNS
    assert dialog.error.text() == "Choose the column holding the birth date."


def test_a_file_that_is_not_csv_is_said_plainly(qtbot, services, admin_session, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\x00\x01\x02")
    dialog = open_dialog(qtbot, services, admin_session, path)
    dialog.choose_file()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert dialog.error.text().startswith("This is not a CSV file")
    assert not dialog.next_button.isEnabled()


def test_the_menu_offers_the_import_to_the_desk_not_to_a_doctor(qtbot, services, gui_admin, admin_session):
    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    assert window.findChild(type(window.menuBar().actions()[0]), "importPatientsAction") is not None
    doctor = session_for(services, gui_admin, "doc", "doctor")
    other = MainWindow(services, doctor)
    qtbot.addWidget(other)
    assert other.findChild(type(other.menuBar().actions()[0]), "importPatientsAction") is None
