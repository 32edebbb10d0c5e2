"""Tools → Back up the database…: an admin's copy made off the GUI thread, verified, said plainly."""

import sqlite3

from PySide6.QtWidgets import QMenu, QMessageBox, QProgressDialog

from heartbeat_desktop.ui.main_window import MainWindow
from tests.helpers import patient_data, session_for


def test_admin_backs_up_the_database_and_is_told_where(qtbot, services, admin_session, tmp_path):
    services.patients.create(admin_session.token, patient_data())
    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    assert window.findChild(type(window.menuBar().actions()[0]), "backupAction") is not None
    target = tmp_path / "copies" / "heartbeat.sqlite3"
    with qtbot.waitSignal(window.backup.done, timeout=15000) as outcome:
        window.backup.run(target)
    assert outcome.args[0].path == target
    done = window.findChild(QMessageBox, "backupDone")
    assert done.isVisible() and str(target) in done.text()
    assert not any(p.isVisible() for p in window.findChildren(QProgressDialog))  # the busy dialog is gone
    with sqlite3.connect(target) as copy:
        assert copy.execute("select count(*) from patients").fetchone() == (1,)
    assert services.audit.list(admin_session.token, action="backup")[0].entity == "database"
    done.done(0)


def test_a_failed_backup_is_a_plain_message(qtbot, services, admin_session, tmp_path):
    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.backup.done, timeout=15000) as outcome:
        window.backup.run(tmp_path)  # a folder, not a file name
    assert "is a folder" in str(outcome.args[0])
    box = window.findChild(QMessageBox, "errorDialog")
    assert box.isVisible() and "is a folder" in box.text()
    box.done(0)


def test_receptionists_have_no_tools_menu(qtbot, services, gui_admin):
    desk = session_for(services, gui_admin, "desk", "receptionist")
    window = MainWindow(services, desk)
    qtbot.addWidget(window)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Tools" not in titles and "File" in titles
    assert all(m.objectName() != "backupAction" for menu in window.findChildren(QMenu) for m in menu.actions())


def test_admin_restores_a_backup_and_the_window_signs_out(qtbot, services, admin_session, tmp_path):
    services.patients.create(admin_session.token, patient_data(last_name="Прежний", phone=None))
    backup = services.backup.backup(admin_session.token, tmp_path / "monday.sqlite3").path
    services.patients.create(admin_session.token, patient_data(last_name="Лишний", phone=None))
    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    assert window.findChild(type(window.menuBar().actions()[0]), "restoreAction") is not None
    with qtbot.waitSignal(window.logged_out, timeout=15000):
        window.restore_runner.run(backup)
    done = window.restore_runner.message
    assert done.isVisible() and str(backup) in done.text() and ".replaced-" in done.text()
    assert not any(p.isVisible() for p in window.findChildren(QProgressDialog))
    assert [p.last_name for p in services.patients.search(gui_token(services), limit=10)] == ["Прежний"]
    done.done(0)


def test_a_file_that_is_no_backup_is_refused_plainly(qtbot, services, admin_session, tmp_path):
    window = MainWindow(services, admin_session)
    qtbot.addWidget(window)
    (tmp_path / "notes.sqlite3").write_text("просто текст")
    signed_out = []
    window.logged_out.connect(lambda: signed_out.append(True))
    with qtbot.waitSignal(window.restore_runner.done, timeout=15000) as outcome:
        window.restore_runner.run(tmp_path / "notes.sqlite3")
    assert "not a Heartbeat Desktop backup" in str(outcome.args[0])
    box = window.findChild(QMessageBox, "errorDialog")
    assert box.isVisible() and "nothing was changed" in box.text()
    assert signed_out == []  # nothing happened: still signed in
    box.done(0)


def gui_token(services) -> str:
    from tests.helpers import ADMIN_PASSWORD

    return services.auth.login("admin", ADMIN_PASSWORD).token
