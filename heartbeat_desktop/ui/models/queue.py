"""Today's queue as a table: the day's visits in time order, arrival and waiting time, late ones marked.

A thin :class:`RecordTableModel`: the loader asks ``appointments.queue`` for
the whole day (a doctor's, for a doctor's account) and live changes load it
again.  Waiting time (minutes since arrival, until the visit begins) and the
"late" mark (still scheduled ten minutes past its start) depend on the
clock, not on the database: a :class:`QTimer` repaints those columns every
``TICK_MS`` from the rows held, and ``now`` is a function a test may replace.
Cancelled visits and no-shows are greyed and struck through.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.schemas import QueueEntry
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.appointment_text import local, span_text
from heartbeat_desktop.ui.formatting import format_time
from heartbeat_desktop.ui.models.record_table import RIGHT, Column, RecordTableModel
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_style import status_style, status_text

TICK_MS = 20_000  # how often the waiting times and late marks are worked out again
LATE_AFTER = timedelta(minutes=10)  # a scheduled visit this far past its start, nobody arrived: late
LATE_FILL = "#fdba74"
GONE_TEXT = "#8a8f98"  # cancelled and no-show rows

WaitingRole = Qt.ItemDataRole.UserRole + 20  # minutes waited (int), or None
LateRole = Qt.ItemDataRole.UserRole + 21  # is this visit late (bool)
StatusRole = Qt.ItemDataRole.UserRole + 22  # the appointment's Status

Index = QModelIndex | QPersistentModelIndex


class QueueModel(RecordTableModel):
    entity = "appointment"
    references = {"patient": lambda e: e.appointment.patient_id, "doctor": lambda e: e.appointment.doctor_id}
    page_size = 5000  # one day, in one go
    STATUS_COLUMN, WAITING_COLUMN = 3, 5

    def __init__(self, services: Heartbeat, session: SessionHolder, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(self._load, None, parent)
        self.services, self.session, self.zone = services, session, zone
        self.now: Callable[[], datetime] = clock.utcnow  # aware UTC; tests move it
        self.day: date = self.today()
        self.doctor_id: int | None = None  # only this doctor's visits (a doctor's account)
        self.columns = (
            Column(QT_TRANSLATE_NOOP("columns", "Time"), lambda e: span_text(e.appointment, zone), width=110),
            Column(QT_TRANSLATE_NOOP("columns", "Patient"), lambda e: e.appointment.patient_name, width=280),
            Column(QT_TRANSLATE_NOOP("columns", "Doctor"), lambda e: e.appointment.doctor_name, width=250),
            Column(QT_TRANSLATE_NOOP("columns", "Status"), self.status_words, width=170),
            Column(QT_TRANSLATE_NOOP("columns", "Arrived at"), lambda e: format_time(local(e.arrived_at, zone)) if e.arrived_at else "",
                   align=RIGHT, width=110),
            Column(QT_TRANSLATE_NOOP("columns", "Waiting"), self.waiting_words, align=RIGHT, width=110),
        )
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()

    # --- the clock's part ---------------------------------------------------------------------
    def today(self) -> date:
        return local(self.now(), self.zone).date()

    def waiting(self, entry: QueueEntry) -> int | None:
        """Whole minutes from arrival to the start of the visit (to now, while still waiting)."""
        if entry.arrived_at is None:
            return None
        status = entry.appointment.status
        if status == Status.ARRIVED:
            until = self.now()
        elif status in (Status.IN_PROGRESS, Status.COMPLETED) and entry.started_at is not None:
            until = entry.started_at
        else:
            return None
        return max(0, int((until - entry.arrived_at).total_seconds() // 60))

    def is_late(self, entry: QueueEntry) -> bool:
        a = entry.appointment
        return a.status == Status.SCHEDULED and self.now() - a.starts_at > LATE_AFTER

    def status_words(self, entry: QueueEntry) -> str:
        text = status_text(entry.appointment.status)
        if self.is_late(entry):
            minutes = int((self.now() - entry.appointment.starts_at).total_seconds() // 60)
            text = self.tr("{0}, late %n min", "", minutes).format(text)
        return text

    def waiting_words(self, entry: QueueEntry) -> str:
        minutes = self.waiting(entry)
        return "" if minutes is None else QCoreApplication.translate("queue", "{0} min").format(minutes)

    def tick(self) -> None:
        """The clock moved: repaint what depends on it (no database call)."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    # --- Qt's model interface ------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        entry: QueueEntry = self.record(index.row())
        status = entry.appointment.status
        if role == WaitingRole:
            return self.waiting(entry)
        if role == LateRole:
            return self.is_late(entry)
        if role == StatusRole:
            return status
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.is_late(entry):
                return QColor(LATE_FILL)
            if index.column() == self.STATUS_COLUMN:
                return status_style(status).fill_color
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not entry.appointment.is_active:
            return QColor(GONE_TEXT)
        if role == Qt.ItemDataRole.FontRole and not entry.appointment.is_active:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return super().data(index, role)

    # --- loading (off the GUI thread) ------------------------------------------------------------
    def _load(self, _query: str, offset: int, limit: int) -> list[QueueEntry]:
        rows = self.services.appointments.queue(self.session.token, self.day, self.doctor_id)
        return rows[offset:offset + limit]
