"""``heartbeat-desktop --self-check``: does this installation (or frozen bundle) work?

Each check prints one line, ``ok   <name>`` or ``FAIL <name>: <why>``; the exit
status is 0 only if every check passed.  The checks work in a throw-away
temporary folder: a fresh SQLite database migrated to the newest schema, a
signing key, and the Qt application on the offscreen platform.  They never
read or write the user's data, config or log folders, nor the settings or
``DATABASE_URL``.  The Qt checks live in :mod:`heartbeat_desktop.ui.self_check`
(the only place Qt may be imported) and are loaded only here.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from heartbeat_desktop import migrations
from heartbeat_desktop.cli.check_tools import CheckFailed, expect
from heartbeat_desktop.cli.day_check import check_scheduling_day
from heartbeat_desktop.cli.records_check import check_records
from heartbeat_desktop.core.database import create_db_engine
from heartbeat_desktop.core.errors import AuthenticationFailed
from heartbeat_desktop.core.security import TokenSigner, hash_password, load_or_create_secret, verify_password
from heartbeat_desktop.core.settings import sqlite_url

Check = tuple[str, Callable[[Path], None]]  # a name, and a function of a scratch folder that raises if broken


def check_migrations(scratch: Path) -> None:
    engine = create_db_engine(sqlite_url(scratch / "self-check.sqlite3"))
    try:
        expect(migrations.upgrade(engine), "nothing was applied to an empty database")
        current, head = migrations.current_revision(engine), migrations.head_revision()
        expect(current == head, f"the schema is at {current}, not the newest {head}")
    finally:
        engine.dispose()


def check_passwords(_scratch: Path) -> None:
    password = secrets.token_urlsafe(12)
    hashed = hash_password(password)
    expect(hashed.startswith("$argon2id$"), "the hash is not argon2id")
    expect(verify_password(password, hashed), "the right password was refused")
    expect(not verify_password(password + "x", hashed), "a wrong password was accepted")


def check_tokens(scratch: Path) -> None:
    secret = load_or_create_secret(scratch / "config")
    signer = TokenSigner(secret)
    token, claims = signer.issue(1, "admin", "password-hash")
    expect(signer.verify(token) == claims, "the token read back differs")
    try:
        TokenSigner(load_or_create_secret(scratch / "other")).verify(token)
    except AuthenticationFailed:
        return
    raise CheckFailed("a token signed with another key was accepted")


def check_postgresql_driver(_scratch: Path) -> None:
    """The dialect and psycopg with its libpq load (nothing is connected to)."""
    engine = create_db_engine("postgresql+psycopg://self-check@127.0.0.1/self-check")
    try:
        expect(engine.dialect.driver == "psycopg", f"driver {engine.dialect.driver}")
        import psycopg  # noqa: PLC0415 - loaded by the dialect above; asked for its libpq

        expect(psycopg.pq.version() > 0, "libpq did not load")
    finally:
        engine.dispose()


def check_time_zones(_scratch: Path) -> None:
    expect(ZoneInfo("Europe/Moscow").key == "Europe/Moscow", "no time zone data")


def check_demo_data(_scratch: Path) -> None:
    """Faker finds its providers by locale name, which a frozen bundle may lack."""
    from faker import Faker  # noqa: PLC0415 - slow to import; the demo data needs it

    from heartbeat_desktop.services.demo_data import LOCALES  # noqa: PLC0415

    for locale in LOCALES:
        expect(bool(Faker(locale).last_name()), f"no names for {locale}")


CORE_CHECKS: tuple[Check, ...] = (
    ("migrations", check_migrations),
    ("password hashing", check_passwords),
    ("tokens", check_tokens),
    ("postgresql driver", check_postgresql_driver),
    ("time zones", check_time_zones),
    ("demo data", check_demo_data),
    ("scheduling day", check_scheduling_day),
    ("records", check_records),
)


def qt_checks() -> tuple[Check, ...]:
    """The ui package's checks; if Qt cannot even be imported, one check that says so."""
    try:
        from heartbeat_desktop.ui.self_check import CHECKS  # noqa: PLC0415 - Qt only when asked
    except ImportError as exc:
        message = f"{exc}"

        def cannot_import(_scratch: Path) -> None:
            raise CheckFailed(message)

        return (("qt application", cannot_import),)
    return CHECKS


def describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return text if isinstance(exc, AssertionError) else f"{type(exc).__name__}: {text}".rstrip(": ")


def run_checks(checks: Iterable[Check], scratch: Path, out: Callable[[str], None]) -> bool:
    passed = True
    for name, check in checks:
        try:
            check(scratch)
        except Exception as exc:  # noqa: BLE001 - a check's failure is reported, the others still run
            passed = False
            out(f"FAIL {name}: {describe(exc)}")
        else:
            out(f"ok   {name}")
    return passed


def self_check() -> int:
    """Run every check; 0 if all passed, else 1."""
    def out(line: str) -> None:
        print(line, flush=True)

    with tempfile.TemporaryDirectory(prefix="heartbeat-self-check-", ignore_cleanup_errors=True) as tmp:
        scratch = Path(tmp)
        passed = run_checks(CORE_CHECKS, scratch, out)
        passed = run_checks(qt_checks(), scratch, out) and passed
    if not passed:
        print("heartbeat-desktop: self-check failed.", file=sys.stderr)
    return 0 if passed else 1
