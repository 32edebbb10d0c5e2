"""The unit of work: one transaction, its repositories, its audit entries.

Every service call opens one.  Leaving the ``with`` block without
``commit()`` rolls everything back, so a failed save leaves nothing half
written.  Database and driver errors are translated here, once, into the
errors of :mod:`heartbeat_desktop.core.errors`, with a sentence for the desk.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from types import TracebackType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from heartbeat_desktop.core.database import Database
from heartbeat_desktop.core.errors import (
    BookingConflict,
    Conflict,
    ConnectionLost,
    DatabaseUnavailable,
    HeartbeatError,
    StaleRecord,
    Text,
    ValidationFailed,
)
from heartbeat_desktop.models import OVERLAP_CONSTRAINT, AuditEntry
from heartbeat_desktop.repositories import (
    AppointmentRepository,
    AppointmentTypeRepository,
    AuditRepository,
    DoctorRepository,
    PatientMergeRepository,
    PatientRepository,
    StatusChangeRepository,
    TimeOffRepository,
    UserRepository,
    WaitlistRepository,
)
from heartbeat_desktop.schemas.text import UNSTORABLE_MESSAGE
from heartbeat_desktop.services import changes as changes_feed

DOCTOR_BUSY = Text("errors", "The doctor already has an appointment at that time.")
STALE = Text("errors", "Someone else changed this record after you opened it. Reload it to see their changes.")
SIMULTANEOUS = Text("errors", "Another desk was saving the same records at the same moment. Please try again.")
SERVER_LOST = Text("errors", "The database server is not answering (network or server restart). Nothing was saved; try again "
              "once it is back.")
RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure
# SQLite's own words for a file it cannot write -> what the desk reads; the transaction
# was rolled back, so nothing of the change stays behind
DISK_FAULTS = (
    ("readonly", Text("errors", "This computer may not write to the database file (it is read-only). Nothing was "
                              "saved; ask whoever looks after this computer to allow writing to it.")),
    ("disk is full", Text("errors", "The disk holding the database is full. Nothing was saved; free some space and "
                                  "try again.")),
    ("disk i/o error", Text("errors", "The disk holding the database failed to write. Nothing was saved; check the "
                                    "disk and try again.")),
    ("unable to open database file", Text("errors", "The database file cannot be opened: its folder is missing or "
                                                  "may not be written to. Nothing was saved.")),
)
# a value the database cannot hold (the schemas refuse these first; this is the last word)
VALUE_FAULTS = (
    ("nul (0x00)", UNSTORABLE_MESSAGE),  # psycopg: "PostgreSQL text fields cannot contain NUL (0x00) bytes"
    ("too long", Text("errors", "A value is too long to be saved. Please shorten it.")),  # too long for varchar(n)
    ("out of range", Text("errors", "A number or date is outside the range that can be saved.")),
    ("too large", Text("errors", "A number or date is outside the range that can be saved.")),  # sqlite3: int too large
)


def translate_db_error(exc: BaseException) -> HeartbeatError | None:
    """A desk-friendly error for a database exception, or None if it is not one."""
    if isinstance(exc, StaleDataError):
        return StaleRecord(STALE)
    if isinstance(exc, IntegrityError):
        text = str(exc.orig)
        if OVERLAP_CONSTRAINT in text:
            return BookingConflict(DOCTOR_BUSY)
        if "FOREIGN KEY" in text.upper() or "foreign key" in text:
            return Conflict(Text("errors", "This record is still referenced by other records and cannot be changed "
                                 "that way."))
        if "UNIQUE" in text.upper() or "duplicate key" in text:
            return Conflict(Text("errors", "A record with the same unique value already exists."))
        if "ends_after_starts" in text:
            return BookingConflict(Text("errors", "The end must be after the start."))
        return Conflict(Text("errors", "The database refused the change: it would break a rule of the data."))
    if isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
        # PostgreSQL gave up on one of two desks writing at once (a deadlock can
        # happen when both insert into the overlap constraint's index together)
        if "exclusion constraint" in str(exc.orig) and '"appointments"' in str(exc.orig):
            return BookingConflict(DOCTOR_BUSY)
        return Conflict(SIMULTANEOUS)
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower()
        for words, message in DISK_FAULTS:
            if words in text:
                return DatabaseUnavailable(message)
        if "locked" in text or "busy" in text:
            return DatabaseUnavailable(Text("errors", "The database is busy at another desk. Please try again in a "
                                            "moment."))
        if _from_sqlite(exc):
            return DatabaseUnavailable(Text("errors", "The database file cannot be read. Check the disk and try "
                                            "again."))
        return ConnectionLost(SERVER_LOST)
    if isinstance(exc, DataError) or (isinstance(exc, OverflowError) and "SQLite INTEGER" in str(exc)):
        text = str(getattr(exc, "orig", exc)).lower()
        for words, message in VALUE_FAULTS:
            if words in text:
                return ValidationFailed({"": message})
        return ValidationFailed({"": Text("errors", "The database cannot save one of these values. Please check the "
                                           "form.")})
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return ConnectionLost(SERVER_LOST)
    return None


def _from_sqlite(exc: DBAPIError) -> bool:
    """SQLite's errors concern its file; any other driver's, the way to its server."""
    return type(exc.orig).__module__.startswith("sqlite3")


class UnitOfWork:
    def __init__(self, db: Database, *, write: bool = False, desk: changes_feed.Desk | None = None) -> None:
        self.db = db
        self.write = write
        self.desk = desk  # whose commits these are, for the change feed
        self.committed = False

    def __enter__(self) -> UnitOfWork:
        factory = self.db.write_sessions if self.write else self.db.read_sessions
        self.session: Session = factory()
        self.users = UserRepository(self.session)
        self.patients = PatientRepository(self.session)
        self.doctors = DoctorRepository(self.session)
        self.appointments = AppointmentRepository(self.session)
        self.time_off = TimeOffRepository(self.session)
        self.appointment_types = AppointmentTypeRepository(self.session)
        self.status_changes = StatusChangeRepository(self.session)
        self.audit_log = AuditRepository(self.session)
        self.waitlist = WaitlistRepository(self.session)
        self.merges = PatientMergeRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.session.rollback()  # no-op after a commit; undoes anything else
        except Exception:  # noqa: BLE001 - the connection may already be gone
            pass
        finally:
            self.session.close()
        if exc is not None:
            translated = translate_db_error(exc)
            if translated is not None:
                raise translated from exc

    def flush(self) -> None:
        self.session.flush()

    def commit(self) -> None:
        if not self.write:
            raise RuntimeError("a read-only unit of work cannot commit")
        self.session.commit()
        self.committed = True
        if self.desk is not None:
            self.desk.committed()

    def audit(
        self,
        actor: Any,
        action: str,
        entity: str,
        entity_id: int | None,
        changes: dict[str, Any] | None = None,
    ) -> None:
        """Record an action in the same transaction as the change itself, chained
        to the entry before it."""
        self.audit_log.append(
            AuditEntry(
                user_id=getattr(actor, "user_id", None),
                username=getattr(actor, "username", None),
                action=action,
                entity=entity,
                entity_id=entity_id,
                changes=changes or None,
            )
        )
        note = changes_feed.payload(entity, entity_id, self.desk.origin if self.desk else "")
        if note is not None and self.session.get_bind().dialect.name == "postgresql":
            # heard by the other desks' change watchers when (and only if) this transaction commits
            self.session.execute(select(func.pg_notify(changes_feed.CHANNEL, note)))

    def audit_many(self, actor: Any, action: str, entity: str,
                   records: Iterable[tuple[int | None, dict[str, Any] | None]]) -> int:
        """:meth:`audit` for many records at once (an import's "create" rows):
        ``records`` are (entity id, changes); one INSERT, one change notice."""
        at = datetime.now(timezone.utc)
        user_id, username = getattr(actor, "user_id", None), getattr(actor, "username", None)
        count = self.audit_log.append_many([
            {"at": at, "user_id": user_id, "username": username, "action": action, "entity": entity,
             "entity_id": entity_id, "changes": changes or None} for entity_id, changes in records])
        note = changes_feed.payload(entity, None, self.desk.origin if self.desk else "")
        if count and note is not None and self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(select(func.pg_notify(changes_feed.CHANNEL, note)))  # "patients changed"
        return count
