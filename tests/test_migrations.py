"""The one migration history, on an empty database of each backend.

PostgreSQL runs in a throwaway database of its own (created and dropped here), so
downgrading never touches the database the other tests share.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from heartbeat_desktop import migrations
from heartbeat_desktop.core.database import Database
from heartbeat_desktop.core.errors import SchemaMismatch
from heartbeat_desktop.core.settings import load_settings, sqlite_url
from heartbeat_desktop.models import OVERLAP_CONSTRAINT, Base
from heartbeat_desktop.services import Heartbeat

TABLES = {"users", "patients", "doctors", "working_hours", "appointments", "audit_log", "time_off",
          "appointment_types", "appointment_status_changes", "waitlist", "appointment_series", "patient_merges"}
FUTURE = "9999_from_the_future"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database with nothing in it."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "empty.sqlite3")
        return
    server = make_url(request.getfixturevalue("postgres_url"))
    name = f"heartbeat_migrations_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db(empty_url: str) -> Iterator[Database]:
    database = Database.connect(empty_url)
    try:
        yield database
    finally:
        database.dispose()


def tables(db: Database) -> set[str]:
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def overlap_rule_works(db: Database) -> bool:
    """Insert two overlapping appointments with plain SQL; True if the second is refused."""
    moment = datetime(2031, 3, 3, 7, tzinfo=timezone.utc)
    if db.dialect == "sqlite":  # the stored text form (see UTCDateTime)
        moment = moment.replace(tzinfo=None)
    later = moment + timedelta(minutes=30)
    row = ("INSERT INTO appointments (doctor_id, patient_id, starts_at, ends_at, status, version, created_at,"
           " updated_at) VALUES (1, 1, :s, :e, 'scheduled', 1, :s, :s)")
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO patients (id, birth_date, is_active, last_name, first_name, name_key,"
                          " version, created_at, updated_at) VALUES (1, '1980-05-17', true, 'И', 'П', 'и п',"
                          " 1, :t, :t)"), {"t": moment})
        conn.execute(text("INSERT INTO doctors (id, specialty, is_active, last_name, first_name, name_key,"
                          " version, created_at, updated_at) VALUES (1, 'Т', true, 'П', 'М', 'п м', 1, :t, :t)"),
                     {"t": moment})
        conn.execute(text(row), {"s": moment, "e": later})
    try:
        with db.engine.begin() as conn:
            conn.execute(text(row), {"s": moment + timedelta(minutes=10), "e": later})
    except IntegrityError as exc:
        assert OVERLAP_CONSTRAINT in str(exc.orig)
        return True
    return False


def test_head_is_the_newest_revision():
    assert migrations.head_revision() == "0011"


def test_the_head_constant_is_alembics_head():
    """``migrations.HEAD`` lets a start skip Alembic; a new script must move it too."""
    assert migrations.HEAD == migrations.head_revision()


def test_opening_an_up_to_date_database_does_not_load_alembic(empty_url, tmp_path):
    """A third of a second of every start: Alembic is loaded only when a migration is due."""
    with Heartbeat.open(settings_for(empty_url, tmp_path)):
        pass  # migrates the new database (Alembic runs here)
    script = ("import sys; from heartbeat_desktop.services import Heartbeat; "
              "from heartbeat_desktop.core.settings import load_settings; "
              "Heartbeat.open(load_settings()).close(); "
              "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    env = {**os.environ, "DATABASE_URL": empty_url, "HEARTBEAT_DATA_DIR": str(tmp_path / "data"),
           "HEARTBEAT_CONFIG_DIR": str(tmp_path / "config"), "HEARTBEAT_LOG_DIR": str(tmp_path / "log")}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_upgrade_from_empty_to_head(db):
    assert migrations.current_revision(db.engine) is None
    assert migrations.check_compatible(db.engine) is None
    assert migrations.upgrade(db.engine) is True
    assert migrations.current_revision(db.engine) == migrations.head_revision()
    assert tables(db) == TABLES
    assert migrations.upgrade(db.engine) is False  # nothing left to do
    assert overlap_rule_works(db)


def insert_visit(db: Database, start: datetime, end: datetime) -> None:
    """One active appointment of doctor 1 and patient 1 (made by overlap_rule_works), in plain SQL."""
    if db.dialect == "sqlite":
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO appointments (doctor_id, patient_id, starts_at, ends_at, status, version, "
                          "created_at, updated_at) VALUES (1, 1, :s, :e, 'scheduled', 1, :s, :s)"),
                     {"s": start, "e": end})


def test_the_overlap_rule_sees_a_long_visit_begun_the_day_before(db):
    """The bounded check (0002) still finds an overlap with a visit that began nearly a day earlier."""
    migrations.upgrade(db.engine)
    assert overlap_rule_works(db)  # doctor and patient 1 exist now
    evening = datetime(2031, 5, 5, 18, tzinfo=timezone.utc)
    insert_visit(db, evening, evening + timedelta(hours=23, minutes=30))  # night duty: allowed
    with pytest.raises(IntegrityError, match=OVERLAP_CONSTRAINT):
        insert_visit(db, evening + timedelta(hours=23), evening + timedelta(hours=23, minutes=20))
    insert_visit(db, evening + timedelta(hours=23, minutes=30), evening + timedelta(hours=24))  # right after


def test_the_database_refuses_a_visit_longer_than_a_day(db):
    migrations.upgrade(db.engine)
    start = datetime(2031, 6, 1, 8, tzinfo=timezone.utc)
    with pytest.raises(IntegrityError, match="appointments_at_most_a_day"):
        insert_visit(db, start, start + timedelta(days=1, minutes=5))


def test_migrated_schema_matches_the_models(db):
    migrations.upgrade(db.engine)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_base_and_upgrade_again(db):
    migrations.upgrade(db.engine)
    migrations.downgrade(db.engine, "base")
    assert migrations.current_revision(db.engine) is None
    assert tables(db) == set()
    if db.dialect == "sqlite":
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).scalar() == 0
    migrations.upgrade(db.engine)
    assert migrations.current_revision(db.engine) == migrations.head_revision()
    assert tables(db) == TABLES
    assert overlap_rule_works(db)


def stamp_future(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE})


def test_a_newer_schema_is_refused(db):
    migrations.upgrade(db.engine)
    stamp_future(db)
    with pytest.raises(SchemaMismatch) as caught:
        migrations.check_compatible(db.engine)
    assert FUTURE in str(caught.value)
    assert "newer version of Heartbeat Desktop" in str(caught.value)
    with pytest.raises(SchemaMismatch):
        migrations.upgrade(db.engine)
    assert migrations.current_revision(db.engine) == FUTURE  # left alone


def settings_for(url: str, tmp_path: Path):  # noqa: ANN201
    env = {"HEARTBEAT_DATA_DIR": str(tmp_path / "data"), "HEARTBEAT_CONFIG_DIR": str(tmp_path / "config"),
           "HEARTBEAT_LOG_DIR": str(tmp_path / "log"), "DATABASE_URL": url}
    return load_settings(env=env, clinic_timezone="Europe/Moscow")


def test_heartbeat_open_migrates_an_empty_database(empty_url, tmp_path):
    with Heartbeat.open(settings_for(empty_url, tmp_path)) as hb:
        assert migrations.current_revision(hb.ctx.db.engine) == migrations.head_revision()
        assert hb.auth.has_users() is False


def test_heartbeat_open_refuses_a_newer_schema(db, empty_url, tmp_path):
    migrations.upgrade(db.engine)
    stamp_future(db)
    db.dispose()
    settings = settings_for(empty_url, tmp_path)
    for migrate in (True, False):
        with pytest.raises(SchemaMismatch, match="newer version"):
            Heartbeat.open(settings, migrate=migrate)


def test_heartbeat_open_without_migrating_leaves_an_empty_database_alone(empty_url, tmp_path):
    Heartbeat.open(settings_for(empty_url, tmp_path), migrate=False).close()
    check = create_engine(empty_url)
    try:
        assert set(inspect(check).get_table_names()) == set()
    finally:
        check.dispose()


def test_entries_written_before_0003_are_chained_in_their_order(db):
    """The upgrade digests the log as it stands; what the app appends next continues that chain."""
    from sqlalchemy.orm import Session

    from heartbeat_desktop.core.audit_chain import GENESIS, digest_of
    from heartbeat_desktop.models import AuditEntry
    from heartbeat_desktop.repositories.audit import AuditRepository

    migrations.upgrade(db.engine, "0002")
    with db.engine.begin() as conn:
        for i, changes in enumerate(['{"last_name": ["Иванов", "Петров"]}', None, '{"n": 1}']):
            conn.execute(text("INSERT INTO audit_log (at, username, action, entity, entity_id, changes) "
                              "VALUES (:at, 'admin', 'update', 'patient', :i, :c)"),
                         {"at": f"2026-0{i + 1}-02 10:00:00.000000", "i": i, "c": changes})
    migrations.upgrade(db.engine)
    with Session(db.engine) as session:
        AuditRepository(session).append(AuditEntry(username="admin", action="create", entity="patient"))
        session.commit()
        rows = list(AuditRepository(session).walk())
    assert len(rows) == 4 and all(row.chain for row in rows)
    previous = GENESIS
    for row in rows:
        assert row.chain == digest_of(row, previous)
        previous = row.chain
    migrations.downgrade(db.engine, "0002")  # and back: the column and the rule go
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))
    assert "chain" not in {c["name"] for c in inspect(db.engine).get_columns("audit_log")}


def test_heartbeat_open_keeps_a_copy_of_an_older_sqlite_database_before_migrating_it(db, empty_url, tmp_path):
    import sqlite3

    migrations.upgrade(db.engine, "0002")
    db.dispose()
    settings = settings_for(empty_url, tmp_path)
    with Heartbeat.open(settings) as hb:
        assert migrations.current_revision(hb.ctx.db.engine) == migrations.HEAD
    kept = list(settings.backup_dir.glob("heartbeat-0002-before-upgrade-*.sqlite3"))
    if db.dialect == "postgresql":
        assert kept == []  # the server's own backups are its administrator's
        return
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
    with Heartbeat.open(settings):  # up to date now: nothing more is copied
        pass
    assert len(list(settings.backup_dir.glob("*.sqlite3"))) == 1


def test_0011_fills_the_match_keys_of_registered_patients_and_goes_back(db):
    """The duplicate check's keys are written for the patients already there; down removes them and the
    merges table, and up again fills them again."""
    migrations.upgrade(db.engine, "0010")
    moment = datetime(2026, 1, 2, 10, tzinfo=timezone.utc)
    with db.engine.begin() as conn:
        for pid, last, first in ((1, "Иванов", "Пётр"), (2, "Smith", "John")):
            conn.execute(text("INSERT INTO patients (id, birth_date, is_active, last_name, first_name, name_key,"
                              " version, created_at, updated_at) VALUES (:i, '1980-05-17', true, :l, :f, 'k',"
                              " 1, :t, :t)"), {"i": pid, "l": last, "f": first,
                                                "t": moment.replace(tzinfo=None) if db.dialect == "sqlite" else moment})
    migrations.upgrade(db.engine, "0011")
    keys = "SELECT id, match_last, match_last_reversed, match_first, merged_into_id FROM patients ORDER BY id"
    with db.engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(text(keys))] == [(1, "ivanov", "vonavi", "petr", None),
                                                                (2, "smith", "htims", "iohn", None)]
    assert "patient_merges" in tables(db)
    migrations.downgrade(db.engine, "0010")
    assert "patient_merges" not in tables(db)
    assert not {"match_last", "match_first", "merged_into_id"} & {c["name"] for c in
                                                                  inspect(db.engine).get_columns("patients")}
    migrations.upgrade(db.engine)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT match_first FROM patients WHERE id = 1")).scalar() == "petr"
