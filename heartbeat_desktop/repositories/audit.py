"""The audit log: appended to by the services, read by the admin's page, walked by ``audit verify``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select

from heartbeat_desktop.core.audit_chain import GENESIS, digest_of, entry_digest
from heartbeat_desktop.models import AuditEntry
from heartbeat_desktop.repositories.base import Repository
from heartbeat_desktop.repositories.bulk import insert_many

# PostgreSQL: one appender at a time (to its commit), so that two desks never
# chain onto the same last entry; SQLite's write transactions take turns anyway
CHAIN_LOCK = 0x4842_4155  # "HBAU"


class AuditRepository(Repository[AuditEntry]):
    model = AuditEntry
    sort_keys = {"at": ("at",), "user": ("username", "at"), "action": ("action", "at"),
                 "entity": ("entity", "entity_id", "at"), "entity_id": ("entity_id", "at")}

    def list_recent(self, *where, order_by=None, offset: int = 0, limit: int | None = 200) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
        """Newest first, unless ``order_by`` (from :meth:`order_by`) says otherwise."""
        order = order_by if order_by is not None else [AuditEntry.at.desc(), AuditEntry.id.desc()]
        return self.list(*where, order_by=order, offset=offset, limit=limit)

    def latest_for(self, entity: str, entity_id: int) -> AuditEntry | None:
        """The newest entry about one record: who touched it last, and when."""
        stmt = (select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.id.desc()).limit(1))
        return self.session.scalars(stmt).first()

    def append(self, entry: AuditEntry) -> AuditEntry:
        """Add ``entry`` after the last one, its ``chain`` digest computed."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(select(func.pg_advisory_xact_lock(CHAIN_LOCK)))
        previous = self.session.scalar(select(AuditEntry.chain).order_by(AuditEntry.id.desc()).limit(1))
        if entry.at is None:
            entry.at = datetime.now(timezone.utc)
        entry.chain = digest_of(entry, previous or GENESIS)
        return self.add(entry)

    def first_chain(self) -> str | None:
        """The first entry's digest: made when the database got its first entry, never changed after
        (the log is append-only), different in every other database: the database's identity."""
        return self.session.scalar(select(AuditEntry.chain).order_by(AuditEntry.id).limit(1))

    def append_many(self, entries: Sequence[Mapping[str, Any]]) -> int:
        """Append many entries at once (an import's "create" rows), each chained to the
        one before it as :meth:`append` would chain it; ``entries`` hold the entry's
        columns (``at``, ``user_id``, ``username``, ``action``, ``entity``,
        ``entity_id``, ``changes``).  One INSERT of them all, not one per entry."""
        if not entries:
            return 0
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(select(func.pg_advisory_xact_lock(CHAIN_LOCK)))
        previous = self.session.scalar(select(AuditEntry.chain).order_by(AuditEntry.id.desc()).limit(1)) or GENESIS
        rows = []
        for entry in entries:
            previous = entry_digest(previous, **entry)
            rows.append({**entry, "chain": previous})
        # ids follow the list's order (one statement, this transaction holding the chain):
        # the order ``walk`` reads them back in, and the chain's
        return insert_many(self.session.connection(), AuditEntry.__table__, rows)

    def walk(self, batch: int = 1000) -> Iterator[Any]:
        """Every entry in the order it was appended, as plain rows, a batch at a time."""
        columns = (AuditEntry.id, AuditEntry.at, AuditEntry.user_id, AuditEntry.username, AuditEntry.action,
                   AuditEntry.entity, AuditEntry.entity_id, AuditEntry.changes, AuditEntry.chain)
        last = 0
        while True:
            rows = self.session.execute(select(*columns).where(AuditEntry.id > last)
                                        .order_by(AuditEntry.id).limit(batch)).all()
            yield from rows
            if len(rows) < batch:
                return
            last = rows[-1].id
