"""Shared fixtures and builders for every test module (loaded by conftest.py).

Databases are real: a SQLite file per test (copied from one migrated
template), and a fresh PostgreSQL database per run, created on the server named
by ``TEST_DATABASE_URL`` and truncated between tests.  Without that variable
the PostgreSQL half is skipped, unless ``HEARTBEAT_REQUIRE_POSTGRES=1`` (set by
CI), which turns the skip into a failure.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from heartbeat_desktop import migrations
from heartbeat_desktop.core.database import Database
from heartbeat_desktop.core.settings import Settings, load_settings, normalize_database_url, sqlite_url
from heartbeat_desktop.schemas import AuthSession
from heartbeat_desktop.services import Heartbeat

ADMIN_PASSWORD = "Adm1n-passw0rd"
STAFF_PASSWORD = "Staff-passw0rd"
TABLES = ("audit_log, patient_merges, waitlist, appointment_status_changes, appointments, appointment_series, "
          "appointment_types, time_off, working_hours, doctors, patients, users")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
# a test about PostgreSQL only: ``database_url`` (and so ``hb``) on that backend alone
ON_POSTGRESQL = pytest.mark.parametrize("database_url", [BACKENDS[1]], indirect=True)


def postgres_required() -> bool:
    return os.environ.get("HEARTBEAT_REQUIRE_POSTGRES", "") == "1"


def skip_or_fail(reason: str) -> None:
    if postgres_required():
        pytest.fail(f"PostgreSQL is required here (HEARTBEAT_REQUIRE_POSTGRES=1): {reason}")
    pytest.skip(reason)


# --- databases -----------------------------------------------------------------

@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file; each test gets a copy (migrating per test is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = Database.connect(sqlite_url(path))
    migrations.upgrade(db.engine)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, migrated database for this run on the TEST_DATABASE_URL server."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        skip_or_fail("TEST_DATABASE_URL is not set")
    admin_url = make_url(normalize_database_url(base))
    name = f"heartbeat_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - any reason the server is unusable
        admin.dispose()
        skip_or_fail(f"cannot create a test database on {admin_url.render_as_string()}: {exc}")
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    db = Database.connect(url)
    migrations.upgrade(db.engine)
    db.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def private_postgres(tmp_path: Path) -> Iterator[Any]:
    """A PostgreSQL server of this test's own (see tests.private_postgres), migrated, running."""
    from tests.private_postgres import PrivateServer, server_binaries

    bin_dir = server_binaries()
    if bin_dir is None:
        skip_or_fail("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    try:
        server = PrivateServer(bin_dir).create()
        server.start()
    except (KeyError, RuntimeError, OSError) as exc:
        skip_or_fail(f"cannot run a private PostgreSQL server: {exc}")
    try:
        db = Database.connect(server.url)
        migrations.upgrade(db.engine)
        db.dispose()
        yield server
    finally:
        server.remove()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated, empty database of each backend; the test runs once per backend."""
    if request.param == "sqlite":
        path = tmp_path / "heartbeat.sqlite3"
        shutil.copyfile(sqlite_template, path)
        return sqlite_url(path)
    url = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    with engine.begin() as conn:
        # the append-only audit log refuses TRUNCATE: lifted for this connection (superuser)
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


def settings_at(tmp_path: Path, database_url: str) -> Settings:
    """Settings whose per-user folders live in ``tmp_path``."""
    env = {
        "HEARTBEAT_DATA_DIR": str(tmp_path / "data"),
        "HEARTBEAT_CONFIG_DIR": str(tmp_path / "config"),
        "HEARTBEAT_LOG_DIR": str(tmp_path / "log"),
        "DATABASE_URL": database_url,
    }
    return load_settings(env=env, clinic_timezone="Europe/Moscow")


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return settings_at(tmp_path, database_url)


def opened(settings: Settings) -> Iterator[Heartbeat]:
    app = Heartbeat.open(settings)
    try:
        yield app
    finally:
        app.close()


def first_admin(app: Heartbeat) -> AuthSession:
    app.auth.create_first_admin({"username": "admin", "full_name": "Анна Админова", "password": ADMIN_PASSWORD})
    return app.auth.login("admin", ADMIN_PASSWORD)


@pytest.fixture
def hb(settings: Settings) -> Iterator[Heartbeat]:
    yield from opened(settings)


# --- people and tokens ---------------------------------------------------------

@pytest.fixture
def admin_auth(hb: Heartbeat) -> AuthSession:
    return first_admin(hb)


@pytest.fixture
def admin_token(admin_auth: AuthSession) -> str:
    return admin_auth.token


def make_user(hb: Heartbeat, admin_token: str, username: str, role: str) -> str:
    """Create a user of ``role`` and return a session token for them."""
    hb.users.create(admin_token, {"username": username, "full_name": username.title(),
                                  "password": STAFF_PASSWORD, "role": role})
    return hb.auth.login(username, STAFF_PASSWORD).token


@functools.cache
def staff_hash() -> str:
    """STAFF_PASSWORD hashed once per run (argon2 costs a tenth of a second)."""
    from heartbeat_desktop.core.security import hash_password

    return hash_password(STAFF_PASSWORD)


def add_user(hb: Heartbeat, username: str, role: str = "receptionist", *, active: bool = True,
             password_hash: str | None = None, locked_until: datetime | None = None) -> int:
    """Insert an account directly (no hashing: STAFF_PASSWORD's hash); return its id."""
    from heartbeat_desktop.models import User
    from heartbeat_desktop.schemas.text import fold

    with hb.ctx.uow(write=True) as uow:
        user = User(username=username, username_key=fold(username), full_name=username.title(),
                    password_hash=password_hash or staff_hash(), role=role, is_active=active,
                    must_change_password=False, failed_logins=0, locked_until=locked_until)
        uow.users.add(user)
        uow.commit()
        return user.id


def audit_rows(hb: Heartbeat, action: str | None = None) -> list[Any]:
    """Every audit row, oldest first, read straight from the table."""
    from heartbeat_desktop.models import AuditEntry

    with hb.ctx.uow() as uow:
        stmt = select(AuditEntry).order_by(AuditEntry.id)
        if action:
            stmt = stmt.where(AuditEntry.action == action)
        rows = list(uow.session.scalars(stmt))
        uow.session.expunge_all()  # keep the loaded values after the read transaction ends
        return rows


@contextmanager
def another_desk_while_flushing(hb: Heartbeat, wanted: Callable[[Any], bool],
                                other_desk: Callable[[], None]) -> Iterator[None]:
    """Run ``other_desk`` in a thread (and wait for it) the first time one of
    the services' write sessions is about to flush what ``wanted(session)``
    names: another desk writing between this transaction's checks and its write."""
    from sqlalchemy import event

    started: list[bool] = []

    def before_flush(session: Any, _context: Any, _instances: Any) -> None:
        if not started and wanted(session):
            started.append(True)
            thread = threading.Thread(target=other_desk)
            thread.start()
            thread.join(10)

    event.listen(hb.ctx.db.write_sessions, "before_flush", before_flush)
    try:
        yield
    finally:
        event.remove(hb.ctx.db.write_sessions, "before_flush", before_flush)


def token_for(hb: Heartbeat, user_id: int, issued_at: datetime | None = None, *, role: str | None = None) -> str:
    """A session token for an account as login would sign it, optionally issued
    in the past or claiming another ``role`` than the account has."""
    from heartbeat_desktop.models import User

    with hb.ctx.uow() as uow:
        user = uow.session.get(User, user_id)
        assert user is not None
        return hb.ctx.signer.issue(user.id, role or user.role, user.password_hash, issued_at)[0]


@pytest.fixture
def desk_token(hb: Heartbeat, admin_token: str) -> str:
    return make_user(hb, admin_token, "desk", "receptionist")


def patient_data(**overrides: Any) -> dict[str, Any]:
    data = {"last_name": "Иванов", "first_name": "Пётр", "middle_name": "Сергеевич",
            "birth_date": date(1980, 5, 17), "sex": "male", "phone": "+7 916 123-45-67"}
    data.update(overrides)
    return data


WEEKDAY_HOURS = [{"weekday": d, "starts": time(9), "ends": time(18)} for d in range(5)]


def doctor_data(**overrides: Any) -> dict[str, Any]:
    data = {"last_name": "Петрова", "first_name": "Мария", "middle_name": "Ивановна",
            "specialty": "Терапевт", "room": "101", "working_hours": WEEKDAY_HOURS}
    data.update(overrides)
    return data


def next_monday() -> date:
    today = date.today()
    return today + timedelta(days=7 - today.weekday())


def at(hour: int, minute: int = 0, day: date | None = None) -> datetime:
    """A naive clinic-local moment on ``day`` (default: next Monday)."""
    return datetime.combine(day or next_monday(), time(hour, minute))


def booking(doctor_id: int, patient_id: int, start: datetime, minutes: int = 30, **extra: Any) -> dict[str, Any]:
    return {"doctor_id": doctor_id, "patient_id": patient_id, "starts_at": start,
            "ends_at": start + timedelta(minutes=minutes), **extra}


# --- the GUI (SQLite only: the services are proved on both backends above) -------

@pytest.fixture(scope="session", autouse=True)
def isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window state goes to a temporary INI folder, never the real user's settings."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("HeartbeatTests")
    QCoreApplication.setApplicationName("heartbeat-desktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))


@pytest.fixture
def gui_settings(tmp_path: Path, sqlite_template: Path) -> Settings:
    path = tmp_path / "gui.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return settings_at(tmp_path, sqlite_url(path))


@pytest.fixture
def services(gui_settings: Settings) -> Iterator[Heartbeat]:
    yield from opened(gui_settings)


@pytest.fixture
def gui_admin(services: Heartbeat) -> AuthSession:
    return first_admin(services)


@pytest.fixture
def admin_session(qtbot: Any, gui_admin: AuthSession) -> Any:
    """A SessionHolder for the administrator, as the main window holds it."""
    from heartbeat_desktop.ui.session import SessionHolder

    return SessionHolder(gui_admin)


def session_for(services: Heartbeat, admin: AuthSession, username: str, role: str) -> Any:
    from heartbeat_desktop.ui.session import SessionHolder

    make_user(services, admin.token, username, role)
    return SessionHolder(services.auth.login(username, STAFF_PASSWORD))


def type_text(widget: Any, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character.

    ``qtbot.keyClicks`` aborts the process on non-ASCII text (a qasciikey
    assertion), so Cyrillic is sent as key events that carry their text.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def pdf_text(path: Path) -> str:
    """The text of a PDF the app wrote, as a reader sees it: ligatures undone ("ﬁ" → "fi"),
    each run of tabs, spaces and line breaks one space."""
    import unicodedata

    import pypdf

    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())
