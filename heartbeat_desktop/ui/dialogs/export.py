"""File → Export appointments… and Export patients…: what to export (the file is asked next)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.schemas import AppointmentExport, DoctorRead, ExportFormat, parse
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.formatting import date_format
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message


def this_month(today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


class ExportAppointmentsDialog(QDialog):
    """From, to, a doctor or all, CSV or iCalendar; ``chosen`` carries the checked request."""

    chosen = Signal(object)  # AppointmentExport

    def __init__(self, services: Heartbeat, session: SessionHolder, delimiter: str, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        named(self, "exportAppointmentsDialog", self.tr("Export appointments"))
        self.setWindowTitle(self.tr("Export appointments"))
        self.delimiter = delimiter
        first, last = this_month(today or date.today())
        self.from_edit = self._date_edit("exportFrom", self.tr("First day"), first)
        self.to_edit = self._date_edit("exportTo", self.tr("Last day"), last)
        self.doctor_combo = named(QComboBox(), "exportDoctor", self.tr("Doctor"))
        self.doctor_combo.addItem(self.tr("All doctors"), None)
        self.format_combo = named(QComboBox(), "exportFormat", self.tr("Format"))
        self.format_combo.addItem(self.tr("CSV, for Excel and other spreadsheets"), ExportFormat.CSV)
        self.format_combo.addItem(self.tr("iCalendar (.ics), for calendar programs"), ExportFormat.ICS)
        self.error = error_label("exportError")
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(self.tr("&Doctor:"), self.doctor_combo)
        form.addRow(self.tr("F&ormat:"), self.format_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        op = Operation(services.doctors.list_active, session.token)
        op.succeeded.connect(while_alive(self, self._doctors_loaded))
        op.start()

    def _date_edit(self, name: str, label: str, value: date) -> QDateEdit:
        edit = named(QDateEdit(), name, label)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        edit.setDate(QDate(value))
        return edit

    def _doctors_loaded(self, doctors: list[DoctorRead]) -> None:
        for d in doctors:
            self.doctor_combo.addItem(f"{d.short_name} — {d.specialty}", d.id)

    def request(self) -> dict[str, Any]:
        return {"first": self.from_edit.date().toPython(), "last": self.to_edit.date().toPython(),
                "doctor_id": self.doctor_combo.currentData(), "format": self.format_combo.currentData(),
                "delimiter": self.delimiter}

    def accept(self) -> None:
        try:
            request = parse(AppointmentExport, self.request())
        except ValidationFailed as exc:
            show_message(self.error, " ".join(exc.field_errors.values()))
            return
        show_message(self.error, "")
        super().accept()
        self.chosen.emit(request)


class ExportPatientsDialog(QDialog):
    """All patients or the active ones; ``chosen`` carries ``active_only``."""

    chosen = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "exportPatientsDialog", self.tr("Export patients"))
        self.setWindowTitle(self.tr("Export patients"))
        self.setMinimumWidth(380)
        self.active_only = named(QCheckBox(self.tr("&Active patients only")), "exportActiveOnly",
                                 self.tr("Leave out deactivated patients"))
        self.active_only.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        warning = named(QLabel(self.tr("The file holds every patient's name, birth date, phone, e-mail and "
                                       "address: keep it where only staff can read it, and delete it when done.")),
                        "exportPatientsWarning")
        warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.active_only)
        layout.addWidget(buttons)

    def accept(self) -> None:
        super().accept()
        self.chosen.emit(self.active_only.isChecked())
