"""The schedule page: one day, the active doctors side by side, appointments as blocks.

The day is loaded in the background (``doctors.list_active`` and
``appointments.list_day``).  Double-click a free slot to book it, a block to
open it; the status buttons act on the selected block.  The day sheet (the
doctor shown, or each doctor on a page of their own) prints or saves as PDF.  A doctor's account
starts on its own column, cannot book, and changes only its own visits.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas import AppointmentRead, DoctorRead, TimeOffRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.day_sheet import DaySheetPrinter
from heartbeat_desktop.ui.dialogs.free_time import FreeTimeDialog
from heartbeat_desktop.ui.dialogs.time_off import TimeOffDialog
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.forms.appointment_form import open_appointment_form
from heartbeat_desktop.ui.forms.time_fields import day_edit
from heartbeat_desktop.ui.models.schedule import DoctorIdRole, ScheduleModel, SlotRole
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.schedule_view import ScheduleView
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_actions import StatusActions
from heartbeat_desktop.ui.widgets import named


class SchedulePage(QWidget):
    shows = frozenset({"appointment", "doctor", "patient", "time_off"})  # what live refresh reloads it for

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "schedulePage", self.tr("Schedule"))
        self.services = services
        self.session = session
        self.is_doctor = session.user.role == Role.DOCTOR
        self.can_book = allowed(session.user.role, Permission.BOOK_APPOINTMENTS)
        self.can_set_time_off = allowed(session.user.role, Permission.MANAGE_TIME_OFF)
        self.model = ScheduleModel(services.ctx.zone, self)
        self.view = ScheduleView(self.model)
        self.doctors: list[DoctorRead] = []
        self.own_doctor: int | None = None
        self._own_looked_up = not self.is_doctor
        self._generation = 0
        self._seen = False
        self._select_after_load: int | None = None
        self.day_sheets = DaySheetPrinter(services, session, self)
        self._build()
        self._connect()
        self._selection_changed()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.prev_button = named(QPushButton(self.tr("◀ &Previous")), "prevDayButton", self.tr("Previous day"))
        self.today_button = named(QPushButton(self.tr("T&oday")), "todayButton", self.tr("Today"))
        self.next_button = named(QPushButton(self.tr("&Next ▶")), "nextDayButton", self.tr("Next day"))
        self.date_edit = day_edit("scheduleDate", self.tr("Day"), date.today())
        self.doctor_filter = named(QComboBox(), "scheduleDoctorFilter", self.tr("Doctor"))
        self.doctor_filter.addItem(self.tr("All doctors"), None)
        self.doctor_filter.setMinimumContentsLength(18)
        self.summary = named(QLabel(), "scheduleSummary", self.tr("Day summary"))
        doctor_label = QLabel(self.tr("Do&ctor:"))
        doctor_label.setBuddy(self.doctor_filter)
        self.time_off_button = named(QPushButton(self.tr("Time off…")), "scheduleTimeOffButton",
                                     self.tr("Vacations, days off, blocked hours and holidays"))
        self.time_off_button.setVisible(self.can_set_time_off)
        self.find_button = named(QPushButton(self.tr("Fin&d a free time…")), "scheduleFindButton",
                                 self.tr("The next free times of a doctor or a specialty"))
        self.find_button.setVisible(self.can_book)
        top = QHBoxLayout()
        for widget in (self.prev_button, self.date_edit, self.next_button, self.today_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.find_button)
        top.addWidget(self.time_off_button)
        top.addStretch(1)
        top.addWidget(doctor_label)
        top.addWidget(self.doctor_filter)
        # two rows under the grid (one would not fit 1366 px in Russian): booking and the
        # status of the selected visit, then the day sheet and the day's count
        self.new_button = named(QPushButton(self.tr("&Book…")), "scheduleNewButton",
                                self.tr("Book the selected slot"))
        self.edit_button = named(QPushButton(self.tr("&Edit…")), "scheduleEditButton", self.tr("Edit appointment"))
        self.edit_button.setVisible(self.can_book)
        self.new_button.setVisible(self.can_book)
        self.status_actions = StatusActions(self.services, self.session)
        self.print_button = named(QPushButton(self.tr("Print da&y sheet…")), "schedulePrintButton",
                                  self.tr("Print the day's visits of the doctor shown (of each doctor: a page each)"))
        self.pdf_button = named(QPushButton(self.tr("Sa&ve day sheet as PDF…")), "schedulePdfButton",
                                self.tr("Save the day sheet as a PDF file"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.status_actions)
        bottom.addStretch(1)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.print_button)
        sheet_row.addWidget(self.pdf_button)
        sheet_row.addStretch(1)
        sheet_row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addLayout(sheet_row)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        separator = QAction(self.view)
        separator.setSeparator(True)
        self.view.addActions([*self.status_actions.context_actions(), separator])
        if self.can_set_time_off:
            away = QAction(self.tr("Time off for this doctor…"), self.view)
            away.triggered.connect(self.open_time_off)
            self.view.addAction(away)

    def _connect(self) -> None:
        self.prev_button.clicked.connect(lambda: self.go_to(self.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.go_to(self.day + timedelta(days=1)))
        self.today_button.clicked.connect(lambda: self.go_to(date.today()))
        self.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.doctor_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_doctor_filter(self.doctor_filter.currentData()))
        self.view.selectionModel().currentChanged.connect(self._selection_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.view.slot_activated.connect(self.book)
        self.view.appointment_activated.connect(self.edit)
        self.edit_button.clicked.connect(lambda: self.edit(self.view.selected_appointment()))
        self.time_off_button.clicked.connect(self.open_time_off)
        self.find_button.clicked.connect(self.open_free_time)
        self.new_button.clicked.connect(self.create_record)
        self.print_button.clicked.connect(lambda: self.day_sheets.print_day(self.day, self.doctor_filter.currentData()))
        self.pdf_button.clicked.connect(lambda: self.day_sheets.save_day(self.day, self.doctor_filter.currentData()))
        self.status_actions.changed.connect(self._status_changed)
        self.status_actions.failed.connect(lambda _exc: self.refresh())
        self.status_actions.waitlist_booked.connect(lambda _a: self.refresh(keep_place=True))
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        self.addAction(refresh)

    def open_time_off(self) -> TimeOffDialog:
        """The time-off dialog for the selected column's doctor (or the filter's) and this day."""
        current = self.view.currentIndex()
        doctor_id = current.data(DoctorIdRole) if current.isValid() else self.doctor_filter.currentData()
        dialog = TimeOffDialog(self.services, self.session, self.doctors, doctor_id, self.day, self)
        dialog.changed.connect(lambda: self.refresh(keep_place=True))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_free_time(self) -> FreeTimeDialog:
        """Find a free time from this day on; the time chosen opens the booking form there."""
        current = self.view.currentIndex()
        doctor_id = current.data(DoctorIdRole) if current.isValid() else self.doctor_filter.currentData()
        dialog = FreeTimeDialog(self.services, self.session, self.doctors, doctor_id, self.day, self)
        dialog.chosen.connect(self._free_time_chosen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _free_time_chosen(self, doctor_id: int, start: datetime, minutes: int) -> None:
        self.go_to(start.date())
        self.book(doctor_id, start, minutes)

    # --- the day ------------------------------------------------------------------------------
    @property
    def day(self) -> date:
        return self.date_edit.date().toPython()

    def go_to(self, day: date) -> None:
        if day == self.day:
            self.refresh()
        else:
            self.date_edit.setDate(QDate(day.year, day.month, day.day))  # dateChanged reloads

    def refresh(self, *, keep_place: bool = False) -> None:
        """Load the day again; ``keep_place``: quietly, the view left scrolled where it is."""
        self._generation += 1
        generation, day = self._generation, self.day
        if not keep_place:
            self.summary.setText(self.tr("Loading…"))
        op = Operation(self._fetch, self.session.token, day, not self._own_looked_up)
        op.succeeded.connect(while_alive(self, lambda result: self._loaded(generation, day, *result,
                                                                           keep_place=keep_place)))
        op.failed.connect(while_alive(self, lambda exc: self._failed(generation, exc)))
        op.start()

    def _fetch(self, token: str, day: date, find_own: bool) -> tuple[Any, ...]:
        """Runs off the GUI thread."""
        doctors = self.services.doctors.list_active(token)
        appointments = self.services.appointments.list_day(token, day)
        away = self.services.time_off.list(token, datetime.combine(day, time.min),
                                           datetime.combine(day + timedelta(days=1), time.min))
        own = self.services.doctors.for_user(token, self.session.user.id) if find_own else None
        return doctors, appointments, away, own, find_own

    def live_update(self, _changes: object) -> None:
        """Another desk saved: the day again (it is small), keeping the selection and the scroll.
        A hidden page loads the day when it is shown (``showEvent``)."""
        if self.isVisible():
            self.refresh(keep_place=True)

    def _loaded(self, generation: int, day: date, doctors: list[DoctorRead],
                appointments: list[AppointmentRead], away: list[TimeOffRead], own: DoctorRead | None,
                looked_up: bool, *, keep_place: bool = False) -> None:
        if generation != self._generation:
            return  # another day was chosen meanwhile
        place = self.view.place() if keep_place else None
        selected = self.view.selected_appointment()
        current = self.view.currentIndex()
        slot = (current.data(DoctorIdRole), current.data(SlotRole)) if current.isValid() else None
        self.doctors = doctors
        if looked_up:
            self._own_looked_up = True
            self.own_doctor = own.id if own else None
        self._fill_doctor_filter(doctors, self.own_doctor if looked_up else None)
        self.model.set_day(day, doctors, appointments, away)
        target = self._select_after_load or (selected.id if selected is not None else None)
        self._select_after_load = None
        found = target is not None and self.view.select_appointment(target)
        if not found and slot is not None:
            self.view.setCurrentIndex(self.view.slot_index(*slot))
        if keep_place:  # selecting scrolled to the selection: back to where the desk was looking
            self.view.restore_place(place)
        self._show_summary()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.summary.setText("")
            show_error(self, exc)

    def _fill_doctor_filter(self, doctors: list[DoctorRead], choose: int | None) -> None:
        wanted = choose if choose is not None else self.doctor_filter.currentData()
        with QSignalBlocker(self.doctor_filter):
            while self.doctor_filter.count() > 1:
                self.doctor_filter.removeItem(1)
            for d in doctors:
                self.doctor_filter.addItem(f"{d.short_name} — {d.specialty}", d.id)
            self.doctor_filter.setCurrentIndex(max(0, self.doctor_filter.findData(wanted)))
        self.model.set_doctor_filter(self.doctor_filter.currentData())

    # --- booking and actions ------------------------------------------------------------------------
    def book(self, doctor_id: int, starts_at: datetime, minutes: int | None = None) -> None:
        """Open the form for a free slot, prefilled with its doctor and time (and length)."""
        if not self.can_book:
            return
        form = open_appointment_form(self, self.services, self.session, None, doctors=self.doctors,
                                     doctor_id=doctor_id, starts_at=starts_at, minutes=minutes)
        form.saved.connect(self._saved)

    def edit(self, appointment: AppointmentRead | None) -> None:
        if appointment is None or not self.can_book:
            return
        form = open_appointment_form(self, self.services, self.session, appointment, doctors=self.doctors)
        form.saved.connect(self._saved)

    def create_record(self) -> None:
        """Ctrl+N or Book…: the selected free slot, or a blank form."""
        index = self.view.currentIndex()
        if index.isValid() and self.view.selected_appointment() is None:
            self.book(index.data(DoctorIdRole), index.data(SlotRole))
        elif self.can_book:
            open_appointment_form(self, self.services, self.session, None,
                                  doctors=self.doctors).saved.connect(self._saved)

    def focus_search(self) -> None:
        self.date_edit.setFocus()

    def _saved(self, appointment: AppointmentRead) -> None:
        self._select_after_load = appointment.id
        self.refresh()

    def _status_changed(self, appointment: AppointmentRead) -> None:
        # the answer can come after the desk has already clicked the next visit: keep that one
        selected = self.view.selected_appointment()
        self.model.replace(appointment)
        self.view.select_appointment(selected.id if selected is not None else appointment.id)
        self._show_summary()

    def _show_summary(self) -> None:
        self.summary.setText(self.tr("%n appointment(s)", "", self.model.active_count()))

    def _selection_changed(self, *_args: Any) -> None:
        appointment = self.view.selected_appointment()
        mine = appointment is None or not self.is_doctor or appointment.doctor_id == self.own_doctor
        self.status_actions.set_appointment(appointment, allowed=mine)
        self.edit_button.setEnabled(appointment is not None)
        self.new_button.setEnabled(appointment is None)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page: another desk or tab may have booked meanwhile."""
        super().showEvent(event)
        if self._seen:
            self.refresh()
        self._seen = True
