"""Doctors with their weekly working hours."""

from __future__ import annotations

from heartbeat_desktop.core.errors import Text, ValidationFailed
from heartbeat_desktop.models import Doctor, WorkingHours
from heartbeat_desktop.repositories import DoctorRepository
from heartbeat_desktop.schemas import DoctorCreate, DoctorRead, DoctorUpdate
from heartbeat_desktop.schemas.base import Schema
from heartbeat_desktop.services.context import Actor
from heartbeat_desktop.services.permissions import Permission, require
from heartbeat_desktop.services.records import PersonService
from heartbeat_desktop.services.unit_of_work import UnitOfWork


class DoctorService(PersonService[Doctor, DoctorRead]):
    entity = "doctor"
    in_use = Text("errors", "This doctor has {0} appointments and cannot be deleted. Deactivate the doctor "
                  "instead: the history is kept.")
    in_use_one = Text("errors", "This doctor has {0} appointment and cannot be deleted. Deactivate the doctor "
                      "instead: the history is kept.")
    saved_since = Text("errors", "{0} saved this doctor at {1} on {2}, after you opened it. Compare, then keep "
                       "their version or save yours on top of it.")
    model = Doctor
    create_schema = DoctorCreate
    update_schema = DoctorUpdate
    read_schema = DoctorRead
    view = Permission.VIEW_DOCTORS
    edit = Permission.EDIT_DOCTORS
    remove = Permission.DELETE_DOCTORS
    fields = ("last_name", "first_name", "middle_name", "specialty", "room", "phone", "email",
              "is_active", "user_id")

    def repo(self, uow: UnitOfWork) -> DoctorRepository:
        return uow.doctors

    def apply(self, obj: Doctor, data: Schema) -> None:
        super().apply(obj, data)
        wanted = [(h.weekday, h.starts, h.ends) for h in data.working_hours]  # type: ignore[attr-defined]
        current = [(h.weekday, h.starts, h.ends) for h in obj.working_hours]
        if wanted != current:
            obj.working_hours = [WorkingHours(weekday=d, starts=s, ends=e) for d, s, e in wanted]

    def audit_state(self, obj: Doctor) -> dict:
        state = super().audit_state(obj)
        state["working_hours"] = [f"{h.weekday}:{h.starts:%H:%M}-{h.ends:%H:%M}" for h in obj.working_hours]
        return state

    def check(self, uow: UnitOfWork, actor: Actor, data: Schema, current: Doctor | None = None) -> None:
        user_id = data.user_id  # type: ignore[attr-defined]
        if user_id != (current.user_id if current else None):
            # the link lets that account sign in as this doctor: an admin's decision
            require(actor.role, Permission.MANAGE_USERS)
        if user_id is not None:
            user = uow.users.get(user_id)
            if user is None or user.role != "doctor":
                raise ValidationFailed({"user_id": Text("errors", "Link the doctor to a user account with the Doctor role.")})
            linked = uow.doctors.for_user(user_id)
            if linked is not None and (current is None or linked.id != current.id):
                raise ValidationFailed(
                    {"user_id": Text("errors", "This account is already linked to Dr {0}.").format(linked.last_name)})

    def list_active(self, token: str) -> list[DoctorRead]:
        """Every active doctor, by name: the schedule's columns and the booking form's list."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            return [self.to_read(d) for d in uow.doctors.list(Doctor.is_active.is_(True))]

    def for_user(self, token: str, user_id: int) -> DoctorRead | None:
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            doctor = uow.doctors.for_user(user_id)
            return self.to_read(doctor) if doctor else None
