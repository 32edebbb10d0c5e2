"""Signing in: the first administrator, login with lockout, session tokens.

A failed login says the same thing, and takes as long, whether the user is
unknown, inactive, locked or typed a wrong password.  The password check runs
outside any transaction so it never holds the SQLite write lock.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import text, update

from heartbeat_desktop.core.errors import (
    AuthenticationFailed,
    Conflict,
    Text,
    ValidationFailed,
)
from heartbeat_desktop.core.security import hash_password, needs_rehash, verify_password
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.models import User
from heartbeat_desktop.schemas import AuthSession, UserCreate, UserRead, parse
from heartbeat_desktop.schemas.text import fold
from heartbeat_desktop.schemas.user import MAX_USERNAME_LENGTH, password_problem
from heartbeat_desktop.services.context import Actor, ServiceContext
from heartbeat_desktop.services.unit_of_work import UnitOfWork

LOGIN_FAILED = Text("errors", "Wrong user name or password, or the account is locked for a while. Please try again.")


def new_user(data: UserCreate, role: Role) -> User:
    return User(
        username=data.username,
        username_key=fold(data.username),
        full_name=data.full_name,
        password_hash=hash_password(data.password),
        role=role.value,
        is_active=True,
        must_change_password=False,
        can_overbook=data.can_overbook,
        failed_logins=0,
    )


def find_login(uow: UnitOfWork, username: str, *, lock: bool = False) -> User | None:
    """The account a login form names; None for what no account can be called.

    Text with control characters (a NUL byte, which PostgreSQL refuses) or
    longer than any user name never reaches the database.  ``lock`` holds the
    row until the transaction ends, so concurrent failures are all counted
    (SQLite's write transactions are serialised already).
    """
    name = username.strip()
    if not name or len(name) > MAX_USERNAME_LENGTH or not name.isprintable():
        return None
    user = uow.users.by_username(name)
    if user is not None and lock and uow.db.dialect == "postgresql":
        # FOR NO KEY UPDATE: rows that merely reference the account are not held up
        uow.session.refresh(user, with_for_update={"key_share": True})
    return user


def record_login(uow: UnitOfWork, user: User, **values: Any) -> None:
    """Login bookkeeping on the account's row.

    Not an edit of the account: the version stays, so an admin's open form
    is not made stale by the user signing in (or by someone's wrong guesses).
    """
    uow.session.execute(update(User).where(User.id == user.id).values(**values))


def session_for(ctx: ServiceContext, user: User, password_hash: str) -> AuthSession:
    """A new session token for ``user``, stamped with their current password hash."""
    token, claims = ctx.signer.issue(user.id, user.role, password_hash, ctx.now())
    return AuthSession(token=token, user=UserRead.model_validate(user), expires_at=claims.expires_at)


def typed_name(username: str) -> str:
    """What the audit log keeps of a typed user name: printable, bounded."""
    return "".join(ch for ch in username.strip() if ch.isprintable())[:MAX_USERNAME_LENGTH]


class AuthService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def has_users(self) -> bool:
        with self.ctx.uow() as uow:
            return uow.users.exists(User.id.is_not(None))

    def create_first_admin(self, data: UserCreate | Mapping[str, Any]) -> UserRead:
        """The first start's account; refused once any account exists."""
        data = parse(UserCreate, data)
        user = new_user(data, Role.ADMIN)  # hash before the write transaction
        with self.ctx.uow(write=True) as uow:
            if self.ctx.db.dialect == "postgresql":  # two desks on first start: one wins
                uow.session.execute(text("LOCK TABLE users IN EXCLUSIVE MODE"))
            if uow.users.exists(User.id.is_not(None)):
                raise Conflict(Text("errors", "An administrator already exists. Please sign in."))
            uow.users.add(user)
            actor = Actor(user.id, user.username, Role.ADMIN)
            uow.audit(actor, "create", "user", user.id, {"username": user.username, "role": user.role})
            uow.commit()
            return UserRead.model_validate(user)

    def login(self, username: str, password: str) -> AuthSession:
        ctx = self.ctx
        with ctx.uow() as uow:
            user = find_login(uow, username)
            stored_hash = user.password_hash if user is not None else None
        password_ok = verify_password(password, stored_hash)  # same cost for unknown users
        # an upgraded hash is computed before the write transaction, like every hash
        new_hash = hash_password(password) if password_ok and needs_rehash(stored_hash or "") else None

        now = ctx.now()
        settings = ctx.settings
        with ctx.uow(write=True) as uow:
            user = find_login(uow, username, lock=True)
            if user is not None and user.password_hash != stored_hash:
                password_ok = False  # changed meanwhile: check again next time
            locked = user is not None and user.locked_until is not None and user.locked_until > now
            if user is None or not user.is_active or locked or not password_ok:
                locks_now = False
                if user is not None and not locked and not password_ok:
                    failed = user.failed_logins + 1
                    locks_now = failed >= settings.lockout_threshold
                    if locks_now:
                        record_login(uow, user, failed_logins=0, locked_until=now + settings.lockout_duration)
                    else:
                        record_login(uow, user, failed_logins=failed)
                uow.audit(Actor(None, typed_name(username), Role.RECEPTIONIST), "login_failed", "user",
                          user.id if user else None, {"locked": locked or locks_now})
                uow.commit()
                raise AuthenticationFailed(LOGIN_FAILED)
            values: dict[str, Any] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
            if new_hash is not None:
                values["password_hash"] = new_hash
            record_login(uow, user, **values)
            uow.audit(Actor(user.id, user.username, Role(user.role)), "login", "user", user.id)
            uow.commit()
            return session_for(ctx, user, new_hash or user.password_hash)

    def current_user(self, token: str) -> UserRead:
        """The account behind a token; raises if the session is over."""
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token)
            user = uow.users.get(actor.user_id)  # type: ignore[arg-type]
            return UserRead.model_validate(user)

    def logout(self, token: str) -> None:
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token)
            uow.audit(actor, "logout", "user", actor.user_id)
            uow.commit()

    def change_password(self, token: str, old_password: str, new_password: str) -> AuthSession:
        """Changes the caller's password and ends the account's other sessions;
        the returned session replaces the caller's token."""
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token)
            user = uow.users.get(actor.user_id)  # type: ignore[arg-type]
            stored_hash = user.password_hash if user else None
        if not verify_password(old_password, stored_hash):
            raise ValidationFailed({"old_password": Text("errors", "The current password is not correct.")})
        problem = password_problem(new_password, actor.username)
        if problem:
            raise ValidationFailed({"new_password": problem})
        new_hash = hash_password(new_password)
        with self.ctx.uow(write=True) as uow:
            user = uow.users.get(actor.user_id)  # type: ignore[arg-type]
            assert user is not None
            user.password_hash = new_hash
            user.must_change_password = False
            uow.audit(actor, "change_password", "user", user.id)
            uow.commit()
            return session_for(self.ctx, user, new_hash)
