"""The confirmation list: tomorrow's visits (or any day's) with phone numbers, for the reminder calls.

It opens on the next day with visits (on a Friday, Monday's).  The desk goes down the list, calls, and notes each answer with a button, the
context menu or the button's Alt key; the selection then moves to the next
visit, so a whole list is worked through from the keyboard.  "Cancelled by
phone" cancels the visit (asked first) and offers its slot to the waitlist.
The list prints, or saves as a PDF, with the answers so far.  A doctor's
account sees the list but notes nothing (the service refuses as well).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from heartbeat_desktop.core.errors import HeartbeatError
from heartbeat_desktop.core.vocabulary import Confirmation
from heartbeat_desktop.schemas import ConfirmationCall
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.dialogs.waitlist_offer import offer_freed_slot
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.formatting import format_date
from heartbeat_desktop.ui.forms.time_fields import day_edit
from heartbeat_desktop.ui.models.confirmations import ConfirmationModel
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.records_page import record_table
from heartbeat_desktop.ui.pages.table_page import TablePage
from heartbeat_desktop.ui.printing import Sheet, print_sheet, save_pdf
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named

STEMS = {Confirmation.CONFIRMED: "confirmed", Confirmation.LEFT_MESSAGE: "leftMessage",
         Confirmation.CANCELLED_BY_PHONE: "cancelledByPhone", Confirmation.NOT_CALLED: "notCalled"}

PRINT_WIDTHS = (13, 27, 16, 13, 14, 17)  # percent of the sheet: the patient's full name gets the most


class ConfirmationsPage(TablePage):
    shows = frozenset({"appointment", "doctor", "patient"})
    answered = Signal(object)  # the ConfirmationCall as saved

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "confirmationsPage", self.tr("Calls"))
        self.services, self.session = services, session
        self.can_answer = allowed(session.user.role, Permission.CONFIRM_APPOINTMENTS)
        self.model = ConfirmationModel(services, session, services.ctx.zone, self)
        self._busy = False
        self._day_chosen = False  # until the first refresh finds the next day with visits
        self.ask_to_cancel = self._ask_to_cancel  # a test answers for the desk
        self.ask_pdf_path = self._ask_pdf_path
        self._build()
        self._connect()
        self._selection_changed()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.prev_button = named(QPushButton("◀"), "callsPrevDayButton", self.tr("Previous day"))
        self.date_edit = day_edit("callsDate", self.tr("Day to call about"), self.model.day)
        self.next_button = named(QPushButton("▶"), "callsNextDayButton", self.tr("Next day"))
        self.tomorrow_button = named(QPushButton(self.tr("T&omorrow")), "callsTomorrowButton", self.tr("Tomorrow"))
        self.summary = named(QLabel(), "callsSummary", self.tr("Calls summary"))
        self.print_button = named(QPushButton(self.tr("Pr&int…")), "callsPrintButton", self.tr("Print the list"))
        self.pdf_button = named(QPushButton(self.tr("Save as P&DF…")), "callsPdfButton",
                                self.tr("Save the list as a PDF file"))
        top = QHBoxLayout()
        for widget in (self.prev_button, self.date_edit, self.next_button, self.tomorrow_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.summary)
        self.table = record_table(self.model, "callsTable", self.tr("Visits to confirm"))
        header = self.table.horizontalHeader()  # the patient's name takes the spare width
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        texts = {  # literal tr() calls, for lupdate
            Confirmation.CONFIRMED: (self.tr("&Confirmed"), self.tr("The patient will come")),
            Confirmation.LEFT_MESSAGE: (self.tr("Left a &message"), self.tr("Nobody answered; a message was left")),
            Confirmation.CANCELLED_BY_PHONE: (self.tr("Cancelled by &phone"),
                                              self.tr("The patient will not come: cancel the visit")),
            Confirmation.NOT_CALLED: (self.tr("&Not yet called"), self.tr("Take back the answer noted")),
        }
        self.buttons: dict[Confirmation, QPushButton] = {}
        self.actions_by_answer: dict[Confirmation, QAction] = {}
        bottom = QHBoxLayout()
        for answer, stem in STEMS.items():
            text, description = texts[answer]
            button = named(QPushButton(text), f"{stem}Button", text.replace("&", ""), description)
            button.clicked.connect(lambda _checked=False, a=answer: self.answer(a))
            button.setVisible(self.can_answer)
            bottom.addWidget(button)
            self.buttons[answer] = button
            action = QAction(text.replace("&", ""), self.table)
            action.triggered.connect(lambda _checked=False, a=answer: self.answer(a))
            self.actions_by_answer[answer] = action
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        if self.can_answer:
            self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            self.table.addActions(list(self.actions_by_answer.values()))
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        self.addAction(refresh)
        self.date_edit.setDate(self.model.day)

    def _connect(self) -> None:
        self.prev_button.clicked.connect(lambda: self.go_to(self.model.day - timedelta(days=1)))
        self.next_button.clicked.connect(lambda: self.go_to(self.model.day + timedelta(days=1)))
        self.tomorrow_button.clicked.connect(lambda: self.go_to(date.today() + timedelta(days=1)))
        self.date_edit.dateChanged.connect(lambda d: self.go_to(d.toPython()))
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for signal in (self.model.modelReset, self.model.dataChanged, self.model.rowsInserted,
                       self.model.rowsRemoved):
            signal.connect(self._selection_changed)
            signal.connect(self._show_summary)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The chosen day again; the first time, the next day with visits (on a Friday, Monday's)."""
        if self._day_chosen:
            self.model.reload()
            return
        self._day_chosen = True
        op = Operation(self.services.confirmations.next_day, self.session.token, date.today())
        op.succeeded.connect(while_alive(self, self._first_day_found))
        op.failed.connect(while_alive(self, lambda exc: show_error(self, exc)))
        op.start()

    def _first_day_found(self, day: date) -> None:
        if day == self.model.day:
            self.model.reload()
        else:
            self.go_to(day)

    def go_to(self, day: date) -> None:
        self._day_chosen = True  # the desk's choice from now on
        if day != self.model.day:
            self.model.day = day
            self.date_edit.setDate(QDate(day))  # emits dateChanged: go_to again, a no-op
            self.refresh()

    # --- noting answers ---------------------------------------------------------------------------
    def answer(self, answer: Confirmation) -> None:
        call = self.selected()
        if call is None or self._busy or not self._enabled(call, answer):
            return
        if answer is Confirmation.CANCELLED_BY_PHONE and not self.ask_to_cancel(call):
            return
        self._busy = True
        self._selection_changed()
        a = call.appointment
        op = Operation(self.services.confirmations.set_answer, self.session.token, a.id, answer, a.version)
        op.succeeded.connect(self._answered)
        op.failed.connect(self._refused)
        op.start()

    def _answered(self, call: ConfirmationCall) -> None:
        self._busy = False
        self.model.replace(call)
        row = self.model.row_of(call.id)
        if 0 <= row < self.model.rowCount() - 1:
            self.table.selectRow(row + 1)  # on to the next call
        self._selection_changed()
        self._show_summary()
        self.answered.emit(call)
        if call.confirmation is Confirmation.CANCELLED_BY_PHONE:
            offer_freed_slot(self, self.services, self.session, call.appointment, lambda _a: self.refresh())

    def _refused(self, exc: BaseException) -> None:
        self._busy = False
        self._selection_changed()
        show_error(self.window(), exc)
        self.model.refresh_loaded()

    def _enabled(self, call: ConfirmationCall | None, answer: Confirmation) -> bool:
        return (call is not None and self.can_answer and not self._busy and call.appointment.is_active
                and call.confirmation is not answer)

    def _selection_changed(self, *_args: Any) -> None:
        call = self.selected()
        for answer, button in self.buttons.items():
            enabled = self._enabled(call, answer)
            button.setEnabled(enabled)
            self.actions_by_answer[answer].setEnabled(enabled)

    def _ask_to_cancel(self, call: ConfirmationCall) -> bool:
        a = call.appointment
        answer = QMessageBox.question(
            self.window(), self.tr("Cancelled by phone"),
            self.tr("{0} will not come on {1}. Cancel the visit?").format(a.patient_name, format_date(self.model.day)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _show_summary(self, *_args: Any) -> None:
        calls = self.calls()
        counts = {answer: sum(1 for c in calls if c.confirmation is answer) for answer in Confirmation}
        self.summary.setText(self.tr("%n visits: {0} to call, {1} confirmed, {2} left a message, {3} cancelled", "",
                                     len(calls)).format(
            counts[Confirmation.NOT_CALLED], counts[Confirmation.CONFIRMED],
            counts[Confirmation.LEFT_MESSAGE], counts[Confirmation.CANCELLED_BY_PHONE]))

    def calls(self) -> list[ConfirmationCall]:
        return [self.model.record(i) for i in range(self.model.rowCount())]

    # --- printing ---------------------------------------------------------------------------------
    def sheet(self) -> Sheet:
        calls = self.calls()
        columns = self.model.columns
        headers = [self.model.headerData(i, Qt.Orientation.Horizontal) for i in range(len(columns))]
        rows = [[str(column.value(call)) for column in columns] for call in calls]
        struck = frozenset(i for i, call in enumerate(calls) if not call.appointment.is_active)
        return Sheet(self.tr("Confirmation calls"), self.tr("Visits on {0}").format(format_date(self.model.day)),
                     headers, rows, struck, self.summary.text(), widths=PRINT_WIDTHS,
                     unbroken=frozenset({0, 2}))

    def print_list(self) -> None:
        print_sheet(self.sheet(), self.window())

    def save_pdf(self) -> None:
        path = self.ask_pdf_path()
        if not path:
            return
        try:
            save_pdf(self.sheet(), path)
        except (OSError, HeartbeatError) as exc:
            show_error(self.window(), exc)

    def _ask_pdf_path(self) -> str:
        suggested = f"calls-{self.model.day.isoformat()}.pdf"
        path, _filter = QFileDialog.getSaveFileName(self.window(), self.tr("Save the list as PDF"), suggested,
                                                    self.tr("PDF files (*.pdf)"))
        return path
