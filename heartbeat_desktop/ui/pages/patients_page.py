"""The patients page: the list, the form, and the selected patient's card."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from heartbeat_desktop.schemas import AppointmentRead, PatientRead, PatientRow
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.dialogs.merge_patients import MergeDialog
from heartbeat_desktop.ui.dialogs.merges import MergesDialog
from heartbeat_desktop.ui.forms.patient_form import PatientForm
from heartbeat_desktop.ui.models.patients import PatientTableModel
from heartbeat_desktop.ui.pages.patient_card import PatientCard
from heartbeat_desktop.ui.pages.record_appointments import SelectionFollower, edit_appointment
from heartbeat_desktop.ui.pages.records_page import RecordsPage
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named


class PatientsPage(RecordsPage):
    shows = frozenset({"patient", "appointment"})  # the card lists the visits
    entity = "patient"
    title = QT_TRANSLATE_NOOP("pages", "Patients")

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        self.services = services
        self.session = session
        role = session.user.role
        self.can_create = allowed(role, Permission.EDIT_PATIENTS)
        self.can_delete = allowed(role, Permission.DELETE_PATIENTS)
        model = PatientTableModel(
            lambda query, _offset, limit, **rest: services.patients.page(
                session.token, query, limit=limit, **rest),  # keyset pages: rest holds after=
            lambda query: services.patients.count(session.token, query),
            row_loader=lambda query, id_: services.patients.row(session.token, id_, query),
        )
        super().__init__(model, parent)
        self.splitter.setSizes([500, 500])  # the card's lists need rows too
        self.card.appointment_activated.connect(self._edit_appointment)
        self.follower = SelectionFollower(self, self.card.show_patient)
        self._seen = False
        self._add_merge_buttons(allowed(role, Permission.MERGE_PATIENTS))

    def search_hint(self) -> str:
        return self.tr("Surname, phone digits or birth date (dd.mm.yyyy)")

    def detail_panel(self) -> QWidget:
        self.card = PatientCard(self._upcoming, self._history, self.services.ctx.zone)
        return self.card

    def open_form(self, record: PatientRead | PatientRow | None) -> None:
        form = PatientForm(self.services, self.session, record, self)
        form.saved.connect(self.saved)
        form.open()

    def delete_call(self, record: PatientRead | PatientRow) -> Any:
        return self.services.patients.delete(self.session.token, record.id, record.version)

    # --- merging two records of one patient (administrators) --------------------------------
    def _add_merge_buttons(self, can_merge: bool) -> None:
        self.merge_button = named(QPushButton(self.tr("&Merge…")), "mergePatientButton",
                                  self.tr("Merge the selected patient's record with another"))
        self.merges_button = named(QPushButton(self.tr("Merges…")), "mergesButton",
                                   self.tr("Merges of patient records, and undoing one"))
        self.button_bar.insertWidget(self.button_bar.count() - 1, self.merge_button)
        self.button_bar.insertWidget(self.button_bar.count() - 1, self.merges_button)
        self.merge_button.clicked.connect(self.merge_selected)
        self.merges_button.clicked.connect(self.show_merges)
        for button in (self.merge_button, self.merges_button):
            button.setVisible(can_merge)
        self.merge_dialog: MergeDialog | None = None
        self.merges_dialog: MergesDialog | None = None

    def merge_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        self.merge_dialog = MergeDialog(self.services, self.session, record, self)
        self.merge_dialog.merged.connect(lambda _merge: self.refresh())
        self.merge_dialog.open()

    def show_merges(self) -> None:
        self.merges_dialog = MergesDialog(self.services, self.session, parent=self)
        self.merges_dialog.finished.connect(lambda _result: self.refresh())
        self.merges_dialog.open()

    # --- behaviour -------------------------------------------------------------------------
    def refresh(self) -> None:
        """F5: the list again, the selected patient kept and their visits reloaded."""
        self.follower.refresh(super().refresh)
        self.card.reload()

    def apply_changes(self, changes: frozenset[Change]) -> None:
        """The list's rows concerned, and the selected patient's visits."""
        super().apply_changes(changes)
        self.card.upcoming.model.apply_changes(changes)
        self.card.history.model.apply_changes(changes)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page (a booking made on another page): the card's visits again."""
        super().showEvent(event)
        if self._seen:
            self.card.reload()
        self._seen = True

    def _edit_appointment(self, record: AppointmentRead) -> None:
        edit_appointment(self, self.services, self.session, record, lambda _saved: self.card.reload())

    # --- the card's lists (run off the GUI thread) ---------------------------------------------
    def _upcoming(self, patient_id: int, now: datetime, offset: int, limit: int) -> list[AppointmentRead]:
        return self.services.appointments.list_by_patient(
            self.session.token, patient_id, starts_from=now, offset=offset, limit=limit)

    def _history(self, patient_id: int, now: datetime, offset: int, limit: int) -> list[AppointmentRead]:
        return self.services.appointments.list_by_patient(
            self.session.token, patient_id, starts_before=now, newest_first=True, offset=offset, limit=limit)
