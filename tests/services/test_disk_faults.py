"""Disk faults on the desk's SQLite file: a read-only file, a full disk, a folder that
cannot be made. Each is a clear message; nothing half-written stays behind."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select

from heartbeat_desktop.core.errors import DatabaseUnavailable
from heartbeat_desktop.core.settings import sqlite_url
from heartbeat_desktop.models import Appointment, Patient
from heartbeat_desktop.services import Heartbeat
from tests.helpers import patient_data, settings_at


def rows(app: Heartbeat, model) -> int:  # noqa: ANN001
    with app.ctx.db.read_sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def on_every_connection(app: Heartbeat, pragma: str) -> None:
    """From now on each of the app's connections runs ``pragma`` (as the fault would be there)."""
    app.ctx.db.engine.dispose()
    event.listen(app.ctx.db.engine, "connect", lambda conn, _record: conn.execute(pragma))


def test_a_read_only_database_file_is_said_plainly_and_nothing_is_saved(services, gui_admin):
    before = rows(services, Patient)
    on_every_connection(services, "PRAGMA query_only = ON")  # what SQLite says for a read-only file
    with pytest.raises(DatabaseUnavailable, match=r"read-only\)\. Nothing was saved"):
        services.patients.create(gui_admin.token, patient_data())
    assert rows(services, Patient) == before


def test_a_full_disk_is_said_plainly_and_a_bulk_load_leaves_nothing(services, gui_admin):
    with services.ctx.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    on_every_connection(services, f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up after two pages
    with pytest.raises(DatabaseUnavailable, match="disk holding the database is full"):
        services.demo.generate(gui_admin.token, patients=2000, doctors=3, appointments=500, seed=1)
    assert (rows(services, Patient), rows(services, Appointment)) == (0, 0)  # all or nothing


def test_a_folder_that_cannot_be_made_is_said_plainly(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    settings = settings_at(tmp_path, sqlite_url(blocker / "heartbeat.sqlite3"))
    with pytest.raises(DatabaseUnavailable, match="cannot be created or written to"):
        Heartbeat.open(settings)
