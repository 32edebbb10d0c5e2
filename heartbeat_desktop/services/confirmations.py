"""The confirmation list: the day's visits with the numbers to call, and what each patient said.

The desk calls tomorrow's patients and notes the outcome on each visit
(``core.vocabulary.Confirmation``).  "Cancelled by phone" cancels the visit
in the same transaction, through the status history like any cancellation,
so the freed slot is offered to the waitlist.  Taking that cancellation back
(Undo status) or moving the visit resets the answer to "not yet called"
(``Appointment.forget_confirmation``): it was about another time.
"""

from __future__ import annotations

from datetime import date, timedelta

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import BookingConflict, Text
from heartbeat_desktop.core.vocabulary import (
    INACTIVE_STATUSES,
    Confirmation,
    Status,
    can_move,
)
from heartbeat_desktop.models import Appointment
from heartbeat_desktop.schemas import ConfirmationCall
from heartbeat_desktop.services import status_history
from heartbeat_desktop.services.appointments import AppointmentService, to_read
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission

ALREADY_CANCELLED = Text("errors", "This visit was cancelled by phone. To book it again, select it and press Undo status "
                     "(the slot must still be free).")
LOOK_AHEAD_DAYS = 14
NOT_COMING = Text("errors", "This visit is “{0}”: there is nothing to confirm.")
TOO_LATE = Text("errors", "A visit that is “{0}” cannot be cancelled by phone.")


def to_call(a: Appointment) -> ConfirmationCall:
    return ConfirmationCall(appointment=to_read(a), phone=a.patient.phone, called_at=a.confirmation_at,
                            called_by=a.confirmation_by.username if a.confirmation_by else None)


class ConfirmationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def calls(self, token: str, day: date, doctor_id: int | None = None) -> list[ConfirmationCall]:
        """The visits of one local day to call about, in time order: the active ones, and those the
        patient cancelled by phone (the list keeps the outcome in view)."""
        start, end = clock.local_day_bounds(day, self.ctx.zone)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            rows = uow.appointments.calls(start, end, doctor_id)
            return [to_call(a) for a in rows]

    def next_day(self, token: str, after: date) -> date:
        """The first local day after ``after`` with a visit to call about, within a fortnight (Friday's
        calls are Monday's visits); the day after ``after`` when there is none."""
        zone = self.ctx.zone
        start = clock.local_day_bounds(after + timedelta(days=1), zone)[0]
        end = clock.local_day_bounds(after + timedelta(days=LOOK_AHEAD_DAYS), zone)[1]
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            first = uow.appointments.first_start(start, end)
        return first.astimezone(zone).date() if first is not None else after + timedelta(days=1)

    def call(self, token: str, appointment_id: int) -> ConfirmationCall:
        """One line of the list again (a live table's row)."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            return to_call(AppointmentService._load(uow, appointment_id))

    def set_answer(self, token: str, appointment_id: int, answer: Confirmation | str, version: int) -> ConfirmationCall:
        """Note what the patient said (``version``: the visit as the desk saw it).  Cancelled by phone
        also cancels the visit; "not yet called" takes a mistaken answer back."""
        answer = Confirmation(answer)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.CONFIRM_APPOINTMENTS)
            appointment = AppointmentService._load(uow, appointment_id)
            AppointmentService._check_version(appointment, version)
            before = Confirmation(appointment.confirmation)
            if answer == before:
                return to_call(appointment)
            status = Status(appointment.status)
            if before == Confirmation.CANCELLED_BY_PHONE and status in INACTIVE_STATUSES:
                raise BookingConflict(ALREADY_CANCELLED)
            if status in INACTIVE_STATUSES:
                raise BookingConflict(NOT_COMING.format(status.label))
            if answer == Confirmation.CANCELLED_BY_PHONE:
                if not can_move(status, Status.CANCELLED):
                    raise BookingConflict(TOO_LATE.format(status.label))
                appointment.status = Status.CANCELLED.value
                status_history.record(uow, actor, appointment, status, Status.CANCELLED, self.ctx.now())
                uow.audit(actor, "status", "appointment", appointment.id,
                          {"status": [status.value, Status.CANCELLED.value]})
            if answer == Confirmation.NOT_CALLED:
                appointment.forget_confirmation()
            else:
                appointment.confirmation = answer.value
                appointment.confirmation_at = self.ctx.now()
                appointment.confirmation_by_id = actor.user_id
            uow.flush()
            uow.audit(actor, "confirmation", "appointment", appointment.id,
                      {"confirmation": [before.value, answer.value]})
            uow.session.refresh(appointment, ["confirmation_by"])
            result = to_call(appointment)
            uow.commit()
            return result
