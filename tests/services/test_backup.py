"""Backups: a verified SQLite copy; PostgreSQL is pointed at pg_dump."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from heartbeat_desktop import migrations
from heartbeat_desktop.core.errors import Conflict, PermissionDenied
from heartbeat_desktop.core.settings import load_settings, sqlite_url
from heartbeat_desktop.services import Heartbeat, pg_tools
from heartbeat_desktop.services.backup import BackupNotSupported, BackupTargetExists, pg_dump_command

from tests.helpers import ON_POSTGRESQL

def names(app: Heartbeat, token: str) -> list[str]:
    return [p.full_name for p in app.patients.search(token, limit=1000)]


@pytest.fixture
def sqlite_hb(tmp_path: Path, sqlite_template: Path):
    """A SQLite-only Heartbeat, for the details of the file copy."""
    path = tmp_path / "live.sqlite3"
    shutil.copyfile(sqlite_template, path)
    app = Heartbeat.open(load_settings(env={"DATABASE_URL": sqlite_url(path),
                                            "HEARTBEAT_CONFIG_DIR": str(tmp_path / "config")}))
    yield app
    app.close()


def test_backup_copies_the_data_or_dumps_the_server(hb, admin_token, tmp_path):
    hb.demo.generate(admin_token, seed=4, patients=60, doctors=2, appointments=40)
    target = tmp_path / "new" / "folders" / "copy.sqlite3"

    if hb.ctx.db.dialect == "postgresql":  # pg_dump runs here (CI installs the server, and with it the tools)
        dump = tmp_path / "new" / "clinic.dump"
        result = hb.backup.backup(admin_token, dump)
        assert result.path == dump and result.size_bytes == dump.stat().st_size > 0
        assert dump.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
        assert pg_tools.archive_revision(hb.ctx.db.engine.url, dump) == migrations.HEAD
        assert sorted(p.name for p in dump.parent.iterdir()) == ["clinic.dump"]  # no partial file left
        assert [e.action for e in hb.audit.list(admin_token, action="backup")] == ["backup"]
        return

    result = hb.backup.backup(admin_token, target)
    assert result.path == target and result.size_bytes == target.stat().st_size > 0
    assert result.integrity == "ok"
    copy = Heartbeat.open(hb.ctx.settings.replace(database_url=sqlite_url(target)), migrate=False)
    try:
        token = copy.auth.login("admin", "Adm1n-passw0rd").token
        assert names(copy, token) == names(hb, admin_token) and len(names(copy, token)) == 60
    finally:
        copy.close()
    assert [e.action for e in hb.audit.list(admin_token, action="backup")] == ["backup"]


def test_only_administrators_may_back_up(hb, desk_token, tmp_path):
    with pytest.raises(PermissionDenied):
        hb.backup.backup(desk_token, tmp_path / "copy.sqlite3")
    assert not (tmp_path / "copy.sqlite3").exists()


def test_the_copy_is_one_self_contained_verified_file(sqlite_hb, tmp_path):
    sqlite_hb.demo.generate_as_installer(seed=1, patients=25, doctors=1, appointments=10)
    target = tmp_path / "backups" / "copy.sqlite3"
    sqlite_hb.backup.backup_as_installer(target)

    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]  # no WAL, no leftovers
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] == 25
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    conn.close()


def test_an_existing_file_is_kept_unless_overwriting_is_allowed(sqlite_hb, tmp_path):
    target = tmp_path / "copy.sqlite3"
    target.write_bytes(b"precious")
    with pytest.raises(BackupTargetExists):
        sqlite_hb.backup.backup_as_installer(target)
    assert target.read_bytes() == b"precious"

    sqlite_hb.backup.backup_as_installer(target, overwrite=True)
    assert target.read_bytes().startswith(b"SQLite format 3\x00")


def test_the_database_file_itself_and_folders_are_refused(sqlite_hb, tmp_path):
    live = Path(sqlite_hb.ctx.db.engine.url.database)
    with pytest.raises(Conflict):
        sqlite_hb.backup.backup_as_installer(live, overwrite=True)
    with pytest.raises(Conflict):
        sqlite_hb.backup.backup_as_installer(tmp_path)


def test_a_copy_that_does_not_verify_leaves_nothing(sqlite_hb, tmp_path, monkeypatch):
    import heartbeat_desktop.services.backup as backup

    monkeypatch.setattr(backup, "integrity", lambda path: "*** in database main *** Page 3: never used")
    with pytest.raises(backup.BackupFailed):
        sqlite_hb.backup.backup_as_installer(tmp_path / "copy.sqlite3")
    assert list(tmp_path.glob("*copy.sqlite3*")) == []


@ON_POSTGRESQL
def test_without_pg_dump_on_this_computer_the_message_gives_the_command(hb, admin_token, tmp_path, monkeypatch):
    monkeypatch.setattr(pg_tools, "find", lambda tool: None)  # a desk without PostgreSQL's client tools
    target = tmp_path / "copy.dump"
    url = hb.ctx.db.engine.url
    with pytest.raises(BackupNotSupported) as refused:
        hb.backup.backup(admin_token, target)
    command = refused.value.command
    assert command.startswith("pg_dump ") and str(target) in command
    for part in (f"--host={url.host}", f"--port={url.port or 5432}", f"--username={url.username}", url.database):
        assert part in command
    assert "not installed on this computer" in str(refused.value)
    assert not target.exists()


def test_a_failing_pg_dump_says_why_without_the_password(tmp_path):
    url = make_url("postgresql+psycopg://clinic:s3cret@127.0.0.1:1/heartbeat")  # nothing listens on port 1
    if pg_tools.find("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    with pytest.raises(pg_tools.ToolFailed) as failed:
        pg_tools.dump(url, tmp_path / "x.dump")
    assert "pg_dump failed" in str(failed.value) and "s3cret" not in str(failed.value)
    assert list(tmp_path.iterdir()) == []


def test_the_pg_dump_command_never_shows_the_password():
    url = make_url("postgresql+psycopg://clinic:s3cret@db.example:6543/heartbeat")
    command = pg_dump_command(url, Path("/backups/my clinic.dump"))
    assert "s3cret" not in command
    assert command == ("pg_dump --host=db.example --port=6543 --username=clinic --format=custom "
                       "'--file=/backups/my clinic.dump' heartbeat")
