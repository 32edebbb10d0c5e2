"""Put a patient on the waitlist: who, with which doctor (or any doctor of a specialty),
on which days, between which hours, for how long, and a note."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.schemas import DoctorRead, WaitlistRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.forms.patient_picker import PatientPicker
from heartbeat_desktop.ui.forms.time_fields import time_edit
from heartbeat_desktop.ui.models.waitlist import DAY_LETTERS
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message

ANY_DOCTOR = -1  # the doctor list's "any doctor of the specialty"


class WaitlistEntryDialog(QDialog):
    added = Signal(object)  # the WaitlistRead saved

    def __init__(self, services: Heartbeat, session: SessionHolder, doctors: list[DoctorRead],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "waitlistEntryDialog", self.tr("Add to the waitlist"))
        self.setWindowTitle(self.tr("Add to the waitlist"))
        self.services, self.session = services, session
        self.patient = named(PatientPicker(services, session), "waitlistPatient", self.tr("Patient"))
        self.doctor = named(QComboBox(), "waitlistDoctor", self.tr("Doctor"))
        self.doctor.addItem(self.tr("Any doctor of the specialty"), ANY_DOCTOR)
        for d in doctors:
            self.doctor.addItem(f"{d.short_name} — {d.specialty}", d.id)
        self.specialty = named(QComboBox(), "waitlistSpecialty", self.tr("Specialty"))
        self.specialty.addItems(sorted({d.specialty for d in doctors}))
        self.days = [named(QCheckBox(QCoreApplication.translate("waitlist", letter)), f"waitlistDay{i}") for i, letter in enumerate(DAY_LETTERS)]
        for box in self.days[:5]:
            box.setChecked(True)
        self.earliest = time_edit("waitlistEarliest", time(8))
        self.latest = time_edit("waitlistLatest", time(20))
        self.minutes = named(QSpinBox(), "waitlistMinutes", self.tr("Minutes"))
        self.minutes.setRange(5, 480)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(30)
        self.note = named(QLineEdit(), "waitlistNote", self.tr("Note"))
        self.note.setMaxLength(300)
        self.error = error_label("waitlistError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("waitlistSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.doctor.currentIndexChanged.connect(self._doctor_changed)
        self._build()
        self._doctor_changed()


    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Patient:"), self.patient)
        form.addRow(self.tr("&Doctor:"), self.doctor)
        form.addRow(self.tr("&Specialty:"), self.specialty)
        days = QHBoxLayout()
        for box in self.days:
            days.addWidget(box)
        days.addStretch(1)
        form.addRow(self.tr("Days:"), days)
        hours = QHBoxLayout()
        hours.addWidget(self.earliest)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.latest)
        hours.addStretch(1)
        form.addRow(self.tr("&Between:"), hours)
        form.addRow(self.tr("&Minutes:"), self.minutes)
        form.addRow(self.tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _doctor_changed(self, *_args: object) -> None:
        self.specialty.setEnabled(self.doctor.currentData() == ANY_DOCTOR)

    def data(self) -> dict[str, object]:
        doctor_id = self.doctor.currentData()
        any_doctor = doctor_id == ANY_DOCTOR
        return {
            "patient_id": self.patient.patient_id,
            "doctor_id": None if any_doctor else doctor_id,
            "specialty": (self.specialty.currentText() or None) if any_doctor else None,
            "weekdays": "".join("1" if box.isChecked() else "0" for box in self.days),
            "earliest": self.earliest.time().toPython(),
            "latest": self.latest.time().toPython(),
            "minutes": self.minutes.value(),
            "note": self.note.text().strip() or None,
        }

    def save(self) -> None:
        data = self.data()
        if data["patient_id"] is None:
            show_message(self.error, self.tr("Choose the patient from the list."))
            return
        show_message(self.error, "")
        self.save_button.setEnabled(False)
        op = Operation(self.services.waitlist.add, self.session.token, data)
        op.succeeded.connect(while_alive(self, self._saved))
        op.failed.connect(while_alive(self, self._refused))
        op.start()

    def _saved(self, entry: WaitlistRead) -> None:
        self.added.emit(entry)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_message(self.error, plain_message(exc))
