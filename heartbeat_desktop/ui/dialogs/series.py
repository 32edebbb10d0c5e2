"""Recurring visits: book a series in one action, and ask the scope of a change to one.

:class:`SeriesDialog` opens from the appointment form (*Repeat…*) with the visit
typed there: the desk ticks the weekdays, every how many weeks, until a day or
for how many visits.  The preview (in the background, as the rule changes) lists
every visit: free, or why not and the nearest free time instead; each row's tick
says whether to book it (a conflict at its alternative), unticked to skip it.
*Book N visits* books them all in one transaction or none (another desk may have
taken a time meanwhile: the refusal names the visit and the preview is redone).

:func:`ask_scope` asks whether cancelling or changing a visit of a series means this one,
this and the following, or the whole series.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.schemas import (
    MAX_OCCURRENCES,
    OccurrencePreview,
    Scope,
    SeriesBooked,
)
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.appointment_text import local
from heartbeat_desktop.ui.errors import plain_message, translated
from heartbeat_desktop.ui.formatting import date_format, format_date, format_time
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message

ASK_DELAY_MS = 250
Index = QModelIndex | QPersistentModelIndex
CONFLICT = QColor("#b00020")


class OccurrenceModel(QAbstractTableModel):
    """The preview: one row a visit; column 0's tick books it (a conflict at its alternative)."""

    VISIT, STATUS, ALTERNATIVE = range(3)

    def __init__(self, zone: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.rows: list[OccurrencePreview] = []
        self.ticked: list[bool] = []

    def set_rows(self, rows: list[OccurrencePreview]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.ticked = [r.is_free or r.alternative is not None for r in self.rows]
        self.endResetModel()

    def bookable(self, row: int) -> bool:
        r = self.rows[row]
        return r.is_free or r.alternative is not None

    def chosen(self) -> list[datetime]:
        """The UTC starts to book: the ticked visits, a conflict at its alternative."""
        return [r.starts_at if r.is_free else r.alternative for r, ticked in zip(self.rows, self.ticked)
                if ticked and (r.is_free or r.alternative is not None)]  # type: ignore[misc]

    def _when(self, moment: datetime) -> str:
        shown = local(moment, self.zone)
        weekday = QLocale().toString(QDate(shown.year, shown.month, shown.day), "ddd")
        return f"{weekday} {format_date(shown.date())} {format_time(shown.time())}"

    # --- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return (self.tr("Visit"), self.tr("Free?"), self.tr("Instead"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.VISIT and self.bookable(index.row()):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.VISIT:
                return self._when(r.starts_at)
            if column == self.STATUS:
                return self.tr("Free") if r.is_free else " ".join(translated(p) for p in r.problems)
            if not r.is_free:
                return self._when(r.alternative) if r.alternative else self.tr("no free time found: skipped")
            return ""
        if role == Qt.ItemDataRole.CheckStateRole and column == self.VISIT:
            return Qt.CheckState.Checked if self.ticked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS and not r.is_free:
            return "\n".join(translated(p) for p in r.problems)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS and not r.is_free:
            return QBrush(CONFLICT)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if (not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != self.VISIT
                or not self.bookable(index.row())):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        self.ticked[index.row()] = state == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        return True


class SeriesDialog(QDialog):
    booked = Signal(object)  # SeriesBooked

    def __init__(self, services: Heartbeat, session: SessionHolder, visit: Mapping[str, Any],
                 parent: QWidget | None = None) -> None:
        """``visit``: the appointment form's values (clinic-local ``starts_at`` and ``ends_at``)."""
        super().__init__(parent)
        named(self, "seriesDialog", self.tr("Repeat the visit"))
        self.setWindowTitle(self.tr("Repeat the visit"))
        self.services, self.session, self.zone = services, session, services.ctx.zone
        self.visit = dict(visit)
        start: datetime = self.visit["starts_at"]
        self.weekdays: list[QCheckBox] = []
        locale = QLocale()
        for number in range(7):  # Monday 0 … Sunday 6 (Qt counts Monday as 1)
            box = named(QCheckBox(locale.dayName(number + 1, QLocale.FormatType.ShortFormat)),
                        f"seriesWeekday{number}")
            box.setChecked(number == start.weekday())
            self.weekdays.append(box)
        self.every = named(QSpinBox(), "seriesEvery", self.tr("Every how many weeks"))
        self.every.setRange(1, 52)
        self.every.setSuffix(self.tr(" week(s)"))
        self.by_count = named(QRadioButton(self.tr("&After")), "seriesByCount")
        self.by_date = named(QRadioButton(self.tr("&Until")), "seriesByDate")
        self.by_count.setChecked(True)
        ends = QButtonGroup(self)
        ends.addButton(self.by_count)
        ends.addButton(self.by_date)
        self.count = named(QSpinBox(), "seriesCount", self.tr("Number of visits"))
        self.count.setRange(1, MAX_OCCURRENCES)
        self.count.setValue(6)
        self.count.setSuffix(self.tr(" visits"))
        last = start.date() + timedelta(weeks=6)
        self.until = named(QDateEdit(QDate(last.year, last.month, last.day)), "seriesUntil", self.tr("Last day"))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(date_format())
        self.model = OccurrenceModel(self.zone, self)
        self.table = named(QTableView(), "seriesPreview", self.tr("The visits of the series"))
        self.table.setTabKeyNavigation(False)  # the arrows move within the table, Tab moves on
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(self.model.STATUS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.error = error_label("seriesError")
        self.book_button = named(QPushButton(), "seriesBookButton", self.tr("Book the ticked visits"))
        self.book_button.clicked.connect(self.book)
        self._busy = False
        self._said = ""
        self._generation = 0
        self._ask = QTimer(self)
        self._ask.setSingleShot(True)
        self._ask.setInterval(ASK_DELAY_MS)
        self._ask.timeout.connect(lambda: self.refresh())
        for box in self.weekdays:
            box.toggled.connect(lambda *_a: self._ask.start())  # (the timer calls refresh(): said nothing)
        for signal in (self.every.valueChanged, self.count.valueChanged, self.until.dateChanged,
                       self.by_count.toggled):
            signal.connect(lambda *_a: self._ask.start())
        self.model.dataChanged.connect(lambda *_a: self._update_book())
        self.model.modelReset.connect(self._update_book)
        self._build()
        self.refresh()

    def _build(self) -> None:
        days = QHBoxLayout()
        for box in self.weekdays:
            days.addWidget(box)
        end = QHBoxLayout()
        for widget in (self.by_count, self.count, self.by_date, self.until):
            end.addWidget(widget)
        end.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("On:"), days)
        form.addRow(self.tr("&Every:"), self.every)
        form.addRow(self.tr("Ends:"), end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.book_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self._update_book()

    def request(self) -> dict[str, Any]:
        start: datetime = self.visit["starts_at"]
        minutes = max(5, int((self.visit["ends_at"] - start).total_seconds() // 60))
        data = {"doctor_id": self.visit["doctor_id"], "patient_id": self.visit["patient_id"],
                "first_day": start.date(), "start_time": start.time(), "minutes": minutes,
                "weekdays": tuple(n for n, box in enumerate(self.weekdays) if box.isChecked()),
                "every_n_weeks": self.every.value(), "reason": self.visit.get("reason"),
                "notes": self.visit.get("notes"), "type_id": self.visit.get("type_id")}
        if self.by_count.isChecked():
            data["count"] = self.count.value()
        else:
            data["until"] = self.until.date().toPython()
        return data

    def refresh(self, said: str = "") -> None:
        """Preview the rule as it stands (in the background); ``said`` stays shown above the conflicts."""
        self._said = said
        self._generation += 1
        generation = self._generation
        self.model.set_rows([])
        if not any(box.isChecked() for box in self.weekdays):
            show_message(self.error, self.tr("Tick at least one weekday."))
            return
        op = Operation(self.services.series.preview, self.session.token, self.request())
        op.succeeded.connect(while_alive(self, lambda rows: self._previewed(generation, rows)))
        op.failed.connect(while_alive(self, lambda exc: self._preview_failed(generation, exc)))
        op.start()

    def _previewed(self, generation: int, rows: list[OccurrencePreview]) -> None:
        if generation != self._generation:
            return
        conflicts = sum(1 for r in rows if not r.is_free)
        told = self.tr("%n visit(s) cannot be booked as asked: the nearest free time is offered "
                       "instead (untick to skip).", "", conflicts) if conflicts else ""
        show_message(self.error, "\n".join(t for t in (self._said, told) if t))
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(self.model.VISIT)
        self.table.resizeColumnToContents(self.model.ALTERNATIVE)

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            show_message(self.error, plain_message(exc))

    def _update_book(self) -> None:
        chosen = len(self.model.chosen())
        self.book_button.setText(self.tr("Book %n visit(s)", "", chosen))
        self.book_button.setEnabled(chosen > 0 and not self._busy)

    def book(self) -> None:
        starts = self.model.chosen()
        if not starts or self._busy:
            return
        self._busy = True
        self._update_book()
        op = Operation(self.services.series.book, self.session.token, self.request(), starts)
        op.succeeded.connect(while_alive(self, self._booked))
        op.failed.connect(while_alive(self, self._refused))
        op.start()

    def _booked(self, result: SeriesBooked) -> None:
        self._busy = False
        self.booked.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        """Nothing was booked: say why (the visit is named) and preview again, to offer what is free now."""
        self._busy = False
        message = plain_message(exc)
        self.refresh(said=message)
        show_message(self.error, message)


def ask_scope(parent: QWidget | None, title: str, question: str) -> Scope | None:
    """Which visits of the series (``question``: cancel which, change which)? None: the desk
    changed its mind."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("seriesScopeQuestion")
    buttons = {box.addButton(translated(scope.label), QMessageBox.ButtonRole.AcceptRole): scope for scope in Scope}
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return buttons.get(box.clickedButton())
