"""Every page and the main dialogs, walked as a keyboard and screen-reader user: each
control has a name Qt's accessibility layer reports (its accessible name, a button's
text, a field's buddy label), and Tab reaches every control in reading order."""

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QTableView

from heartbeat_desktop.ui import operations
from heartbeat_desktop.ui.dialogs.login import LoginDialog
from heartbeat_desktop.ui.dialogs.password import ChangePasswordDialog
from heartbeat_desktop.ui.main_window import MainWindow
from tests.helpers import doctor_data, make_user, patient_data
from tests.ui.walkers import tab_order_problems, unnamed

PAGES = ("schedulePage", "queuePage", "waitlistPage", "confirmationsPage", "appointmentsPage", "patientsPage",
         "doctorsPage", "usersPage", "auditPage")
# (from, to) object names Tab may take out of reading order, and why
EXCEPTIONS = frozenset()


def settle(qtbot):
    qtbot.waitUntil(lambda: not operations._running, timeout=30_000)
    QApplication.processEvents()


@pytest.fixture
def window(qtbot, services, admin_session, gui_admin):
    services.doctors.create(gui_admin.token, doctor_data())
    services.patients.create(gui_admin.token, patient_data())
    make_user(services, gui_admin.token, "desk", "receptionist")
    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    window.resize(1366, 820)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    return window


def show(qtbot, window, name):
    page = window.show_page(name)
    settle(qtbot)
    for table in page.findChildren(QTableView):
        if table.isVisible() and table.model() is not None and table.model().rowCount():
            table.selectRow(0)  # the buttons a selection enables
    settle(qtbot)
    return page


def dialogs(qtbot, window, services, admin_session):
    """The main dialogs, each opened as the user opens it: (name, dialog)."""
    openers = {
        "userForm": lambda: show(qtbot, window, "usersPage").create_record(),
        "patientForm": lambda: show(qtbot, window, "patientsPage").create_record(),
        "doctorForm": lambda: show(qtbot, window, "doctorsPage").create_record(),
        "appointmentForm": lambda: show(qtbot, window, "schedulePage").create_record(),
        "timeOffDialog": lambda: show(qtbot, window, "schedulePage").open_time_off(),
        "freeTimeDialog": lambda: show(qtbot, window, "schedulePage").open_free_time(),
        "visitTypesDialog": window.open_visit_types,
        "changePasswordDialog": window.change_password,
        "shortcutsDialog": window.show_shortcuts,
    }
    for name, open_it in openers.items():
        open_it()
        settle(qtbot)
        found = [d for d in window.findChildren(QDialog, name) if d.isVisible()]
        assert found, name
        yield name, found[-1]
        found[-1].done(0)
        settle(qtbot)


@pytest.mark.parametrize("name", PAGES)
def test_every_control_on_a_page_has_a_name(qtbot, window, name):
    page = show(qtbot, window, name)
    assert unnamed(page) == []


@pytest.mark.parametrize("name", PAGES)
def test_tab_reaches_every_control_on_a_page_in_reading_order(qtbot, window, name):
    page = show(qtbot, window, name)
    assert tab_order_problems(qtbot, page, exceptions=EXCEPTIONS) == []


def test_every_control_in_the_main_dialogs_has_a_name_and_a_tab_stop_in_reading_order(
        qtbot, window, services, admin_session):
    problems = {}
    for name, dialog in dialogs(qtbot, window, services, admin_session):
        found = unnamed(dialog) + tab_order_problems(qtbot, dialog, exceptions=EXCEPTIONS)
        if found:
            problems[name] = found
    assert problems == {}


def test_the_sign_in_and_forced_password_dialogs(qtbot, services, gui_admin):
    for dialog in (LoginDialog(services), ChangePasswordDialog(services, gui_admin, forced=True)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert unnamed(dialog) + tab_order_problems(qtbot, dialog, exceptions=EXCEPTIONS) == []
        dialog.done(0)


def test_the_walkers_catch_a_nameless_combo_and_tab_going_back(qtbot):
    """The walkers themselves: a combo box named only by its current item is unnamed;
    a button reached before the combo box above it is out of reading order."""
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    root.setObjectName("walkerCheck")
    button = QPushButton("Save")
    button.setObjectName("save")
    field, combo = QLineEdit(), QComboBox()
    field.setObjectName("field")
    field.setAccessibleName("Field")
    combo.addItem("All records")
    layout = QVBoxLayout(root)
    for widget in (field, combo, button):
        layout.addWidget(widget)
    combo.setObjectName("combo")
    QWidget.setTabOrder(field, button)  # the button before the combo box above it
    root.show()
    qtbot.waitExposed(root)
    assert unnamed(root) == ["QComboBox#combo ''"]
    problems = tab_order_problems(qtbot, root)
    assert len(problems) == 1 and "Tab goes back: QPushButton#save" in problems[0], problems
    assert tab_order_problems(qtbot, root, exceptions=frozenset({("save", "combo")})) == []
