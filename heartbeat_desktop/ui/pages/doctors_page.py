"""The doctors page: the list, the form, and the selected doctor's upcoming appointments."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from heartbeat_desktop.schemas import AppointmentRead, DoctorRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.forms.doctor_form import DoctorForm
from heartbeat_desktop.ui.models.doctors import (
    DoctorTableModel,
    UpcomingAppointmentsModel,
)
from heartbeat_desktop.ui.pages.records_page import RecordsPage, record_table
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named


class DoctorsPage(RecordsPage):
    entity = "doctor"
    title = "Doctors"

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        self.services = services
        self.session = session
        role = session.user.role
        self.can_create = allowed(role, Permission.EDIT_DOCTORS)
        self.can_delete = allowed(role, Permission.DELETE_DOCTORS)
        # the upcoming list's "query" is the doctor's id: a new selection is a new query
        self.upcoming = UpcomingAppointmentsModel(self._upcoming_page, services.ctx.zone)
        model = DoctorTableModel(
            lambda query, offset, limit: services.doctors.search(session.token, query, offset=offset, limit=limit),
            lambda query: services.doctors.count(session.token, query),
        )
        super().__init__(model, parent)
        self.upcoming.setParent(self)
        self.upcoming.load_failed.connect(lambda exc: show_error(self, exc))
        self.upcoming.loading_changed.connect(self._update_hint)
        self.table.selectionModel().selectionChanged.connect(self._show_upcoming)
        model.modelReset.connect(self._show_upcoming)
        self._update_hint()

    def search_hint(self) -> str:
        return self.tr("Surname, specialty or phone digits")

    def detail_panel(self) -> QWidget:
        self.upcoming_box = named(QGroupBox(self.tr("Upcoming appointments")), "doctorAppointmentsBox")
        self.upcoming_table = record_table(self.upcoming, "doctorAppointmentsTable", self.tr("Upcoming appointments"))
        self.upcoming_hint = named(QLabel(), "doctorAppointmentsHint")
        layout = QVBoxLayout(self.upcoming_box)
        layout.addWidget(self.upcoming_hint)
        layout.addWidget(self.upcoming_table, 1)
        return self.upcoming_box

    def open_form(self, record: DoctorRead | None) -> None:
        form = DoctorForm(self.services, self.session, record, self)
        form.saved.connect(self.saved)
        form.open()

    def delete_call(self, record: DoctorRead) -> Any:
        return self.services.doctors.delete(self.session.token, record.id, record.version)

    # --- the upcoming appointments ------------------------------------------------------
    def _upcoming_page(self, query: str, offset: int, limit: int) -> list[AppointmentRead]:
        if not query:
            return []
        return self.services.appointments.list_by_doctor(
            self.session.token, int(query), starts_from=datetime.now(UTC), offset=offset, limit=limit)

    def _show_upcoming(self, *_args: Any) -> None:
        doctor = self.selected()
        query = str(doctor.id) if doctor is not None else ""
        if query != self.upcoming.query:
            self.upcoming.reload(query)
        title = self.tr("Upcoming appointments")
        self.upcoming_box.setTitle(f"{title}: {doctor.short_name}" if doctor is not None else title)
        self._update_hint()

    def _update_hint(self, *_args: Any) -> None:
        if not self.upcoming.query:
            text = self.tr("Select a doctor to see their upcoming appointments.")
        elif self.upcoming.is_loading:
            text = self.tr("Loading…")
        elif self.upcoming.rowCount() == 0:
            text = self.tr("No upcoming appointments.")
        else:
            text = ""
        self.upcoming_hint.setText(text)
        self.upcoming_hint.setVisible(bool(text))
        self.upcoming_table.setVisible(bool(self.upcoming.query))
