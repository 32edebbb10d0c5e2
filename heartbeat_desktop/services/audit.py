"""What the audit log stores about a change, and the admin's view of the log."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from heartbeat_desktop.core.audit_chain import GENESIS, digest_of
from heartbeat_desktop.models import AuditEntry
from heartbeat_desktop.schemas import AuditCheck, AuditRead
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.permissions import Permission

MAX_EXPORT = 100_000  # a year of a busy clinic; a bigger copy is a database backup
MAX_PROBLEMS = 20  # enough to say where; a damaged log does not list itself whole

SECRET_FIELDS = frozenset({"password", "password_hash"})


def json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if hasattr(value, "model_dump"):
        return json_value(value.model_dump())
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    return value


def snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    """The audited fields of a record, JSON-ready, secrets left out."""
    return {f: json_value(getattr(obj, f)) for f in fields if f not in SECRET_FIELDS}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Only what changed: ``{field: [old, new]}``."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


@dataclass(frozen=True)
class AuditFilters:
    """Which entries: every field given must match (``user_ids``: any of those accounts;
    ``since`` inclusive, ``until`` exclusive)."""

    entity: str | None = None
    entity_id: int | None = None
    user_id: int | None = None
    user_ids: Sequence[int] | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def where(self) -> list[Any]:
        where = []
        if self.entity is not None:
            where.append(AuditEntry.entity == self.entity)
        if self.entity_id is not None:
            where.append(AuditEntry.entity_id == self.entity_id)
        if self.user_id is not None:
            where.append(AuditEntry.user_id == self.user_id)
        if self.user_ids is not None:
            where.append(AuditEntry.user_id.in_(list(self.user_ids)))
        if self.action is not None:
            where.append(AuditEntry.action == self.action)
        if self.since is not None:
            where.append(AuditEntry.at >= self.since)
        if self.until is not None:
            where.append(AuditEntry.at < self.until)
        return where

    def described(self) -> dict[str, Any]:
        """The filters given, JSON-ready (what the export's audit entry records)."""
        return {f.name: json_value(getattr(self, f.name)) for f in fields(self) if getattr(self, f.name) is not None}


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def list(
        self,
        token: str,
        *,
        entity: str | None = None,
        entity_id: int | None = None,
        user_id: int | None = None,
        user_ids: Sequence[int] | None = None,
        action: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        order: str | None = None,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[AuditRead]:
        """Entries matching every filter given (``user_ids``: any of those accounts), newest first.

        ``order`` sorts by a key of ``AuditRepository.sort_keys`` instead ("at",
        "user", "action", "entity", "entity_id"), ``descending`` if asked; an
        unknown key raises ValidationFailed.
        """
        filters = AuditFilters(entity=entity, entity_id=entity_id, user_id=user_id, user_ids=user_ids,
                               action=action, since=since, until=until)
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_AUDIT)
            rows = uow.audit_log.list_recent(*filters.where(), order_by=uow.audit_log.order_by(order, descending),
                                             offset=max(offset, 0), limit=max(limit, 0))
            return [AuditRead.model_validate(r) for r in rows]

    def export(self, token: str, filters: AuditFilters | None = None, *, order: str | None = None,
               descending: bool = False) -> list[AuditRead]:
        """Every entry the ``filters`` find (up to MAX_EXPORT), in the page's order, for a CSV file.

        The export itself is audited ("export", entity "audit"): who took a copy
        of the log, with which filters, and how many entries.
        """
        filters = filters or AuditFilters()
        with self.ctx.uow(write=True) as uow:
            actor = self.ctx.authorize(uow, token, Permission.VIEW_AUDIT)
            rows = uow.audit_log.list_recent(*filters.where(), order_by=uow.audit_log.order_by(order, descending),
                                             limit=MAX_EXPORT)
            result = [AuditRead.model_validate(r) for r in rows]
            uow.audit(actor, "export", "audit", None, {**filters.described(), "entries": len(result)})
            uow.commit()
            return result

    def verify(self, token: str) -> AuditCheck:
        """Re-digest the whole log in order: the admin's "Verify the log"."""
        with self.ctx.uow() as uow:
            self.ctx.authorize(uow, token, Permission.VIEW_AUDIT)
        return self.verify_as_installer()

    def verify_as_installer(self) -> AuditCheck:
        """The command line's ``audit verify``: whoever can open the database.

        An entry whose digest does not match was changed (or one before it was
        removed or inserted) behind the application's back.  Entries removed
        from the very end leave no trace in the chain.
        """
        problems: list[str] = []
        previous, count = GENESIS, 0
        with self.ctx.uow() as uow:
            for row in uow.audit_log.walk():
                count += 1
                expected = digest_of(row, previous)
                if row.chain != expected and len(problems) < MAX_PROBLEMS:
                    problems.append(f"Entry {row.id} ({row.at:%Y-%m-%d %H:%M} UTC, {row.action} {row.entity}) "
                                    "does not match: it, or an entry before it, was changed or removed "
                                    "outside the application.")
                previous = row.chain or expected  # each break is reported once, not for every entry after it
        return AuditCheck(entries=count, problems=problems)
