"""The weekly working-hours editor: a row per weekday, each with zero or more intervals.

A lunch break is two intervals on one day (09:00–13:00 and 14:00–18:00); a day
without intervals is a day off.  Times move in five-minute steps.
:meth:`HoursEditor.values` gives what ``DoctorCreate.working_hours`` takes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.schemas.doctor import WEEKDAYS
from heartbeat_desktop.ui.forms.step_time_edit import LAST_MINUTE, StepTimeEdit
from heartbeat_desktop.ui.widgets import named

HOURS_FORMAT = "HH:mm"  # a week's table of hours reads best with two-digit hours
DAY_STARTS, DAY_ENDS = time(9), time(18)  # a new day's first interval


def _minutes(value: QTime) -> int:
    return value.hour() * 60 + value.minute()


def _qtime(minutes: int) -> QTime:
    minutes = min(max(minutes, 0), LAST_MINUTE)
    return QTime(minutes // 60, minutes % 60)


class _Interval(QWidget):
    def __init__(self, starts: time, ends: time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = StepTimeEdit(starts, fmt=HOURS_FORMAT)
        self.end = StepTimeEdit(ends, fmt=HOURS_FORMAT)
        self.remove = QToolButton()
        self.remove.setText("×")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(3)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end)
        layout.addWidget(self.remove)


class HoursEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[list[_Interval]] = [[] for _ in WEEKDAYS]
        self._rows: list[QHBoxLayout] = []
        self._off: list[QLabel] = []
        self._add: list[QToolButton] = []
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        locale = QLocale()
        for day, key in enumerate(WEEKDAYS):
            grid.addWidget(QLabel(locale.dayName(day + 1, QLocale.FormatType.LongFormat)), day, 0)
            row = QHBoxLayout()
            off = QLabel(self.tr("Day off"))
            off.setEnabled(False)  # greyed: a state, not a control
            row.addWidget(off)
            row.addStretch(1)
            grid.addLayout(row, day, 1)
            add = named(QToolButton(), f"{key.lower()}Add", self.tr("Add hours on {0}").format(
                locale.dayName(day + 1)), self.tr("Add working hours (a second interval makes a break)"))
            add.setText("+")
            add.clicked.connect(lambda _checked=False, d=day: self.add_interval(d))
            grid.addWidget(add, day, 2)
            self._rows.append(row)
            self._off.append(off)
            self._add.append(add)
        grid.setColumnStretch(1, 1)
        self.copy_button = named(QPushButton(self.tr("Copy Monday to Tuesday–Friday")), "copyMondayButton",
                                 self.tr("Copy Monday to Tuesday–Friday"))
        self.copy_button.clicked.connect(self.copy_monday)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._quiet = False

    # --- values ------------------------------------------------------------------------
    def values(self) -> list[dict[str, Any]]:
        return [{"weekday": day, "starts": i.start.time().toPython(), "ends": i.end.time().toPython()}
                for day, intervals in enumerate(self._days) for i in intervals]

    def set_values(self, items: Iterable[Any]) -> None:
        """Show ``items`` (WorkingHoursItem schemas or dicts), replacing what is there."""
        self._quiet = True
        for day in range(len(WEEKDAYS)):
            while self._days[day]:
                self.remove_interval(day, 0)
        for item in sorted(items, key=lambda h: (_get(h, "weekday"), _get(h, "starts"))):
            self.add_interval(_get(item, "weekday"), _get(item, "starts"), _get(item, "ends"))
        self._quiet = False
        self._emit()

    def intervals(self, day: int) -> list[_Interval]:
        return list(self._days[day])

    # --- editing -------------------------------------------------------------------------
    def add_interval(self, day: int, starts: time | None = None, ends: time | None = None) -> _Interval:
        existing = self._days[day]
        if starts is None or ends is None:
            if existing:  # an hour after the last interval ends, for up to four hours
                after = _minutes(existing[-1].end.time()) + 60
                starts, ends = _qtime(after).toPython(), _qtime(after + 240).toPython()
            else:
                starts, ends = DAY_STARTS, DAY_ENDS
        interval = _Interval(starts, ends, self)
        existing.append(interval)
        self._rows[day].insertWidget(len(existing) - 1, interval)
        interval.start.timeChanged.connect(self._emit)
        interval.end.timeChanged.connect(self._emit)
        interval.remove.clicked.connect(lambda _c=False, i=interval: self.remove_interval(day, self._days[day].index(i)))
        self._renumber(day)
        if not self._quiet:  # added by the person: type the new times at once
            interval.start.setFocus()
        self._emit()
        return interval

    def remove_interval(self, day: int, index: int) -> None:
        interval = self._days[day].pop(index)
        self._rows[day].removeWidget(interval)
        interval.hide()
        interval.deleteLater()
        self._renumber(day)
        self._emit()

    def copy_monday(self) -> None:
        monday = [{"weekday": d, "starts": h["starts"], "ends": h["ends"]}
                  for h in self.values() if h["weekday"] == 0 for d in range(1, 5)]
        rest = [h for h in self.values() if h["weekday"] not in (1, 2, 3, 4)]
        self.set_values(rest + monday)

    # --- internals -------------------------------------------------------------------------
    def _renumber(self, day: int) -> None:
        """Object and accessible names follow the visible order: mondayStart1, mondayEnd1, ..."""
        key, name = WEEKDAYS[day].lower(), QLocale().dayName(day + 1)
        for n, interval in enumerate(self._days[day], start=1):
            named(interval.start, f"{key}Start{n}", self.tr("{0}, interval {1}, start").format(name, n))
            named(interval.end, f"{key}End{n}", self.tr("{0}, interval {1}, end").format(name, n))
            named(interval.remove, f"{key}Remove{n}", self.tr("Remove {0} interval {1}").format(name, n))
        self._off[day].setVisible(not self._days[day])
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = []
        for day, intervals in enumerate(self._days):
            for interval in intervals:
                chain += [interval.start, interval.end, interval.remove]
            chain.append(self._add[day])
        chain.append(self.copy_button)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(chain[0])  # the form label's mnemonic lands on Monday

    def _emit(self, *_args: Any) -> None:
        if not self._quiet:
            self.changed.emit()


def _get(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, dict) else getattr(item, name)
