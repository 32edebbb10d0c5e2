"""The patient form: registration and editing, with a duplicate check on creation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from heartbeat_desktop.schemas import PatientCreate, PatientRead, PatientRow
from heartbeat_desktop.schemas.text import normalize_phone
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.formatting import date_placeholder, format_date
from heartbeat_desktop.ui.forms.date_field import DateField
from heartbeat_desktop.ui.forms.form_dialog import FormDialog, text_or_none
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder


class PatientForm(FormDialog):
    form_name = "patientForm"
    schema = PatientCreate

    def __init__(self, services: Heartbeat, session: SessionHolder, record: PatientRead | PatientRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(record, parent)
        self.services = services
        self.session = session
        self.setWindowTitle(self.tr("New patient") if record is None else self.tr("Patient: {0}").format(record.full_name))
        self.last_name = self.add_field("last_name", self.tr("&Last name:"), QLineEdit())
        self.first_name = self.add_field("first_name", self.tr("&First name:"), QLineEdit())
        self.middle_name = self.add_field("middle_name", self.tr("&Middle name:"), QLineEdit(),
                                          self.tr("Patronymic, if any"))
        self.birth_date = self.add_field("birth_date", self.tr("&Birth date:"), DateField())
        sex = QComboBox()
        for text, value in ((self.tr("—"), None), (self.tr("Female"), "female"), (self.tr("Male"), "male")):
            sex.addItem(text, value)
        self.sex = self.add_field("sex", self.tr("&Sex:"), sex)
        self.phone = self.add_field("phone", self.tr("&Phone:"), QLineEdit(), self.tr("For example +7 916 123-45-67"))
        self.email = self.add_field("email", self.tr("&E-mail:"), QLineEdit())
        self.address = self.add_field("address", self.tr("&Address:"), QLineEdit())
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)  # Tab moves on to the next field instead of typing a tab
        notes.setFixedHeight(70)
        self.notes = self.add_field("notes", self.tr("&Notes:"), notes)
        self.phone.editingFinished.connect(self._normalise_phone)
        self._duplicates_confirmed = record is not None
        self.finish()

    def values(self) -> dict[str, Any]:
        return {
            "last_name": self.last_name.text(),
            "first_name": self.first_name.text(),
            "middle_name": text_or_none(self.middle_name),
            "birth_date": self.birth_date.value(),
            "sex": self.sex.currentData(),
            "phone": text_or_none(self.phone),
            "email": text_or_none(self.email),
            "address": text_or_none(self.address),
            "notes": text_or_none(self.notes),
        }

    def extra_problems(self, values: Mapping[str, Any]) -> dict[str, str]:
        if not self.birth_date.is_valid():
            return {"birth_date": self.tr("Enter the date as {0}, for example {1}.").format(
                date_placeholder(self.birth_date.fmt), format_date(date(1984, 3, 12)))}
        return {}

    def load(self, record: PatientRead | PatientRow) -> None:
        self.last_name.setText(record.last_name)
        self.first_name.setText(record.first_name)
        self.middle_name.setText(record.middle_name or "")
        self.birth_date.set_value(record.birth_date)
        self.sex.setCurrentIndex(max(0, self.sex.findData(record.sex)))
        self.phone.setText(record.phone or "")
        self.email.setText(record.email or "")
        self.address.setText(record.address or "")
        self.notes.setPlainText(record.notes or "")

    def submit(self) -> None:
        """On creation, look for likely duplicates first (in the background)."""
        if self._duplicates_confirmed or self.validate():
            super().submit()
            return
        self.save_button.setEnabled(False)
        op = Operation(self.services.patients.possible_duplicates, self.session.token, self.values())
        op.succeeded.connect(self._duplicates_checked)
        op.failed.connect(lambda _exc: self._duplicates_checked([]))  # advice only: Save reports real errors
        op.start()

    def _duplicates_checked(self, dupes: list[PatientRead]) -> None:
        self.save_button.setEnabled(True)
        if dupes and not self._confirm_new(dupes):
            return
        self._duplicates_confirmed = True
        super().submit()

    def save_call(self, values: Mapping[str, Any]) -> PatientRead:
        token = self.session.token
        if self.record is None:
            return self.services.patients.create(token, values)
        return self.services.patients.update(token, self.record.id, {**values, "version": self.record.version})

    def _confirm_new(self, dupes: list[PatientRead]) -> bool:
        lines = "\n".join(f"• {p.full_name}, {format_date(p.birth_date)}, {p.phone or ''}" for p in dupes[:5])
        answer = QMessageBox.question(
            self, self.tr("Possible duplicate"),
            self.tr("These patients look the same:\n\n{0}\n\nRegister a new patient anyway?").format(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _normalise_phone(self) -> None:
        text = self.phone.text().strip()
        if text:
            try:
                self.phone.setText(normalize_phone(text))
            except ValueError:
                pass  # the error label says what is wrong
