"""The way in: first start, sign-in, sign-out, lock, the database dialog."""

import json

from PySide6.QtCore import Qt

from heartbeat_desktop.ui.application import Controller
from heartbeat_desktop.ui.dialogs.login import LoginDialog
from heartbeat_desktop.ui.dialogs.setup import SetupDialog
from tests.helpers import ADMIN_PASSWORD


def start(qtbot, gui_settings):
    controller = Controller(gui_settings)
    with qtbot.waitSignal(controller.settled, timeout=10000):
        controller.start()
    assert controller.services is not None
    qtbot.addWidget(controller.dialog)
    return controller


def sign_in(qtbot, controller, username="admin", password=ADMIN_PASSWORD):
    dialog = controller.dialog
    assert isinstance(dialog, LoginDialog)
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    with qtbot.waitSignal(controller.window_shown, timeout=10000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter signs in
    qtbot.addWidget(controller.window)
    return controller.window


def test_first_start_creates_the_administrator_and_opens_the_window(qtbot, gui_settings):
    controller = start(qtbot, gui_settings)
    setup = controller.dialog
    assert isinstance(setup, SetupDialog)
    assert not setup.create_button.isEnabled()
    qtbot.keyClicks(setup.username, "chief")
    qtbot.keyClicks(setup.password, "short")
    assert "8 characters" in setup.error.text()
    setup.password.clear()
    qtbot.keyClicks(setup.password, "Long-enough-1")
    qtbot.keyClicks(setup.confirm, "Long-enough-2")
    assert "differ" in setup.error.text() and not setup.create_button.isEnabled()
    setup.confirm.clear()
    qtbot.keyClicks(setup.confirm, "Long-enough-1")
    assert setup.create_button.isEnabled()
    with qtbot.waitSignal(controller.window_shown, timeout=10000):
        qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    window = controller.window
    qtbot.addWidget(window)
    assert window.objectName() == "mainWindow"
    assert "chief" in window.user_label.text() and "Administrator" in window.user_label.text()
    assert controller.services.auth.has_users()
    controller.close()


def test_wrong_password_says_the_same_as_unknown_user(qtbot, gui_settings, gui_admin):
    controller = start(qtbot, gui_settings)
    dialog = controller.dialog
    messages = []
    for username, password in (("admin", "Wrong-pass-1"), ("nobody", "Wrong-pass-1")):
        dialog.username.setText(username)
        dialog.password.setText(password)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.login_button.isEnabled(), timeout=10000)
        messages.append(dialog.error.text())
        assert dialog.password.text() == ""  # cleared, the user name kept
        assert dialog.username.text() == username
    assert messages[0] == messages[1]
    controller.close()


def test_sign_out_returns_to_the_login_dialog(qtbot, gui_settings, gui_admin):
    controller = start(qtbot, gui_settings)
    window = sign_in(qtbot, controller)
    window.findChild(type(window.menuBar().actions()[0]), "logoutAction").trigger()
    assert not window.isVisible()
    assert isinstance(controller.dialog, LoginDialog) and controller.dialog.isVisible()
    qtbot.addWidget(controller.dialog)
    audit = controller.services.audit.list(gui_admin.token, action="logout")
    assert len(audit) == 1
    controller.close()


def test_lock_hides_open_forms_and_unlock_brings_them_back_with_their_content(qtbot, gui_settings, gui_admin):
    controller = start(qtbot, gui_settings)
    window = sign_in(qtbot, controller)
    page = window.show_page("patientsPage")
    page.open_form(None)
    form = page.findChild(type(page), "patientForm") or page.findChildren(object)[0]
    from heartbeat_desktop.ui.forms.patient_form import PatientForm

    form = page.findChild(PatientForm, "patientForm")
    qtbot.keyClicks(form.first_name, "Half typed")
    window.session.lock("Locked for the test.")  # what idle time or expiry does
    assert window.lock_screen.isVisible() and not form.isVisible()
    qtbot.keyClicks(window.lock_screen.password, "Wrong-pass-1")
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.lock_screen.error.isVisible(), timeout=10000)
    assert window.lock_screen.isVisible()
    qtbot.keyClicks(window.lock_screen.password, ADMIN_PASSWORD)
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.lock_screen.isVisible(), timeout=10000)
    assert form.isVisible() and form.first_name.text() == "Half typed"
    assert not window.session.locked
    form.reject = form.done  # close without the discard question
    controller.close()


def test_session_expiry_locks_the_window(qtbot, gui_settings, gui_admin):
    controller = start(qtbot, gui_settings)
    window = sign_in(qtbot, controller)
    with qtbot.waitSignal(window.session.lock_requested, timeout=5000):
        window.session._expiry.start(10)  # as if the shift's token ran out now
    assert window.lock_screen.isVisible()
    controller.close()


def test_database_dialog_saves_a_shared_server_without_logging_the_password(qtbot, gui_settings, gui_admin):
    controller = start(qtbot, gui_settings)
    controller.dialog.database_button.click()
    dialog = controller.connection_dialog
    qtbot.addWidget(dialog)
    dialog.shared.setChecked(True)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there: refused at once
    dialog.user.setText("desk")
    dialog.password.setText("pa55-word")
    dialog.save()
    saved = json.loads((gui_settings.config_dir / "config.json").read_text())
    assert saved["database_url"] == "postgresql+psycopg://desk:pa55-word@127.0.0.1:1/heartbeat"
    assert oct((gui_settings.config_dir / "config.json").stat().st_mode & 0o777) == "0o600"
    # the app reopens on the new choice; the server is unreachable, so it says so plainly
    qtbot.waitUntil(lambda: controller.error_box is not None and controller.error_box.isVisible(), timeout=10000)
    text = controller.error_box.text()
    assert "Cannot open the database" in text and "pa55-word" not in text and "***" in text
    assert controller.services is None
    controller.error_box.done(0)
    # ... and offers the connection dialog again, where the user can go back to this computer
    qtbot.waitUntil(lambda: controller.connection_dialog.isVisible(), timeout=5000)
    controller.connection_dialog.local.setChecked(True)
    with qtbot.waitSignal(controller.settled, timeout=10000):
        controller.connection_dialog.save()
    assert controller.services is not None  # reopened on this computer's own file
    assert controller.services.database_label.endswith("heartbeat.sqlite3")
    controller.close()


def test_the_idle_lock_follows_the_settings(qtbot, gui_settings, gui_admin):
    from dataclasses import replace
    from datetime import timedelta

    controller = start(qtbot, replace(gui_settings, idle_lock=timedelta(minutes=3)))
    window = sign_in(qtbot, controller)
    assert window.session._idle.interval() == 3 * 60_000
    controller.close()


def test_the_sign_in_dialog_does_not_wait_for_the_pages_code():
    """Start-up imports only what sign-in needs; the window's pages load after it."""
    import subprocess
    import sys

    script = "import sys, heartbeat_desktop.ui.application; print('heartbeat_desktop.ui.main_window' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_sign_in_dialog_takes_the_typing_before_the_database_is_open(qtbot, services, gui_admin):
    """Sign in pressed while the services still load: it waits for them, then signs in."""
    dialog = LoginDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.database.text() == "Database: opening…"
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not dialog.login_button.isEnabled() and dialog.session is None  # waiting, not refused
    with qtbot.waitSignal(dialog.signed_in, timeout=10000) as signed:
        dialog.attach(services)
    assert signed.args[0].user.username == "admin"
    assert dialog.database.text() == f"Database: {services.database_label}"


def test_the_services_load_after_the_sign_in_dialog():
    """What the dialog needs is Qt alone: SQLAlchemy and pydantic load behind it."""
    import subprocess
    import sys

    script = ("import sys, heartbeat_desktop.ui.application; "
              "print(sorted(m for m in ('sqlalchemy', 'pydantic') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_days_first_start_leaves_a_backup(qtbot, gui_settings, gui_admin):
    from PySide6.QtCore import QThreadPool

    controller = start(qtbot, gui_settings)
    QThreadPool.globalInstance().waitForDone(10000)
    made = list(gui_settings.backup_dir.glob("heartbeat-*.sqlite3"))
    assert len(made) == 1 and made[0].stat().st_size > 0
    controller.close()
