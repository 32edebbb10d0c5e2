"""Tools → Back up the database… (administrators): pick a file, copy off the GUI thread.

The copy runs in an :class:`Operation` under a busy progress dialog, so the
window keeps painting; the result or the reason it failed is said plainly (a
PostgreSQL database is dumped with pg_dump when this computer has it; when it
has not, the message gives the command for the server).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.backup import BackupResult
from heartbeat_desktop.ui.busy import busy_dialog, close_busy
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder


def default_backup_path(suffix: str = "sqlite3") -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    return Path(folder) / f"heartbeat-backup-{date.today():%Y-%m-%d}.{suffix}"


def file_filter(kind: tuple[str, str]) -> str:
    """A file dialog's filter for backups of ``kind`` (suffix, description)."""
    suffix, description = kind
    return QCoreApplication.translate("backup", "{0} (*.{1});;All files (*)").format(
        QCoreApplication.translate("backup", description), suffix)


class BackupRunner(QObject):
    """One backup: the file question, the busy dialog, the outcome."""

    done = Signal(object)  # BackupResult, or the exception

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.session = session
        self.window = parent
        self.progress: QProgressDialog | None = None

    def ask_and_run(self) -> None:
        kind = self.services.backup.file_kind
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Back up the database"), str(default_backup_path(kind[0])), file_filter(kind))
        if path:
            self.run(Path(path))

    def run(self, path: Path) -> Operation:
        """Copy to ``path`` (the file dialog has already asked about replacing it)."""
        self.progress = busy_dialog(self.window, self.tr("Backing up the database…"), self.tr("Backup"), "backupProgress")
        op = Operation(self.services.backup.backup, self.session.token, path, overwrite=True)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(self._failed)
        return op.start()

    def _close_progress(self) -> None:
        close_busy(self.progress)
        self.progress = None

    def _succeeded(self, result: BackupResult) -> None:
        self._close_progress()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Backup"),
                          self.tr("The database was copied to {0} ({1:.1f} MB) and verified.").format(
                              result.path, result.size_bytes / 1_000_000), QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("backupDone")
        box.open()
        self.done.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        show_error(self.window, exc, self.tr("Backup"))
        self.done.emit(exc)
