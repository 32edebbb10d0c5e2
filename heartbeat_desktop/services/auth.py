"""Signing in: the first administrator, login with lockout, session tokens.

A failed login says the same thing, and takes as long, whether the user is
unknown, inactive, locked or typed a wrong password.  The password check runs
outside any transaction so it never holds the SQLite write lock.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import text

from heartbeat_desktop.core.errors import AuthenticationFailed, Conflict, ValidationFailed
from heartbeat_desktop.core.security import hash_password, needs_rehash, verify_password
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.models import User
from heartbeat_desktop.schemas import AuthSession, UserCreate, UserRead, parse
from heartbeat_desktop.schemas.text import fold
from heartbeat_desktop.schemas.user import password_problem
from heartbeat_desktop.services.context import Actor, ServiceContext

LOGIN_FAILED = "Wrong user name or password, or the account is locked for a while. Please try again."


def new_user(data: UserCreate, role: Role) -> User:
    return User(
        username=data.username,
        username_key=fold(data.username),
        full_name=data.full_name,
        password_hash=hash_password(data.password),
        role=role.value,
        is_active=True,
        must_change_password=False,
        failed_logins=0,
    )


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
                raise Conflict("An administrator already exists. Please sign in.")
            uow.users.add(user)
            actor = Actor(user.id, user.username, Role.ADMIN)
            uow.audit(actor, "create", "user", user.id, {"username": user.username, "role": user.role})
            uow.commit()
            return UserRead.model_validate(user)

    def login(self, username: str, password: str) -> AuthSession:
        ctx = self.ctx
        with ctx.uow() as uow:
            user = uow.users.by_username(username) if username.strip() else None
            stored_hash = user.password_hash if user is not None else None
        password_ok = verify_password(password, stored_hash)  # same cost for unknown users

        now = ctx.now()
        with ctx.uow(write=True) as uow:
            user = uow.users.by_username(username) if username.strip() else None
            if user is not None and user.password_hash != stored_hash:
                password_ok = False  # changed meanwhile: check again next time
            locked = user is not None and user.locked_until is not None and user.locked_until > now
            if user is None or not user.is_active or locked or not password_ok:
                if user is not None and not locked and not password_ok:
                    user.failed_logins += 1
                    if user.failed_logins >= ctx.settings.lockout_threshold:
                        user.locked_until = now + ctx.settings.lockout_duration
                        user.failed_logins = 0
                uow.audit(Actor(None, username[:64], Role.RECEPTIONIST), "login_failed", "user",
                          user.id if user else None, {"locked": bool(user and user.locked_until and user.locked_until > now)})
                uow.commit()
                raise AuthenticationFailed(LOGIN_FAILED)
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            uow.audit(Actor(user.id, user.username, Role(user.role)), "login", "user", user.id)
            uow.commit()
            token, claims = ctx.signer.issue(user.id, user.role, now)
            return AuthSession(token=token, user=UserRead.model_validate(user), expires_at=claims.expires_at)

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

    def change_password(self, token: str, old_password: str, new_password: str) -> UserRead:
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token)
            user = uow.users.get(actor.user_id)  # type: ignore[arg-type]
            stored_hash = user.password_hash if user else None
        if not verify_password(old_password, stored_hash):
            raise ValidationFailed({"old_password": "The current password is not correct."})
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
            return UserRead.model_validate(user)
