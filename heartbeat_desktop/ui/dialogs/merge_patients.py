"""Merging two patient records (administrators): pick the other record, compare, choose, merge.

The selected patient is one side; the other is found by typing (the patient
picker).  Both are shown side by side, with a box per field the kept record
has empty and the other has filled ("take it"), which record is kept, and
what the merge would move or why it would be refused.  ``ask_merge`` is the
last question (replaceable by tests).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.schemas import MergePreview, MergeRead, PatientRead, PatientRow
from heartbeat_desktop.schemas.merge import FILLABLE
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import plain_message, translated
from heartbeat_desktop.ui.formatting import format_value
from heartbeat_desktop.ui.forms.patient_picker import PatientPicker
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message

FIELDS = {  # what the comparison shows, in the "merge" context
    "last_name": QT_TRANSLATE_NOOP("merge", "Last name"),
    "first_name": QT_TRANSLATE_NOOP("merge", "First name"),
    "middle_name": QT_TRANSLATE_NOOP("merge", "Middle name"),
    "birth_date": QT_TRANSLATE_NOOP("merge", "Birth date"),
    "sex": QT_TRANSLATE_NOOP("merge", "Sex"),
    "phone": QT_TRANSLATE_NOOP("merge", "Phone"),
    "email": QT_TRANSLATE_NOOP("merge", "E-mail"),
    "address": QT_TRANSLATE_NOOP("merge", "Address"),
    "notes": QT_TRANSLATE_NOOP("merge", "Notes"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("merge", text)


class MergeDialog(QDialog):
    merged = Signal(object)  # the MergeRead

    def __init__(self, services: Heartbeat, session: SessionHolder, patient: PatientRead | PatientRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "mergeDialog", self.tr("Merge patient records"))
        self.setWindowTitle(self.tr("Merge patient records"))
        self.services, self.session, self.patient = services, session, patient
        self.preview: MergePreview | None = None
        self.ask_merge = self._ask_merge  # replaceable: (preview, take) -> bool
        self.other = named(PatientPicker(services, session), "mergeOther", self.tr("The other record"),
                           self.tr("Type the other record's surname, phone or birth date and choose it"))
        self.keep_this = named(QRadioButton(self.tr("Keep &this record: {0}").format(patient.full_name)),
                               "keepThis", self.tr("Keep this record"))
        self.keep_other = named(QRadioButton(self.tr("Keep the &other record")), "keepOther",
                                self.tr("Keep the other record"))
        self.keep_this.setChecked(True)
        top = QFormLayout()
        top.addRow(self.tr("O&ther record:"), self.other)
        top.addRow("", self.keep_this)
        top.addRow("", self.keep_other)
        self.grid_box = named(QGroupBox(self.tr("Side by side")), "mergeComparison", self.tr("Side by side"))
        self.grid = QGridLayout(self.grid_box)
        self.takes: dict[str, QCheckBox] = {}
        self.summary = named(QLabel(self.tr("Choose the other record.")), "mergeSummary", self.tr("What moves"))
        self.summary.setWordWrap(True)
        self.problem = error_label("mergeProblem")
        self.merge_button = named(QPushButton(self.tr("&Merge")), "mergeButton", self.tr("Merge"))
        self.merge_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.merge)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.grid_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(720)
        self.other.patient_changed.connect(lambda _id: self.load())
        self.keep_this.toggled.connect(lambda _on: self.load())

    # --- which side is which ----------------------------------------------------------------
    def sides(self) -> tuple[int, int] | None:
        """(survivor, duplicate) ids, or None until the other record is chosen."""
        other = self.other.patient_id
        if other is None:
            return None
        return (self.patient.id, other) if self.keep_this.isChecked() else (other, self.patient.id)

    def load(self) -> None:
        sides = self.sides()
        self.preview = None
        self.merge_button.setEnabled(False)
        show_message(self.problem, "")
        if sides is None:
            self.summary.setText(self.tr("Choose the other record."))
            return
        if sides[0] == sides[1]:
            show_message(self.problem, self.tr("Choose another patient: a record cannot be merged with itself."))
            return
        op = Operation(self.services.merges.preview, self.session.token, *sides)
        op.succeeded.connect(while_alive(self, lambda preview, asked=sides: self._previewed(asked, preview)))
        op.failed.connect(while_alive(self, lambda exc: show_message(self.problem, plain_message(exc))))
        op.start()

    def _previewed(self, asked: tuple[int, int], preview: MergePreview) -> None:
        if asked != self.sides():
            return  # the choice changed meanwhile
        self.preview = preview
        self._fill_grid(preview)
        self.summary.setText(self.tr(
            "Moves to the kept record: {0} appointment(s) with {1} status change(s), {2} waitlist entr(ies), "
            "{3} series. The other record is deactivated and marked as merged; it is not deleted, and the merge "
            "can be undone.").format(preview.appointments, preview.status_changes, preview.waitlist,
                                     preview.series))
        show_message(self.problem, translated(preview.problem or ""))
        self.merge_button.setEnabled(preview.problem is None)

    def _fill_grid(self, preview: MergePreview) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.takes = {}
        for column, text in enumerate((self.tr("Field"), self.tr("Kept record"), self.tr("Merged record"),
                                       self.tr("Take"))):
            head = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(head, 0, column)
        for row, (field, label) in enumerate(FIELDS.items(), start=1):
            self.grid.addWidget(QLabel(_tr(label)), row, 0)
            for column, side in ((1, preview.survivor), (2, preview.duplicate)):
                value = QLabel(format_value(getattr(side, field)) or "—")
                value.setWordWrap(True)
                self.grid.addWidget(value, row, column)
            if field in FILLABLE:
                take = named(QCheckBox(), f"take_{field}", self.tr("Take the {0} from the merged record")
                             .format(_tr(label).lower()))
                take.setEnabled(field in preview.fillable)
                take.setChecked(field in preview.fillable)
                self.takes[field] = take
                self.grid.addWidget(take, row, 3)

    # --- merging ----------------------------------------------------------------------------
    def chosen(self) -> tuple[str, ...]:
        return tuple(f for f, box in self.takes.items() if box.isEnabled() and box.isChecked())

    def merge(self) -> None:
        preview = self.preview
        if preview is None or preview.problem or not self.ask_merge(preview, self.chosen()):
            return
        self.merge_button.setEnabled(False)
        request = {"survivor_id": preview.survivor.id, "duplicate_id": preview.duplicate.id, "take": self.chosen(),
                   "survivor_version": preview.survivor.version, "duplicate_version": preview.duplicate.version}
        op = Operation(self.services.merges.merge, self.session.token, request)
        op.succeeded.connect(self._merged)
        op.failed.connect(self._refused)
        op.start()

    def _merged(self, merge: MergeRead) -> None:
        self.merged.emit(merge)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        show_message(self.problem, plain_message(exc))
        self.merge_button.setEnabled(True)

    def _ask_merge(self, preview: MergePreview, take: Any) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Merge patient records"),
            self.tr("Merge {0} into {1}? Everything of the merged record moves to the kept one.")
            .format(preview.duplicate.full_name, preview.survivor.full_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
