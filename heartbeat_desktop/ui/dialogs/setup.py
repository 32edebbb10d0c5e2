"""First start: no accounts exist, so the administrator is created here.

There is no default password; the rules are the service's, shown as typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget

from heartbeat_desktop import APP_NAME
from heartbeat_desktop.core.errors import HeartbeatError, ValidationFailed
from heartbeat_desktop.schemas import PASSWORD_RULES, AuthSession, password_problem
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.dialogs.login import AuthDialog
from heartbeat_desktop.ui.errors import translated
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.widgets import named, show_message


class SetupDialog(AuthDialog):
    """The administrator's account: user name, full name, password twice."""

    def __init__(self, services: Heartbeat, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        named(self, "setupDialog", self.tr("Create the administrator"))
        self.setWindowTitle(self.tr("Welcome to {0}").format(APP_NAME))
        intro = QLabel(self.tr("No accounts exist yet. Create the administrator account; "
                               "there is no default password."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.username = named(QLineEdit(), "usernameEdit", self.tr("User name"))
        self.full_name = named(QLineEdit(), "fullNameEdit", self.tr("Full name"))
        self.password = named(QLineEdit(), "passwordEdit", self.tr("Password"))
        self.confirm = named(QLineEdit(), "confirmPasswordEdit", self.tr("Repeat the password"))
        for edit in (self.password, self.confirm):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._check)
        self.username.textChanged.connect(self._check)
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Full name:"), self.full_name)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.form.addRow(self.tr("&Repeat password:"), self.confirm)
        rules = QLabel(translated(PASSWORD_RULES))
        rules.setWordWrap(True)
        self.form.addRow(rules)
        self.create_button = named(QPushButton(self.tr("&Create and sign in")), "createButton",
                                   self.tr("Create the administrator"))
        self.create_button.setDefault(True)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self.attempt)
        self._check()

    def problem(self) -> str:
        if not self.username.text().strip():
            return self.tr("Choose a user name.")
        problem = password_problem(self.password.text(), self.username.text().strip())
        if problem:
            return translated(problem)
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords differ.")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.create_button.setEnabled(not problem)
        typed = bool(self.password.text() or self.confirm.text())
        show_message(self.error, problem if typed else "")

    def attempt(self) -> None:
        if self.problem():
            return
        self._busy(True)
        data = {"username": self.username.text().strip(), "full_name": self.full_name.text(),
                "password": self.password.text()}
        op = Operation(self._create_and_login, data)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(self._failed)
        op.start()

    def _create_and_login(self, data: dict) -> AuthSession:
        self.services.auth.create_first_admin(data)
        return self.services.auth.login(data["username"], data["password"])

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            exc = HeartbeatError(" ".join(translated(m) for m in exc.field_errors.values()))
        super()._failed(exc)
