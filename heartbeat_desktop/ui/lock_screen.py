"""The lock screen: covers the window when the session expires or the desk is left idle.

The widgets underneath (open forms included) stay as they are; the same user
types the password again to carry on, or signs out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.widgets import error_label, named, show_message


class LockScreen(QFrame):
    unlocked = Signal(object)  # the new AuthSession
    logout_requested = Signal()

    def __init__(self, services: Heartbeat, username: str, parent: QWidget) -> None:
        super().__init__(parent)
        named(self, "lockScreen", self.tr("Locked"))
        self.services = services
        self.username = username
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockScreen { background: palette(window); }")
        self.reason = named(QLabel(), "lockReason")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setStyleSheet("font-size: 16pt; font-weight: 600; margin-bottom: 6px;")
        who = QLabel(self.tr("Signed in as {0}. Enter your password to continue.").format(username))
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = named(QLineEdit(), "unlockPasswordEdit", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setFixedWidth(300)
        self.error = error_label("unlockError")
        self.unlock_button = named(QPushButton(self.tr("&Unlock")), "unlockButton", self.tr("Unlock"))
        self.logout_button = named(QPushButton(self.tr("Sign &out")), "logoutButton", self.tr("Sign out"))
        for button in (self.unlock_button, self.logout_button):
            button.setFixedWidth(300)
        self.unlock_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.reason, who, self.password, self.error, self.unlock_button, self.logout_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.password.returnPressed.connect(self.attempt)
        self.unlock_button.clicked.connect(self.attempt)
        self.logout_button.clicked.connect(self.logout_requested)
        self.hide()

    def cover(self, reason: str) -> None:
        self.reason.setText(reason)
        self.password.clear()
        show_message(self.error, "")
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.password.setFocus()

    def attempt(self) -> None:
        password = self.password.text()
        if not password:
            return
        self.unlock_button.setEnabled(False)
        op = Operation(self.services.auth.login, self.username, password)
        op.succeeded.connect(self._unlocked)
        op.failed.connect(self._failed)
        op.start()

    def _unlocked(self, session: object) -> None:
        self.unlock_button.setEnabled(True)
        self.hide()
        self.unlocked.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.password.clear()
        show_message(self.error, plain_message(exc))
