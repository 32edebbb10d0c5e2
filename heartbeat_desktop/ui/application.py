"""Start-up: the QApplication, the services, and the first window.

Until the front-desk GUI lands this shows a minimal window that says which
database is open and whether the first administrator still has to be created
(``heartbeat-desktop users create``).  A database that cannot be opened gives a
plain message box, never a traceback.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from heartbeat_desktop import APP_NAME, __version__
from heartbeat_desktop.core.errors import HeartbeatError
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _application(argv: list[str] | None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Heartbeat")
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    return QApplication(argv if argv is not None else sys.argv[:1])


def run(argv: list[str] | None = None) -> int:
    app = _application(argv)
    try:
        services = Heartbeat.open()
    except (HeartbeatError, ValueError) as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = MainWindow(services)
    window.show()
    try:
        return app.exec()
    finally:
        services.close()
