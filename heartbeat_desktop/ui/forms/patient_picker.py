"""Choose a patient by typing: a line edit whose completer asks the service.

As the user types (Cyrillic included), a debounced background call to
``services.patients.search(token, text, limit=20)`` fills the completer with
"Surname Name Patronymic, dd.mm.yyyy"; choosing a line picks that patient.
Typing again drops the choice until another line is chosen, so the form can
never save a patient the text no longer names.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from heartbeat_desktop.schemas import PatientRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.formatting import format_date
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder

SEARCH_DELAY_MS = 250
LIMIT = 20
PatientIdRole = Qt.ItemDataRole.UserRole + 1


class PatientPicker(QLineEdit):
    patient_changed = Signal(object)  # the chosen patient's id, or None

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session = session
        self._patient_id: int | None = None
        self._chosen_text = ""
        self._found: dict[str, int] = {}  # display text -> id, of the last search
        self._generation = 0
        self.setPlaceholderText(self.tr("Type a surname, phone digits or a birth date"))
        self.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        completer.activated[QModelIndex].connect(self._activated)
        completer.popup().setObjectName("patientMatches")
        completer.popup().setAccessibleName(self.tr("Matching patients"))
        self.setCompleter(completer)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._search)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finished)

    # --- our interface -----------------------------------------------------------------
    @property
    def patient_id(self) -> int | None:
        return self._patient_id

    def set_patient(self, patient_id: int | None, text: str = "", quiet: bool = False) -> None:
        """Pick a patient without searching (editing an appointment); ``quiet``: no signals."""
        self._chosen_text = text
        if quiet:
            with QSignalBlocker(self):
                self.setText(text)
            self._patient_id = patient_id
        else:
            self.setText(text)
            self._choose(patient_id)
        self.setCursorPosition(0)  # a long name shows from its surname, not from its birth date

    @staticmethod
    def display(patient: PatientRead) -> str:
        return f"{patient.full_name}, {format_date(patient.birth_date)}"

    # --- behaviour ------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        if text != self._chosen_text:
            self._choose(None)
        if text.strip():
            self._debounce.start()
        else:
            self._debounce.stop()
            self._generation += 1
            self.matches.clear()

    def _search(self) -> None:
        self._generation += 1
        generation, text = self._generation, self.text().strip()
        op = Operation(self.services.patients.search, self.session.token, text, limit=LIMIT)
        op.succeeded.connect(while_alive(self, lambda found: self._show(generation, found)))
        op.start()  # a failed lookup only means no suggestions; Save reports real trouble

    def _show(self, generation: int, found: list[PatientRead]) -> None:
        if generation != self._generation or self._patient_id is not None:
            return  # typed on meanwhile, or already chosen
        self.matches.clear()
        self._found = {}
        for patient in found:
            text = self.display(patient)
            if not patient.is_active:
                text += " " + self.tr("(deactivated)")
            item = QStandardItem(text)
            item.setData(patient.id, PatientIdRole)
            item.setEditable(False)
            self.matches.appendRow(item)
            self._found[text] = patient.id
        if found:
            self.completer().complete()
        else:
            self.completer().popup().hide()

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        self._chosen_text = text
        if self.text() != text:
            self.setText(text)
        self.setCursorPosition(0)
        self._choose(index.data(PatientIdRole))

    def _finished(self) -> None:
        """Leaving the field on a line the popup highlighted counts as choosing it."""
        if self._patient_id is None and self.text() in self._found:
            self._chosen_text = self.text()
            self._choose(self._found[self.text()])

    def _choose(self, patient_id: int | None) -> None:
        if patient_id != self._patient_id:
            self._patient_id = patient_id
            self._debounce.stop()
            self.patient_changed.emit(patient_id)
