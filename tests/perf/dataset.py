"""The measured database: made by ``demo-data`` on each backend, timed against a
raw ``executemany`` of the very same rows into an empty copy of the schema."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from heartbeat_desktop import migrations
from heartbeat_desktop.core.database import Database
from heartbeat_desktop.core.settings import Settings, load_settings, normalize_database_url, sqlite_url
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.demo_data import DemoDataRequest, DemoDataResult
from tests.perf.report import timed

TABLES = ("patients", "doctors", "working_hours", "appointments")  # in foreign-key order


@dataclass(frozen=True)
class Size:
    patients: int
    doctors: int
    appointments: int
    days_back: int
    days_ahead: int = 60

    def request(self) -> DemoDataRequest:
        return DemoDataRequest(patients=self.patients, doctors=self.doctors, appointments=self.appointments,
                               days_back=self.days_back, days_ahead=self.days_ahead, seed=20261127)


SIZES = {
    "smoke": Size(patients=2_000, doctors=40, appointments=10_000, days_back=120),
    "medium": Size(patients=10_000, doctors=60, appointments=100_000, days_back=700),
    "full": Size(patients=100_000, doctors=200, appointments=1_000_000, days_back=5 * 365 - 60),
}


@dataclass
class Prepared:
    backend: str
    url: str
    settings: Settings
    result: DemoDataResult
    generate_seconds: float
    raw_seconds: float


def new_database(backend: str, workdir: Path, name: str) -> tuple[str, Any]:
    """A migrated, empty database; returns its URL and a function that drops it."""
    if backend == "sqlite":
        path = workdir / f"{name}.sqlite3"
        path.unlink(missing_ok=True)
        url = sqlite_url(path)
        drop = lambda: None  # noqa: E731 - the work folder goes as a whole
    else:
        base = os.environ.get("PERF_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
        if not base:
            raise SystemExit("PostgreSQL needs PERF_DATABASE_URL or TEST_DATABASE_URL (a server where "
                             "databases may be created)")
        admin_url = make_url(normalize_database_url(base))
        db_name = f"heartbeat_perf_{name}_{uuid.uuid4().hex[:8]}"
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{db_name}"'))
        url = admin_url.set(database=db_name).render_as_string(hide_password=False)

        def drop() -> None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))
            admin.dispose()
    db = Database.connect(url)
    migrations.upgrade(db.engine)
    db.dispose()
    return url, drop


def settings_for(url: str, workdir: Path) -> Settings:
    env = {"DATABASE_URL": url, "HEARTBEAT_DATA_DIR": str(workdir / "data"),
           "HEARTBEAT_CONFIG_DIR": str(workdir / "config"), "HEARTBEAT_LOG_DIR": str(workdir / "log"),
           "SECRET_KEY": "perf-" + "k" * 60}
    return load_settings(env=env, allow_past_bookings=True)


@contextmanager
def raw_connection(url: str) -> Iterator[Any]:
    """The bare DB-API connection the baselines use: sqlite3 or psycopg, no SQLAlchemy."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        conn = sqlite3.connect(parsed.database, isolation_level=None)
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")
    else:
        import psycopg

        conn = psycopg.connect(parsed.set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        yield conn
    finally:
        conn.close()


def _columns(conn: Any, table: str, backend: str) -> list[str]:
    if backend == "sqlite":
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    cur = conn.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                       "ORDER BY ordinal_position", (table,))
    return [r[0] for r in cur.fetchall()]


def raw_copy_seconds(source_url: str, backend: str, workdir: Path) -> float:
    """Time a raw ``executemany`` of every generated row into an empty migrated database."""
    target_url, drop = new_database(backend, workdir, "raw_copy")
    try:
        rows: dict[str, tuple[list[str], list[tuple]]] = {}
        with raw_connection(source_url) as src:
            for table in TABLES:
                cols = _columns(src, table, backend)
                cur = src.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id")
                rows[table] = (cols, list(cur.fetchall()))
        mark = "?" if backend == "sqlite" else "%s"
        with raw_connection(target_url) as dst:
            def copy() -> None:
                if backend == "sqlite":
                    dst.execute("BEGIN IMMEDIATE")
                for table, (cols, data) in rows.items():
                    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"
                    if backend == "sqlite":
                        dst.executemany(sql, data)
                    else:
                        dst.cursor().executemany(sql, data)
                dst.commit() if backend != "sqlite" else dst.execute("COMMIT")
            return timed(copy)
    finally:
        drop()


def prepare(backend: str, size: Size, workdir: Path) -> tuple[Prepared, Any]:
    """Generate the data set (timed), then time the raw copy of the same rows."""
    url, drop = new_database(backend, workdir, "measured")
    settings = settings_for(url, workdir)
    with Heartbeat.open(settings) as app:
        holder: dict[str, DemoDataResult] = {}
        seconds = timed(lambda: holder.update(result=app.demo.generate_as_installer(size.request())))
    raw = raw_copy_seconds(url, backend, workdir)
    return Prepared(backend, url, settings, holder["result"], seconds, raw), drop
