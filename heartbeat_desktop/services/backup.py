"""Backups of the embedded SQLite database, safe while other desks keep working.

The copy is made with SQLite's online backup API (``sqlite3.Connection.backup``),
which gives a consistent snapshot even while the application writes (copying
the file with the operating system does not: the WAL would be left behind).
The copy is written next to the target under a temporary name, switched to a
single self-contained file (``journal_mode=DELETE``), verified with
``PRAGMA integrity_check`` when reopened read-only, and only then renamed into
place, so a failed backup never leaves a half-written file behind.

On SQLite the first start of each day also makes an automatic backup into the
data folder's ``backups`` (:meth:`BackupService.daily`), keeping the last
``daily_backups`` (14 unless the settings say otherwise).

A PostgreSQL database is backed up with its own tool, ``pg_dump``, run here if
this computer has it (:mod:`~heartbeat_desktop.services.pg_tools`); if not, the
error says the exact command for the server (host, port, database and user,
never the password).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time as timer
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, Engine

from heartbeat_desktop.core.errors import Conflict, HeartbeatError, Text
from heartbeat_desktop.services import pg_tools
from heartbeat_desktop.services.context import SYSTEM, Actor, ServiceContext
from heartbeat_desktop.services.permissions import Permission

log = logging.getLogger(__name__)
DAILY_PATTERN = "heartbeat-????-??-??.sqlite3"  # heartbeat-2026-11-27.sqlite3: sorts by date



def path_text(path: str | os.PathLike[str]) -> str:
    """A file name as text a database can store: bytes of it that were not
    UTF-8 (lone surrogates in Python) become \\x escapes (the audit log's entry)."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file name's bytes make
        return str(path).encode("utf-8", "backslashreplace").decode("utf-8")

class BackupNotSupported(HeartbeatError):
    """This database is not backed up by the application (PostgreSQL: use pg_dump)."""

    def __init__(self, message: str, command: str | None = None) -> None:
        super().__init__(message)
        self.command = command


class BackupTargetExists(Conflict):
    """The backup file exists and replacing it was not allowed."""

    def __init__(self, path: Path) -> None:
        super().__init__(Text("errors", "{0} already exists; choose another name or allow replacing it.").format(path))
        self.path = path


class BackupFailed(HeartbeatError):
    """The copy was made but did not verify; nothing was left at the target."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    seconds: float
    integrity: str = "ok"


def pg_dump_command(url: URL, path: str | os.PathLike[str]) -> str:
    """The ``pg_dump`` command line for ``url`` (no password: pg_dump asks, or reads ~/.pgpass)."""
    return pg_tools.shown(pg_tools.dump_args(url, Path(path)))


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the file at ``path``, opened read-only."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows[:5])


def verified_copy(engine: Engine, target: Path) -> BackupResult:
    """Copy the SQLite database of ``engine`` to ``target``: a consistent snapshot,
    one self-contained file, verified before it takes the name (never half-written)."""
    started = timer.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        raw = engine.raw_connection()
        try:
            copy = sqlite3.connect(partial)
            try:
                raw.driver_connection.backup(copy)  # one step: a snapshot; WAL readers never block writers
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                copy.close()
        finally:
            raw.close()
        checked = integrity(partial)
        if checked != "ok":
            raise BackupFailed(Text("errors", "The backup copy did not verify ({0}); nothing was saved.").format(
                checked))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(target, target.stat().st_size, round(timer.perf_counter() - started, 3))


class BackupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def file_kind(self) -> tuple[str, str]:
        """This database's backup files: their suffix, and what they are, for a file dialog."""
        if self.ctx.db.dialect == "sqlite":
            return "sqlite3", "SQLite database"
        return "dump", "PostgreSQL backup (pg_dump)"

    def backup(self, token: str, path: str | os.PathLike[str], *, overwrite: bool = False) -> BackupResult:
        """The GUI's "Back up the database…" (administrators only)."""
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token, Permission.MAINTAIN_DATABASE)
        return self.backup_as_installer(path, overwrite=overwrite, actor=actor)

    def backup_as_installer(self, path: str | os.PathLike[str], *, overwrite: bool = False,
                            actor: Actor = SYSTEM) -> BackupResult:
        """The command line's ``backup``: whoever can open the database file."""
        engine = self.ctx.db.engine
        target = Path(path).expanduser().absolute()
        if target.is_dir():
            raise Conflict(Text("errors", "{0} is a folder; give the name of the backup file to create.").format(
                target))
        if engine.dialect.name == "sqlite":
            source_file = engine.url.database
            if not source_file or source_file == ":memory:":
                raise BackupNotSupported(Text("errors", "An in-memory database cannot be backed up."))
            if target.exists() and Path(source_file).resolve() == target.resolve():
                raise Conflict(Text("errors", "The backup cannot replace the database file itself."))
        if target.exists() and not overwrite:
            raise BackupTargetExists(target)

        if engine.dialect.name == "sqlite":
            result = verified_copy(engine, target)
        else:
            result = self._dump(engine.url, target)
        try:  # the copy is made and verified: a busy database must not turn that into an error
            with self.ctx.uow(write=True) as uow:
                uow.audit(actor, "backup", "database", None, {"path": path_text(target), "bytes": result.size_bytes})
                uow.commit()
        except HeartbeatError:
            log.warning("backup to %s made, but its audit entry could not be written", target, exc_info=True)
        return result

    @staticmethod
    def _dump(url: URL, target: Path) -> BackupResult:
        """A server's database: pg_dump, if this computer has it; else the command for the server."""
        if pg_tools.find("pg_dump") is None:
            command = pg_dump_command(url, target)
            raise BackupNotSupported(
                Text("errors", "This is a PostgreSQL database, and PostgreSQL's pg_dump is not installed on this "
                     "computer: back it up on the server with, for example: {0}").format(command), command)
        started = timer.perf_counter()
        size = pg_tools.dump(url, target)
        return BackupResult(target, size, round(timer.perf_counter() - started, 3))  # listed back: ok

    def daily(self) -> BackupResult | None:
        """Today's automatic backup, if this is the day's first start; the oldest
        beyond ``daily_backups`` are removed.  None: nothing to do (made already
        today, turned off, or a PostgreSQL database, which the server backs up)."""
        keep = self.ctx.settings.daily_backups
        if keep <= 0 or self.ctx.db.dialect != "sqlite":
            return None
        folder = self.ctx.settings.backup_dir
        today = self.ctx.now().astimezone(self.ctx.zone).date()
        target = folder / DAILY_PATTERN.replace("????-??-??", f"{today:%Y-%m-%d}")
        if target.exists():
            return None
        result = self.backup_as_installer(target)
        for old in sorted(folder.glob(DAILY_PATTERN))[:-keep]:
            old.unlink(missing_ok=True)
        log.info("daily backup: %s (%s bytes)", result.path, result.size_bytes)
        return result
