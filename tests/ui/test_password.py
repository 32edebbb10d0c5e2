"""Changing one's password: from the menu, forced after an admin's reset, and a
window whose session was ended elsewhere locking itself."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from heartbeat_desktop.core.errors import AuthenticationFailed
from heartbeat_desktop.ui.dialogs.password import ChangePasswordDialog
from heartbeat_desktop.ui.main_window import MainWindow
from tests.helpers import ADMIN_PASSWORD, STAFF_PASSWORD, make_user
from tests.ui.test_application import sign_in, start

NEW_PASSWORD = "Svoj-parol-7"


def fill(qtbot, dialog, old, new, confirm=None):
    for edit, text in ((dialog.old, old), (dialog.new, new), (dialog.confirm, confirm or new)):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_change_password_from_the_menu_keeps_working_with_the_new_session(qtbot, services, admin_session):
    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    old_token = window.session.token
    window.findChild(type(window.menuBar().actions()[0]), "changePasswordAction").trigger()
    dialog = window.findChild(ChangePasswordDialog, "changePasswordDialog")
    assert dialog.isVisible() and not dialog.save_button.isEnabled()

    fill(qtbot, dialog, ADMIN_PASSWORD, "short")
    assert "8 characters" in dialog.new_error.text() and not dialog.save_button.isEnabled()
    fill(qtbot, dialog, ADMIN_PASSWORD, NEW_PASSWORD, "Svoj-parol-8")
    assert "differ" in dialog.new_error.text()

    fill(qtbot, dialog, "Not-my-passw0rd", NEW_PASSWORD)  # the service has the last word
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.old_error.isVisible(), timeout=10000)
    assert "not correct" in dialog.old_error.text() and dialog.isVisible() and dialog.old.text() == ""

    qtbot.keyClicks(dialog.old, ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.changed, timeout=10000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.session.token != old_token
    assert services.patients.count(window.session.token) == 0  # the window carries on
    with pytest.raises(AuthenticationFailed):
        services.patients.count(old_token)  # the old session, and any other desk's, is over
    assert services.auth.login("admin", NEW_PASSWORD).user.username == "admin"


def test_a_temporary_password_must_be_replaced_before_the_window_opens(qtbot, gui_settings, services, gui_admin):
    make_user(services, gui_admin.token, "desk", "receptionist")
    desk = next(u for u in services.users.list(gui_admin.token) if u.username == "desk")
    services.users.reset_password(gui_admin.token, desk.id, "Vremennyj-1")
    controller = start(qtbot, gui_settings)
    login = controller.dialog
    qtbot.keyClicks(login.username, "desk")
    qtbot.keyClicks(login.password, "Vremennyj-1")
    qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(controller.dialog, ChangePasswordDialog), timeout=10000)
    forced = controller.dialog
    qtbot.addWidget(forced)
    assert forced.isVisible() and controller.window is None
    assert "temporary password" in forced.intro.text()
    fill(qtbot, forced, "Vremennyj-1", NEW_PASSWORD)
    with qtbot.waitSignal(controller.window_shown, timeout=10000):
        qtbot.mouseClick(forced.save_button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(controller.window)
    assert controller.window.session.user.must_change_password is False
    controller.close()


def test_signing_out_instead_of_choosing_returns_to_the_login(qtbot, gui_settings, services, gui_admin):
    make_user(services, gui_admin.token, "desk", "receptionist")
    desk = next(u for u in services.users.list(gui_admin.token) if u.username == "desk")
    services.users.reset_password(gui_admin.token, desk.id, "Vremennyj-1")
    controller = start(qtbot, gui_settings)
    controller.dialog.username.setText("desk")
    controller.dialog.password.setText("Vremennyj-1")
    controller.dialog.login_button.click()
    qtbot.waitUntil(lambda: isinstance(controller.dialog, ChangePasswordDialog), timeout=10000)
    forced = controller.dialog
    forced.findChild(type(forced.save_button), "cancelButton").click()
    qtbot.waitUntil(lambda: controller.dialog is not forced and controller.dialog.isVisible(), timeout=5000)
    qtbot.addWidget(controller.dialog)
    assert controller.dialog.objectName() == "loginDialog" and controller.window is None
    qtbot.waitUntil(lambda: len(services.audit.list(gui_admin.token, action="logout")) == 1, timeout=5000)
    controller.close()


def test_a_session_ended_elsewhere_locks_the_window(qtbot, gui_settings, services, gui_admin):
    make_user(services, gui_admin.token, "desk", "receptionist")
    controller = start(qtbot, gui_settings)
    window = sign_in(qtbot, controller, "desk", STAFF_PASSWORD)
    desk = window.session.user
    services.users.reset_password(gui_admin.token, desk.id, "Vremennyj-1")  # the admin, at another desk
    window.show_page("patientsPage").refresh()
    qtbot.waitUntil(lambda: window.lock_screen.isVisible(), timeout=10000)
    assert "password" in window.lock_screen.reason.text()
    for box in window.findChildren(QMessageBox):
        box.done(0)
    controller.close()
