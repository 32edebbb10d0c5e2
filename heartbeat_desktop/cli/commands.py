"""What each command does; every one goes through the same services as the GUI."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from heartbeat_desktop import migrations
from heartbeat_desktop.cli.errors import CliError
from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.core.files import write_atomically
from heartbeat_desktop.core.settings import Settings, load_settings
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas import PASSWORD_RULES, UserCreate, parse
from heartbeat_desktop.schemas.patient_import import FIELD_LABELS, ImportPolicy
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.backup import BackupNotSupported, BackupTargetExists
from heartbeat_desktop.services.context import SYSTEM, Actor
from heartbeat_desktop.services.demo_data import DatabaseNotEmpty, DemoDataRequest

log = logging.getLogger(__name__)


def settings_for(args: argparse.Namespace) -> Settings:
    env = dict(os.environ)
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    try:
        return load_settings(env)
    except (ValueError, TypeError) as exc:  # a damaged settings file, a bad ALGORITHM
        raise CliError(str(exc)) from None


def open_app(args: argparse.Namespace, *, migrate: bool = True, settings: Settings | None = None) -> Heartbeat:
    settings = settings or settings_for(args)
    try:
        app = Heartbeat.open(settings, migrate=migrate)
    except ValueError as exc:  # an unknown clinic time zone
        raise CliError(str(exc)) from None
    log.info("%s: database %s", args.command, app.database_label)
    return app


def installer() -> Actor:
    """Who ran the command, as the audit log names them: ``cli:<operating-system user>``."""
    try:
        return Actor(None, f"cli:{getpass.getuser()}"[:64], Role.ADMIN)
    except Exception:  # noqa: BLE001 - no user name in this environment
        return SYSTEM


def cmd_db(args: argparse.Namespace) -> int:
    with open_app(args, migrate=False) as app:
        before = migrations.current_revision(app.ctx.db.engine)
        head = migrations.head_revision()
        print(f"Database: {app.database_label}")
        if args.db_command == "current":
            state = "up to date" if before == head else "run 'db upgrade'"
            print(f"Schema revision: {before or 'none (empty database)'} "
                  f"(this version needs {head}: {state})")
            return 0
    with open_app(args, migrate=True) as app:
        after = migrations.current_revision(app.ctx.db.engine)
    if before == after:
        print(f"The schema is up to date (revision {after}).")
    else:
        log.info("schema upgraded from %s to %s", before, after)
        print(f"Upgraded the schema from {before or 'an empty database'} to revision {after}.")
    return 0


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.removesuffix("\n").removesuffix("\r")
        if not password:
            raise CliError("no password on standard input.")
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("no terminal to ask for the password; pipe it in with --password-stdin.")
    print(PASSWORD_RULES, file=sys.stderr)
    try:
        password = getpass.getpass("Password: ")
        again = getpass.getpass("Repeat the password: ")
    except EOFError:
        raise CliError("no password given.") from None
    if password != again:
        raise CliError("the two passwords differ; nothing was created.")
    return password


def cmd_users_create(args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    data = parse(UserCreate, {"username": args.username, "full_name": args.full_name,
                              "role": args.role, "password": password})
    with open_app(args) as app:
        user = app.users.create_as_installer(data, installer())
    log.info("created the %s account %r (id %s)", user.role.value, user.username, user.id)
    print(f"Created the {user.role.label.lower()} account '{user.username}' (id {user.id}).")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    request = DemoDataRequest(patients=args.patients, doctors=args.doctors, appointments=args.appointments,
                              days_back=args.days_back, days_ahead=args.days_ahead, seed=args.seed,
                              locale=args.locale, force=args.force)
    problems = request.problems()
    if problems:
        raise ValidationFailed(problems)
    with open_app(args) as app:
        try:
            result = app.demo.generate_as_installer(request, actor=installer())
        except DatabaseNotEmpty as exc:
            raise CliError(f"{exc} Add --force to add demo data anyway.") from None
    log.info("demo data: %s", result.summary())
    print(f"Added {result.patients} patients, {result.doctors} doctors "
          f"({result.working_hours} working-hour intervals) and {result.appointments} appointments "
          f"in {result.seconds:.1f} s (locale {result.locale}, seed {result.seed}).")
    if result.appointments < request.appointments and result.doctors and result.patients:
        print(f"Only {result.appointments} of {request.appointments} appointments fitted into the "
              f"doctors' working hours ({result.free_slots} slots in {request.days_back} days back "
              f"and {request.days_ahead} ahead).")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    if settings.is_sqlite:  # opening a missing file would create an empty database
        database = make_url(settings.database_url).database
        if database and database != ":memory:" and not Path(database).expanduser().is_file():
            raise CliError(f"there is no database at {database} to back up.")
    with open_app(args, migrate=False, settings=settings) as app:  # as it is, before any upgrade
        try:
            result = app.backup.backup_as_installer(args.path, overwrite=args.force, actor=installer())
        except BackupNotSupported as exc:
            raise CliError(str(exc), code=2) from None
        except BackupTargetExists as exc:
            raise CliError(f"{exc.path} already exists; add --force to replace it.") from None
    log.info("backup: %s, %s bytes", result.path, result.size_bytes)
    print(f"Backed up to {result.path} ({result.size_bytes:,} bytes, integrity {result.integrity}, "
          f"{result.seconds:.1f} s).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with open_app(args, migrate=False) as app:  # the database as it is: the restore decides
        if not args.yes:
            raise CliError(f"restoring replaces the data in {app.database_label} with the backup's (the current "
                           "data is kept beside it); add --yes to go ahead.", code=2)
        try:
            result = app.restore.restore_as_installer(args.path, actor=installer())
        except BackupNotSupported as exc:
            raise CliError(str(exc), code=2) from None
    log.info("restore: from %s, replaced data kept in %s", result.restored_from, result.replaced_copy)
    print(f"Restored from {result.restored_from} (schema {result.revision}, {result.seconds:.1f} s). "
          f"The data it replaced is kept in {result.replaced_copy}.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with open_app(args) as app:  # an older database is brought up to date first, as the window does
        check = app.audit.verify_as_installer()
    for problem in check.problems:
        print(problem)
    if not check.intact:
        log.warning("audit verify: %d problem(s) in %d entries", len(check.problems), check.entries)
        return 1
    entries = f"{check.entries:,} entr{'y' if check.entries == 1 else 'ies'}"
    print(f"The audit log is intact: {entries}, each chained to the one before.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_app(args) as app:
        if args.export_command == "appointments":
            result = app.exports.appointments_as_installer(
                {"first": args.first, "last": args.last, "doctor_id": args.doctor_id, "format": args.format,
                 "delimiter": args.delimiter}, installer())
        else:
            result = app.exports.patients_as_installer(active_only=args.active_only, delimiter=args.delimiter,
                                                       actor=installer())
    path = write_atomically(args.output, result.content)
    log.info("export %s: %d rows to %s", args.export_command, result.rows, path)
    print(f"Exported {result.rows} {args.export_command} to {path} ({result.format.label}).")
    return 0


MAX_LISTED = 20  # rows left out, one line each, before "… and N more"


def cmd_import_patients(args: argparse.Namespace) -> int:
    with open_app(args) as app:
        service = app.patient_import
        header = service.read_header_as_installer(args.path)
        given = dict(args.map)
        mapping = {**header.mapping, **given}
        if {"last_name", "first_name"} & given.keys() and "full_name" not in given:
            mapping.pop("full_name", None)  # the names were given their own columns
        separated = {",": "commas", ";": "semicolons", "\t": "tabs"}[header.delimiter]
        print(f"{header.file_name}: {header.rows} rows, {header.encoding}, separated by {separated}.")
        for field, column in mapping.items():
            print(f"  {FIELD_LABELS[field]:<12} <- {column}")
        policy = ImportPolicy.ALL_OR_NOTHING if args.all_or_nothing else ImportPolicy.SKIP_BAD
        result = service.run_as_installer(installer(), args.path, mapping, policy,
                                          import_duplicates=args.import_duplicates, rejected_path=args.rejected)
    for row in result.left_out[:MAX_LISTED]:
        print(f"row {row.row}: {row.reason}")
    if len(result.left_out) > MAX_LISTED:
        print(f"… and {len(result.left_out) - MAX_LISTED} more rows left out.")
    log.info("import patients from %s: %s", header.file_name, result.summary())
    print(f"{result.summary().removesuffix('.')} ({result.seconds:.1f} s).")
    if not result.stored:
        print("Nothing was stored because of the rejected rows (--all-or-nothing); fix them and import again.")
        return 1
    return 0
