"""The audit log's hash chain: each entry's digest covers its content and the
digest of the entry before it, so an entry changed, removed or slipped in
behind the application's back no longer matches (``audit verify``).

A plain SHA-256 chain, not a keyed one: every desk must be able to extend it,
and desks share no secret.  It proves that nobody edited the log *without
recomputing every digest after the edit*; the database's append-only rule
(migration 0003) keeps the application itself from editing it at all.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

GENESIS = "0" * 64  # the "previous digest" of the first entry


def entry_digest(previous: str, *, at: datetime, user_id: int | None, username: str | None, action: str,
                 entity: str, entity_id: int | None, changes: dict[str, Any] | None) -> str:
    """The digest of one entry after ``previous``: SHA-256 of a canonical JSON form."""
    moment = at.astimezone(timezone.utc) if at.tzinfo else at.replace(tzinfo=timezone.utc)
    canonical = json.dumps([previous, moment.isoformat(), user_id, username, action, entity, entity_id, changes],
                           sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def digest_of(entry: Any, previous: str) -> str:
    """:func:`entry_digest` of anything with the audit entry's attributes (a row, an ORM object)."""
    return entry_digest(previous, at=entry.at, user_id=entry.user_id, username=entry.username,
                        action=entry.action, entity=entry.entity, entity_id=entry.entity_id,
                        changes=entry.changes)
