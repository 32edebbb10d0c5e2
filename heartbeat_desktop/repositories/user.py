"""Staff accounts."""

from __future__ import annotations

from sqlalchemy import select

from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.models import User
from heartbeat_desktop.repositories.base import Repository
from heartbeat_desktop.schemas.text import fold


class UserRepository(Repository[User]):
    model = User
    default_order = ("username_key",)
    sort_keys = {"username": ("username_key",), "role": ("role", "username_key"),
                 "active": ("is_active", "username_key"), "last_login": ("last_login_at",),
                 "locked_until": ("locked_until",)}

    def by_username(self, username: str) -> User | None:
        return self.session.scalar(select(User).where(User.username_key == fold(username)))

    def active_admin_count(self) -> int:
        return self.count(User.role == Role.ADMIN.value, User.is_active.is_(True))
