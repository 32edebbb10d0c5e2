"""The patients page."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from heartbeat_desktop.schemas import PatientRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.forms.patient_form import PatientForm
from heartbeat_desktop.ui.models.patients import PatientTableModel
from heartbeat_desktop.ui.pages.records_page import RecordsPage
from heartbeat_desktop.ui.session import SessionHolder


class PatientsPage(RecordsPage):
    entity = "patient"
    title = "Patients"

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        self.services = services
        self.session = session
        role = session.user.role
        self.can_create = allowed(role, Permission.EDIT_PATIENTS)
        self.can_delete = allowed(role, Permission.DELETE_PATIENTS)
        model = PatientTableModel(
            lambda query, offset, limit: services.patients.search(session.token, query, offset=offset, limit=limit),
            lambda query: services.patients.count(session.token, query),
        )
        super().__init__(model, parent)

    def search_hint(self) -> str:
        return self.tr("Surname, phone digits or birth date (dd.mm.yyyy)")

    def open_form(self, record: PatientRead | None) -> None:
        form = PatientForm(self.services, self.session, record, self)
        form.saved.connect(self.saved)
        form.open()

    def delete_call(self, record: PatientRead) -> Any:
        return self.services.patients.delete(self.session.token, record.id, record.version)
