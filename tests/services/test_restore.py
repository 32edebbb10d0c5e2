"""Daily automatic backups (SQLite) and restoring from a backup (SQLite, and PostgreSQL with pg_restore)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from heartbeat_desktop import migrations
from heartbeat_desktop.core.errors import Conflict, NotFound, PermissionDenied
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services import pg_tools
from heartbeat_desktop.services.backup import BackupNotSupported
from heartbeat_desktop.services.restore import RestoreRefused
from tests.helpers import ON_POSTGRESQL, first_admin, make_user, patient_data, settings_at


@pytest.fixture
def desk(tmp_path: Path, sqlite_template: Path):
    """A desk on its own SQLite file, with its data folder (and so its backups) in tmp_path."""
    path = tmp_path / "data" / "heartbeat.sqlite3"
    path.parent.mkdir(parents=True)
    shutil.copyfile(sqlite_template, path)
    app = Heartbeat.open(settings_at(tmp_path, f"sqlite:///{path}"))
    yield app, first_admin(app).token
    app.close()


def names(app: Heartbeat, token: str) -> list[str]:
    return sorted(p.last_name for p in app.patients.search(token, limit=100))


def test_the_days_first_start_backs_up_once_and_keeps_the_last_fourteen(desk):
    app, token = desk
    folder = app.ctx.settings.backup_dir
    folder.mkdir(parents=True)
    today = app.ctx.now().astimezone(app.ctx.zone).date()
    older = [today - timedelta(days=n) for n in range(1, 17)]
    for day in older:  # sixteen earlier days' backups
        (folder / f"heartbeat-{day:%Y-%m-%d}.sqlite3").write_bytes(b"")
    (folder / "my own copy.sqlite3").write_bytes(b"")  # not ours: never removed

    made = app.backup.daily()
    assert made is not None and made.path == folder / f"heartbeat-{today:%Y-%m-%d}.sqlite3" and made.integrity == "ok"
    assert app.backup.daily() is None  # the second start of the day
    kept = sorted(p.name for p in folder.glob("heartbeat-*.sqlite3"))
    assert kept == sorted(f"heartbeat-{d:%Y-%m-%d}.sqlite3" for d in [today, *older[:13]])
    assert (folder / "my own copy.sqlite3").exists()
    assert [e.action for e in app.audit.list(token, action="backup")] == ["backup"]


def test_daily_backups_can_be_turned_off_and_a_server_does_its_own(desk, hb):
    app, _token = desk
    app.ctx.settings = app.ctx.settings.replace(daily_backups=0)
    assert app.backup.daily() is None and not app.ctx.settings.backup_dir.exists()
    if hb.ctx.db.dialect == "postgresql":
        assert hb.backup.daily() is None


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(desk, tmp_path):
    app, token = desk
    app.patients.create(token, patient_data(last_name="Былов", phone=None))
    backup = app.backup.backup(token, tmp_path / "monday.sqlite3").path
    app.patients.create(token, patient_data(last_name="Новиков", phone=None))

    done = app.restore.restore(token, backup)
    assert names(app, token) == ["Былов"]  # as on Monday
    with sqlite3.connect(done.replaced_copy) as kept:  # and what stood before, kept beside the database
        assert sorted(r[0] for r in kept.execute("SELECT last_name FROM patients")) == ["Былов", "Новиков"]
    assert done.revision == migrations.HEAD
    assert [e.action for e in app.audit.list(token, limit=5)][0] == "restore"
    assert app.audit.verify(token).intact  # the restored log, and the entry appended to it


@pytest.mark.parametrize("damage", ["text", "newer", "missing", "itself"])
def test_a_file_that_is_not_a_sound_backup_changes_nothing(desk, tmp_path, damage):
    app, token = desk
    app.patients.create(token, patient_data(last_name="Целов", phone=None))
    path = tmp_path / "suspect.sqlite3"
    if damage == "text":
        path.write_text("не база данных")
    elif damage == "newer":
        app.backup.backup(token, path)
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    elif damage == "itself":
        path = Path(str(app.ctx.db.engine.url.database))
    error, words = {"text": (RestoreRefused, "not a Heartbeat Desktop backup"),
                    "newer": (RestoreRefused, "newer version"), "missing": (NotFound, "There is no backup"),
                    "itself": (Conflict, "the database itself")}[damage]
    with pytest.raises(error, match=words):
        app.restore.restore(token, path)
    assert names(app, token) == ["Целов"]
    live = Path(str(app.ctx.db.engine.url.database))
    assert not list(live.parent.glob("*.replaced-*"))  # refused before anything was touched


def test_only_an_administrator_restores(hb, admin_token, tmp_path):
    desk_token = make_user(hb, admin_token, "desk1", "receptionist")
    with pytest.raises(PermissionDenied):
        hb.restore.restore(desk_token, tmp_path / "x.sqlite3")


@ON_POSTGRESQL
def test_a_server_is_restored_with_pg_restore_keeping_what_it_replaced(hb, admin_token, tmp_path):
    hb.patients.create(admin_token, patient_data(last_name="Былов", phone=None))
    backup = hb.backup.backup(admin_token, tmp_path / "monday.dump").path
    hb.patients.create(admin_token, patient_data(last_name="Новиков", phone=None))

    done = hb.restore.restore(admin_token, backup)
    assert names(hb, admin_token) == ["Былов"]  # as on Monday
    assert done.revision == migrations.HEAD and done.replaced_copy.parent == hb.ctx.settings.backup_dir
    assert done.replaced_copy.read_bytes().startswith(b"PGDMP")
    assert [e.action for e in hb.audit.list(admin_token, limit=5)][0] == "restore"
    assert hb.audit.verify(admin_token).intact
    # the kept copy restores the data as it stood before
    hb.restore.restore(admin_token, done.replaced_copy)
    assert names(hb, admin_token) == ["Былов", "Новиков"]


@ON_POSTGRESQL
@pytest.mark.parametrize("damage", ["text", "not ours", "missing"])
def test_a_file_that_is_not_a_heartbeat_dump_changes_nothing_on_a_server(hb, admin_token, tmp_path, damage):
    hb.patients.create(admin_token, patient_data(last_name="Целов", phone=None))
    path = tmp_path / "suspect.dump"
    if damage == "text":
        path.write_text("не база данных")
    elif damage == "not ours":  # a real pg_dump archive, of a database without Heartbeat's tables
        url = hb.ctx.db.engine.url
        from sqlalchemy import create_engine, text

        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS heartbeat_not_ours"))
            conn.execute(text("CREATE DATABASE heartbeat_not_ours"))
        try:
            pg_tools.dump(url.set(database="heartbeat_not_ours"), path)
        finally:
            with admin.connect() as conn:
                conn.execute(text("DROP DATABASE heartbeat_not_ours"))
            admin.dispose()
    words = {"text": "not a PostgreSQL backup", "not ours": "not a Heartbeat Desktop backup",
             "missing": "There is no backup"}[damage]
    with pytest.raises((RestoreRefused, NotFound), match=words):
        hb.restore.restore(admin_token, path)
    assert names(hb, admin_token) == ["Целов"]
    assert not hb.ctx.settings.backup_dir.exists() or not list(hb.ctx.settings.backup_dir.glob("*.replaced-*"))


@ON_POSTGRESQL
def test_without_pg_restore_on_this_computer_the_message_gives_the_command(hb, admin_token, tmp_path,
                                                                           monkeypatch):
    monkeypatch.setattr(pg_tools, "find", lambda tool: None)
    with pytest.raises(BackupNotSupported) as refused:
        hb.restore.restore(admin_token, tmp_path / "x.dump")
    assert refused.value.command.startswith("pg_restore --clean")
    assert "not installed on this computer" in str(refused.value)
