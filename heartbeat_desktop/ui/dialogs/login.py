"""First-start setup (the administrator) and the login dialog.

Neither knows a default password; both keep the typed user name on failure and
say the same thing whether or not the user exists (the service decides that).
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

from heartbeat_desktop import APP_NAME
from heartbeat_desktop.core.errors import HeartbeatError, ValidationFailed
from heartbeat_desktop.schemas import PASSWORD_RULES, AuthSession, password_problem
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.widgets import error_label, named, show_message


class _AuthDialog(QDialog):
    """Shared frame: a form, an error line, one main button, busy state."""

    signed_in = Signal(object)  # AuthSession

    def __init__(self, services: Heartbeat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session: AuthSession | None = None
        self.form = QFormLayout()
        self.error = error_label("loginError")
        self.buttons = QDialogButtonBox()
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_message(self.error, plain_message(exc))

    def _succeeded(self, session: AuthSession) -> None:
        self._busy(False)
        self.session = session
        self.signed_in.emit(session)
        self.accept()


class LoginDialog(_AuthDialog):
    database_requested = Signal()

    def __init__(self, services: Heartbeat, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        named(self, "loginDialog", self.tr("Sign in"))
        self.setWindowTitle(self.tr("Sign in — {0}").format(APP_NAME))
        self.username = named(QLineEdit(), "usernameEdit", self.tr("User name"))
        self.password = named(QLineEdit(), "passwordEdit", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.database = QLabel(self.tr("Database: {0}").format(services.database_label))
        self.database.setWordWrap(True)
        self.form.addRow(self.database)
        self.login_button = named(QPushButton(self.tr("Sign &in")), "loginButton", self.tr("Sign in"))
        self.login_button.setDefault(True)  # Enter signs in
        self.database_button = named(QPushButton(self.tr("&Database…")), "databaseButton",
                                     self.tr("Database connection settings"))
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.database_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.login_button.clicked.connect(self.attempt)
        self.database_button.clicked.connect(self.database_requested)
        self.username.setFocus()

    def attempt(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            show_message(self.error, self.tr("Enter your user name and password."))
            return
        self._busy(True)
        show_message(self.error, "")
        op = Operation(self.services.auth.login, username, password)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(self._failed)
        op.start()

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self.password.clear()
        self.password.setFocus()


class SetupDialog(_AuthDialog):
    """First start: no accounts exist, so the administrator is created here."""

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
        rules = QLabel(self.tr(PASSWORD_RULES))
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
            return self.tr(problem)
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
            exc = HeartbeatError(" ".join(exc.field_errors.values()))
        super()._failed(exc)
