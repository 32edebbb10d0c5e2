"""The login dialog, and the frame it shares with first-start setup.

Neither knows a default password; both keep the typed user name on failure and
say the same thing whether or not the user exists (the service decides that).
This module loads with Qt alone: the dialog shows at once at start-up, while
the database opens behind it (:meth:`LoginDialog.attach`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from heartbeat_desktop.ui.errors import plain_message, translated
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.widgets import error_label, named, show_message

if TYPE_CHECKING:
    from heartbeat_desktop.schemas import AuthSession
    from heartbeat_desktop.services import Heartbeat


class AuthDialog(QDialog):
    """Shared frame: a form, an error line, one main button, busy state."""

    signed_in = Signal(object)  # AuthSession

    def __init__(self, services: Heartbeat | None, parent: QWidget | None = None) -> None:
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


class LoginDialog(AuthDialog):
    """Sign in.  Made without services (``None``) it shows at once and takes
    the typing; a sign-in asked for before :meth:`attach` waits for it."""

    database_requested = Signal()

    def __init__(self, services: Heartbeat | None, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._waiting = False  # Sign in was pressed before the database was open
        named(self, "loginDialog", self.tr("Sign in"))
        self.setWindowTitle(self.tr("Sign in — {0}").format(APP_NAME))
        self.username = named(QLineEdit(), "usernameEdit", self.tr("User name"))
        self.password = named(QLineEdit(), "passwordEdit", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("&User name:"), self.username)
        self.form.addRow(self.tr("&Password:"), self.password)
        self.database = QLabel(self.tr("Database: opening…"))
        self.database.setWordWrap(True)
        self.setMinimumWidth(420)
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
        if services is not None:
            self.attach(services)

    def attach(self, services: Heartbeat) -> None:
        """The database is open: say which, and sign in if that was asked meanwhile."""
        self.services = services
        self.database.setText(self.tr("Database: {0}").format(translated(services.database_label)))
        self._fit_height()  # a server's name may wrap onto a second line
        if self._waiting:
            self._waiting = False
            self.attempt()

    def _fit_height(self) -> None:
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.heightForWidth(self.width()) if self.hasHeightForWidth() else self.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def attempt(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            show_message(self.error, self.tr("Enter your user name and password."))
            return
        self._busy(True)
        show_message(self.error, "")
        if self.services is None:
            self._waiting = True  # attach() signs in
            return
        op = Operation(self.services.auth.login, username, password)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(self._failed)
        op.start()

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self.password.clear()
        self.password.setFocus()
