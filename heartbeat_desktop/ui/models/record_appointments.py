"""The appointments of one selected record (a doctor, a patient), in pages, clinic-local.

One model serves every "appointments of the selected record" list: the
doctor's upcoming appointments, the patient's upcoming visits and history.
They differ in the loader (which record, which side of "now", which order)
and in their columns, built here: a doctor's list names the patient and
shows each day's times; a patient's list names the doctor and, being
narrower, shows when each visit starts.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from heartbeat_desktop.ui.appointment_text import local, short_name, span_text
from heartbeat_desktop.ui.models.record_table import Column, Loader, RecordTableModel
from heartbeat_desktop.ui.status_style import status_style, status_text

STATUS = Column(QT_TRANSLATE_NOOP("columns", "Status"), lambda a: status_text(a.status), width=100)
REASON = Column(QT_TRANSLATE_NOOP("columns", "Reason"), lambda a: a.reason, width=200)


def doctor_list_columns(zone: tzinfo) -> tuple[Column, ...]:
    """Date, time span, patient, status, reason: a doctor's appointments."""
    return (
        Column(QT_TRANSLATE_NOOP("columns", "Date"), lambda a: local(a.starts_at, zone).date(), width=100),
        Column(QT_TRANSLATE_NOOP("columns", "Time"), lambda a: span_text(a, zone), width=110),
        Column(QT_TRANSLATE_NOOP("columns", "Patient"), lambda a: a.patient_name, width=260),
        STATUS,
        REASON,
    )


def patient_list_columns(zone: tzinfo) -> tuple[Column, ...]:
    """Start, doctor, status, reason: a patient's visits, compact enough for two lists side by side."""
    return (
        Column(QT_TRANSLATE_NOOP("columns", "Date and time"), lambda a: local(a.starts_at, zone), width=115),
        Column(QT_TRANSLATE_NOOP("columns", "Doctor"), lambda a: short_name(a.doctor_name), width=125),
        Column(STATUS.title, STATUS.value, width=90),
        Column(REASON.title, REASON.value, width=80),  # the last column: widened to fill the list
    )


class RecordAppointmentsModel(RecordTableModel):
    """Appointments in pages of 20, fetched as the list scrolls; the status cell in its colour."""

    page_size = 20
    entity = "appointment"
    references = {"patient": lambda a: a.patient_id, "doctor": lambda a: a.doctor_id}  # their names

    def __init__(self, loader: Loader, columns: tuple[Column, ...], parent: Any = None) -> None:
        super().__init__(loader, None, parent)
        self.columns = columns  # per instance: they show times in the clinic's zone
        titles = [column.title for column in columns]
        self.status_column = titles.index(STATUS.title) if STATUS.title in titles else -1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.BackgroundRole and index.isValid()
                and index.column() == self.status_column and index.row() < self.rowCount()):
            return status_style(self.record(index.row()).status).fill_color
        return super().data(index, role)
