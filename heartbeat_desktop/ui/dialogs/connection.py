"""The "Database…" dialog: this computer's file, or a shared PostgreSQL server."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.core.settings import DATABASE_FILE_NAME, Settings
from heartbeat_desktop.services.connection import ServerAddress, check_connection, save_choice
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.widgets import error_label, named, show_message


class ConnectionDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "connectionDialog", self.tr("Database connection"))
        self.setWindowTitle(self.tr("Database"))
        self.setMinimumWidth(500)
        self.settings = settings
        server = ServerAddress.from_url(settings.database_url)
        self.local = named(QRadioButton(self.tr("&This computer")), "localDatabaseRadio")
        self.shared = named(QRadioButton(self.tr("A &shared PostgreSQL server")), "sharedDatabaseRadio")
        path = QLabel(self.tr("File: {0}").format(settings.data_dir / DATABASE_FILE_NAME))
        path.setWordWrap(True)
        self.host = named(QLineEdit(server.host if server else ""), "host", self.tr("Server"))
        self.port = named(QSpinBox(), "port", self.tr("Port"))
        self.port.setRange(1, 65535)
        self.port.setValue(server.port if server else 5432)
        self.database = named(QLineEdit(server.database if server else "heartbeat"), "database", self.tr("Database"))
        self.user = named(QLineEdit(server.user if server else ""), "user", self.tr("User"))
        self.password = named(QLineEdit(server.password if server else ""), "password", self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_box = QGroupBox()
        form = QFormLayout(self.server_box)
        form.addRow(self.tr("Se&rver:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        self.test_button = named(QPushButton(self.tr("&Test connection")), "testConnectionButton")
        self.result = named(QLabel(), "connectionResult")
        self.result.setWordWrap(True)
        self.error = error_label("connectionError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = named(buttons.button(QDialogButtonBox.StandardButton.Save), "saveButton")
        layout = QVBoxLayout(self)
        for widget in (self.local, path, self.shared, self.server_box, self.test_button, self.result,
                       self.error, buttons):
            layout.addWidget(widget)
        (self.shared if server else self.local).setChecked(True)
        self.shared.toggled.connect(self._mode_changed)
        self.test_button.clicked.connect(self.test)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._mode_changed()

    def server(self) -> ServerAddress | None:
        if not self.shared.isChecked():
            return None
        return ServerAddress(self.host.text(), self.port.value(), self.database.text(),
                             self.user.text(), self.password.text())

    def test(self) -> None:
        server = self.server()
        try:
            url = server.url() if server else f"sqlite:///{self.settings.data_dir / DATABASE_FILE_NAME}"
        except ValidationFailed as exc:
            show_message(self.error, plain_message(exc))
            return
        show_message(self.error, "")
        self.result.setText(self.tr("Connecting…"))
        self.test_button.setEnabled(False)
        op = Operation(check_connection, url)
        op.succeeded.connect(while_alive(
            self, lambda version: self._tested(self.tr("Connected: {0}").format(version), "")))
        op.failed.connect(while_alive(self, lambda exc: self._tested("", plain_message(exc))))
        op.start()

    def save(self) -> None:
        try:
            save_choice(self.settings, self.server())
        except (ValidationFailed, OSError) as exc:
            show_message(self.error, plain_message(exc) if isinstance(exc, ValidationFailed) else str(exc))
            return
        self.accept()

    def _tested(self, result: str, error: str) -> None:
        self.test_button.setEnabled(True)
        self.result.setText(result)
        show_message(self.error, error)

    def _mode_changed(self) -> None:
        self.server_box.setEnabled(self.shared.isChecked())
