"""The audit log is append-only in the database and hash-chained: an edit made
behind the application's back is refused, or found by ``verify``."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from heartbeat_desktop.core.errors import PermissionDenied
from tests.helpers import make_user, patient_data


@pytest.fixture
def logged(hb, admin_token):
    """A few real entries: created, edited, deactivated."""
    patient = hb.patients.create(admin_token, patient_data())
    patient = hb.patients.set_active(admin_token, patient.id, False, patient.version)
    hb.patients.set_active(admin_token, patient.id, True, patient.version)
    return hb


def raw(hb, sql: str) -> None:
    with hb.ctx.db.engine.begin() as conn:
        conn.execute(text(sql))


def test_every_entry_is_chained_and_the_log_verifies(logged, admin_token):
    check = logged.audit.verify(admin_token)
    assert check.intact and check.problems == []
    assert check.entries == len(logged.audit.list(admin_token, limit=1000)) >= 4  # + the first admin


@pytest.mark.parametrize("sql", ["UPDATE audit_log SET username = 'someone else'",
                                 "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"])
def test_the_database_refuses_to_change_or_remove_an_entry(logged, admin_token, sql):
    before = logged.audit.list(admin_token, limit=1000)
    with pytest.raises(DBAPIError, match="append-only"):
        raw(logged, sql)
    assert logged.audit.list(admin_token, limit=1000) == before


def test_postgresql_refuses_to_empty_the_log(logged):
    if logged.ctx.db.dialect != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; its DELETE is refused above")
    with pytest.raises(DBAPIError, match="append-only"):
        raw(logged, "TRUNCATE audit_log")


def without_the_rule(hb, sql: str) -> None:
    """What someone with the database's own tools could do: lift the rule, edit, put it back."""
    if hb.ctx.db.dialect == "postgresql":
        raw(hb, f"ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change; {sql}; "
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change")
        return
    with hb.ctx.db.engine.begin() as conn:
        saved = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                  "AND tbl_name = 'audit_log'")).all()
        for name, _ in saved:
            conn.execute(text(f"DROP TRIGGER {name}"))
        conn.execute(text(sql))
        for _, create in saved:
            conn.execute(text(create))


def test_an_entry_edited_behind_the_apps_back_is_found(logged, admin_token):
    entries = sorted(logged.audit.list(admin_token, limit=1000), key=lambda e: e.id)
    victim = entries[2]
    without_the_rule(logged, f"UPDATE audit_log SET username = 'nobody' WHERE id = {victim.id}")
    check = logged.audit.verify(admin_token)
    assert not check.intact and len(check.problems) == 1  # the break is reported once
    assert check.problems[0].startswith(f"Entry {victim.id} ")
    assert check.entries == len(entries)


def test_an_entry_removed_from_the_middle_is_found(logged, admin_token):
    entries = sorted(logged.audit.list(admin_token, limit=1000), key=lambda e: e.id)
    without_the_rule(logged, f"DELETE FROM audit_log WHERE id = {entries[1].id}")
    check = logged.audit.verify(admin_token)
    assert [p.split(" ")[1] for p in check.problems] == [str(entries[2].id)]  # the one after the gap


def test_only_an_administrator_verifies(logged, admin_token):
    desk = make_user(logged, admin_token, "desk1", "receptionist")
    with pytest.raises(PermissionDenied):
        logged.audit.verify(desk)


def test_desks_writing_at_once_keep_one_chain(hb, admin_token):
    """Two desks appending at the same moment must not both chain onto the same last entry."""
    errors = []

    def desk(n: int) -> None:
        try:
            for i in range(5):
                hb.patients.create(admin_token, patient_data(last_name=f"Цепочкин{chr(0x430 + n)}{chr(0x430 + i)}",
                                                             phone=None))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = hb.audit.verify(admin_token)
    assert check.intact and check.entries >= 21
