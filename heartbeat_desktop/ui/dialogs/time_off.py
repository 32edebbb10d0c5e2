"""Time off: a doctor's vacation, day off or blocked hours, or a clinic holiday; added and removed here.

Opened from the schedule (the selected doctor and day) and from the doctor
form.  Before adding, the visits already booked in that time are listed and
the person decides; nothing about them changes by itself.  The list below
shows what is coming up for the chosen doctor, holidays included.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.vocabulary import AwayKind
from heartbeat_desktop.schemas import AppointmentRead, DoctorRead, TimeOffRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.appointment_text import describe
from heartbeat_desktop.ui.errors import plain_message, translated
from heartbeat_desktop.ui.formatting import format_date, format_time
from heartbeat_desktop.ui.forms.time_fields import date_edit, time_edit
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message

CLINIC = -1  # the "whole clinic" entry of the doctor list
AHEAD_DAYS = 365  # what the list shows
DOCTOR_KINDS = (AwayKind.VACATION, AwayKind.DAY_OFF, AwayKind.BLOCKED)


def span_words(off: TimeOffRead, zone: Any) -> str:
    start, end = off.starts_at.astimezone(zone), off.ends_at.astimezone(zone)
    if start.time() == time.min and end.time() == time.min:
        last = (end - timedelta(days=1)).date()
        return format_date(start.date()) if last == start.date() else f"{format_date(start.date())} – {format_date(last)}"
    if start.date() == end.date():  # clinic time (format_time would use this computer's zone)
        return f"{format_date(start.date())} {format_time(start.time())}–{format_time(end.time())}"
    return (f"{format_date(start.date())} {format_time(start.time())} – "
            f"{format_date(end.date())} {format_time(end.time())}")


class TimeOffDialog(QDialog):
    changed = Signal()  # time off was added or removed: the schedule reloads

    def __init__(self, services: Heartbeat, session: SessionHolder, doctors: list[DoctorRead],
                 doctor_id: int | None, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "timeOffDialog", self.tr("Time off"))
        self.setWindowTitle(self.tr("Time off"))
        self.services, self.session, self.zone = services, session, services.ctx.zone
        self.who = named(QComboBox(), "timeOffDoctor", self.tr("Doctor"))
        for d in doctors:
            self.who.addItem(f"{d.short_name} — {d.specialty}", d.id)
        if allowed(session.user.role, Permission.CLINIC_HOLIDAYS):
            self.who.addItem(self.tr("Whole clinic (holiday)"), CLINIC)
        self.who.setCurrentIndex(max(0, self.who.findData(doctor_id)))
        self.kind = named(QComboBox(), "timeOffKind", self.tr("Kind"))
        self.whole_days = named(QCheckBox(self.tr("&Whole days")), "timeOffWholeDays")
        self.whole_days.setChecked(True)
        self.first = date_edit("timeOffFrom", day)
        self.last = date_edit("timeOffTo", day)
        self.from_time = time_edit("timeOffFromTime", time(13))
        self.to_time = time_edit("timeOffToTime", time(14))
        self.reason = named(QLineEdit(), "timeOffReason", self.tr("Reason"))
        self.reason.setMaxLength(200)
        self.error = error_label("timeOffError")
        self.add_button = named(QPushButton(self.tr("&Add")), "timeOffAdd", self.tr("Add this time off"))
        self.listing = named(QListWidget(), "timeOffList", self.tr("Coming up"))
        self.remove_button = named(QPushButton(self.tr("&Remove")), "timeOffRemove",
                                   self.tr("Remove the selected time off"))
        self._build()
        self.who.currentIndexChanged.connect(self._who_changed)
        self.whole_days.toggled.connect(self._whole_days_toggled)
        self.add_button.clicked.connect(self.check_and_add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.listing.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))
        self.first.dateChanged.connect(lambda d: self.last.setDate(max(d, self.last.date())))
        self._who_changed()
        self._whole_days_toggled(True)

    # --- building -------------------------------------------------------------------------


    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Doctor:"), self.who)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow("", self.whole_days)
        days = QHBoxLayout()
        days.addWidget(self.first)
        self.until_label = QLabel(self.tr("to"))
        days.addWidget(self.until_label)
        days.addWidget(self.last)
        days.addStretch(1)
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.first)
        form.addRow(from_label, days)
        hours = QHBoxLayout()
        hours.addWidget(self.from_time)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.to_time)
        hours.addStretch(1)
        self.hours_label = QLabel(self.tr("&Hours:"))
        self.hours_label.setBuddy(self.from_time)
        form.addRow(self.hours_label, hours)
        form.addRow(self.tr("&Reason:"), self.reason)
        adding = QHBoxLayout()
        adding.addWidget(self.error, 1)
        adding.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        listed = QHBoxLayout()
        listed.addWidget(self.listing, 1)
        listed.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(adding)
        layout.addWidget(QLabel(self.tr("Coming up:")))
        layout.addLayout(listed)
        layout.addWidget(close)
        self.remove_button.setEnabled(False)
        self.resize(620, 480)

    # --- behaviour ---------------------------------------------------------------------------
    def _who_changed(self, *_args: Any) -> None:
        clinic = self.who.currentData() == CLINIC
        self.kind.clear()
        for kind in ((AwayKind.HOLIDAY,) if clinic else DOCTOR_KINDS):
            self.kind.addItem(translated(kind.label), kind.value)
        self.kind.setEnabled(not clinic)
        self.reload()

    def _whole_days_toggled(self, whole: bool) -> None:
        for widget in (self.last, self.until_label):
            widget.setVisible(whole)
        for widget in (self.from_time, self.to_time, self.hours_label):
            widget.setEnabled(not whole)

    def values(self) -> dict[str, Any]:
        first: date = self.first.date().toPython()
        if self.whole_days.isChecked():
            last: date = self.last.date().toPython()
            starts, ends = datetime.combine(first, time.min), datetime.combine(last + timedelta(days=1), time.min)
        else:
            starts = datetime.combine(first, self.from_time.time().toPython())
            ends = datetime.combine(first, self.to_time.time().toPython())
        who = self.who.currentData()
        return {"doctor_id": None if who == CLINIC else who, "kind": self.kind.currentData(),
                "starts_at": starts, "ends_at": ends, "reason": self.reason.text().strip() or None}

    def check_and_add(self) -> None:
        """First the visits already booked then; the person decides; then add."""
        values = self.values()
        self._busy(True)
        op = Operation(self.services.time_off.clashing, self.session.token, values)
        op.succeeded.connect(while_alive(self, lambda visits: self._clashes_known(values, visits)))
        op.failed.connect(self._failed)
        op.start()

    def _clashes_known(self, values: dict[str, Any], visits: list[AppointmentRead]) -> None:
        if visits and not self._confirm(visits):
            self._busy(False)
            return
        op = Operation(self.services.time_off.add, self.session.token, values)
        op.succeeded.connect(self._added)
        op.failed.connect(self._failed)
        op.start()

    def _confirm(self, visits: list[AppointmentRead]) -> bool:
        lines = "\n".join(f"• {describe(a, self.zone)}" for a in visits[:8])
        more = self.tr("\n…and %n more", "", len(visits) - 8) if len(visits) > 8 else ""
        answer = QMessageBox.question(
            self, self.tr("Visits already booked"),
            self.tr("%n visit(s) are booked in this time:\n{0}{1}\n\nAdd the time off anyway? The visits stay "
                    "booked until you move or cancel them.", "", len(visits)).format(lines, more),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _added(self, _off: TimeOffRead) -> None:
        self._busy(False)
        self.reason.clear()
        show_message(self.error, "")
        self.changed.emit()
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        show_message(self.error, plain_message(exc))

    def _busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)

    def reload(self) -> None:
        who = self.who.currentData()
        doctors = [] if who == CLINIC or who is None else [who]
        today = datetime.combine(date.today(), time.min)
        op = Operation(self.services.time_off.list, self.session.token, today,
                       today + timedelta(days=AHEAD_DAYS), doctors)
        op.succeeded.connect(self._listed)
        op.failed.connect(self._failed)
        op.start()

    def _listed(self, offs: list[TimeOffRead]) -> None:
        self.listing.clear()
        for off in offs:
            whose = off.doctor_name or self.tr("Whole clinic")
            text = f"{span_words(off, self.zone)} · {whose} · {translated(off.kind.label)}"
            item = QListWidgetItem(f"{text} — {off.reason}" if off.reason else text)
            item.setData(Qt.ItemDataRole.UserRole, off)
            self.listing.addItem(item)
        self.remove_button.setEnabled(self.listing.currentRow() >= 0)

    def remove_selected(self) -> None:
        item = self.listing.currentItem()
        if item is None:
            return
        off: TimeOffRead = item.data(Qt.ItemDataRole.UserRole)
        op = Operation(self.services.time_off.remove, self.session.token, off.id, off.version)
        op.succeeded.connect(while_alive(self, lambda _none: (self.changed.emit(), self.reload())))
        op.failed.connect(self._failed)
        op.start()
