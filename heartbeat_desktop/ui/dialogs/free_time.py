"""Find a free time: the next openings of one doctor or of every doctor of a specialty.

Opened from the schedule.  The list refreshes as the question changes (in the
background); choosing a time (double-click, Enter or *Book…*) asks the
schedule to open the booking form there, with the length asked for.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.schemas import DoctorRead, FreeTime
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.appointment_text import local
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.formatting import date_format, format_date, format_time
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message

ASK_DELAY_MS = 250  # typing in the length asks once, not per key
SHOWN = 12


class FreeTimeDialog(QDialog):
    chosen = Signal(int, object, int)  # doctor id, clinic-local start, minutes

    def __init__(self, services: Heartbeat, session: SessionHolder, doctors: list[DoctorRead],
                 doctor_id: int | None, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "freeTimeDialog", self.tr("Find a free time"))
        self.setWindowTitle(self.tr("Find a free time"))
        self.services, self.session, self.zone = services, session, services.ctx.zone
        self.whom = named(QComboBox(), "freeTimeWhom", self.tr("Doctor or specialty"))
        # the choices by position (a combo's findData compares Python tuples by identity)
        self.choices: list[tuple[str, Any]] = [("specialty", s) for s in sorted({d.specialty for d in doctors},
                                                                               key=str.casefold)]
        self.choices += [("doctor", d.id) for d in doctors]
        names = {d.id: f"{d.short_name} — {d.specialty}" for d in doctors}
        for kind, value in self.choices:
            self.whom.addItem(self.tr("Any {0}").format(value) if kind == "specialty" else names[value])
        self.choose("doctor", doctor_id)
        self.since = named(QDateEdit(QDate(day.year, day.month, day.day)), "freeTimeFrom", self.tr("From"))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(date_format())
        self.minutes = named(QSpinBox(), "freeTimeMinutes", self.tr("Length in minutes"))
        self.minutes.setRange(5, 480)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.results = named(QListWidget(), "freeTimeList", self.tr("Free times"))
        self.error = error_label("freeTimeError")
        self.book_button = named(QPushButton(self.tr("&Book…")), "freeTimeBook", self.tr("Book the chosen time"))
        self.book_button.setEnabled(False)
        self._build()
        self._ask = QTimer(self)
        self._ask.setSingleShot(True)
        self._ask.setInterval(ASK_DELAY_MS)
        self._ask.timeout.connect(self.search)
        self._generation = 0
        for signal in (self.whom.currentIndexChanged, self.since.dateChanged, self.minutes.valueChanged):
            signal.connect(lambda *_a: self._ask.start())
        self.results.currentRowChanged.connect(lambda row: self.book_button.setEnabled(row >= 0))
        self.results.itemActivated.connect(lambda _item: self.book())
        self.book_button.clicked.connect(self.book)
        self.search()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Who:"), self.whom)
        form.addRow(self.tr("&From:"), self.since)
        form.addRow(self.tr("&Length:"), self.minutes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.book_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 460)

    def choose(self, kind: str, value: Any) -> None:
        """Ask for this doctor (``"doctor"``, id) or specialty (``"specialty"``, name), if listed."""
        if (kind, value) in self.choices:
            self.whom.setCurrentIndex(self.choices.index((kind, value)))

    def query(self) -> dict[str, Any]:
        kind, value = self.choices[self.whom.currentIndex()]
        return {"doctor_id" if kind == "doctor" else "specialty": value,
                "starts_from": datetime.combine(self.since.date().toPython(), time.min),
                "minutes": self.minutes.value(), "count": SHOWN}

    def search(self) -> None:
        if self.whom.currentIndex() < 0:
            return
        self._generation += 1
        generation = self._generation
        op = Operation(self.services.free_times.find, self.session.token, self.query())
        op.succeeded.connect(while_alive(self, lambda found: self._found(generation, found)))
        op.failed.connect(while_alive(self, lambda exc: self._failed(generation, exc)))
        op.start()

    def _found(self, generation: int, found: list[FreeTime]) -> None:
        if generation != self._generation:
            return  # the question changed meanwhile
        self.results.clear()
        show_message(self.error, "" if found else self.tr("No free time in the two weeks from that day."))
        for free in found:
            start = local(free.starts_at, self.zone)
            weekday = QLocale().toString(QDate(start.year, start.month, start.day), "ddd")
            item = QListWidgetItem(f"{weekday} {format_date(start.date())} {format_time(start.time())} — "
                                   f"{free.doctor_name} ({free.specialty})")
            item.setData(Qt.ItemDataRole.UserRole, (free.doctor_id, start))
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.results.clear()
            show_message(self.error, plain_message(exc))

    def book(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        doctor_id, start = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.emit(doctor_id, start, self.minutes.value())
        self.accept()
