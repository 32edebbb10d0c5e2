"""``Heartbeat``: the one object the GUI, the command line and the tests hold.

It opens the database named by the settings, refuses a schema newer than this
app, applies pending migrations, and exposes one service per use-case area.
Every service method takes the session token first (except login and the
first-start setup) and returns plain schemas.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import ArgumentError

from heartbeat_desktop import migrations
from heartbeat_desktop.core import clock
from heartbeat_desktop.core.database import Database
from heartbeat_desktop.core.errors import ConnectionLost, DatabaseUnavailable, Text
from heartbeat_desktop.core.security import TokenSigner, load_or_create_secret
from heartbeat_desktop.core.settings import Settings, load_settings
from heartbeat_desktop.services.appointment_types import AppointmentTypeService
from heartbeat_desktop.services.appointments import AppointmentService
from heartbeat_desktop.services.audit import AuditService
from heartbeat_desktop.services.auth import AuthService
from heartbeat_desktop.services.backup import BackupService, verified_copy
from heartbeat_desktop.services.changes import Change, ChangeWatcher
from heartbeat_desktop.services.confirmations import ConfirmationService
from heartbeat_desktop.services.context import ServiceContext
from heartbeat_desktop.services.day_sheets import DaySheetService
from heartbeat_desktop.services.demo_data import DemoDataService
from heartbeat_desktop.services.doctors import DoctorService
from heartbeat_desktop.services.exports import ExportService
from heartbeat_desktop.services.free_slots import FreeTimeFinder
from heartbeat_desktop.services.merges import MergeService
from heartbeat_desktop.services.patient_import import PatientImportService
from heartbeat_desktop.services.patients import PatientService
from heartbeat_desktop.services.restore import RestoreService
from heartbeat_desktop.services.series import SeriesService
from heartbeat_desktop.services.time_off import TimeOffService
from heartbeat_desktop.services.unit_of_work import translate_db_error
from heartbeat_desktop.services.users import UserService
from heartbeat_desktop.services.waitlist import WaitlistService

NOT_A_DATABASE_URL = Text("errors", "This is not a database address this application can use: it should look like "
                      "sqlite:///C:/path/heartbeat.sqlite3 or postgresql://user@server/database.")

log = logging.getLogger(__name__)


class Heartbeat:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.auth = AuthService(ctx)
        self.users = UserService(ctx)
        self.patients = PatientService(ctx)
        self.patient_import = PatientImportService(ctx)
        self.merges = MergeService(ctx)
        self.doctors = DoctorService(ctx)
        self.appointments = AppointmentService(ctx)
        self.time_off = TimeOffService(ctx)
        self.free_times = FreeTimeFinder(ctx)
        self.appointment_types = AppointmentTypeService(ctx)
        self.waitlist = WaitlistService(ctx)
        self.series = SeriesService(ctx)
        self.confirmations = ConfirmationService(ctx)
        self.day_sheets = DaySheetService(ctx)
        self.exports = ExportService(ctx)
        self.audit = AuditService(ctx)
        self.demo = DemoDataService(ctx)
        self.backup = BackupService(ctx)
        self.restore = RestoreService(ctx)

    @classmethod
    def open(cls, settings: Settings | None = None, *, migrate: bool = True) -> Heartbeat:
        """Connect, check and migrate the schema; raise a desk-friendly error if impossible."""
        settings = settings or load_settings()
        try:
            db = Database.connect(settings.database_url)
        except OSError as exc:  # the SQLite file's folder cannot be made
            raise DatabaseUnavailable(Text("errors", "Cannot open the database: the folder {0} cannot be created or "
                                           "written to ({1}).").format(exc.filename or "", exc.strerror or exc)) \
                from exc
        except (ArgumentError, ValueError) as exc:  # not a URL, or one for a database this app cannot use
            raise DatabaseUnavailable(NOT_A_DATABASE_URL) from exc
        try:
            revision = migrations.check_compatible(db.engine)  # a newer schema is refused here
            if migrate and revision not in (None, migrations.HEAD):
                cls._keep_before_upgrade(db, settings, revision)
                migrations.upgrade(db.engine)
            elif migrate and revision is None:
                migrations.upgrade(db.engine)
        except Exception as exc:
            db.dispose()
            translated = translate_db_error(exc)
            if isinstance(translated, ConnectionLost):
                raise DatabaseUnavailable(
                    Text("errors", "Cannot open the database {0}: the server cannot be reached. Check the network "
                         "and that the database server is running.").format(db.display_url)) from exc
            if translated is not None:
                raise DatabaseUnavailable(
                    Text("errors", "Cannot open the database {0}: {1}").format(db.display_url, translated.message)
                ) from exc
            raise
        secret = settings.secret_key or load_or_create_secret(settings.config_dir)
        signer = TokenSigner(secret, settings.algorithm, settings.token_ttl)
        ctx = ServiceContext(db=db, settings=settings, signer=signer,
                             zone=clock.clinic_zone(settings.clinic_timezone))
        return cls(ctx)

    @staticmethod
    def _keep_before_upgrade(db: Database, settings: Settings, revision: str) -> None:
        """An older SQLite database is copied aside before it is migrated (a server is backed up by its admin)."""
        if db.dialect != "sqlite":
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = verified_copy(db.engine, settings.backup_dir / f"heartbeat-{revision}-before-upgrade-{stamp}.sqlite3")
        log.info("schema %s → %s: the database was first copied to %s", revision, migrations.HEAD, kept.path)

    @property
    def database_label(self) -> str:
        """What the status bar shows: this computer's file, or the server (never the password)."""
        return self.ctx.db.place

    def ping(self) -> None:
        """Whether the database answers: returns, or raises the desk-friendly error
        (:class:`ConnectionLost` while a server is unreachable).  Needs no session:
        it says nothing about the data."""
        try:
            self.ctx.db.ping()
        except Exception as exc:
            translated = translate_db_error(exc)
            if translated is None:
                raise
            raise translated from exc

    def watch_changes(self, on_change: Callable[[Change], None],
                      on_connection: Callable[[bool], None] | None = None) -> ChangeWatcher:
        """Start reporting what other desks commit, not this one (see
        :mod:`~heartbeat_desktop.services.changes`); ``on_change`` runs on the
        watcher's thread, and so does ``on_connection(False)`` when its server
        connection drops (``True`` when it is back).  Stop it before closing."""
        return ChangeWatcher(self.ctx.db.engine.url, on_change, self.ctx.desk, on_connection).start()

    def close(self) -> None:
        self.ctx.db.dispose()

    def __enter__(self) -> Heartbeat:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
