"""The domain's fixed words: roles, appointment statuses and their allowed moves.

Plain Python, so the models, the schemas and the GUI can all share them.  The
labels are :class:`~heartbeat_desktop.core.errors.Text`: English, and looked
up in the translation catalogue by the GUI (``ui.errors.translated``).
"""

from __future__ import annotations

import enum

from heartbeat_desktop.core.errors import Text


class Role(str, enum.Enum):
    ADMIN = "admin"
    RECEPTIONIST = "receptionist"
    DOCTOR = "doctor"

    @property
    def label(self) -> str:
        return {"admin": Text("vocabulary", "Administrator"), "receptionist": Text("vocabulary", "Receptionist"),
                "doctor": Text("vocabulary", "Doctor")}[self.value]


class Status(str, enum.Enum):
    SCHEDULED = "scheduled"
    ARRIVED = "arrived"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"

    @property
    def label(self) -> str:
        return {"scheduled": Text("status", "Scheduled"), "arrived": Text("status", "Arrived"),
                "in_progress": Text("status", "In progress"), "completed": Text("status", "Completed"),
                "cancelled": Text("status", "Cancelled"), "no_show": Text("status", "No-show")}[self.value]


class AwayKind(str, enum.Enum):
    """Why a doctor cannot be booked for a while (a holiday closes the whole clinic)."""

    VACATION = "vacation"
    DAY_OFF = "day_off"
    BLOCKED = "blocked"
    HOLIDAY = "holiday"

    @property
    def label(self) -> str:
        return {"vacation": Text("vocabulary", "Vacation"), "day_off": Text("vocabulary", "Day off"),
                "blocked": Text("vocabulary", "Blocked time"),
                "holiday": Text("vocabulary", "Clinic holiday")}[self.value]


class Confirmation(str, enum.Enum):
    """What the desk heard when it called the patient about a coming visit (the confirmation list)."""

    NOT_CALLED = "not_called"
    CONFIRMED = "confirmed"
    LEFT_MESSAGE = "left_message"
    CANCELLED_BY_PHONE = "cancelled_by_phone"  # the visit is cancelled with it

    @property
    def label(self) -> str:
        return {"not_called": Text("confirmation", "Not yet called"), "confirmed": Text("confirmation", "Confirmed"),
                "left_message": Text("confirmation", "Left a message"),
                "cancelled_by_phone": Text("confirmation", "Cancelled by phone")}[self.value]


INACTIVE_STATUSES = frozenset({Status.CANCELLED, Status.NO_SHOW})

# Where an appointment may go from each status. A completed visit stays
# completed; a cancellation can be taken back (re-booked) only while the slot is free.
STATUS_TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.SCHEDULED: frozenset({Status.ARRIVED, Status.IN_PROGRESS, Status.CANCELLED, Status.NO_SHOW}),
    Status.ARRIVED: frozenset({Status.SCHEDULED, Status.IN_PROGRESS, Status.CANCELLED, Status.NO_SHOW}),
    Status.IN_PROGRESS: frozenset({Status.ARRIVED, Status.COMPLETED}),
    Status.COMPLETED: frozenset(),
    Status.CANCELLED: frozenset({Status.SCHEDULED}),
    Status.NO_SHOW: frozenset({Status.SCHEDULED, Status.ARRIVED}),
}


def can_move(current: Status, new: Status) -> bool:
    return new in STATUS_TRANSITIONS[current]
