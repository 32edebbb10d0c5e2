"""Changing one's own password: from the menu, or forced after an admin's reset.

The service checks the current password and the rules again; this dialog shows
the rules while typing and puts each refusal next to its field.  A successful
change returns a new session (the old one, and every other desk's, ends).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.schemas import PASSWORD_RULES, AuthSession, password_problem
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.errors import plain_message, translated
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.widgets import error_label, named, show_message


class ChangePasswordDialog(QDialog):
    changed = Signal(object)  # the new AuthSession

    def __init__(self, services: Heartbeat, auth: AuthSession, *, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "changePasswordDialog", self.tr("Change password"))
        self.services = services
        self.auth = auth
        self.setWindowTitle(self.tr("Choose a new password") if forced else self.tr("Change password"))
        self.setMinimumWidth(460)
        form = QFormLayout()
        self.intro: QLabel | None = None
        if forced:
            self.intro = QLabel(self.tr("An administrator has set a temporary password for your account. "
                                        "Choose your own before you continue."))
            self.intro.setWordWrap(True)
            form.addRow(self.intro)
        self.old = self._password_edit("oldPasswordEdit", self.tr("Current password"))
        self.new = self._password_edit("newPasswordEdit", self.tr("New password"))
        self.confirm = self._password_edit("confirmPasswordEdit", self.tr("Repeat the new password"))
        self.old_error = error_label("old_passwordError")
        self.new_error = error_label("new_passwordError")
        form.addRow(self.tr("&Current password:"), self.old)
        form.addRow("", self.old_error)
        form.addRow(self.tr("&New password:"), self.new)
        form.addRow(self.tr("&Repeat it:"), self.confirm)
        form.addRow("", self.new_error)
        rules = QLabel(translated(PASSWORD_RULES))
        rules.setWordWrap(True)
        form.addRow(rules)
        self.error = error_label("changePasswordError")
        self.save_button = named(QPushButton(self.tr("&Change password")), "saveButton",
                                 self.tr("Change password"))
        self.save_button.setDefault(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(
            self.tr("Sign &out") if forced else self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        named(cancel, "cancelButton", cancel.text().replace("&", ""))
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.attempt)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()
        self.old.setFocus()

    def _password_edit(self, name: str, accessible: str) -> QLineEdit:
        edit = named(QLineEdit(), name, accessible)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textChanged.connect(self._check)
        return edit

    def problem(self) -> str:
        new = self.new.text()
        problem = password_problem(new, self.auth.user.username)
        if problem:
            return translated(problem)
        if new != self.confirm.text():
            return self.tr("The two passwords differ.")
        if new == self.old.text():
            return self.tr("Choose a password different from the current one.")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.save_button.setEnabled(bool(self.old.text()) and not problem)
        show_message(self.new_error, problem if (self.new.text() or self.confirm.text()) else "")

    def attempt(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.buttons.setEnabled(False)
        show_message(self.error, "")
        show_message(self.old_error, "")
        op = Operation(self.services.auth.change_password, self.auth.token, self.old.text(), self.new.text())
        op.succeeded.connect(self._changed)
        op.failed.connect(self._failed)
        op.start()

    def _changed(self, auth: AuthSession) -> None:
        self.buttons.setEnabled(True)
        self.changed.emit(auth)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            errors = exc.field_errors
            show_message(self.old_error, translated(errors.get("old_password", "")))
            show_message(self.new_error, translated(errors.get("new_password", "")))
            if "old_password" in errors:
                self.old.clear()
                self.old.setFocus()
            return
        show_message(self.error, plain_message(exc))
