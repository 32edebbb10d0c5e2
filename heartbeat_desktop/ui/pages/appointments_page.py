"""The appointments page: a list over a date range, with filters and status actions.

Search filters on the patient's name (see :mod:`ui.models.appointments`);
the filter row narrows by dates, doctor and status in the database.  The
status buttons (also in the table's context menu) act on the selected row.
A doctor's account sees no New, Edit or Delete and changes only the status
of its own doctor's appointments.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QWidget

from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas import AppointmentRead, DoctorRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.appointment_text import describe
from heartbeat_desktop.ui.forms.appointment_form import open_appointment_form
from heartbeat_desktop.ui.models.appointments import AppointmentTableModel
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.appointment_filters import AppointmentFilterBar
from heartbeat_desktop.ui.pages.records_page import RecordsPage
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_actions import StatusActions
from heartbeat_desktop.ui.widgets import tab_chain


class AppointmentsPage(RecordsPage):
    shows = frozenset({"appointment", "doctor", "patient"})
    entity = "appointment"
    title = QT_TRANSLATE_NOOP("pages", "Appointments")

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        self.services = services
        self.session = session
        role = session.user.role
        self.can_create = allowed(role, Permission.BOOK_APPOINTMENTS)
        self.can_delete = allowed(role, Permission.DELETE_APPOINTMENTS)
        self.can_edit = self.can_create  # changing a booking needs the booking right
        self.zone = services.ctx.zone
        super().__init__(AppointmentTableModel(services, session, self.zone), parent)
        self.filter_bar = AppointmentFilterBar(services, session)
        self.layout().insertWidget(1, self.filter_bar)  # under the search box: Tab goes there next
        bar = self.filter_bar
        tab_chain(self.search, bar.first_day, bar.last_day, bar.doctor, bar.status, self.table, self.new_button)
        self.status_actions = StatusActions(services, session, prefix="appointments")
        self.button_bar.addWidget(self.status_actions)
        separator = QAction(self.table)
        separator.setSeparator(True)
        self.table.addActions([separator, *self.status_actions.context_actions()])
        self.own_doctor: int | None = None  # a doctor account's own doctor record
        self._seen = False
        self.filter_bar.changed.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.model.dataChanged.connect(self._selection_changed)
        self.status_actions.changed.connect(self._status_changed)
        self.status_actions.failed.connect(lambda _exc: self.refresh())
        self.status_actions.waitlist_booked.connect(lambda _a: self.refresh())
        if role == Role.DOCTOR:
            op = Operation(services.doctors.for_user, session.token, session.user.id)
            op.succeeded.connect(self._own_doctor_found)
            op.start()

    # --- RecordsPage hooks -------------------------------------------------------------------
    def search_hint(self) -> str:
        return self.tr("Patient's name")

    def refresh(self) -> None:
        self.model.filters = self.filter_bar.value()
        super().refresh()
        self.filter_bar.load_doctors()

    def open_form(self, record: AppointmentRead | None) -> None:
        if not self.can_create:
            return  # a doctor's account cannot book or move appointments (nor reach here: no buttons)
        form = open_appointment_form(self, self.services, self.session, record)
        form.saved.connect(self.saved)

    def delete_call(self, record: AppointmentRead) -> Any:
        return self.services.appointments.delete(self.session.token, record.id, record.version)

    def describe(self, record: AppointmentRead) -> str:
        return self.tr("the appointment of {0}").format(describe(record, self.zone))

    # --- behaviour -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page (another tab booked meanwhile): show the current list."""
        super().showEvent(event)
        if self._seen:
            self.refresh()
        self._seen = True

    def _selection_changed(self, *_args: Any) -> None:
        record = self.selected()
        own = record is None or self.session.user.role != Role.DOCTOR or record.doctor_id == self.own_doctor
        self.status_actions.set_appointment(record, allowed=own)

    def _status_changed(self, record: AppointmentRead) -> None:
        self.model.replace(record)
        self.record_changed.emit(record)

    def _own_doctor_found(self, doctor: DoctorRead | None) -> None:
        self.own_doctor = doctor.id if doctor else None
        self._selection_changed()
