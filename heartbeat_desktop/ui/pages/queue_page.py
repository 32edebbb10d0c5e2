"""Today's queue: the day's visits in time order, who has arrived and how long they have waited.

One key marks arrival: **Space** on the selected row sets it to "Arrived"
(as the Arrived button does); the status buttons below act on the selected
row as on the schedule, "Undo status" included.  Waiting times tick on their
own (:mod:`ui.models.queue`); late visits are shown in orange with "late
N min", cancelled ones and no-shows greyed and struck through.  A doctor's
account sees its own doctor's queue only.  Under the table: the selected
visit's status history.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from heartbeat_desktop.core.vocabulary import Role, Status
from heartbeat_desktop.schemas import DoctorRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.changes import Change
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.formatting import format_date
from heartbeat_desktop.ui.models.queue import QueueModel
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.pages.records_page import record_table
from heartbeat_desktop.ui.pages.table_page import TablePage
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_actions import StatusActions
from heartbeat_desktop.ui.status_history_view import StatusHistoryView
from heartbeat_desktop.ui.widgets import named

ARRIVAL_KEY = Qt.Key.Key_Space
NO_DOCTOR = -1  # a doctor's account with no doctor record: no visit has this doctor


class QueuePage(TablePage):
    shows = frozenset({"appointment", "doctor", "patient"})

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "queuePage", self.tr("Queue"))
        self.services, self.session = services, session
        self.is_doctor = session.user.role == Role.DOCTOR
        self.model = QueueModel(services, session, services.ctx.zone, self)
        self._own_known = not self.is_doctor
        self.title = named(QLabel(), "queueTitle", self.tr("Day"))
        self.summary = named(QLabel(), "queueSummary", self.tr("Queue summary"))
        self.table = record_table(self.model, "queueTable", self.tr("Today's queue"))
        self.table.setToolTip(self.tr("Space: the selected patient has arrived"))
        header = self.table.horizontalHeader()  # the patient's name takes the spare width, not "Waiting"
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.status_actions = StatusActions(services, session, prefix="queue")
        self.history = StatusHistoryView(services, session)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_actions)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.history)
        self.arrive_action = QAction(self.tr("Patient arrived"), self.table)
        self.arrive_action.setShortcut(QKeySequence(ARRIVAL_KEY))
        self.arrive_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.arrive_action.triggered.connect(self.mark_arrived)
        self.table.addAction(self.arrive_action)  # Space on the table
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(self.status_actions.context_actions())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.model.dataChanged.connect(self._show_summary)
        self.model.rowsInserted.connect(self._show_summary)
        self.model.rowsRemoved.connect(self._show_summary)
        self.model.modelReset.connect(self._show_summary)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.status_actions.changed.connect(self._status_changed)
        self.status_actions.failed.connect(lambda _exc: self.model.refresh_loaded())
        self.status_actions.waitlist_booked.connect(lambda _a: self.model.refresh_loaded())
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        self.addAction(refresh)
        self._selection_changed()

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Today again (the day may have turned); a doctor's account first finds its own doctor."""
        if not self._own_known:
            op = Operation(self.services.doctors.for_user, self.session.token, self.session.user.id)
            op.succeeded.connect(while_alive(self, self._own_doctor_found))
            op.failed.connect(while_alive(self, lambda exc: show_error(self, exc)))
            op.start()
            return
        self.model.day = self.model.today()
        self.title.setText(self.tr("Today, {0}").format(format_date(self.model.day)))
        self.model.reload()

    def _own_doctor_found(self, doctor: DoctorRead | None) -> None:
        self._own_known = True
        self.model.doctor_id = doctor.id if doctor is not None else NO_DOCTOR
        self.refresh()

    def catch_up(self, missed: frozenset[Change]) -> None:
        if self._own_known and self.model.day != self.model.today():
            self.refresh()  # left open overnight
        else:
            super().catch_up(missed)

    # --- acting on the selected visit ------------------------------------------------------------
    def mark_arrived(self) -> None:
        """The arrival key: the selected patient is here."""
        self.status_actions.request(Status.ARRIVED)

    def _selection_changed(self, *_args: Any) -> None:
        entry = self.selected()
        appointment = entry.appointment if entry is not None else None
        self.status_actions.set_appointment(appointment)  # a doctor sees only its own visits
        self.history.show_for(appointment.id if appointment is not None else None)

    def _status_changed(self, _appointment: Any) -> None:
        self.model.refresh_loaded()  # the arrival time comes with the history: the rows again
        entry = self.selected()
        self.history.show_for(entry.id if entry is not None else None)

    def _show_summary(self, *_args: Any) -> None:
        rows = [self.model.record(i) for i in range(self.model.rowCount())]
        waiting = sum(1 for e in rows if e.appointment.status == Status.ARRIVED)
        late = sum(1 for e in rows if self.model.is_late(e))
        done = sum(1 for e in rows if e.appointment.status == Status.COMPLETED)
        self.summary.setText(self.tr("%n visits: {0} waiting, {1} late, {2} done", "", len(rows)).format(
            waiting, late, done))
