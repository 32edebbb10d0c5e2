"""One day's schedule as a table: doctors across, 15-minute slots down.

An appointment is a *block* covering the slots it touches (the view spans
them).  Active appointments are placed first; an appointment whose slots are
already taken (a cancelled visit under a new booking, or two short visits in
one slot) is listed as *hidden* on the block it collides with, never lost.
Slots outside a doctor's working hours are marked so the view greys them;
slots in a doctor's time off or a clinic holiday are marked *away* with the
reason (the view hatches them and writes it once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from heartbeat_desktop.schemas import AppointmentRead, DoctorRead, TimeOffRead
from heartbeat_desktop.ui.appointment_text import details, local, short_name, span_text
from heartbeat_desktop.ui.errors import translated
from heartbeat_desktop.ui.formatting import format_time
from heartbeat_desktop.ui.status_style import status_style, status_text

SLOT = 15  # minutes per row
DAY_START, DAY_END = 8 * 60, 20 * 60  # the grid's usual range, widened to fit hours and visits
NON_WORKING = "#e2e5e9"
DETAIL_CHARS = 22  # the header's second line (specialty, room); the tooltip has it all

AppointmentRole = Qt.ItemDataRole.UserRole + 10  # the AppointmentRead in this slot, or None
BlockRole = Qt.ItemDataRole.UserRole + 11  # the Block covering this slot, or None
WorkingRole = Qt.ItemDataRole.UserRole + 12  # is the doctor working in this slot
SlotRole = Qt.ItemDataRole.UserRole + 13  # the slot's start: a naive clinic-local datetime
DoctorIdRole = Qt.ItemDataRole.UserRole + 14
AwayRole = Qt.ItemDataRole.UserRole + 15  # why the doctor is away in this slot ("Vacation: …"), or None
AwayStartRole = Qt.ItemDataRole.UserRole + 16  # is this the first slot of an away span (the label goes here)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DoctorColumn:
    id: int
    name: str  # 'Петрова М. И.'
    detail: str  # specialty and room
    hours: tuple[tuple[int, int], ...]  # minutes worked this weekday
    has_rota: bool  # False: no hours set at all, bookable any time
    away: tuple[tuple[int, int, str], ...] = ()  # minutes of the day away, and why

    def works(self, start: int, end: int) -> bool:
        if self.away_at(start, end) is not None:
            return False
        return not self.has_rota or any(s <= start and end <= e for s, e in self.hours)

    def away_at(self, start: int, end: int) -> tuple[int, int, str] | None:
        return next((a for a in self.away if a[0] < end and start < a[1]), None)


@dataclass
class Block:
    appointment: AppointmentRead
    row: int
    column: int
    rows: int
    hidden: list[AppointmentRead] = field(default_factory=list)


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def stretches(doctor: DoctorRead, weekday: int) -> tuple[tuple[int, int], ...]:
    """The doctor's hours on ``weekday`` in minutes, touching ones joined (as the booking rules do)."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted((_minutes(h.starts), _minutes(h.ends)) for h in doctor.working_hours
                             if h.weekday == weekday):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return tuple(joined)


def doctor_column(doctor: DoctorRead, day: date, away: tuple[tuple[int, int, str], ...] = ()) -> DoctorColumn:
    hours = stretches(doctor, day.weekday())
    detail = ", ".join(p for p in (doctor.specialty, doctor.room) if p)
    return DoctorColumn(doctor.id, doctor.short_name, detail, hours, bool(doctor.working_hours), away)


def away_label(off: TimeOffRead) -> str:
    kind = translated(off.kind.label)
    return f"{kind}: {off.reason}" if off.reason else kind


def away_spans(day: date, doctor_id: int, time_off: list[TimeOffRead],
               zone: tzinfo) -> tuple[tuple[int, int, str], ...]:
    """The doctor's time off and the clinic's holidays on ``day``, in minutes of the day."""
    spans = []
    for off in time_off:
        if off.doctor_id not in (None, doctor_id):
            continue
        start, end = local(off.starts_at, zone), local(off.ends_at, zone)
        begin = _minutes(start.time()) if start.date() == day else 0
        finish = _minutes(end.time()) if end.date() == day else 24 * 60
        if finish > begin:
            spans.append((begin, finish, away_label(off)))
    return tuple(sorted(spans))


class ScheduleModel(QAbstractTableModel):
    def __init__(self, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.day = date.today()
        self._doctors: list[DoctorRead] = []
        self._appointments: list[AppointmentRead] = []
        self._time_off: list[TimeOffRead] = []
        self._doctor_filter: int | None = None
        self.columns: list[DoctorColumn] = []
        self.blocks: list[Block] = []
        self._cells: dict[tuple[int, int], Block] = {}
        self.first_minute, self.rows = DAY_START, (DAY_END - DAY_START) // SLOT

    # --- our interface -----------------------------------------------------------------
    def set_day(self, day: date, doctors: list[DoctorRead], appointments: list[AppointmentRead],
                time_off: list[TimeOffRead] | None = None) -> None:
        self.day, self._doctors, self._appointments = day, list(doctors), list(appointments)
        self._time_off = list(time_off or [])
        self._rebuild()

    def set_doctor_filter(self, doctor_id: int | None) -> None:
        self._doctor_filter = doctor_id
        self._rebuild()

    def replace(self, appointment: AppointmentRead) -> None:
        """Show a changed appointment (a new status) without reloading the day."""
        self._appointments = [appointment if a.id == appointment.id else a for a in self._appointments]
        self._rebuild()

    def active_count(self) -> int:
        """Appointments of the day that are not cancelled or missed (all doctors)."""
        return sum(1 for a in self._appointments if a.is_active)

    def block_at(self, row: int, column: int) -> Block | None:
        return self._cells.get((row, column))

    def slot_start(self, row: int) -> datetime:
        return datetime.combine(self.day, time.min) + timedelta(minutes=self.first_minute + row * SLOT)

    def index_of(self, appointment_id: int) -> QModelIndex:
        for block in self.blocks:
            if block.appointment.id == appointment_id:
                return self.index(block.row, block.column)
        return QModelIndex()

    # --- Qt's model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rows or index.column() >= len(self.columns):
            return None
        row, column = index.row(), index.column()
        block = self._cells.get((row, column))
        if role == BlockRole:
            return block
        if role == AppointmentRole:
            return block.appointment if block else None
        if role == SlotRole:
            return self.slot_start(row)
        if role == DoctorIdRole:
            return self.columns[column].id
        if role == WorkingRole:
            return self._working(row, column)
        if role == AwayRole:
            away = self._away(row, column)
            return away[2] if away else None
        if role == AwayStartRole:
            away = self._away(row, column)
            return away is not None and (row == 0 or self._away(row - 1, column) != away)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._block_text(block) if block is not None and block.row == row else None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(row, column, block)
        if role == Qt.ItemDataRole.BackgroundRole:
            if block is not None:
                return status_style(block.appointment.status).fill_color
            return None if self._working(row, column) else QColor(NON_WORKING)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                column = self.columns[section]
                if role == Qt.ItemDataRole.DisplayRole:  # headers do not elide two lines: shorten here
                    detail = column.detail if len(column.detail) <= DETAIL_CHARS else column.detail[:DETAIL_CHARS - 1] + "…"
                    return f"{column.name}\n{detail}" if detail else column.name
                if role == Qt.ItemDataRole.ToolTipRole:
                    return f"{column.name}\n{column.detail}" if column.detail else column.name
        elif 0 <= section < self.rows and role == Qt.ItemDataRole.DisplayRole:
            return format_time(self.slot_start(section))
        return None

    # --- building the grid --------------------------------------------------------------------
    def _working(self, row: int, column: int) -> bool:
        start = self.first_minute + row * SLOT
        return self.columns[column].works(start, start + SLOT)

    def _away(self, row: int, column: int) -> tuple[int, int, str] | None:
        start = self.first_minute + row * SLOT
        return self.columns[column].away_at(start, start + SLOT)

    def _span(self, appointment: AppointmentRead) -> tuple[int, int]:
        """Start and end of ``appointment`` in minutes of ``self.day`` (clamped to the day)."""
        start, end = local(appointment.starts_at, self.zone), local(appointment.ends_at, self.zone)
        begin = _minutes(start.time()) if start.date() == self.day else 0
        finish = _minutes(end.time()) if end.date() == self.day else 24 * 60
        return begin, max(finish, begin + 1)

    def _rebuild(self) -> None:
        self.beginResetModel()
        known = {d.id: doctor_column(d, self.day, away_spans(self.day, d.id, self._time_off, self.zone))
                 for d in self._doctors}
        for a in self._appointments:  # an inactive doctor's visits still show, in a grey column
            known.setdefault(a.doctor_id, DoctorColumn(a.doctor_id, short_name(a.doctor_name), "", (), True))
        self.columns = [c for c in known.values() if self._doctor_filter in (None, c.id)]
        spans = {a.id: self._span(a) for a in self._appointments}
        edges = [m for c in self.columns for h in c.hours for m in h]
        edges += [m for a in self._appointments if a.doctor_id in {c.id for c in self.columns} for m in spans[a.id]]
        first = min([DAY_START, *edges]) // SLOT * SLOT
        last = -(-max([DAY_END, *edges]) // SLOT) * SLOT
        self.first_minute, self.rows = first, (last - first) // SLOT
        self.blocks, self._cells = [], {}
        where = {c.id: i for i, c in enumerate(self.columns)}
        ordered = sorted(self._appointments, key=lambda a: (not a.is_active, spans[a.id], a.id))
        for a in ordered:
            if a.doctor_id in where:
                self._place(a, where[a.doctor_id], spans[a.id])
        self.endResetModel()

    def _place(self, appointment: AppointmentRead, column: int, span: tuple[int, int]) -> None:
        top = (span[0] - self.first_minute) // SLOT
        bottom = min(self.rows, max(top + 1, -(-(span[1] - self.first_minute) // SLOT)))
        taken = [self._cells[(r, column)] for r in range(top, bottom) if (r, column) in self._cells]
        if taken:
            taken[0].hidden.append(appointment)
            return
        block = Block(appointment, top, column, bottom - top)
        self.blocks.append(block)
        for r in range(top, bottom):
            self._cells[(r, column)] = block

    # --- words ------------------------------------------------------------------------------------
    def _block_text(self, block: Block) -> str:
        a = block.appointment
        text = f"{span_text(a, self.zone)} {short_name(a.patient_name)} — {status_text(a.status)}"
        return f"{text} (+{len(block.hidden)})" if block.hidden else text

    def _describe(self, row: int, column: int, block: Block | None) -> str:
        translate = QCoreApplication.translate
        if block is not None:
            text = details(block.appointment, self.zone)
            for other in block.hidden:
                text += "\n" + translate("schedule", "Also: {0} {1} — {2}").format(
                    span_text(other, self.zone), other.patient_name, status_text(other.status))
            return text
        slot = format_time(self.slot_start(row))
        doctor = self.columns[column].name
        away = self._away(row, column)
        if away is not None:
            return translate("schedule", "{0}, Dr {1}: away ({2}).").format(slot, doctor, away[2])
        if self._working(row, column):
            return translate("schedule", "{0}, Dr {1}: free. Double-click to book.").format(slot, doctor)
        return translate("schedule", "{0}, Dr {1}: not working.").format(slot, doctor)
