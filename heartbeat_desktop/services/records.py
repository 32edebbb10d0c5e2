"""The generic record service: get, search, count, create, update, delete, deactivate.

Patients and doctors are thin subclasses that name their schemas, their
permissions and how a validated form is applied to a row.  Each call checks the
session and the role, runs in one transaction, and audits what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement

from heartbeat_desktop.core.errors import Conflict, NotFound, StaleRecord, Text
from heartbeat_desktop.models import Appointment
from heartbeat_desktop.models.people import Person
from heartbeat_desktop.repositories.people import PersonRepository
from heartbeat_desktop.schemas import Page, parse
from heartbeat_desktop.schemas.base import Schema
from heartbeat_desktop.schemas.text import name_key, phone_digits
from heartbeat_desktop.services.audit import diff, snapshot
from heartbeat_desktop.services.context import Actor, ServiceContext
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import STALE, UnitOfWork

M = TypeVar("M", bound=Person)
R = TypeVar("R", bound=Schema)

MAX_PAGE = 5000  # rows per call; the table model's largest page (RecordTableModel.max_page_size)


class PersonService(Generic[M, R]):
    entity: ClassVar[str]  # "patient": used in audit rows and messages
    model: ClassVar[type[Any]]
    create_schema: ClassVar[type[Schema]]
    update_schema: ClassVar[type[Schema]]
    read_schema: ClassVar[type[Schema]]
    view: ClassVar[Permission]
    edit: ClassVar[Permission]
    remove: ClassVar[Permission]
    fields: ClassVar[tuple[str, ...]]  # copied from the form and audited
    plain_read: ClassVar[bool] = False  # the read schema's fields are all columns (no relations)
    row_type: ClassVar[type[tuple] | None] = None  # a NamedTuple of columns: what ``page`` returns
    # the refusals that name the kind of record (each subclass's own sentences, for the translation):
    # "This patient has {0} appointments and cannot be deleted…", its one-appointment form, and
    # "{0} saved this patient at {1} on {2}, after you opened it…"
    in_use: ClassVar[Text]
    in_use_one: ClassVar[Text]
    saved_since: ClassVar[Text]

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- hooks for subclasses ------------------------------------------------
    def repo(self, uow: UnitOfWork) -> PersonRepository[M]:
        raise NotImplementedError

    def apply(self, obj: M, data: Schema) -> None:
        for field in self.fields:
            setattr(obj, field, getattr(data, field))
        obj.name_key = name_key(obj.last_name, obj.first_name, obj.middle_name)
        obj.phone_digits = phone_digits(obj.phone) if obj.phone else None

    def check(self, uow: UnitOfWork, actor: Actor, data: Schema, current: M | None = None) -> None:
        """Checks that need the database (references) or depend on who edits
        what; raise ValidationFailed or PermissionDenied.

        ``current`` is the stored record being edited (None while creating one).
        """

    def audit_state(self, obj: M) -> dict[str, Any]:
        return snapshot(obj, self.fields)

    def to_read(self, obj: M) -> R:
        return self.read_schema.model_validate(obj)  # type: ignore[return-value]

    # --- reading ---------------------------------------------------------------
    def _load(self, uow: UnitOfWork, id_: int) -> M:
        obj = self.repo(uow).get(id_)
        if obj is None:
            raise NotFound(Text("errors", "This record no longer exists; it may have been deleted at another desk."))
        return obj

    def _where(self, uow: UnitOfWork, query: str, include_inactive: bool) -> list[ColumnElement[bool]]:
        where = [self.repo(uow).search_clause(query)]
        if not include_inactive:
            where.append(self.model.is_active.is_(True))
        return where

    def get(self, token: str, id_: int) -> R:
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            return self.to_read(self._load(uow, id_))

    def search(
        self, token: str, query: str = "", *, offset: int = 0, limit: int = 50, include_inactive: bool = True,
        order: str | None = None, descending: bool = False,
    ) -> list[R]:
        """One page of matches: the search box and the lazy table.

        Sorted by name, or by ``order`` (a key of the repository's ``sort_keys``:
        "name", "phone", ...), ``descending`` if asked; an unknown key raises
        ValidationFailed.
        """
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            repo = self.repo(uow)
            where = self._where(uow, query, include_inactive)
            page = {"order_by": repo.order_by(order, descending), "offset": max(offset, 0),
                    "limit": min(max(limit, 0), MAX_PAGE)}
            if self.plain_read:  # every field of the read schema is a column: no ORM objects
                fields = tuple(self.read_schema.model_fields)
                return [self.read_schema.model_validate(row) for row in repo.rows(fields, *where, **page)]
            return [self.to_read(r) for r in repo.list(*where, **page)]

    def page(
        self, token: str, query: str = "", *, after: tuple[Any, ...] | None = None, limit: int = 200,
        include_inactive: bool = True, order: str | None = None, descending: bool = False,
    ) -> Page[Any]:
        """The lazy table's pages: ``search``'s matches as plain rows (``row_type``),
        each page starting where the last one's ``after`` points.

        Sorted by name unless ``order`` names another sort key.  Deep pages
        cost what the first does (the index seeks to the cursor; no OFFSET).
        """
        if self.row_type is None:
            raise NotImplementedError(f"{type(self).__name__} has no row type")
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            repo = self.repo(uow)
            rows, cursor = repo.page(self.row_type._fields, *self._where(uow, query, include_inactive),
                                     key=order or "name", descending=descending, after=after,
                                     limit=min(max(limit, 1), MAX_PAGE), make=self.row_type._make)
            return Page(rows, cursor)

    def row(self, token: str, id_: int, query: str = "", *, include_inactive: bool = True) -> Any | None:
        """One record as the lists hold it (a ``row_type`` or the read schema), if it
        still matches what ``search``/``page`` would be asked with: None if it no
        longer does (deactivated, renamed out of the search); NotFound if deleted.

        A live table asks this when another desk changed a row it shows.
        """
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            repo = self.repo(uow)
            where = [self.model.id == id_, *self._where(uow, query, include_inactive)]
            if self.row_type is not None or self.plain_read:
                make = self.row_type or self.read_schema
                fields = self.row_type._fields if self.row_type is not None else tuple(make.model_fields)
                found = repo.rows(fields, *where, limit=1)
                if found:
                    return make(**found[0])
            else:
                objects = repo.list(*where, limit=1)
                if objects:
                    return self.to_read(objects[0])
            self._load(uow, id_)  # NotFound if it is gone
            return None

    def count(self, token: str, query: str = "", *, include_inactive: bool = True) -> int:
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, self.view)
            return self.repo(uow).count(*self._where(uow, query, include_inactive))

    # --- writing ---------------------------------------------------------------
    def create(self, token: str, data: Schema | Mapping[str, Any]) -> R:
        data = parse(self.create_schema, data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, self.edit)
            self.check(uow, actor, data)
            obj = self.model()
            self.apply(obj, data)
            self.repo(uow).add(obj)
            uow.audit(actor, "create", self.entity, obj.id, self.audit_state(obj))
            result = self.to_read(obj)
            uow.commit()
            return result

    def update(self, token: str, id_: int, data: Schema | Mapping[str, Any]) -> R:
        """Save a form; refused if someone saved the record since it was opened."""
        data = parse(self.update_schema, data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, self.edit)
            obj = self._load(uow, id_)
            self._check_version(uow, obj, data.version)  # type: ignore[attr-defined]
            self.check(uow, actor, data, obj)
            before = self.audit_state(obj)
            self.apply(obj, data)
            uow.flush()  # the version counter guards the race between load and flush
            changes = diff(before, self.audit_state(obj))
            if changes:
                uow.audit(actor, "update", self.entity, obj.id, changes)
            result = self.to_read(obj)
            uow.commit()
            return result

    def set_active(self, token: str, id_: int, active: bool, version: int) -> R:
        """Deactivate instead of delete: history stays, the record leaves the lists."""
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, self.edit)
            obj = self._load(uow, id_)
            self._check_version(uow, obj, version)
            if obj.is_active != active:
                obj.is_active = active
                uow.flush()
                uow.audit(actor, "activate" if active else "deactivate", self.entity, obj.id,
                          {"is_active": [not active, active]})
            result = self.to_read(obj)
            uow.commit()
            return result

    def delete(self, token: str, id_: int, version: int | None = None) -> None:
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, self.remove)
            obj = self._load(uow, id_)
            if version is not None:
                self._check_version(uow, obj, version)
            booked = uow.appointments.count(getattr(Appointment, f"{self.entity}_id") == obj.id)
            if booked:
                raise Conflict((self.in_use_one if booked == 1 else self.in_use).format(booked))
            state = self.audit_state(obj)
            self.repo(uow).delete(obj)
            uow.audit(actor, "delete", self.entity, id_, state)
            uow.commit()

    def _check_version(self, uow: UnitOfWork, obj: M, version: int) -> None:
        """Refuse a save that came too late: say who saved the record since, when, and what it holds."""
        if obj.version == version:
            return
        last = uow.audit_log.latest_for(self.entity, obj.id)
        if last is None:
            message = STALE
        else:
            when = last.at.astimezone(self.ctx.zone)
            message = self.saved_since.format(last.username or Text("errors", "Someone"), f"{when:%H:%M}",
                                              f"{when:%d.%m.%Y}")
        raise StaleRecord(message, current_version=obj.version, current=self.to_read(obj))
