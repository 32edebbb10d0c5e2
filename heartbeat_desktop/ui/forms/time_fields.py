"""Date and time inputs for booking: a start (date + time in 5-minute steps) and a duration."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QDateTime, QObject, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from heartbeat_desktop.ui.formatting import date_format
from heartbeat_desktop.ui.forms.step_time_edit import STEP, StepTimeEdit
from heartbeat_desktop.ui.widgets import named

PRESETS = (15, 20, 30, 45, 60)
CUSTOM = -1


class StartField(QWidget):
    """The appointment's start: a calendar date and a time, as one naive local datetime."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = named(QDateEdit(), "startDate", self.tr("Date"))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format())
        fit_dates(self.date)
        self.time = named(StepTimeEdit(), "startTime", self.tr("Start time"),
                          self.tr("Type the time (1730 or 17:30); arrow keys move the minutes in 5-minute steps"))
        fit_dates(self.time)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 1)
        layout.addWidget(self.time)
        self.date.dateChanged.connect(lambda _d: self.changed.emit())
        self.time.timeChanged.connect(lambda _t: self.changed.emit())

    def value(self) -> datetime:
        return datetime.combine(self.date.date().toPython(), self.time.time().toPython())

    def set_value(self, moment: datetime) -> None:
        self.date.setDate(QDate(moment.year, moment.month, moment.day))
        self.time.setTime(QTime(moment.hour, moment.minute))

    def set_day(self, day: date) -> None:
        self.date.setDate(QDate(day.year, day.month, day.day))


class DurationField(QObject):
    """The duration combo (15/20/30/45/60 min, Custom…) and the minutes box it enables."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        for minutes in PRESETS:
            self.combo.addItem(self.tr("%n min", "", minutes), minutes)
        self.combo.addItem(self.tr("Custom…"), CUSTOM)
        self.combo.setCurrentIndex(PRESETS.index(30))
        self.minutes = named(QSpinBox(), "durationMinutes", self.tr("Duration in minutes"))
        self.minutes.setRange(STEP, 12 * 60)
        self.minutes.setSingleStep(STEP)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(30)
        self.minutes.setEnabled(False)
        self.combo.currentIndexChanged.connect(self._chosen)

    def value(self) -> timedelta:
        return timedelta(minutes=self.minutes.value() if self.is_custom() else self.combo.currentData())

    def set_value(self, length: timedelta) -> None:
        minutes = int(length.total_seconds() // 60)
        self.combo.setCurrentIndex(self.combo.findData(minutes if minutes in PRESETS else CUSTOM))
        self.minutes.setValue(minutes)

    def is_custom(self) -> bool:
        return self.combo.currentData() == CUSTOM

    def _chosen(self, _index: int) -> None:
        self.minutes.setEnabled(self.is_custom())
        if not self.is_custom():
            self.minutes.setValue(self.combo.currentData())


def fit_dates(edit: QDateTimeEdit) -> QDateTimeEdit:
    """Wide enough for any day its format shows (Russian day names are long: "понедельник")."""
    edit.ensurePolished()  # the style sheet's font and padding, before measuring
    week = [QDateTime(QDate(2026, 11, 23 + i), QTime(23, 59)) for i in range(7)]
    widest = max(edit.fontMetrics().horizontalAdvance(edit.locale().toString(day, edit.displayFormat()))
                 for day in week)
    edit.setMinimumWidth(widest + 56)  # the padding, the frame and the arrow or calendar button
    return edit


def date_edit(name: str, day: date) -> QDateEdit:
    """A date field in the locale's format with a calendar popup, named for tests and screen readers."""
    edit = named(QDateEdit(QDate(day.year, day.month, day.day)), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    fit_dates(edit)
    return edit


def day_edit(name: str, accessible_name: str, day: date) -> QDateEdit:
    """A page's day: the weekday and the date, wide enough for the longest weekday's name
    (Qt sizes a date edit by its current text: "Wednesday, 02.12.202" would lose a digit)."""
    edit = named(QDateEdit(QDate(day.year, day.month, day.day)), name, accessible_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(f"dddd, {date_format()}")
    return fit_dates(edit)


def time_edit(name: str, moment: time) -> QTimeEdit:
    """A time-of-day field in the locale's format that takes a typed time (:class:`StepTimeEdit`)."""
    return named(StepTimeEdit(moment), name)
