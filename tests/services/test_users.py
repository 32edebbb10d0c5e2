"""Staff accounts, managed by an administrator (UserService).

Accounts a test only needs to exist are inserted with a hash computed once per
module; creating and changing accounts always goes through the service.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta, timezone

import pytest

from heartbeat_desktop.core.errors import (
    AuthenticationFailed,
    Conflict,
    NotFound,
    PermissionDenied,
    SessionExpired,
    StaleRecord,
    ValidationFailed,
)
from heartbeat_desktop.models import User
from heartbeat_desktop.schemas import UserRead
from heartbeat_desktop.services import Heartbeat, users as users_module
from heartbeat_desktop.services.context import SYSTEM
from tests.helpers import STAFF_PASSWORD, add_user, audit_rows, staff_hash, token_for

STAFF_HASH = staff_hash()
NEW_PASSWORD = "Temp-passw0rd-9"




@pytest.fixture
def boss(hb: Heartbeat) -> tuple[int, str]:
    """An administrator's id and session token, without paying for a login."""
    uid = add_user(hb, "boss", "admin")
    return uid, token_for(hb, uid)




def stored(hb: Heartbeat, user_id: int) -> User:
    with hb.ctx.uow() as uow:
        user = uow.users.get(user_id)
        assert user is not None
        uow.session.expunge_all()
        return user


def update(hb: Heartbeat, token: str, user: UserRead, **changes: object) -> UserRead:
    data = {"full_name": user.full_name, "role": user.role, "is_active": user.is_active,
            "version": user.version, **changes}
    return hb.users.update(token, user.id, data)


def active_admins(hb: Heartbeat) -> int:
    with hb.ctx.uow() as uow:
        return uow.users.active_admin_count()


# --- creating -------------------------------------------------------------------------

def test_create_user(hb, boss):
    boss_id, token = boss
    created = hb.users.create(token, {"username": "Dr.House", "full_name": "  Грегори   Хаус ",
                                      "password": STAFF_PASSWORD, "role": "doctor"})
    assert (created.username, created.full_name, created.role) == ("Dr.House", "Грегори Хаус", "doctor")
    assert created.is_active and not created.must_change_password and created.version == 1
    assert created.locked_until is None and created.last_login_at is None
    assert created.display_name == "Грегори Хаус"
    assert [u.username for u in hb.users.list(token)] == ["boss", "Dr.House"]
    assert hb.users.get(token, created.id) == created
    assert stored(hb, created.id).password_hash.startswith("$argon2id$")
    assert hb.auth.login("dr.house", STAFF_PASSWORD).user.id == created.id

    [entry] = audit_rows(hb, "create")
    assert (entry.user_id, entry.username, entry.entity, entry.entity_id) == (boss_id, "boss", "user", created.id)
    assert entry.changes == {"username": "Dr.House", "full_name": "Грегори Хаус", "role": "doctor",
                             "is_active": True, "must_change_password": False, "can_overbook": False}
    assert STAFF_PASSWORD not in json.dumps(entry.changes) and "argon2" not in json.dumps(entry.changes)


def test_default_role_is_receptionist(hb, boss):
    created = hb.users.create(boss[1], {"username": "desk", "password": STAFF_PASSWORD})
    assert created.role == "receptionist"


@pytest.mark.parametrize("existing", ["desk", "DESK", "Desk"])
def test_user_names_are_unique_whatever_the_case(hb, boss, existing):
    add_user(hb, existing)
    with pytest.raises(ValidationFailed) as caught:
        hb.users.create(boss[1], {"username": "dEsK", "password": STAFF_PASSWORD})
    assert list(caught.value.field_errors) == ["username"]
    assert len(hb.users.list(boss[1])) == 2


@pytest.mark.parametrize("data, field", [
    ({"username": "with space", "password": STAFF_PASSWORD}, "username"),
    ({"username": "", "password": STAFF_PASSWORD}, "username"),
    ({"username": "x" * 65, "password": STAFF_PASSWORD}, "username"),
    ({"username": "desk", "password": "short1"}, "password"),
    ({"username": "desk", "password": "lettersonly"}, "password"),
    ({"username": "desk", "password": "12345678"}, "password"),
    ({"username": "desk-01", "password": "DESK-01"}, "password"),
    ({"username": "desk", "password": STAFF_PASSWORD, "role": "superuser"}, "role"),
    ({"username": "desk", "password": STAFF_PASSWORD, "full_name": "Анна\x00"}, "full_name"),
    ({"username": "desk", "password": STAFF_PASSWORD, "full_name": "A" * 201}, "full_name"),
])
def test_invalid_accounts_are_refused_per_field(hb, boss, data, field):
    with pytest.raises(ValidationFailed) as caught:
        hb.users.create(boss[1], data)
    assert field in caught.value.field_errors
    assert len(hb.users.list(boss[1])) == 1
    assert audit_rows(hb, "create") == []


def test_installer_can_create_an_account_without_a_session(hb):
    created = hb.users.create_as_installer({"username": "root", "password": STAFF_PASSWORD, "role": "admin"},
                                           SYSTEM)
    assert created.role == "admin"
    [entry] = audit_rows(hb, "create")
    assert (entry.user_id, entry.username) == (None, "system")


# --- updating -------------------------------------------------------------------------

def test_update_role_name_and_active(hb, boss):
    token = boss[1]
    uid = add_user(hb, "desk")
    user = hb.users.get(token, uid)
    changed = update(hb, token, user, full_name="  Дарья  Стойкова ", role="doctor")
    assert (changed.full_name, changed.role, changed.is_active) == ("Дарья Стойкова", "doctor", True)
    assert changed.version == user.version + 1
    off = update(hb, token, changed, is_active=False)
    assert off.is_active is False and off.version == changed.version + 1
    assert hb.users.get(token, uid) == off

    entries = audit_rows(hb, "update")
    assert [e.changes for e in entries] == [
        {"full_name": ["Desk", "Дарья Стойкова"], "role": ["receptionist", "doctor"]},
        {"is_active": [True, False]},
    ]
    assert {(e.user_id, e.entity, e.entity_id) for e in entries} == {(boss[0], "user", uid)}


def test_saving_without_changes_writes_no_audit_row(hb, boss):
    uid = add_user(hb, "desk")
    user = hb.users.get(boss[1], uid)
    same = update(hb, boss[1], user)
    assert same.version == user.version
    assert audit_rows(hb, "update") == []


def test_stale_version_is_refused(hb, boss):
    token = boss[1]
    uid = add_user(hb, "desk")
    opened_here = hb.users.get(token, uid)
    saved_elsewhere = update(hb, token, opened_here, full_name="Elsewhere")
    with pytest.raises(StaleRecord) as caught:
        update(hb, token, opened_here, full_name="Here")
    assert caught.value.current_version == saved_elsewhere.version
    assert hb.users.get(token, uid).full_name == "Elsewhere"


def test_update_or_reset_of_a_missing_account(hb, boss):
    with pytest.raises(NotFound):
        hb.users.get(boss[1], 999)
    with pytest.raises(NotFound):
        hb.users.update(boss[1], 999, {"role": "admin", "version": 1})
    with pytest.raises(NotFound):
        hb.users.reset_password(boss[1], 999, NEW_PASSWORD)


def test_update_form_is_validated(hb, boss):
    uid = add_user(hb, "desk")
    with pytest.raises(ValidationFailed) as caught:
        hb.users.update(boss[1], uid, {"role": "root", "version": 1})
    assert "role" in caught.value.field_errors
    with pytest.raises(ValidationFailed) as caught:
        hb.users.update(boss[1], uid, {"role": "doctor", "full_name": "x\x07y", "version": 1})
    assert "full_name" in caught.value.field_errors


# --- the last administrator ---------------------------------------------------------------

def test_last_active_admin_can_be_neither_deactivated_nor_demoted(hb, boss):
    uid, token = boss
    me = hb.users.get(token, uid)
    with pytest.raises(Conflict):
        update(hb, token, me, is_active=False)
    with pytest.raises(Conflict):
        update(hb, token, me, role="receptionist")
    with pytest.raises(Conflict):
        update(hb, token, me, role="doctor", is_active=False)
    assert hb.users.get(token, uid) == me
    assert update(hb, token, me, full_name="Still Admin").full_name == "Still Admin"


def test_an_inactive_admin_does_not_count(hb, boss):
    uid, token = boss
    add_user(hb, "sleeping", "admin", active=False)
    with pytest.raises(Conflict):
        update(hb, token, hb.users.get(token, uid), role="receptionist")


def test_one_of_two_admins_can_step_down(hb, boss):
    uid, token = boss
    other_id = add_user(hb, "second", "admin")
    other = update(hb, token, hb.users.get(token, other_id), role="receptionist")
    assert other.role == "receptionist"
    with pytest.raises(Conflict):
        update(hb, token, hb.users.get(token, uid), is_active=False)
    assert active_admins(hb) == 1
    # an inactive admin may be edited, or reactivated, freely
    off_id = add_user(hb, "former", "admin", active=False)
    assert update(hb, token, hb.users.get(token, off_id), role="doctor").role == "doctor"


def test_two_admins_demoting_each_other_at_once_leave_one(hb, boss, monkeypatch):
    """Two desks, two admins, each demotes the other at the same moment."""
    a_id, a_token = boss
    b_id = add_user(hb, "second", "admin")
    b_token = token_for(hb, b_id)
    a, b = hb.users.get(a_token, a_id), hb.users.get(a_token, b_id)

    both_checked = threading.Barrier(2)
    real_diff = users_module.diff

    def diff_after_both_checked(before, after):  # runs after the last-admin check, before commit
        try:
            both_checked.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass  # the other desk is waiting for us: that is the point
        return real_diff(before, after)

    monkeypatch.setattr(users_module, "diff", diff_after_both_checked)
    outcomes: dict[str, object] = {}

    def demote(name: str, token: str, user: UserRead) -> None:
        try:
            outcomes[name] = update(hb, token, user, role="receptionist")
        except Exception as exc:  # noqa: BLE001 - recorded and asserted below
            outcomes[name] = exc

    threads = [threading.Thread(target=demote, args=("a demotes b", a_token, b)),
               threading.Thread(target=demote, args=("b demotes a", b_token, a))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert active_admins(hb) == 1, outcomes
    kinds = sorted(type(v).__name__ for v in outcomes.values())
    assert kinds in (["AuthenticationFailed", "UserRead"], ["Conflict", "UserRead"],
                     ["PermissionDenied", "UserRead"]), outcomes


# --- passwords ---------------------------------------------------------------------------

def test_reset_password(hb, boss):
    uid = add_user(hb, "desk", locked_until=datetime.now(timezone.utc) + timedelta(minutes=10))
    before = stored(hb, uid)
    result = hb.users.reset_password(boss[1], uid, NEW_PASSWORD)
    assert result.must_change_password is True and result.locked_until is None
    assert result == hb.users.get(boss[1], uid)  # the version it shows can be saved
    after = stored(hb, uid)
    assert after.password_hash != before.password_hash and after.password_hash.startswith("$argon2id$")
    session = hb.auth.login("desk", NEW_PASSWORD)  # the lock was lifted too
    assert session.user.must_change_password is True
    with pytest.raises(AuthenticationFailed):
        hb.auth.login("desk", STAFF_PASSWORD)

    [entry] = audit_rows(hb, "reset_password")
    assert (entry.user_id, entry.entity_id) == (boss[0], uid)
    assert NEW_PASSWORD not in json.dumps(entry.changes) and "argon2" not in json.dumps(entry.changes)


@pytest.mark.parametrize("password", ["short1", "onlyletters", "Desk"])
def test_reset_password_checks_the_rules(hb, boss, password):
    uid = add_user(hb, "desk")
    with pytest.raises(ValidationFailed) as caught:
        hb.users.reset_password(boss[1], uid, password)
    assert list(caught.value.field_errors) == ["password"]
    assert stored(hb, uid).password_hash == STAFF_HASH
    assert audit_rows(hb, "reset_password") == []


def test_reset_password_ends_the_users_sessions(hb, boss):
    uid = add_user(hb, "desk")
    token = token_for(hb, uid)
    assert hb.patients.count(token) == 0
    hb.users.reset_password(boss[1], uid, NEW_PASSWORD)
    with pytest.raises(AuthenticationFailed) as caught:
        hb.patients.count(token)  # whoever held the old password is out at once
    assert not isinstance(caught.value, SessionExpired) and "password" in str(caught.value)
    assert hb.users.list(boss[1])  # the admin's own session is untouched


def test_change_password_wrong_old_password(hb):
    uid = add_user(hb, "desk")
    with pytest.raises(ValidationFailed) as caught:
        hb.auth.change_password(token_for(hb, uid), "Not-the-passw0rd", NEW_PASSWORD)
    assert list(caught.value.field_errors) == ["old_password"]
    assert stored(hb, uid).password_hash == STAFF_HASH


def test_must_change_password_is_cleared_by_changing_it(hb, boss):
    uid = add_user(hb, "desk")
    hb.users.reset_password(boss[1], uid, NEW_PASSWORD)
    token = token_for(hb, uid)
    assert hb.auth.current_user(token).must_change_password is True
    changed = hb.auth.change_password(token, NEW_PASSWORD, "Own-passw0rd-2")
    assert changed.user.must_change_password is False
    assert changed.user == hb.users.get(boss[1], uid)
    assert stored(hb, uid).must_change_password is False


# --- who may manage accounts -----------------------------------------------------------------

@pytest.mark.parametrize("role", ["receptionist", "doctor"])
def test_only_admins_manage_accounts(hb, boss, role):
    uid = add_user(hb, "staff", role)
    token = token_for(hb, uid)
    calls = {
        "list": lambda: hb.users.list(token),
        "get": lambda: hb.users.get(token, boss[0]),
        "create": lambda: hb.users.create(token, {"username": "mole", "password": STAFF_PASSWORD,
                                                  "role": "admin"}),
        "update self to admin": lambda: hb.users.update(token, uid, {"role": "admin", "version": 1}),
        "deactivate the admin": lambda: hb.users.update(token, boss[0], {"role": "admin", "is_active": False,
                                                                         "version": 1}),
        "reset the admin's password": lambda: hb.users.reset_password(token, boss[0], NEW_PASSWORD),
    }
    for name, call in calls.items():
        with pytest.raises(PermissionDenied):
            call()
        assert name
    assert stored(hb, uid).role == role
    admin = stored(hb, boss[0])
    assert admin.is_active and admin.password_hash == STAFF_HASH
    assert len(hb.users.list(boss[1])) == 2
    assert audit_rows(hb) == []


def test_every_change_writes_an_audit_row(hb, boss):
    token = boss[1]
    created = hb.users.create(token, {"username": "desk", "password": STAFF_PASSWORD})
    update(hb, token, created, role="doctor")
    reset = hb.users.reset_password(token, created.id, NEW_PASSWORD)
    update(hb, token, reset, is_active=False)
    rows = audit_rows(hb)
    assert [(r.action, r.entity, r.entity_id, r.user_id) for r in rows] == [
        ("create", "user", created.id, boss[0]),
        ("update", "user", created.id, boss[0]),
        ("reset_password", "user", created.id, boss[0]),
        ("update", "user", created.id, boss[0]),
    ]
    assert [r.action for r in hb.audit.list(token, entity="user", entity_id=created.id)] == [
        "update", "reset_password", "update", "create"]  # the admin's page: newest first
