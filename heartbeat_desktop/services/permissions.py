"""Who may do what. Checked in the services on every call, whatever the GUI shows."""

from __future__ import annotations

import enum

from heartbeat_desktop.core.errors import PermissionDenied, Text
from heartbeat_desktop.core.vocabulary import Role

ADMIN, DESK, DOCTOR = Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR


class Permission(enum.Enum):
    # value: (roles allowed, what the refusal says)
    VIEW_PATIENTS = ({ADMIN, DESK, DOCTOR}, Text("errors", "view patients"))
    EDIT_PATIENTS = ({ADMIN, DESK}, Text("errors", "register or edit patients"))
    DELETE_PATIENTS = ({ADMIN, DESK}, Text("errors", "delete patients"))
    # the whole list with phones and birth dates leaves the database: not for a doctor's account
    EXPORT_PATIENTS = ({ADMIN, DESK}, Text("errors", "export the list of patients"))
    MERGE_PATIENTS = ({ADMIN}, Text("errors", "merge patient records or undo a merge"))
    VIEW_DOCTORS = ({ADMIN, DESK, DOCTOR}, Text("errors", "view doctors"))
    EDIT_DOCTORS = ({ADMIN, DESK}, Text("errors", "edit doctors"))
    DELETE_DOCTORS = ({ADMIN}, Text("errors", "delete doctors"))
    VIEW_APPOINTMENTS = ({ADMIN, DESK, DOCTOR}, Text("errors", "view appointments"))
    BOOK_APPOINTMENTS = ({ADMIN, DESK}, Text("errors", "book or change appointments"))
    SET_APPOINTMENT_STATUS = ({ADMIN, DESK, DOCTOR}, Text("errors", "change an appointment's status"))
    DELETE_APPOINTMENTS = ({ADMIN, DESK}, Text("errors", "delete appointments"))
    CONFIRM_APPOINTMENTS = ({ADMIN, DESK}, Text("errors", "record the patients' answers to confirmation calls"))
    MANAGE_TIME_OFF = ({ADMIN, DESK}, Text("errors", "change doctors' time off"))
    CLINIC_HOLIDAYS = ({ADMIN}, Text("errors", "set clinic holidays"))
    MANAGE_APPOINTMENT_TYPES = ({ADMIN}, Text("errors", "change the list of visit types"))
    MANAGE_USERS = ({ADMIN}, Text("errors", "manage user accounts"))
    VIEW_AUDIT = ({ADMIN}, Text("errors", "view the audit log"))
    MAINTAIN_DATABASE = ({ADMIN}, Text("errors", "back up or fill the database"))

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
        raise PermissionDenied(Text("errors", "Your account ({0}) is not allowed to {1}.").format(
            role.label, permission.description))
