"""The patient form: registration and editing, with likely duplicates shown while typing.

A short pause in typing the name, birth date or phone asks the service (in
the background) which registered patients these may already be; they are
listed under the form, most alike first, with what agrees, and any of them
can be opened.  Saving is never blocked: a new record is confirmed once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.schemas import DuplicateMatch, PatientCreate, PatientRead, PatientRow
from heartbeat_desktop.schemas.text import normalize_phone
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.formatting import date_placeholder, format_date
from heartbeat_desktop.ui.forms.date_field import DateField
from heartbeat_desktop.ui.forms.form_dialog import FormDialog, text_or_none
from heartbeat_desktop.ui.models.duplicates import DuplicateModel
from heartbeat_desktop.ui.models.record_table import RecordRole
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.records_page import record_table
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named

CHECK_DELAY_MS = 400  # a pause in typing before the duplicate check runs


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
        self._build_duplicates()
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
        op.failed.connect(while_alive(self, lambda _exc: self._duplicates_checked([])))  # advice only
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

    # --- likely duplicates, as the clerk types -----------------------------------------------
    def _build_duplicates(self) -> None:
        self._probe: dict[str, Any] = {}
        self._matches: list[DuplicateMatch] = []
        self.duplicates = DuplicateModel(self._find_duplicates, self)
        box = self.duplicate_box = named(QGroupBox(self.tr("Possible duplicates")), "duplicateBox",
                                         self.tr("Possible duplicates"))
        self.duplicate_note = named(QLabel(), "duplicateNote", self.tr("Possible duplicate"))
        self.duplicate_note.setWordWrap(True)
        self.duplicate_note.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.duplicate_table = record_table(self.duplicates, "duplicateTable", self.tr("Possible duplicates"))
        self.duplicate_table.setFixedHeight(110)
        self.setMinimumWidth(640)
        self.open_duplicate_button = named(QPushButton(self.tr("&Open")), "openDuplicateButton",
                                           self.tr("Open the selected patient's record"))
        self.open_duplicate_button.clicked.connect(self._open_duplicate)
        self.duplicate_table.doubleClicked.connect(lambda _index: self._open_duplicate())
        row = QHBoxLayout()
        row.addWidget(self.duplicate_note, 1)
        row.addWidget(self.open_duplicate_button)
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        inner.addWidget(self.duplicate_table)
        box.hide()
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.form_error), box)
        self.duplicates.modelReset.connect(self._show_duplicates)
        self.duplicates.rowsInserted.connect(self._show_duplicates)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_duplicates)
        for widget in (self.last_name, self.first_name, self.birth_date, self.phone):
            widget.textChanged.connect(lambda _text: self._check_timer.start())
        self.opened_forms: list[PatientForm] = []  # the records opened from the list (tests look at them)

    def check_duplicates(self) -> None:
        """Ask, in the background, which registered patients the form's values may be."""
        birth = self.birth_date.value() if self.birth_date.is_valid() else None
        self._probe = {"last_name": self.last_name.text()[:100], "first_name": self.first_name.text()[:100],
                       "birth_date": birth, "phone": self.phone.text()[:32] or None}
        self.duplicates.reload("")

    def _find_duplicates(self) -> list[DuplicateMatch]:
        """Runs off the GUI thread (the model's loader); the probe is the one the last pause took."""
        exclude = self.record.id if self.record is not None else None
        return self.services.patients.likely_duplicates(self.session.token, self._probe, exclude_id=exclude)

    def _show_duplicates(self, *_args: Any) -> None:
        count = self.duplicates.rowCount()
        self.duplicate_box.setVisible(count > 0)
        if count:
            self.duplicate_note.setText(self.tr(
                "Possible duplicate: this patient may already be registered ({0} alike, most alike first). "
                "Open a record to check; you can still save a new one.").format(count))
            self.duplicate_table.selectRow(0)
            self.duplicate_table.resizeColumnsToContents()
        QTimer.singleShot(0, self, self.adjustSize)  # room for the list (dropped if the form is gone)

    def _open_duplicate(self) -> None:
        index = self.duplicate_table.currentIndex()
        if not index.isValid():
            return
        match = self.duplicates.data(index, RecordRole)
        form = PatientForm(self.services, self.session, match.patient, self)
        self.opened_forms.append(form)
        form.open()

    def _normalise_phone(self) -> None:
        text = self.phone.text().strip()
        if text:
            try:
                self.phone.setText(normalize_phone(text))
            except ValueError:
                pass  # the error label says what is wrong
