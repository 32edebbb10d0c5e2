"""Staff accounts, managed by an administrator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from heartbeat_desktop.core.errors import (
    Conflict,
    NotFound,
    StaleRecord,
    Text,
    ValidationFailed,
)
from heartbeat_desktop.core.security import hash_password
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.models import User
from heartbeat_desktop.schemas import UserCreate, UserRead, UserUpdate, parse
from heartbeat_desktop.schemas.user import password_problem
from heartbeat_desktop.services.audit import diff, snapshot
from heartbeat_desktop.services.auth import new_user
from heartbeat_desktop.services.context import Actor, ServiceContext
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import STALE, UnitOfWork

FIELDS = ("username", "full_name", "role", "is_active", "must_change_password", "can_overbook")
LAST_ADMIN = Text("errors", "At least one active administrator must remain.")


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(
        self, token: str, *, order: str | None = None, descending: bool = False, offset: int = 0,
        limit: int | None = None,
    ) -> list[UserRead]:
        """Every account (or one page), by user name or by ``order`` (a key of ``UserRepository.sort_keys``)."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.MANAGE_USERS)
            rows = uow.users.list(order_by=uow.users.order_by(order, descending), offset=max(offset, 0),
                                  limit=None if limit is None else max(limit, 0))
            return [UserRead.model_validate(u) for u in rows]

    def get(self, token: str, id_: int) -> UserRead:
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.MANAGE_USERS)
            return UserRead.model_validate(self._load(uow, id_))

    def create(self, token: str, data: UserCreate | Mapping[str, Any]) -> UserRead:
        data = parse(UserCreate, data)
        user = new_user(data, data.role)  # hashing happens outside the write transaction
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MANAGE_USERS)
            return self._add(uow, actor, user)

    def create_as_installer(self, data: UserCreate | Mapping[str, Any], actor: Actor) -> UserRead:
        """The command line's ``users create``: whoever can open the database file or server."""
        data = parse(UserCreate, data)
        user = new_user(data, data.role)
        with self.ctx.uow(write=True) as uow:
            return self._add(uow, actor, user)

    def update(self, token: str, id_: int, data: UserUpdate | Mapping[str, Any]) -> UserRead:
        data = parse(UserUpdate, data)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MANAGE_USERS)
            user = self._load(uow, id_)
            if user.version != data.version:
                raise StaleRecord(STALE, current_version=user.version)
            before = snapshot(user, FIELDS)
            losing_admin = user.role == Role.ADMIN.value and user.is_active and (
                data.role != Role.ADMIN or not data.is_active)
            if losing_admin and self._lock_active_admins(uow) <= 1:
                raise Conflict(LAST_ADMIN)
            user.full_name, user.role, user.is_active = data.full_name, data.role.value, data.is_active
            user.can_overbook = data.can_overbook
            uow.flush()
            changes = diff(before, snapshot(user, FIELDS))
            if changes:
                uow.audit(actor, "update", "user", user.id, changes)
            result = UserRead.model_validate(user)
            uow.commit()
            return result

    def reset_password(self, token: str, id_: int, new_password: str) -> UserRead:
        """An admin sets a temporary password; the user must change it at next login."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.MANAGE_USERS)
            username = self._load(uow, id_).username
        problem = password_problem(new_password, username)
        if problem:
            raise ValidationFailed({"password": problem})
        new_hash = hash_password(new_password)
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.MANAGE_USERS)
            user = self._load(uow, id_)
            user.password_hash = new_hash
            user.must_change_password = True
            user.failed_logins = 0
            user.locked_until = None
            uow.flush()  # the new version number, for the form that shows the result
            uow.audit(actor, "reset_password", "user", user.id)
            result = UserRead.model_validate(user)
            uow.commit()
            return result

    @staticmethod
    def _add(uow: UnitOfWork, actor: Actor, user: User) -> UserRead:
        if uow.users.by_username(user.username) is not None:
            raise ValidationFailed({"username": Text("errors", "This user name is taken.")})
        uow.users.add(user)
        uow.audit(actor, "create", "user", user.id, snapshot(user, FIELDS))
        result = UserRead.model_validate(user)
        uow.commit()
        return result

    @staticmethod
    def _lock_active_admins(uow: UnitOfWork) -> int:
        """How many active admins there are, locked until this transaction ends.

        Two admins demoting each other at two desks must not both see "one
        other admin remains".  SQLite's write transactions are serialised
        already (BEGIN IMMEDIATE); PostgreSQL needs the rows locked.
        """
        if uow.db.dialect != "postgresql":
            return uow.users.active_admin_count()
        admins = select(User.id).where(User.role == Role.ADMIN.value, User.is_active.is_(True))
        return len(uow.session.scalars(admins.with_for_update(key_share=True)).all())

    @staticmethod
    def _load(uow: UnitOfWork, id_: int) -> User:
        user = uow.users.get(id_)
        if user is None:
            raise NotFound(Text("errors", "This user account no longer exists."))
        return user
