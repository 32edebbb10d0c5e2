"""The main window (a placeholder until the front-desk GUI issue lands)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from heartbeat_desktop import APP_NAME, __version__
from heartbeat_desktop.services import Heartbeat


class MainWindow(QMainWindow):
    def __init__(self, services: Heartbeat) -> None:
        super().__init__()
        self.services = services
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        if services.auth.has_users():
            hint = self.tr("The front-desk screens are coming in the next release.")
        else:
            hint = self.tr("No accounts yet. Create the administrator with:\n"
                           "heartbeat-desktop users create --role admin --username NAME")
        label = QLabel(self.tr("Database: {0}\n\n{1}").format(services.database_label, hint))
        label.setObjectName("statusMessage")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setMargin(24)
        self.setCentralWidget(label)
        self.resize(720, 360)
