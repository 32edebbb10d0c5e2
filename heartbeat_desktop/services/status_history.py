"""An appointment's status history: writing it, reading what is in effect, undoing the last change.

Every booking and every status change adds one row (``StatusChange``) in the
same transaction.  An undo adds a row too (``is_undo``), taking back the
newest change still in effect: the changes in effect are a stack, each
ordinary change pushed, each undo popping one.  So "undo" means exactly "back
to where it was before the last change", and pressing it again goes one
further back, never past the booking.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from heartbeat_desktop.core.errors import BookingConflict, Text
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.models import Appointment, StatusChange
from heartbeat_desktop.schemas import AppointmentRead, QueueEntry, StatusChangeRead
from heartbeat_desktop.services.unit_of_work import UnitOfWork

NOTHING_TO_UNDO = Text("errors", "There is no status change to undo on this appointment.")
OUT_OF_STEP = Text("errors", "This appointment's status was set before its history was kept, so it cannot be undone; "
               "set the status by hand instead.")


def record(uow: UnitOfWork, actor: object, appointment: Appointment, old: Status | None, new: Status,
           at: datetime, *, is_undo: bool = False) -> StatusChange:
    """One line of history, in the caller's transaction."""
    row = StatusChange(appointment_id=appointment.id, from_status=old.value if old else None, to_status=new.value,
                       changed_at=at, user_id=getattr(actor, "user_id", None),
                       username=getattr(actor, "username", None), is_undo=is_undo)
    uow.status_changes.add(row)
    return row


def in_effect(rows: Iterable[StatusChange]) -> list[StatusChange]:
    """The changes not taken back, oldest first (``rows`` in the order made)."""
    stack: list[StatusChange] = []
    for row in rows:
        if row.is_undo:
            if stack and stack[-1].from_status is not None:
                stack.pop()
        else:
            stack.append(row)
    return stack


def undoable(rows: Iterable[StatusChange], current: Status) -> StatusChange:
    """The change an undo takes back; refuses with the reason if there is none."""
    stack = in_effect(rows)
    if not stack or stack[-1].from_status is None:
        raise BookingConflict(NOTHING_TO_UNDO)
    if Status(stack[-1].to_status) != current:
        raise BookingConflict(OUT_OF_STEP)
    return stack[-1]


def to_read(row: StatusChange) -> StatusChangeRead:
    return StatusChangeRead(
        id=row.id, appointment_id=row.appointment_id,
        from_status=Status(row.from_status) if row.from_status else None, to_status=Status(row.to_status),
        changed_at=row.changed_at, user_id=row.user_id, username=row.username, is_undo=row.is_undo)


def queue_entries(appointments: list[AppointmentRead], rows: Iterable[StatusChange]) -> list[QueueEntry]:
    """Each appointment with the times it arrived and began, as far as its history says."""
    by_appointment: dict[int, list[StatusChange]] = {}
    for row in rows:
        by_appointment.setdefault(row.appointment_id, []).append(row)
    entries = []
    for a in appointments:
        arrived = started = None
        if a.status in (Status.ARRIVED, Status.IN_PROGRESS, Status.COMPLETED):
            for row in in_effect(by_appointment.get(a.id, [])):
                if row.to_status == Status.ARRIVED.value:
                    arrived, started = row.changed_at, None
                elif row.to_status == Status.IN_PROGRESS.value:
                    started = row.changed_at
        entries.append(QueueEntry(appointment=a, arrived_at=arrived, started_at=started))
    return entries
