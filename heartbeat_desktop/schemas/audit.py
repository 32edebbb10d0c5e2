"""Audit log entries as the admin's page shows them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from heartbeat_desktop.schemas.base import Schema


class AuditRead(Schema):
    id: int
    at: datetime
    user_id: int | None
    username: str | None
    action: str
    entity: str
    entity_id: int | None
    changes: dict[str, Any] | None


class AuditCheck(Schema):
    """What ``audit verify`` found: every entry re-digested in order."""

    entries: int  # how many were checked
    problems: list[str]  # the first few entries that do not match, in words

    @property
    def intact(self) -> bool:
        return not self.problems
