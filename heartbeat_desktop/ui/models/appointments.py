"""The appointments table: a date range, optional doctor and status, by start time.

The appointment service has no text filter, so the search box filters on the
patient's name here: with a search text the loader asks for the whole range
(up to the service's own cap of 5,000 rows) and keeps the matching rows.
Without one it pages through the database like every other table.  Either
way the rows come in the order the header asks the database for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.schemas import AppointmentRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.appointment_text import local, span_text
from heartbeat_desktop.ui.models.record_table import Column, RecordTableModel
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_style import status_style, status_text

WHOLE_RANGE = 5000  # the service's MAX_LIST


@dataclass(frozen=True)
class AppointmentFilters:
    first_day: date = field(default_factory=date.today)
    last_day: date = field(default_factory=lambda: date.today() + timedelta(days=30))
    doctor_id: int | None = None
    statuses: tuple[Status, ...] = ()

    def as_kwargs(self) -> dict[str, Any]:
        """For ``services.appointments.list``: naive bounds are clinic-local days."""
        return {
            "doctor_id": self.doctor_id,
            "starts_from": datetime.combine(self.first_day, time.min),
            "starts_before": datetime.combine(self.last_day + timedelta(days=1), time.min),
            "statuses": self.statuses,
        }


def _folded(text: str) -> str:
    return text.casefold().replace("ё", "е")


def matches(appointment: AppointmentRead, query: str) -> bool:
    """Every word of ``query`` is found in the patient's name."""
    name = _folded(appointment.patient_name)
    return all(word in name for word in _folded(query).split())


class AppointmentTableModel(RecordTableModel):
    STATUS_COLUMN = 4
    entity = "appointment"
    references = {"patient": lambda a: a.patient_id, "doctor": lambda a: a.doctor_id}  # their names

    def __init__(self, services: Heartbeat, session: SessionHolder, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(self._load, self._count, parent, row_loader=self._row)
        self.services = services
        self.session = session
        self.zone = zone
        self.filters = AppointmentFilters()  # replaced (never mutated) on the GUI thread
        self.columns = (  # per instance: the times are shown in the clinic's zone
            Column(QT_TRANSLATE_NOOP("columns", "Date"), lambda a: local(a.starts_at, zone).date(), width=100, sort_key="starts_at"),
            Column(QT_TRANSLATE_NOOP("columns", "Time"), lambda a: span_text(a, zone), width=110, sort_key="starts_at"),
            Column(QT_TRANSLATE_NOOP("columns", "Doctor"), lambda a: a.doctor_name, width=280, sort_key="doctor"),
            Column(QT_TRANSLATE_NOOP("columns", "Patient"), lambda a: a.patient_name, width=300, sort_key="patient"),
            Column(QT_TRANSLATE_NOOP("columns", "Status"), lambda a: status_text(a.status), width=110, sort_key="status"),
            Column(QT_TRANSLATE_NOOP("columns", "Reason"), lambda a: a.reason, width=200),
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.BackgroundRole and index.isValid()
                and index.column() == self.STATUS_COLUMN and index.row() < self.rowCount()):
            return status_style(self.record(index.row()).status).fill_color
        return super().data(index, role)

    # --- loading (runs off the GUI thread) ----------------------------------------
    def _load(self, query: str, offset: int, limit: int, order: str | None = None,
              descending: bool = False) -> list[AppointmentRead]:
        filters = self.filters
        if not query.strip():
            return self.services.appointments.list(self.session.token, **filters.as_kwargs(), order=order,
                                                   descending=descending, offset=offset, limit=limit)
        return self._matching(filters, query, order, descending)[offset:offset + limit]

    def _row(self, query: str, appointment_id: int) -> AppointmentRead | None:
        """One appointment, if it still matches the filters and the search."""
        found = self.services.appointments.row(self.session.token, appointment_id, **self.filters.as_kwargs())
        return found if found is not None and matches(found, query) else None

    def _count(self, query: str) -> int:
        return len(self._matching(self.filters, query))

    def _matching(self, filters: AppointmentFilters, query: str, order: str | None = None,
                  descending: bool = False) -> list[AppointmentRead]:
        rows = self.services.appointments.list(self.session.token, **filters.as_kwargs(), order=order,
                                               descending=descending, limit=WHOLE_RANGE)
        return [a for a in rows if matches(a, query)]
