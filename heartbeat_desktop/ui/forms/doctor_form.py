"""The doctor form: name, specialty, room, contacts, the linked account and weekly hours."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QLineEdit, QPushButton, QWidget

from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas import DoctorCreate, DoctorRead, UserRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.dialogs.time_off import TimeOffDialog
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.forms.form_dialog import FormDialog, text_or_none
from heartbeat_desktop.ui.forms.hours_editor import HoursEditor
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named, show_message


class DoctorForm(FormDialog):
    form_name = "doctorForm"
    schema = DoctorCreate

    def __init__(self, services: Heartbeat, session: SessionHolder, record: DoctorRead | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(record, parent)
        self.services = services
        self.session = session
        self.setWindowTitle(self.tr("New doctor") if record is None else self.tr("Doctor: {0}").format(record.full_name))
        self.last_name = self.add_field("last_name", self.tr("&Last name:"), QLineEdit())
        self.first_name = self.add_field("first_name", self.tr("&First name:"), QLineEdit())
        self.middle_name = self.add_field("middle_name", self.tr("&Middle name:"), QLineEdit(),
                                          self.tr("Patronymic, if any"))
        self.specialty = self.add_field("specialty", self.tr("&Specialty:"), QLineEdit())
        self.room = self.add_field("room", self.tr("&Room:"), QLineEdit())
        self.phone = self.add_field("phone", self.tr("&Phone:"), QLineEdit(), self.tr("For example +7 916 123-45-67"))
        self.email = self.add_field("email", self.tr("&E-mail:"), QLineEdit())
        active = QCheckBox(self.tr("Takes appointments"))
        active.setChecked(True)
        self.is_active = self.add_field("is_active", self.tr("&Active:"), active,
                                        self.tr("An inactive doctor leaves the schedule; the history is kept."))
        self.can_link = allowed(session.user.role, Permission.MANAGE_USERS)
        account = QComboBox()
        account.addItem(self.tr("— not linked —"), None)
        if record is not None and record.user_id is not None:
            account.addItem(self.tr("Account #{0}").format(record.user_id), record.user_id)
        account.setEnabled(False)  # until the accounts are loaded, or for good without the right
        self.user_id = self.add_field(
            "user_id", self.tr("&User account:"), account,
            self.tr("The doctor's own sign-in, to see their appointments") if self.can_link
            else self.tr("Only an administrator can link user accounts."))
        self.working_hours = self.add_field("working_hours", self.tr("Working &hours:"), HoursEditor())
        self.time_off_button = named(QPushButton(self.tr("Time off…")), "doctorTimeOffButton",
                                     self.tr("This doctor's vacations, days off and blocked hours"))
        if record is not None and allowed(session.user.role, Permission.MANAGE_TIME_OFF):
            self.button_box.addButton(self.time_off_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.time_off_button.clicked.connect(self.open_time_off)
        self.finish()
        if self.can_link:
            op = Operation(services.users.list, session.token)
            op.succeeded.connect(self._accounts_loaded)
            op.failed.connect(while_alive(self, lambda exc: show_message(self.form_error, plain_message(exc))))
            op.start()

    def open_time_off(self) -> TimeOffDialog:
        """Time off is saved on its own, whatever happens to the rest of this form."""
        dialog = TimeOffDialog(self.services, self.session, [self.record], self.record.id, date.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def values(self) -> dict[str, Any]:
        return {
            "last_name": self.last_name.text(),
            "first_name": self.first_name.text(),
            "middle_name": text_or_none(self.middle_name),
            "specialty": self.specialty.text(),
            "room": text_or_none(self.room),
            "phone": text_or_none(self.phone),
            "email": text_or_none(self.email),
            "is_active": self.is_active.isChecked(),
            "user_id": self.user_id.currentData(),
            "working_hours": self.working_hours.values(),
        }

    def load(self, record: DoctorRead) -> None:
        self.last_name.setText(record.last_name)
        self.first_name.setText(record.first_name)
        self.middle_name.setText(record.middle_name or "")
        self.specialty.setText(record.specialty)
        self.room.setText(record.room or "")
        self.phone.setText(record.phone or "")
        self.email.setText(record.email or "")
        self.is_active.setChecked(record.is_active)
        self.user_id.setCurrentIndex(max(0, self.user_id.findData(record.user_id)))
        self.working_hours.set_values(record.working_hours)

    def save_call(self, values: Mapping[str, Any]) -> DoctorRead:
        token = self.session.token
        if self.record is None:
            return self.services.doctors.create(token, values)
        return self.services.doctors.update(token, self.record.id, {**values, "version": self.record.version})

    def _accounts_loaded(self, users: list[UserRead]) -> None:
        """Doctor accounts into the combo, keeping the choice (not an edit: no dirty flag)."""
        current = self.user_id.currentData()
        with QSignalBlocker(self.user_id):
            while self.user_id.count() > 1:
                self.user_id.removeItem(1)
            for user in users:
                if user.role == Role.DOCTOR and (user.is_active or user.id == current):
                    self.user_id.addItem(f"{user.display_name} ({user.username})", user.id)
            self.user_id.setCurrentIndex(max(0, self.user_id.findData(current)))
        self.user_id.setEnabled(True)
