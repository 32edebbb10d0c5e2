"""An appointment's status history in words, one line a change, loaded in the background.

Shown on the appointment form and under the queue.  A line reads
"28.11.2026 10:15  Scheduled → Arrived (reception1)"; the booking reads
"Booked", an undo "… (undone by admin)".  Times are clinic-local.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from heartbeat_desktop.schemas import StatusChangeRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.appointment_text import local
from heartbeat_desktop.ui.formatting import format_datetime
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.status_style import status_text
from heartbeat_desktop.ui.widgets import named


def history_line(change: StatusChangeRead, zone: tzinfo) -> str:
    when = format_datetime(local(change.changed_at, zone))
    who = change.username or QCoreApplication.translate("history", "unknown")
    if change.from_status is None:
        what = QCoreApplication.translate("history", "Booked ({0})").format(who)
    else:
        step = f"{status_text(change.from_status)} → {status_text(change.to_status)}"
        undone = QCoreApplication.translate("history", "{0} (undone by {1})")
        what = (undone if change.is_undo else QCoreApplication.translate("history", "{0} ({1})")).format(step, who)
    return f"{when}  {what}"


def history_text(history: list[StatusChangeRead], zone: tzinfo) -> str:
    if not history:
        return QCoreApplication.translate("history", "No status changes recorded.")
    return "\n".join(history_line(change, zone) for change in history)


class StatusHistoryView(QLabel):
    """``show_for(id)`` loads and shows one appointment's history; ``show_for(None)`` clears it."""

    def __init__(self, services: Heartbeat, session: SessionHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "statusHistory", self.tr("Status history"))
        self.services, self.session = services, session
        self.appointment_id: int | None = None
        self._generation = 0
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_for(self, appointment_id: int | None) -> None:
        self._generation += 1
        self.appointment_id = appointment_id
        if appointment_id is None:
            self.setText("")
            return
        generation = self._generation
        op = Operation(self.services.appointments.status_history, self.session.token, appointment_id)
        op.succeeded.connect(while_alive(self, lambda history: self._loaded(generation, history)))
        op.failed.connect(while_alive(self, lambda _exc: self._loaded(generation, None)))
        op.start()

    def _loaded(self, generation: int, history: list[StatusChangeRead] | None) -> None:
        if generation != self._generation:
            return  # another appointment was chosen meanwhile
        if history is None:
            self.setText(self.tr("The status history could not be loaded."))
        else:
            self.setText(self.tr("Status history:") + "\n" + history_text(history, self.services.ctx.zone))
