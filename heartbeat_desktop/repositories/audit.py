"""The audit log: appended to by the services, read by the admin's page."""

from __future__ import annotations

from heartbeat_desktop.models import AuditEntry
from heartbeat_desktop.repositories.base import Repository


class AuditRepository(Repository[AuditEntry]):
    model = AuditEntry
    sort_keys = {"at": ("at",), "user": ("username", "at"), "action": ("action", "at"),
                 "entity": ("entity", "entity_id", "at"), "entity_id": ("entity_id", "at")}

    def list_recent(self, *where, order_by=None, offset: int = 0, limit: int | None = 200) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
        """Newest first, unless ``order_by`` (from :meth:`order_by`) says otherwise."""
        order = order_by if order_by is not None else [AuditEntry.at.desc(), AuditEntry.id.desc()]
        return self.list(*where, order_by=order, offset=offset, limit=limit)
