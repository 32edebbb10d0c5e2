"""Visit types: listed for every desk, changed by an administrator, never deleted while in use."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from heartbeat_desktop.core.errors import (
    Conflict,
    NotFound,
    StaleRecord,
    Text,
    ValidationFailed,
)
from heartbeat_desktop.models import AppointmentType
from heartbeat_desktop.schemas import (
    AppointmentTypeCreate,
    AppointmentTypeRead,
    AppointmentTypeUpdate,
    parse,
)
from heartbeat_desktop.services.audit import diff, snapshot
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import STALE, UnitOfWork

FIELDS = ("name", "minutes", "colour", "is_active")
TAKEN = Text("errors", "A visit type with this name already exists.")


def to_read(t: AppointmentType) -> AppointmentTypeRead:
    return AppointmentTypeRead.model_validate(t)


class AppointmentTypeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(self, token: str, *, include_inactive: bool = False) -> list[AppointmentTypeRead]:
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
            where = [] if include_inactive else [AppointmentType.is_active.is_(True)]
            return [to_read(t) for t in uow.appointment_types.list(*where)]

    def create(self, token: str, data: AppointmentTypeCreate | Mapping[str, Any]) -> AppointmentTypeRead:
        data = parse(AppointmentTypeCreate, data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MANAGE_APPOINTMENT_TYPES)
            self._name_free(uow, data.name, None)
            kind = AppointmentType(name=data.name, minutes=data.minutes, colour=data.colour.lower(),
                                   is_active=data.is_active)
            uow.appointment_types.add(kind)
            uow.flush()
            uow.audit(actor, "create", "appointment_type", kind.id, snapshot(kind, FIELDS))
            uow.commit()
            return to_read(kind)

    def update(self, token: str, id_: int, data: AppointmentTypeUpdate | Mapping[str, Any]) -> AppointmentTypeRead:
        data = parse(AppointmentTypeUpdate, data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MANAGE_APPOINTMENT_TYPES)
            kind = self._load(uow, id_, data.version)
            self._name_free(uow, data.name, kind.id)
            before = snapshot(kind, FIELDS)
            kind.name, kind.minutes, kind.colour, kind.is_active = (data.name, data.minutes, data.colour.lower(),
                                                                    data.is_active)
            uow.flush()
            changes = diff(before, snapshot(kind, FIELDS))
            if changes:
                uow.audit(actor, "update", "appointment_type", kind.id, changes)
            uow.commit()
            return to_read(kind)

    def delete(self, token: str, id_: int, version: int) -> None:
        """Only a type no appointment uses; one in use is taken off the list instead (is_active)."""
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MANAGE_APPOINTMENT_TYPES)
            kind = self._load(uow, id_, version)
            if uow.appointment_types.in_use(kind.id):
                raise Conflict(Text("errors", "Appointments use this visit type, so it cannot be deleted; make it inactive "
                               "instead: it stays on those appointments and is no longer offered."))
            state = snapshot(kind, FIELDS)
            uow.appointment_types.delete(kind)
            uow.audit(actor, "delete", "appointment_type", id_, state)
            uow.commit()

    @staticmethod
    def _load(uow: UnitOfWork, id_: int, version: int) -> AppointmentType:
        kind = uow.appointment_types.get(id_)
        if kind is None:
            raise NotFound(Text("errors", "This visit type no longer exists."))
        if kind.version != version:
            raise StaleRecord(STALE)
        return kind

    @staticmethod
    def _name_free(uow: UnitOfWork, name: str, own_id: int | None) -> None:
        other = uow.appointment_types.by_name(name)
        if other is not None and other.id != own_id:
            raise ValidationFailed({"name": TAKEN})
