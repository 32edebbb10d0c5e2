"""File → Export appointments… / Export patients…: what, where, then the export off the GUI thread.

The service makes the content (and audits it); the file is written here,
in the same background call, whole or not at all (``core.files``).  A busy
dialog shows meanwhile: a year of a busy clinic takes a moment.  CSV is
separated by ";" where the system writes decimals with a comma (Russian Excel
expects that), by "," elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from heartbeat_desktop.core.files import write_atomically
from heartbeat_desktop.schemas import AppointmentExport, ExportFile, ExportFormat
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.busy import busy_dialog, close_busy
from heartbeat_desktop.ui.dialogs.export import ExportAppointmentsDialog, ExportPatientsDialog
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder


def csv_delimiter(locale: QLocale | None = None) -> str:
    return ";" if (locale or QLocale()).decimalPoint() == "," else ","


def default_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


class ExportRunner(QObject):
    """The two exports of the File menu; ``ask_path(suggested, format)`` is an attribute a test replaces."""

    done = Signal(object)  # (ExportFile, Path), or the exception

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget) -> None:
        super().__init__(parent)
        self.services, self.session, self.window = services, session, parent
        self.ask_path = self._ask_path
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None

    # --- what and where ------------------------------------------------------------------------
    def export_appointments(self) -> ExportAppointmentsDialog:
        dialog = ExportAppointmentsDialog(self.services, self.session, csv_delimiter(), self.window)
        dialog.chosen.connect(self._appointments_chosen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _appointments_chosen(self, request: AppointmentExport) -> None:
        suggested = f"appointments-{request.first.isoformat()}-{request.last.isoformat()}.{request.format.suffix}"
        path = self.ask_path(suggested, request.format)
        if path:
            self.run(self.services.exports.appointments, self.session.token, request, path=Path(path))

    def export_patients(self) -> ExportPatientsDialog:
        dialog = ExportPatientsDialog(self.window)
        dialog.chosen.connect(self._patients_chosen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _patients_chosen(self, active_only: bool) -> None:
        path = self.ask_path("patients.csv", ExportFormat.CSV)
        if path:
            self.run(self.services.exports.patients, self.session.token, active_only=active_only,
                     delimiter=csv_delimiter(), path=Path(path))

    def _ask_path(self, suggested: str, fmt: ExportFormat) -> str:
        filters = {ExportFormat.CSV: self.tr("CSV files (*.csv)"), ExportFormat.ICS: self.tr("iCalendar files (*.ics)")}
        path, _filter = QFileDialog.getSaveFileName(self.window, self.tr("Export to a file"),
                                                    str(default_folder() / suggested), filters[fmt])
        return path

    # --- the export ------------------------------------------------------------------------------
    def run(self, export: Any, *args: Any, path: Path, **kwargs: Any) -> Operation:
        """``export(*args, **kwargs)`` (a service call) and the file written, in the background."""
        self.progress = busy_dialog(self.window, self.tr("Exporting…"), self.tr("Export"), "exportProgress")

        def export_and_write() -> tuple[ExportFile, Path]:
            result = export(*args, **kwargs)
            return result, write_atomically(path, result.content)

        op = Operation(export_and_write)
        op.succeeded.connect(self._succeeded)
        op.failed.connect(self._failed)
        return op.start()

    def _succeeded(self, outcome: tuple[ExportFile, Path]) -> None:
        close_busy(self.progress)
        self.progress = None
        result, path = outcome
        self.message = QMessageBox(QMessageBox.Icon.Information, self.tr("Export"),
                                   self.tr("%n record(s) exported to {0}.", "", result.rows).format(path),
                                   QMessageBox.StandardButton.Ok, self.window)
        self.message.setObjectName("exportDone")
        self.message.open()
        self.done.emit(outcome)

    def _failed(self, exc: BaseException) -> None:
        close_busy(self.progress)
        self.progress = None
        show_error(self.window, exc, self.tr("Export"))
        self.done.emit(exc)
