"""The patient card: the selected patient's details, upcoming visits and history.

Under the patients table: who the patient is (full name, birth date and
age, contacts, address, notes) beside two lists of their appointments,
"Upcoming visits" (from now on, soonest first) and "History" (before now,
newest first), each loaded page by page as it scrolls.  With nobody
selected the card is one hint.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.schemas import PatientRead, PatientRow
from heartbeat_desktop.ui.formatting import format_date
from heartbeat_desktop.ui.models.record_appointments import patient_list_columns
from heartbeat_desktop.ui.pages.record_appointments import AppointmentLoader, AppointmentsPanel
from heartbeat_desktop.ui.widgets import named

MAX_WIDTH = 380  # the details' widest, in pixels, before a very long line scrolls


def age_on(birth_date: date, today: date) -> int:
    """Full years between ``birth_date`` and ``today`` (a 29 February birthday comes on 1 March)."""
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


class PatientDetails(QGroupBox):
    """Who the patient is, one read-only, selectable line per field."""

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Patient"), parent)
        named(self, "patientDetails", self.tr("Patient details"))
        self.zone = zone
        self.name = self._label("patientName", self.tr("Name"))
        self.name.setStyleSheet("font-weight: bold;")
        self.birth = self._label("patientBirthDate", self.tr("Birth date"))
        self.phone = self._label("patientPhone", self.tr("Phone"))
        self.email = self._label("patientEmail", self.tr("E-mail"))
        self.address = self._label("patientAddress", self.tr("Address"))
        self.notes = self._label("patientNotes", self.tr("Notes"))
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for one_line in (self.birth, self.phone, self.email):  # short, or unbreakable: never wrapped
            one_line.setWordWrap(False)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.name)
        for text, label in ((self.tr("Born:"), self.birth), (self.tr("Phone:"), self.phone),
                            (self.tr("E-mail:"), self.email), (self.tr("Address:"), self.address),
                            (self.tr("Notes:"), self.notes)):
            form.addRow(text, label)
        self.inner = QWidget()
        self.inner.setLayout(form)
        self.scroll = named(QScrollArea(), "patientDetailsScroll", self.tr("Patient details"))
        self.scroll.setWidget(self.inner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.viewport().setAutoFillBackground(False)  # the box's own background, not a well
        self.inner.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.scroll)

    def show_patient(self, patient: PatientRead | PatientRow) -> None:
        none = self.tr("—")
        name = patient.full_name
        self.name.setText(name if patient.is_active else self.tr("{0} (inactive)").format(name))
        today = datetime.now(self.zone).date()  # the clinic's today
        self.birth.setText(self.tr("{0} (age {1})").format(format_date(patient.birth_date),
                                                          age_on(patient.birth_date, today)))
        self.phone.setText(patient.phone or none)
        self.email.setText(patient.email or none)
        self.address.setText(patient.address or none)
        self.notes.setText(patient.notes or none)
        # as wide as the one-line fields need, within reason (beyond, it scrolls); growing only,
        # so that the lists beside do not jump from one patient to the next
        needed = self.inner.minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(max(self.scroll.minimumWidth(), min(needed, MAX_WIDTH)))

    def _label(self, object_name: str, accessible_name: str) -> QLabel:
        label = named(QLabel(), object_name, accessible_name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a patient's notes are never markup
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label


class PatientCard(QStackedWidget):
    """``patientCard``: a hint, or the details beside ``patientUpcoming`` and ``patientHistory``."""

    appointment_activated = Signal(object)  # an AppointmentRead double-clicked in either list

    def __init__(self, upcoming: AppointmentLoader, history: AppointmentLoader, zone: tzinfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "patientCard", self.tr("Patient card"))
        self.patient: PatientRead | PatientRow | None = None
        self.hint = named(QLabel(self.tr("Select a patient to see their details and visits.")), "patientCardHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.details = PatientDetails(zone)
        self.upcoming = AppointmentsPanel(
            "patientUpcoming", self.tr("Upcoming visits"), upcoming, patient_list_columns(zone),
            empty_hint=self.tr("No upcoming visits."))
        self.history = AppointmentsPanel(
            "patientHistory", self.tr("History"), history, patient_list_columns(zone),
            empty_hint=self.tr("No past visits."))
        self.splitter = named(QSplitter(Qt.Orientation.Horizontal), "patientCardSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.details, 2), (self.upcoming, 3), (self.history, 3)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([250, 450, 450])  # proportions: scaled to the card's width
        self.addWidget(self.hint)
        self.addWidget(self.splitter)
        for panel in (self.upcoming, self.history):
            panel.activated.connect(self.appointment_activated)

    def show_patient(self, patient: PatientRead | PatientRow | None) -> None:
        """Show ``patient`` (None: the hint); their visits load if they are someone new."""
        self.patient = patient
        if patient is not None:
            self.details.show_patient(patient)
        self.setCurrentWidget(self.splitter if patient is not None else self.hint)
        for panel in (self.upcoming, self.history):
            panel.show_record(patient.id if patient is not None else None)

    def reload(self) -> None:
        """Load both lists again (a booking may have been made or changed meanwhile)."""
        for panel in (self.upcoming, self.history):
            panel.reload()
