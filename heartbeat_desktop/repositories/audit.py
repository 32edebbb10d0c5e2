"""The audit log: appended to by the services, read by the admin's page."""

from __future__ import annotations

from heartbeat_desktop.models import AuditEntry
from heartbeat_desktop.repositories.base import Repository


class AuditRepository(Repository[AuditEntry]):
    model = AuditEntry

    def list_recent(self, *where, offset: int = 0, limit: int | None = 200) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
        return self.list(*where, order_by=[AuditEntry.at.desc(), AuditEntry.id.desc()],
                         offset=offset, limit=limit)
