"""A freed slot offered to the waitlist: shown, without blocking the desk, when a visit is cancelled
or marked a no-show and some waiting patients fit it.

One "Book <patient> here" button per patient, oldest entry first; a click
books through ``waitlist.book_from_waitlist`` (every booking rule applies)
and emits ``booked``; the dialog then closes (the slot is taken).  A refusal
is shown in the dialog and the other patients stay offered.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from heartbeat_desktop.core.vocabulary import INACTIVE_STATUSES
from heartbeat_desktop.schemas import AppointmentRead, WaitlistOffer, WaitlistRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.permissions import Permission, allowed
from heartbeat_desktop.ui.alive import while_alive
from heartbeat_desktop.ui.errors import plain_message
from heartbeat_desktop.ui.formatting import format_date, format_time
from heartbeat_desktop.ui.models.waitlist import days_text, hours_text, wanted_text
from heartbeat_desktop.ui.operations import Operation
from heartbeat_desktop.ui.session import SessionHolder
from heartbeat_desktop.ui.widgets import error_label, named, show_message


class WaitlistOfferDialog(QDialog):
    booked = Signal(object)  # the AppointmentRead booked from the waitlist

    def __init__(self, services: Heartbeat, session: SessionHolder, offer: WaitlistOffer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert offer.slot is not None
        named(self, "waitlistOfferDialog", self.tr("Offer the slot to the waitlist"))
        self.setWindowTitle(self.tr("Waitlist"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services, self.session, self.offer = services, session, offer
        zone = services.ctx.zone
        slot = offer.slot
        start, end = slot.starts_at.astimezone(zone), slot.ends_at.astimezone(zone)
        heading = named(QLabel(self.tr("{0} {1}–{2} with {3} is free. Waiting patients who fit it:").format(
            format_date(start.date()), format_time(start.time()), format_time(end.time()), slot.doctor_name)),
            "waitlistOfferHeading")
        heading.setWordWrap(True)
        grid = QGridLayout()
        self.book_buttons: dict[int, QPushButton] = {}
        for row, entry in enumerate(offer.entries):
            grid.addWidget(QLabel(self._describe(entry)), row, 0)
            button = named(QPushButton(self.tr("Book {0} here").format(entry.patient_name)),
                           f"waitlistBook{entry.id}", self.tr("Book {0} here").format(entry.patient_name))
            button.clicked.connect(lambda _checked=False, e=entry: self.book(e))
            grid.addWidget(button, row, 1)
            self.book_buttons[entry.id] = button
        self.error = error_label("waitlistOfferError")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(close)

    def _describe(self, entry: WaitlistRead) -> str:
        parts = [entry.patient_name, wanted_text(entry), days_text(entry.weekdays), hours_text(entry),
                 self.tr("%n min", "", entry.minutes)]
        if entry.note:
            parts.append(entry.note)
        return " · ".join(parts)

    def book(self, entry: WaitlistRead) -> None:
        for button in self.book_buttons.values():
            button.setEnabled(False)
        show_message(self.error, "")
        op = Operation(self.services.waitlist.book_from_waitlist, self.session.token, entry.id, self.offer.slot,
                       entry.version)
        op.succeeded.connect(while_alive(self, self._booked))
        op.failed.connect(while_alive(self, lambda exc: self._refused(entry, exc)))
        op.start()

    def _booked(self, appointment: AppointmentRead) -> None:
        self.booked.emit(appointment)
        self.accept()

    def _refused(self, entry: WaitlistRead, exc: BaseException) -> None:
        for entry_id, button in self.book_buttons.items():
            button.setEnabled(entry_id != entry.id)
        show_message(self.error, plain_message(exc))


def offer_freed_slot(parent: QWidget, services: Heartbeat, session: SessionHolder, appointment: AppointmentRead,
                     on_booked: Any) -> None:
    """After a cancellation or no-show at this desk: if waiting patients fit the freed slot,
    show them (without blocking); ``on_booked(AppointmentRead)`` after one is booked there.
    Quiet when nobody fits, for accounts that cannot book, and if the question fails."""
    if appointment.status not in INACTIVE_STATUSES or not allowed(session.user.role, Permission.BOOK_APPOINTMENTS):
        return

    def answered(offer: WaitlistOffer) -> None:
        if offer.slot is None or not offer.entries:
            return
        dialog = WaitlistOfferDialog(services, session, offer, parent.window())
        dialog.booked.connect(on_booked)
        parent.waitlist_offer = dialog  # type: ignore[attr-defined]  # what a test looks at
        dialog.show()

    op = Operation(services.waitlist.offer, session.token, appointment.id)
    op.succeeded.connect(while_alive(parent, answered))
    op.start()
