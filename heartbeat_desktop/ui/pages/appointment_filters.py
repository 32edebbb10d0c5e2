"""The appointments page's filter row: a date range, a doctor and a status."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.schemas import DoctorRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.formatting import date_format
from heartbeat_desktop.ui.models.appointments import AppointmentFilters
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_style import status_text
from heartbeat_desktop.ui.widgets import named

DEFAULT_DAYS = 30
NOT_CANCELLED = (Status.SCHEDULED, Status.ARRIVED, Status.IN_PROGRESS, Status.COMPLETED)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AppointmentFilterBar(QWidget):
    changed = Signal()

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session = session
        today = date.today()
        self.first_day = self._date_edit("appointmentsFrom", self.tr("From"), today)
        self.last_day = self._date_edit("appointmentsTo", self.tr("To"), today + timedelta(days=DEFAULT_DAYS))
        self.doctor = named(QComboBox(), "appointmentsDoctorFilter", self.tr("Doctor"))
        self.doctor.addItem(self.tr("All doctors"), None)
        self.status = named(QComboBox(), "appointmentsStatusFilter", self.tr("Status"))
        self._statuses: list[tuple[Status, ...]] = [(), NOT_CANCELLED, *((s,) for s in Status)]
        self.status.addItem(self.tr("All statuses"))
        self.status.addItem(self.tr("All but cancelled and no-show"))
        for status in Status:
            self.status.addItem(status_text(status))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, widget in ((self.tr("Fr&om:"), self.first_day), (self.tr("To:"), self.last_day),
                             (self.tr("Do&ctor:"), self.doctor), (self.tr("Sho&w:"), self.status)):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.first_day.dateChanged.connect(self._first_changed)
        self.last_day.dateChanged.connect(self._last_changed)
        self.doctor.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def value(self) -> AppointmentFilters:
        return AppointmentFilters(
            first_day=self.first_day.date().toPython(),
            last_day=self.last_day.date().toPython(),
            doctor_id=self.doctor.currentData(),
            statuses=self._statuses[max(0, self.status.currentIndex())],
        )

    def load_doctors(self) -> None:
        op = Operation(self.services.doctors.list_active, self.session.token)
        op.succeeded.connect(self._fill_doctors)
        op.start()  # without the list the filter just offers "All doctors"

    def _fill_doctors(self, doctors: list[DoctorRead]) -> None:
        chosen = self.doctor.currentData()
        with QSignalBlocker(self.doctor):
            while self.doctor.count() > 1:
                self.doctor.removeItem(1)
            for d in doctors:
                self.doctor.addItem(f"{d.short_name} — {d.specialty}", d.id)
            self.doctor.setCurrentIndex(max(0, self.doctor.findData(chosen)))
        if self.doctor.currentData() != chosen:
            self.changed.emit()

    def _date_edit(self, name: str, label: str, day: date) -> QDateEdit:
        edit = named(QDateEdit(), name, label)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        edit.setDate(_qdate(day))
        return edit

    def _first_changed(self, value: QDate) -> None:
        if self.last_day.date() < value:
            with QSignalBlocker(self.last_day):
                self.last_day.setDate(value)
        self.changed.emit()

    def _last_changed(self, value: QDate) -> None:
        if self.first_day.date() > value:
            with QSignalBlocker(self.first_day):
                self.first_day.setDate(value)
        self.changed.emit()
