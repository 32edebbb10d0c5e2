"""The doctors page: the list, the form, and the selected doctor's upcoming appointments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from heartbeat_desktop.schemas import AppointmentRead, DoctorRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.forms.doctor_form import DoctorForm
from heartbeat_desktop.ui.models.doctors import DoctorTableModel
from heartbeat_desktop.ui.models.record_appointments import doctor_list_columns
from heartbeat_desktop.ui.pages.record_appointments import (
    AppointmentsPanel,
    SelectionFollower,
    edit_appointment,
)
from heartbeat_desktop.ui.pages.records_page import RecordsPage
from heartbeat_desktop.ui.session import SessionHolder


class DoctorsPage(RecordsPage):
    shows = frozenset({"doctor", "appointment", "user"})
    entity = "doctor"
    title = QT_TRANSLATE_NOOP("pages", "Doctors")

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        self.services = services
        self.session = session
        role = session.user.role
        self.can_create = allowed(role, Permission.EDIT_DOCTORS)
        self.can_delete = allowed(role, Permission.DELETE_DOCTORS)
        model = DoctorTableModel(
            lambda query, offset, limit, **sort: services.doctors.search(
                session.token, query, offset=offset, limit=limit, **sort),
            lambda query: services.doctors.count(session.token, query),
            row_loader=lambda query, id_: services.doctors.row(session.token, id_, query),
        )
        super().__init__(model, parent)
        self.upcoming_box.activated.connect(self._edit_appointment)
        self.follower = SelectionFollower(self, self._show_upcoming)

    def search_hint(self) -> str:
        return self.tr("Surname, specialty or phone digits")

    def detail_panel(self) -> QWidget:
        self.upcoming_box = AppointmentsPanel(
            "doctorAppointments", self.tr("Upcoming appointments"), self._upcoming_page,
            doctor_list_columns(self.services.ctx.zone), empty_hint=self.tr("No upcoming appointments."),
            select_hint=self.tr("Select a doctor to see their upcoming appointments."))
        self.upcoming = self.upcoming_box.model
        return self.upcoming_box

    def open_form(self, record: DoctorRead | None) -> None:
        form = DoctorForm(self.services, self.session, record, self)
        form.saved.connect(self.saved)
        form.open()

    def delete_call(self, record: DoctorRead) -> Any:
        return self.services.doctors.delete(self.session.token, record.id, record.version)

    def refresh(self) -> None:
        """F5: the list again, the selected doctor kept and their appointments reloaded."""
        self.follower.refresh(super().refresh)
        self.upcoming_box.reload()

    def apply_changes(self, changes: frozenset[Change]) -> None:
        """The list's rows concerned, and the selected doctor's appointments."""
        super().apply_changes(changes)
        self.upcoming_box.model.apply_changes(changes)

    # --- the upcoming appointments ------------------------------------------------------
    def _upcoming_page(self, doctor_id: int, now: datetime, offset: int, limit: int) -> list[AppointmentRead]:
        return self.services.appointments.list_by_doctor(
            self.session.token, doctor_id, starts_from=now, offset=offset, limit=limit)

    def _show_upcoming(self, doctor: DoctorRead | None) -> None:
        self.upcoming_box.show_record(doctor.id if doctor is not None else None,
                                      doctor.short_name if doctor is not None else "")

    def _edit_appointment(self, record: AppointmentRead) -> None:
        edit_appointment(self, self.services, self.session, record, lambda _saved: self.upcoming_box.reload())
