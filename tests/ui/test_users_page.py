import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QMessageBox

from heartbeat_desktop.core.errors import AuthenticationFailed
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas import PASSWORD_RULES
from heartbeat_desktop.ui.forms.user_form import UserForm
from heartbeat_desktop.ui.pages.users_page import UsersPage
from tests.helpers import ADMIN_PASSWORD, STAFF_PASSWORD, make_user, type_text

LAST_ADMIN = "At least one active administrator must remain."

WAIT_MS = 30_000  # an upper bound for a loaded machine (password hashing); met waits return at once


def make_page(qtbot, services, session, n):
    page = UsersPage(services, session)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.refresh()
    wait_rows(qtbot, page, n)
    return page


def wait_rows(qtbot, page, n):
    qtbot.waitUntil(lambda: page.model.rowCount() == n and not page.model.is_loading, timeout=WAIT_MS)


def usernames(page):
    return [page.model.record(i).username for i in range(page.model.rowCount())]


def wait_usernames(qtbot, page, names):
    qtbot.waitUntil(lambda: usernames(page) == names and not page.model.is_loading, timeout=WAIT_MS)


def error_text(form, field):
    label = form.findChild(QLabel, f"{field}Error")
    return label.text() if label.isVisible() else ""


def row_of(page, username):
    return next(i for i in range(page.model.rowCount()) if page.model.record(i).username == username)


def select(page, username):
    page.table.selectRow(row_of(page, username))


def test_model_passes_qt_model_tester(qtmodeltester, qtbot, services, admin_session, gui_admin):
    for name in ("desk", "dr", "nurse"):
        make_user(services, gui_admin.token, name, "receptionist")
    page = make_page(qtbot, services, admin_session, 4)
    qtmodeltester.check(page.model)
    assert usernames(page) == ["admin", "desk", "dr", "nurse"]


def test_search_filters_by_user_name_or_full_name(qtbot, services, admin_session, gui_admin):
    make_user(services, gui_admin.token, "desk", "receptionist")
    make_user(services, gui_admin.token, "dr.kim", "doctor")
    page = make_page(qtbot, services, admin_session, 3)
    type_text(page.search, "АДМИН")  # the admin's full name is "Анна Админова"
    wait_usernames(qtbot, page, ["admin"])
    page.search.clear()
    wait_usernames(qtbot, page, ["admin", "desk", "dr.kim"])
    qtbot.keyClicks(page.search, "DR.")
    wait_usernames(qtbot, page, ["dr.kim"])
    qtbot.waitUntil(lambda: page.count_label.text().startswith("1"), timeout=WAIT_MS)


def test_create_a_receptionist_who_can_then_sign_in(qtbot, services, admin_session):
    page = make_page(qtbot, services, admin_session, 1)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.findChild(UserForm, "userForm")
    assert form is not None and form.isVisible()
    assert form.findChild(QLabel, "passwordRules").text() == PASSWORD_RULES
    assert form.role.currentData() == Role.RECEPTIONIST
    qtbot.keyClicks(form.username, "olga")
    type_text(form.full_name, "Ольга Смирнова")
    qtbot.keyClicks(form.password, "short1")
    assert "at least 8" in error_text(form, "password")
    qtbot.keyClicks(form.password, "-enough")
    assert error_text(form, "password") == ""
    qtbot.keyClicks(form.confirm_password, "short1-enougH")
    assert error_text(form, "confirm_password") == "The passwords do not match."
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form.confirm_password, Qt.Key.Key_Backspace)
    qtbot.keyClicks(form.confirm_password, "h")
    assert error_text(form, "confirm_password") == ""
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT_MS)
    wait_rows(qtbot, page, 2)
    auth = services.auth.login("olga", "short1-enough")
    assert (auth.user.role, auth.user.full_name) == (Role.RECEPTIONIST, "Ольга Смирнова")


def test_a_taken_user_name_is_shown_next_to_the_field(qtbot, services, admin_session):
    page = make_page(qtbot, services, admin_session, 1)
    page.create_record()
    form = page.findChild(UserForm, "userForm")
    qtbot.keyClicks(form.username, "admin")
    qtbot.keyClicks(form.password, STAFF_PASSWORD)
    qtbot.keyClicks(form.confirm_password, STAFF_PASSWORD)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: error_text(form, "username") == "This user name is taken.", timeout=WAIT_MS)
    assert form.isVisible()


def test_deactivating_the_last_admin_in_the_form_shows_the_refusal(qtbot, services, admin_session):
    page = make_page(qtbot, services, admin_session, 1)
    select(page, "admin")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.findChild(UserForm, "userForm")
    assert form.findChild(QLabel, "usernameLabel").text() == "admin"
    assert form.is_active.isChecked()
    form.is_active.click()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.form_error.isVisible(), timeout=WAIT_MS)
    assert form.form_error.text() == LAST_ADMIN
    assert form.isVisible()  # still open with what was chosen
    assert services.users.list(admin_session.token)[0].is_active


def test_deactivate_button_refuses_the_last_admin(qtbot, services, admin_session, monkeypatch):
    page = make_page(qtbot, services, admin_session, 1)
    select(page, "admin")
    assert page.delete_button.text() == "&Deactivate"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorDialog") is not None, timeout=WAIT_MS)
    box = page.findChild(QMessageBox, "errorDialog")
    assert box.text() == LAST_ADMIN
    box.close()
    assert services.auth.login("admin", ADMIN_PASSWORD).user.is_active
    QApplication.processEvents()


def test_deactivate_a_receptionist_keeps_the_row_and_stops_sign_in(qtbot, services, admin_session, gui_admin,
                                                                    monkeypatch):
    make_user(services, gui_admin.token, "desk", "receptionist")
    page = make_page(qtbot, services, admin_session, 2)
    select(page, "desk")
    questions = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, title, text, *a: questions.append(text) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    row = row_of(page, "desk")
    qtbot.waitUntil(lambda: not page.model.record(row).is_active, timeout=WAIT_MS)
    assert "Deactivate Desk (desk)?" in questions[0]
    assert page.model.index(row, 3).data() == "No"
    assert not page.delete_button.isEnabled()  # already inactive
    with pytest.raises(AuthenticationFailed):
        services.auth.login("desk", STAFF_PASSWORD)


def test_reset_password_sets_a_temporary_password(qtbot, services, admin_session, gui_admin, monkeypatch):
    make_user(services, gui_admin.token, "desk", "receptionist")
    page = make_page(qtbot, services, admin_session, 2)
    assert not page.reset_button.isEnabled()
    select(page, "desk")
    asked = []

    def answer(_parent, _title, text, mode, *args):
        asked.append((text, mode))
        return "Temp-passw0rd", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "passwordResetDialog") is not None, timeout=WAIT_MS)
    assert "Desk (desk)" in asked[0][0] and asked[0][1] == QLineEdit.EchoMode.Password
    auth = services.auth.login("desk", "Temp-passw0rd")
    assert auth.user.must_change_password
    page.findChild(QMessageBox, "passwordResetDialog").close()
    QApplication.processEvents()


def test_a_weak_temporary_password_is_refused(qtbot, services, admin_session, gui_admin, monkeypatch):
    make_user(services, gui_admin.token, "desk", "receptionist")
    page = make_page(qtbot, services, admin_session, 2)
    select(page, "desk")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("abc", True))
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorDialog") is not None, timeout=WAIT_MS)
    assert "at least 8" in page.findChild(QMessageBox, "errorDialog").text()
    page.findChild(QMessageBox, "errorDialog").close()
    services.auth.login("desk", STAFF_PASSWORD)  # unchanged
    QApplication.processEvents()


def test_a_deactivated_account_is_reactivated_with_its_rights_kept(qtbot, services, admin_session, gui_admin,
                                                                   monkeypatch):
    make_user(services, gui_admin.token, "desk", "receptionist")
    desk = next(u for u in services.users.list(gui_admin.token) if u.username == "desk")
    services.users.update(gui_admin.token, desk.id, {"full_name": "Desk", "role": "receptionist",
                                                     "can_overbook": True, "version": desk.version})
    page = make_page(qtbot, services, admin_session, 2)
    select(page, "desk")
    assert page.reactivate_button.isVisible() and not page.reactivate_button.isEnabled()  # active already
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    row = row_of(page, "desk")
    qtbot.waitUntil(lambda: not page.model.record(row).is_active, timeout=WAIT_MS)
    assert page.model.record(row).can_overbook  # deactivating takes nothing else away
    assert page.reactivate_button.isEnabled() and not page.delete_button.isEnabled()
    qtbot.mouseClick(page.reactivate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.record(row).is_active, timeout=WAIT_MS)
    assert page.model.record(row).can_overbook and page.delete_button.isEnabled()
    assert not page.reactivate_button.isEnabled()
    assert services.auth.login("desk", STAFF_PASSWORD).user.is_active


def test_the_role_is_changed_in_the_form_but_the_last_admin_keeps_theirs(qtbot, services, admin_session, gui_admin):
    make_user(services, gui_admin.token, "desk", "receptionist")
    page = make_page(qtbot, services, admin_session, 2)
    select(page, "desk")
    page.edit_selected()
    form = page.findChild(UserForm, "userForm")
    form.role.setCurrentIndex(form.role.findData(Role.DOCTOR))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.record(row_of(page, "desk")).role == Role.DOCTOR, timeout=WAIT_MS)
    select(page, "admin")
    page.edit_selected()
    form = [f for f in page.findChildren(UserForm, "userForm") if f.isVisible()][-1]
    form.role.setCurrentIndex(form.role.findData(Role.RECEPTIONIST))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.form_error.isVisible(), timeout=WAIT_MS)
    assert form.form_error.text() == LAST_ADMIN and form.isVisible()
    assert services.auth.login("admin", ADMIN_PASSWORD).user.role == Role.ADMIN
    form.done(0)
