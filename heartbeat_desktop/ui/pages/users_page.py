"""The administrator's page of staff accounts: create, edit (name, role), deactivate and
reactivate, reset a password.

Accounts are never deleted (the audit log names them): "Deactivate" takes the
place of Delete.  The list is short, so the search filters it here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QPushButton, QWidget

from heartbeat_desktop.schemas import PASSWORD_RULES, UserRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import show_error, translated
from heartbeat_desktop.ui.forms.user_form import UserForm
from heartbeat_desktop.ui.models.users import UserTableModel, matching_users
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.records_page import RecordsPage
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named


class UsersPage(RecordsPage):
    shows = frozenset({"user"})
    entity = "user"
    title = QT_TRANSLATE_NOOP("pages", "Users")

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        self.services = services
        self.session = session
        self.can_create = self.can_delete = allowed(session.user.role, Permission.MANAGE_USERS)
        model = UserTableModel(
            lambda query, offset, limit, **sort: self._matching(query, **sort)[offset:offset + limit],
            lambda query: len(self._matching(query)),
            row_loader=lambda query, id_: self._row(query, id_),
        )
        super().__init__(model, parent)
        self.reset_button = named(QPushButton(self.tr("Reset &password…")), "resetPasswordButton",
                                  self.tr("Reset password"), self.tr("Set a temporary password for the selected user"))
        self.reactivate_button = named(QPushButton(self.tr("Re&activate")), "reactivateUserButton",
                                       self.tr("Reactivate"), self.tr("Let the selected deactivated account sign in again"))
        for i, button in enumerate((self.reactivate_button, self.reset_button)):
            button.setVisible(self.can_create)
            self.button_bar.insertWidget(3 + i, button)
        self.reset_button.clicked.connect(self.reset_password)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.table.selectionModel().selectionChanged.connect(self._update_user_buttons)
        model.modelReset.connect(self._update_user_buttons)
        model.dataChanged.connect(self._update_user_buttons)
        self._update_user_buttons()

    def search_hint(self) -> str:
        return self.tr("User name or full name")

    def describe(self, record: UserRead) -> str:
        return f"{record.display_name} ({record.username})"

    def open_form(self, record: UserRead | None) -> None:
        form = UserForm(self.services, self.session, record, self)
        form.saved.connect(self.saved)
        form.open()

    # --- deactivate instead of delete -------------------------------------------------------
    def delete_label(self) -> str:
        return self.tr("&Deactivate")

    def delete_question(self, record: UserRead) -> str:
        return self.tr("Deactivate {0}? The account can no longer sign in; its history is kept.").format(
            self.describe(record))

    def delete_call(self, record: UserRead) -> UserRead:
        return self.services.users.update(self.session.token, record.id, {
            "full_name": record.full_name, "role": record.role, "is_active": False,
            "can_overbook": record.can_overbook, "version": record.version})  # the rest as it was

    def deleted(self, record: UserRead, result: UserRead) -> None:
        self.saved(result)  # the account stays in the list, marked inactive

    def reactivate(self) -> None:
        user = self.selected()
        if user is None or user.is_active or not self.can_create:
            return
        op = Operation(self.services.users.update, self.session.token, user.id, {
            "full_name": user.full_name, "role": user.role, "is_active": True, "can_overbook": user.can_overbook,
            "version": user.version})
        op.succeeded.connect(self.saved)
        op.failed.connect(while_alive(self, lambda exc: show_error(self, exc)))
        op.start()

    # --- reset password ----------------------------------------------------------------------
    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("Reset password"),
            self.tr("Temporary password for {0}.\n{1}\nThey must choose their own at the next sign-in.").format(
                self.describe(user), translated(PASSWORD_RULES)),
            QLineEdit.EchoMode.Password)
        if not ok or not password:
            return
        op = Operation(self.services.users.reset_password, self.session.token, user.id, password)
        op.succeeded.connect(self._password_reset)
        op.failed.connect(while_alive(self, lambda exc: show_error(self, exc)))
        op.start()

    def _password_reset(self, user: UserRead) -> None:
        self.saved(user)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Password reset"),
                          self.tr("The password of {0} was reset.").format(self.describe(user)),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("passwordResetDialog")
        box.open()

    # --- internals ---------------------------------------------------------------------------------
    def _matching(self, query: str, **sort: object) -> list[UserRead]:
        """The accounts ``query`` finds, in the order the database sorted them by."""
        return matching_users(self.services.users.list(self.session.token, **sort), query, keep_order=True)

    def _row(self, query: str, user_id: int) -> UserRead | None:
        """One account, if ``query`` still finds it (off the GUI thread)."""
        found = matching_users([self.services.users.get(self.session.token, user_id)], query)
        return found[0] if found else None

    def _update_user_buttons(self, *_args: Any) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None)
        self.delete_button.setEnabled(user is not None and user.is_active and self.can_delete)
        self.reactivate_button.setEnabled(user is not None and not user.is_active and self.can_create)
