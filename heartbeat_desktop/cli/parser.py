"""The command line's arguments (argparse)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from heartbeat_desktop import APP_NAME, APP_SLUG, __version__
from heartbeat_desktop.cli import commands
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas import PASSWORD_RULES, ExportFormat
from heartbeat_desktop.schemas.patient_import import MAPPABLE
from heartbeat_desktop.services.demo_data import LOCALES, DemoDataRequest


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date as YYYY-MM-DD: {text!r}") from None


def field_column(text: str) -> tuple[str, str]:
    field, sep, column = text.partition("=")
    if not sep or not field.strip() or not column.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=COLUMN, for example birth_date=\"Дата рождения\": {text!r}")
    if field.strip() not in MAPPABLE:
        raise argparse.ArgumentTypeError(f"no patient field {field.strip()!r}; one of: {', '.join(MAPPABLE)}")
    return field.strip(), column.strip()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_SLUG,
        description=f"{APP_NAME}: the clinic front desk. Without a command, opens the window.",
        epilog="The database is DATABASE_URL, else the one in the settings file, else a SQLite file "
               "in the data folder (HEARTBEAT_DATA_DIR). Exit status: 0 done, 1 refused or failed, "
               "2 wrong arguments or not possible here, 130 interrupted.")
    parser.add_argument("--version", action="version", version=f"{APP_SLUG} {__version__}")
    parser.add_argument("--self-check", action="store_true",
                        help="check this installation in a temporary folder (database migrations, "
                             "password hashing, tokens, Qt, icon, style, translations), one line per "
                             "check; exit status 0 if all pass. Touches no real data")
    parser.add_argument("--database-url", metavar="URL",
                        help="use this database for this run (overrides DATABASE_URL); for a URL "
                             "with a password prefer the environment variable")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = subcommands.add_parser("db", help="the database schema", description="The database schema.")
    db_actions = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_actions.add_parser("upgrade", help="create the tables, or apply the pending migrations")
    db_actions.add_parser("current", help="show the schema revision; changes nothing")
    db.set_defaults(func=commands.cmd_db)

    users = subcommands.add_parser("users", help="staff accounts", description="Staff accounts.")
    user_actions = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    create = user_actions.add_parser(
        "create", help="create an account (for example the first administrator)",
        description="Create a staff account. The password is asked twice on the terminal, or read "
                    "from the first line of standard input with --password-stdin; it is never a "
                    f"command-line argument. {PASSWORD_RULES}")
    create.add_argument("--username", required=True)
    create.add_argument("--full-name", default="", metavar="NAME")
    create.add_argument("--role", required=True, choices=[r.value for r in Role])
    create.add_argument("--password-stdin", action="store_true",
                        help="read the password from the first line of standard input")
    create.set_defaults(func=commands.cmd_users_create)

    demo = subcommands.add_parser(
        "demo-data", help="fill the database with realistic made-up data",
        description="Add made-up patients, doctors with working hours (Monday to Friday, some with "
                    "a lunch break) and appointments inside those hours. The same --seed gives the "
                    "same people. A database that already has patients is refused unless --force "
                    "is given (then the data is added to it).")
    defaults = DemoDataRequest()
    for name, what in (("patients", "patients"), ("doctors", "doctors"),
                       ("appointments", "appointments (at most the free slots)"),
                       ("days-back", "days of past appointments"),
                       ("days-ahead", "days of future appointments")):
        default = getattr(defaults, name.replace("-", "_"))
        demo.add_argument(f"--{name}", type=count, default=default, metavar="N",
                          help=f"how many {what} (default {default})")
    demo.add_argument("--seed", type=int, help="the seed, for the same data again (default: random, printed)")
    demo.add_argument("--locale", choices=LOCALES, default=defaults.locale,
                      help=f"language of names and addresses (default {defaults.locale})")
    demo.add_argument("--force", action="store_true", help="add to a database that already has patients")
    demo.set_defaults(func=commands.cmd_demo_data)

    backup = subcommands.add_parser(
        "backup", help="copy the database to a file, even while it is in use",
        description="Make a verified copy of the SQLite database, or a pg_dump archive of a PostgreSQL "
                    "database (with pg_dump from this computer; without it, the command to run on the "
                    "server is printed, with exit status 2).")
    backup.add_argument("path", metavar="PATH", type=Path, help="the backup file to create")
    backup.add_argument("--force", action="store_true", help="replace PATH if it exists")
    backup.set_defaults(func=commands.cmd_backup)

    restore = subcommands.add_parser(
        "restore", help="replace the database with a backup, keeping the data it replaces",
        description="Check the backup (integrity, and a schema this version knows), keep the current "
                    "data (SQLite: beside the file as heartbeat.replaced-<time>.sqlite3; PostgreSQL: a "
                    "pg_dump archive in the backups folder), then load the backup and bring it up to "
                    "date. PostgreSQL needs pg_restore on this computer; without it, the command to run "
                    "on the server is printed, with exit status 2.")
    restore.add_argument("path", metavar="PATH", type=Path, help="the backup file")
    restore.add_argument("--yes", action="store_true", help="go ahead: the current data is replaced (and kept)")
    restore.set_defaults(func=commands.cmd_restore)

    imports = subcommands.add_parser("import", help="add records from a file",
                                     description="Add records from a file.")
    import_actions = imports.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    patients = import_actions.add_parser(
        "patients", help="add patients from a CSV file (Excel, LibreOffice)",
        description="Add patients from a CSV file: UTF-8 or Windows-1251 (Russian Excel), separated by commas, "
                    "semicolons or tabs, the first row naming the columns. Each row is checked as the patient form "
                    "checks it; the columns are guessed from their names unless --map says. Rows that cannot be "
                    "stored, and possible duplicates of registered patients or of earlier rows, are left out and "
                    "written to FILE-rejected.csv beside the file with a \"reason\" column; the good rows are "
                    "stored in one transaction. Exit status 1 if nothing was stored.")
    patients.add_argument("path", metavar="FILE", type=Path, help="the CSV file")
    patients.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN", type=field_column,
                          help=f"take FIELD from the column named COLUMN (repeat for each; FIELD is one of "
                               f"{', '.join(MAPPABLE)}); the fields not given are guessed")
    patients.add_argument("--all-or-nothing", action="store_true",
                          help="store nothing if any row is rejected (default: store the good rows)")
    patients.add_argument("--import-duplicates", action="store_true",
                          help="store the possible duplicates too (default: leave them out)")
    patients.add_argument("--rejected", metavar="PATH", type=Path,
                          help="where to write the rows left out (default: beside FILE)")
    imports.set_defaults(func=commands.cmd_import_patients)

    audit = subcommands.add_parser("audit", help="the audit log", description="The audit log.")
    audit_actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_actions.add_parser(
        "verify", help="check that no entry was changed or removed outside the application",
        description="Re-digest every entry of the audit log in order. Exit status 0: intact; "
                    "1: an entry does not match (each one found is named).")
    audit.set_defaults(func=commands.cmd_audit)

    export = subcommands.add_parser(
        "export", help="appointments or patients to a file (CSV or iCalendar)",
        description="Write appointments or patients to a file, completely or not at all (a file already there "
                    "is replaced). CSV is UTF-8 with a byte order mark, for Excel. Each export is noted in the "
                    "audit log as done by cli:<your user name>.")
    export_actions = export.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    appointments = export_actions.add_parser(
        "appointments", help="the appointments of a date range",
        description="The appointments starting on the days FROM to TO (both included, the clinic's local "
                    "days), cancelled ones too. iCalendar (.ics): one event per visit with a UID that stays the "
                    "same on every export, so a calendar program updates its copy instead of adding another.")
    appointments.add_argument("--from", dest="first", required=True, type=iso_date, metavar="DATE",
                              help="the first day, YYYY-MM-DD")
    appointments.add_argument("--to", dest="last", required=True, type=iso_date, metavar="DATE",
                              help="the last day, YYYY-MM-DD")
    appointments.add_argument("--doctor", dest="doctor_id", type=int, metavar="ID",
                              help="only this doctor's (default: every doctor's)")
    appointments.add_argument("--format", choices=[f.value for f in ExportFormat], default="csv",
                              help="csv (a spreadsheet) or ics (a calendar); default csv")
    patients = export_actions.add_parser("patients", help="the list of patients (CSV)",
                                         description="Every patient by name, or only the active ones, as CSV.")
    patients.add_argument("--active-only", action="store_true", help="leave out deactivated patients")
    for command in (appointments, patients):
        command.add_argument("--output", required=True, type=Path, metavar="FILE", help="the file to write")
        command.add_argument("--delimiter", choices=[",", ";"], default=",",
                             help="CSV's separator (default ','; Excel set up for Russian expects ';')")
    export.set_defaults(func=commands.cmd_export)
    return parser
