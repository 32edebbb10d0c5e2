"""Daily automatic backups and restoring from a backup (SQLite; PostgreSQL is the server's job)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from heartbeat_desktop.core.errors import Conflict, NotFound, PermissionDenied
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.backup import BackupNotSupported
from heartbeat_desktop.services.restore import RestoreRefused
from tests.helpers import first_admin, make_user, patient_data, settings_at


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
    assert done.revision == "0003"
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


def test_only_an_administrator_restores_and_a_server_is_pointed_at_pg_restore(hb, admin_token, tmp_path):
    desk_token = make_user(hb, admin_token, "desk1", "receptionist")
    with pytest.raises(PermissionDenied):
        hb.restore.restore(desk_token, tmp_path / "x.sqlite3")
    if hb.ctx.db.dialect == "postgresql":
        with pytest.raises(BackupNotSupported) as refused:
            hb.restore.restore(admin_token, tmp_path / "x.dump")
        assert refused.value.command.startswith("pg_restore --clean")
        assert "pg_restore" in str(refused.value)
