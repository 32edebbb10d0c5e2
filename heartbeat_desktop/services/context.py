"""What every service shares: the database, settings, token signer, clinic zone.

``authorize`` is the gate of every call: it verifies the session token, loads
the account in the call's own transaction (a deactivated or demoted user, or
one whose password was changed or reset, loses access at once, not at the
token's expiry) and checks the permission.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.database import Database
from heartbeat_desktop.core.errors import AuthenticationFailed, Text
from heartbeat_desktop.core.security import TokenSigner
from heartbeat_desktop.core.settings import Settings
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.services.changes import Desk
from heartbeat_desktop.services.permissions import Permission, require
from heartbeat_desktop.services.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service call runs."""

    user_id: int | None
    username: str
    role: Role


SYSTEM = Actor(user_id=None, username="system", role=Role.ADMIN)  # the command line's installer


@dataclass
class ServiceContext:
    db: Database
    settings: Settings
    signer: TokenSigner
    zone: tzinfo
    desk: Desk = field(default_factory=Desk)  # this app instance, in the change feed

    def uow(self, *, write: bool = False) -> UnitOfWork:
        return UnitOfWork(self.db, write=write, desk=self.desk)

    def now(self) -> datetime:
        return clock.utcnow()

    def authorize(self, uow: UnitOfWork, token: str, permission: Permission | None = None) -> Actor:
        claims = self.signer.verify(token)
        user = uow.users.get(claims.user_id)
        if user is None or not user.is_active:
            raise AuthenticationFailed(Text("errors", "Your account is no longer active. Please sign in again."))
        if not hmac.compare_digest(claims.stamp, self.signer.stamp(user.password_hash)):
            raise AuthenticationFailed(Text("errors", "The password of this account was changed. Please sign in again."))
        actor = Actor(user_id=user.id, username=user.username, role=Role(user.role))
        if permission is not None:
            require(actor.role, permission)
        return actor
