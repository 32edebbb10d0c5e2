"""The status buttons (and matching context-menu actions) for one selected appointment.

Only the moves ``core.vocabulary.can_move`` allows from the current status
are enabled.  A click calls ``services.appointments.set_status`` in the
background with the version the desk saw; the changed appointment is emitted
so the page can show it in place.  A refusal (a stale record, a slot taken
meanwhile, another doctor's visit) is shown and ``failed`` lets the page reload.

"Undo last status change" (``undoStatusButton``, and in the context menu)
takes back the newest status change still in effect
(``services.appointments.undo_status``): a mistaken no-show or completion.
It is offered for any selected visit the desk may change; the service says
so when there is nothing to undo.

A cancellation or no-show frees a slot: if waiting patients fit it, the
waitlist's offer opens beside the page (:mod:`ui.dialogs.waitlist_offer`), and
``waitlist_booked`` tells the page when one of them was booked there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from heartbeat_desktop.core.vocabulary import Status, can_move
from heartbeat_desktop.schemas import AppointmentRead, Scope
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.dialogs import series as series_dialogs
from heartbeat_desktop.ui.dialogs.waitlist_offer import offer_freed_slot
from heartbeat_desktop.ui.errors import show_error
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import named

# status -> the object name's stem ("arrived" -> arrivedButton, or <prefix>ArrivedButton)
STEMS = {
    Status.ARRIVED: "arrived",
    Status.IN_PROGRESS: "inProgress",
    Status.COMPLETED: "completed",
    Status.NO_SHOW: "noShow",
    Status.CANCELLED: "cancelAppointment",
    Status.SCHEDULED: "rebook",
}


def object_name(prefix: str, stem: str) -> str:
    return f"{prefix}{stem[0].upper()}{stem[1:]}Button" if prefix else f"{stem}Button"


class StatusActions(QWidget):
    changed = Signal(object)  # the AppointmentRead with its new status
    failed = Signal(object)  # the exception, after it was shown
    waitlist_booked = Signal(object)  # the AppointmentRead booked into a freed slot from the waitlist

    def __init__(self, services: Heartbeat, session: SessionHolder, prefix: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session = session
        self.appointment: AppointmentRead | None = None
        self._allowed = True
        self._busy = False
        texts = {  # literal tr() calls, for lupdate
            Status.ARRIVED: (self.tr("&Arrived"), self.tr("The patient has arrived")),
            Status.IN_PROGRESS: (self.tr("&In progress"), self.tr("The visit has begun")),
            Status.COMPLETED: (self.tr("Co&mpleted"), self.tr("The visit is over")),
            Status.NO_SHOW: (self.tr("No-&show"), self.tr("The patient did not come")),
            Status.CANCELLED: (self.tr("Cance&l visit"), self.tr("Cancel this appointment")),
            Status.SCHEDULED: (self.tr("Bac&k to scheduled"), self.tr("Undo: the appointment is scheduled again")),
        }
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[Status, QPushButton] = {}
        self.actions_by_status: dict[Status, QAction] = {}
        for status, stem in STEMS.items():
            text, description = texts[status]
            button = named(QPushButton(text), object_name(prefix, stem), text.replace("&", ""), description)
            button.clicked.connect(lambda _checked=False, s=status: self.request(s))
            layout.addWidget(button)
            self.buttons[status] = button
            action = QAction(text.replace("&", ""), self)
            action.triggered.connect(lambda _checked=False, s=status: self.request(s))
            self.actions_by_status[status] = action
        self.undo_button = named(QPushButton(self.tr("&Undo status")), object_name(prefix, "undoStatus"),
                                 self.tr("Undo last status change"),
                                 self.tr("Put the status back to what it was before the last change"))
        self.undo_button.clicked.connect(self.request_undo)
        layout.addWidget(self.undo_button)
        self.undo_action = QAction(self.tr("Undo last status change"), self)
        self.undo_action.triggered.connect(self.request_undo)
        self.set_appointment(None)

    def context_actions(self) -> list[QAction]:
        separator = QAction(self)
        separator.setSeparator(True)
        return [*self.actions_by_status.values(), separator, self.undo_action]

    def set_appointment(self, appointment: AppointmentRead | None, allowed: bool = True) -> None:
        """The selected appointment; ``allowed`` is False for another doctor's visit."""
        self.appointment = appointment
        self._allowed = allowed
        self._update()

    def request(self, status: Status) -> None:
        a = self.appointment
        if a is None or self._busy or not self._enabled(status):
            return
        if status is Status.CANCELLED and a.series_id is not None:  # one of a series: which visits?
            scope = series_dialogs.ask_scope(self.window(), self.tr("Cancel a recurring visit"),
                                             self.tr("This visit is one of a series. Cancel which visits?"))
            if scope is not None:
                self._call(self._cancel_series, a, scope)
            return
        self._call(self.services.appointments.set_status, self.session.token, a.id, status, a.version)

    def _cancel_series(self, a: AppointmentRead, scope: Scope) -> AppointmentRead:
        """(In the background.) Cancel ``scope`` of a's series; the visit shown, cancelled."""
        cancelled = self.services.series.cancel(self.session.token, a.id, scope, a.version)
        return next(c for c in cancelled if c.id == a.id)

    def request_undo(self) -> None:
        """Back to the status before the last change (the service refuses if there is none)."""
        a = self.appointment
        if a is None or self._busy or not self._allowed:
            return
        self._call(self.services.appointments.undo_status, self.session.token, a.id, a.version)

    def _call(self, fn: Any, *args: Any) -> None:
        self._busy = True
        self._update()
        op = Operation(fn, *args)
        op.succeeded.connect(self._done)
        op.failed.connect(self._refused)
        op.start()

    def _enabled(self, status: Status) -> bool:
        a = self.appointment
        return a is not None and self._allowed and not self._busy and can_move(a.status, status)

    def _update(self) -> None:
        for status, button in self.buttons.items():
            enabled = self._enabled(status)
            button.setEnabled(enabled)
            self.actions_by_status[status].setEnabled(enabled)
        can_undo = self.appointment is not None and self._allowed and not self._busy
        self.undo_button.setEnabled(can_undo)
        self.undo_action.setEnabled(can_undo)

    def _done(self, appointment: AppointmentRead) -> None:
        self._busy = False
        self.appointment = appointment
        self._update()
        self.changed.emit(appointment)
        offer_freed_slot(self, self.services, self.session, appointment, self.waitlist_booked.emit)

    def _refused(self, exc: BaseException) -> None:
        self._busy = False
        self._update()
        show_error(self.window(), exc)
        self.failed.emit(exc)
