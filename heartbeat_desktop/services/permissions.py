"""Who may do what. Checked in the services on every call, whatever the GUI shows."""

from __future__ import annotations

import enum

from heartbeat_desktop.core.errors import PermissionDenied
from heartbeat_desktop.core.vocabulary import Role

ADMIN, DESK, DOCTOR = Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR


class Permission(enum.Enum):
    # value: (roles allowed, what the refusal says)
    VIEW_PATIENTS = ({ADMIN, DESK, DOCTOR}, "view patients")
    EDIT_PATIENTS = ({ADMIN, DESK}, "register or edit patients")
    DELETE_PATIENTS = ({ADMIN, DESK}, "delete patients")
    MERGE_PATIENTS = ({ADMIN}, "merge patient records or undo a merge")
    VIEW_DOCTORS = ({ADMIN, DESK, DOCTOR}, "view doctors")
    EDIT_DOCTORS = ({ADMIN, DESK}, "edit doctors")
    DELETE_DOCTORS = ({ADMIN}, "delete doctors")
    VIEW_APPOINTMENTS = ({ADMIN, DESK, DOCTOR}, "view appointments")
    BOOK_APPOINTMENTS = ({ADMIN, DESK}, "book or change appointments")
    SET_APPOINTMENT_STATUS = ({ADMIN, DESK, DOCTOR}, "change an appointment's status")
    DELETE_APPOINTMENTS = ({ADMIN, DESK}, "delete appointments")
    CONFIRM_APPOINTMENTS = ({ADMIN, DESK}, "record the patients' answers to confirmation calls")
    MANAGE_TIME_OFF = ({ADMIN, DESK}, "change doctors' time off")
    CLINIC_HOLIDAYS = ({ADMIN}, "set clinic holidays")
    MANAGE_APPOINTMENT_TYPES = ({ADMIN}, "change the list of visit types")
    MANAGE_USERS = ({ADMIN}, "manage user accounts")
    VIEW_AUDIT = ({ADMIN}, "view the audit log")
    MAINTAIN_DATABASE = ({ADMIN}, "back up or fill the database")

    @property
    def roles(self) -> set[Role]:
        return self.value[0]

    @property
    def description(self) -> str:
        return self.value[1]


def allowed(role: Role, permission: Permission) -> bool:
    return role in permission.roles


def require(role: Role, permission: Permission) -> None:
    if not allowed(role, permission):
        raise PermissionDenied(f"Your account ({role.label}) is not allowed to {permission.description}.")
