"""Restoring the embedded SQLite database from a backup file, keeping what it replaces.

Nothing is replaced until the backup has proved itself: it must be a SQLite
file that passes ``PRAGMA integrity_check`` and carries a Heartbeat schema this
version knows (a backup made by a newer version is refused).  The database as
it stands is then backed up beside itself (``heartbeat.replaced-<time>.sqlite3``),
and the backup copied into the live file with SQLite's backup API (page by
page, as one transaction: a failure leaves the old data).  An older schema is
migrated; the restore is audited in the restored database.

A PostgreSQL database is restored with ``pg_restore`` if this computer has it
(:mod:`~heartbeat_desktop.services.pg_tools`), after the same checks: the file
must be a pg_dump archive holding a schema revision this version knows, and
the database as it stands is dumped first into the backups folder.  The
restore is one transaction.  Without pg_restore, the error says the command.
"""

from __future__ import annotations

import os
import sqlite3
import time as timer
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from heartbeat_desktop import migrations
from heartbeat_desktop.core.errors import Conflict, HeartbeatError, NotFound, Text
from heartbeat_desktop.services import pg_tools
from heartbeat_desktop.services.backup import (
    BackupNotSupported,
    BackupService,
    integrity,
    path_text,
)
from heartbeat_desktop.services.context import SYSTEM, Actor, ServiceContext
from heartbeat_desktop.services.permissions import Permission

NEWER = Text("errors", "The backup {0} was made by a newer version of Heartbeat Desktop; update this computer first. "
             "Nothing was changed.")


class RestoreRefused(HeartbeatError):
    """The file is not a backup this version can restore; nothing was changed."""


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_copy: Path  # the data as it was before, kept
    revision: str  # the backup's schema revision, before any migration
    seconds: float


def backup_revision(path: Path) -> str:
    """The schema revision of the backup at ``path``; refused if it is not a sound Heartbeat database."""
    try:
        checked = integrity(path)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise RestoreRefused(Text("errors", "{0} is not a Heartbeat Desktop backup (not a database this program "
                                  "made); nothing was changed.").format(path)) from None
    if checked != "ok":
        raise RestoreRefused(Text("errors", "The backup {0} is damaged ({1}); nothing was changed.").format(
            path, checked))
    if row is None or not migrations.is_known(str(row[0])):
        raise RestoreRefused(NEWER.format(path))
    return str(row[0])


def replaced_copy_path(folder: Path, stem: str, suffix: str) -> Path:
    """``<stem>.replaced-<date-time><suffix>`` in ``folder``, numbered if two restores share a second."""
    base = f"{stem}.replaced-{datetime.now():%Y%m%d-%H%M%S}"
    path, n = folder / f"{base}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}{suffix}"
    return path


class RestoreService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def restore(self, token: str, path: str | os.PathLike[str]) -> RestoreResult:
        """The GUI's "Restore from a backup…" (administrators only)."""
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token, Permission.MAINTAIN_DATABASE)
        return self.restore_as_installer(path, actor=actor)

    def restore_as_installer(self, path: str | os.PathLike[str], *, actor: Actor = SYSTEM) -> RestoreResult:
        """The command line's ``restore``: whoever can open the database file."""
        engine = self.ctx.db.engine
        source = Path(path).expanduser().absolute()
        if engine.dialect.name != "sqlite":
            return self._restore_server(source, actor)
        live = Path(str(engine.url.database)).absolute()
        if not source.is_file():
            raise NotFound(Text("errors", "There is no backup at {0}.").format(source))
        if source.resolve() == live.resolve():
            raise Conflict(Text("errors", "That is the database itself, not a backup of it."))
        started = timer.perf_counter()
        revision = backup_revision(source)
        replaced = replaced_copy_path(live.parent, live.stem, live.suffix)
        BackupService(self.ctx).backup_as_installer(replaced, actor=actor)
        self._copy_into_live(source)
        migrations.upgrade(engine)
        return self._audited(RestoreResult(source, replaced, revision, round(timer.perf_counter() - started, 3)),
                             actor)

    def _restore_server(self, source: Path, actor: Actor) -> RestoreResult:
        """A PostgreSQL database, with pg_restore if this computer has it (else the command for the server)."""
        engine = self.ctx.db.engine
        if pg_tools.find("pg_restore") is None:
            command = pg_tools.shown(pg_tools.restore_args(engine.url, source))
            raise BackupNotSupported(Text("errors", "This is a PostgreSQL database, and PostgreSQL's pg_restore is "
                                          "not installed on this computer: restore it on the server with, for "
                                          "example: {0}").format(command), command)
        if not source.is_file():
            raise NotFound(Text("errors", "There is no backup at {0}.").format(source))
        started = timer.perf_counter()
        try:
            revision = pg_tools.archive_revision(engine.url, source)
        except pg_tools.ToolFailed:
            raise RestoreRefused(Text("errors", "{0} is not a PostgreSQL backup made with pg_dump; nothing was "
                                      "changed.").format(source)) from None
        if revision is None:
            raise RestoreRefused(Text("errors", "{0} is not a Heartbeat Desktop backup; nothing was changed.").format(
                source))
        if not migrations.is_known(revision):
            raise RestoreRefused(NEWER.format(source))
        replaced = replaced_copy_path(self.ctx.settings.backup_dir, "heartbeat", ".dump")
        BackupService(self.ctx).backup_as_installer(replaced, actor=actor)
        engine.dispose()  # none of this desk's pooled connections stands in pg_restore's way
        pg_tools.restore(engine.url, source)  # one transaction: all of it, or nothing
        migrations.upgrade(engine)
        return self._audited(RestoreResult(source, replaced, revision, round(timer.perf_counter() - started, 3)),
                             actor)

    def _audited(self, result: RestoreResult, actor: Actor) -> RestoreResult:
        with self.ctx.uow(write=True) as uow:
            uow.audit(actor, "restore", "database", None, {"from": path_text(result.restored_from),
                                                           "replaced_copy": path_text(result.replaced_copy),
                                                           "revision": result.revision})
            uow.commit()
        return result

    def _copy_into_live(self, source: Path) -> None:
        self.ctx.db.engine.dispose()  # no pooled connection keeps a view of the old pages
        raw = self.ctx.db.engine.raw_connection()
        try:
            backup = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
            try:
                backup.backup(raw.driver_connection)
            finally:
                backup.close()
        finally:
            raw.close()
        self.ctx.db.engine.dispose()
