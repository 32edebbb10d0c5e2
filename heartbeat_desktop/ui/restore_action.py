"""Tools → Restore from a backup… (administrators): pick a backup, confirm, restore off the GUI thread.

The service checks the file before touching anything and keeps the data it
replaces beside the database; here the person confirms what will happen, waits
behind a busy dialog, and is told where the replaced data went.  Everyone signs
in again afterwards: the accounts are the backup's now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.restore import RestoreResult
from heartbeat_desktop.ui.backup_action import file_filter
from heartbeat_desktop.ui.busy import busy_dialog, close_busy
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder


class RestoreRunner(QObject):
    """One restore: the file, the question, the busy dialog, the outcome."""

    done = Signal(object)  # RestoreResult, or the exception
    restored = Signal()  # the data was replaced: the window signs out

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.session = session
        self.window = parent
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None

    def ask_and_run(self) -> None:
        folder = self.services.ctx.settings.backup_dir
        if not folder.is_dir():
            folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                          or Path.home())
        path, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Restore from a backup"), str(folder), file_filter(self.services.backup.file_kind))
        if not path:
            return
        answer = QMessageBox.question(
            self.window, self.tr("Restore from a backup"),
            self.tr("Replace all the data in this database with the backup {0}?\n\nA copy of the data as it is "
                    "now is made first, and you are told where it is. Everyone signs in again afterwards.").format(path))
        if answer == QMessageBox.StandardButton.Yes:
            self.run(Path(path))

    def run(self, path: Path) -> Operation:
        """Restore from ``path`` (the person has already confirmed)."""
        self.progress = busy_dialog(self.window, self.tr("Restoring the database…"), self.tr("Restore"), "restoreProgress")
        op = Operation(self.services.restore.restore, self.session.token, path)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(self._failed)
        return op.start()

    def _close_progress(self) -> None:
        close_busy(self.progress)
        self.progress = None

    def _succeeded(self, result: RestoreResult) -> None:
        self._close_progress()
        self.message = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Restore"),
            self.tr("The database was restored from {0}. The data it replaced is kept in {1}. "
                    "Sign in again.").format(result.restored_from, result.replaced_copy),
            QMessageBox.StandardButton.Ok, None)  # outlives the window, which signs out
        self.message.setObjectName("restoreDone")
        self.message.open()
        self.done.emit(result)
        self.restored.emit()

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        show_error(self.window, exc, self.tr("Restore"))
        self.done.emit(exc)
