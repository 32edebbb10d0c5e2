"""Signing in: the first administrator, login and lockout, sessions, password change.

Every test runs on SQLite and on PostgreSQL.  Accounts that a test only needs
to exist are inserted with a hash computed once per module (argon2 is slow on
purpose); the flows under test always go through the services.
"""

from __future__ import annotations

import json
import threading
import time
from datetime import datetime, timedelta, timezone

import jwt
import pytest

from heartbeat_desktop.core.errors import (
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    SessionExpired,
    ValidationFailed,
)
from heartbeat_desktop.core.security import AUDIENCE, ISSUER, TokenSigner, needs_rehash
from heartbeat_desktop.models import User
from heartbeat_desktop.schemas import UserRead
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.auth import LOGIN_FAILED
from tests.helpers import ADMIN_PASSWORD, STAFF_PASSWORD, add_user, audit_rows, staff_hash, token_for

STAFF_HASH = staff_hash()


# --- module helpers --------------------------------------------------------------



def row(hb: Heartbeat, user_id: int) -> User:
    with hb.ctx.uow() as uow:
        user = uow.users.get(user_id)
        assert user is not None
        uow.session.expunge_all()  # keep the loaded values after the read transaction ends
        return user




def move_clock(monkeypatch: pytest.MonkeyPatch, hb: Heartbeat, delta: timedelta) -> None:
    moment = datetime.now(timezone.utc) + delta
    monkeypatch.setattr(hb.ctx, "now", lambda: moment)


def refused(hb: Heartbeat, username: str, password: str) -> str:
    with pytest.raises(AuthenticationFailed) as caught:
        hb.auth.login(username, password)
    assert not isinstance(caught.value, SessionExpired)
    return str(caught.value)


# --- first start -----------------------------------------------------------------

def test_first_admin_is_created_once(hb):
    assert hb.auth.has_users() is False
    admin = hb.auth.create_first_admin({"username": "admin", "full_name": "Анна  Админова",
                                        "password": ADMIN_PASSWORD, "role": "receptionist"})
    assert admin.role == "admin"  # whatever the form says
    assert admin.is_active and not admin.must_change_password
    assert admin.full_name == "Анна Админова"
    assert hb.auth.has_users() is True
    with pytest.raises(Conflict):
        hb.auth.create_first_admin({"username": "second", "password": ADMIN_PASSWORD})
    with hb.ctx.uow() as uow:
        assert [u.username for u in uow.users.list()] == ["admin"]
        assert uow.users.get(admin.id).password_hash.startswith("$argon2id$")
    [created] = audit_rows(hb, "create")
    assert (created.user_id, created.username, created.entity, created.entity_id) == (
        admin.id, "admin", "user", admin.id)
    assert ADMIN_PASSWORD not in json.dumps(created.changes)


def test_first_admin_is_refused_when_any_account_exists(hb):
    add_user(hb, "desk", "receptionist", active=False)
    assert hb.auth.has_users() is True
    with pytest.raises(Conflict):
        hb.auth.create_first_admin({"username": "admin", "password": ADMIN_PASSWORD})


def test_first_admin_form_is_validated(hb):
    with pytest.raises(ValidationFailed) as caught:
        hb.auth.create_first_admin({"username": "my admin", "password": ""})
    assert set(caught.value.field_errors) == {"username", "password"}
    with pytest.raises(ValidationFailed) as caught:
        hb.auth.create_first_admin({"username": "admin", "password": "Admin"})
    assert "password" in caught.value.field_errors
    assert hb.auth.has_users() is False


# --- login -------------------------------------------------------------------------

def test_login_returns_a_session_with_all_claims(hb, admin_token):
    claims = jwt.decode(admin_token, hb.ctx.signer.secret, algorithms=["HS256"], audience=AUDIENCE,
                        issuer=ISSUER)
    assert set(claims) >= {"sub", "role", "iat", "exp", "iss", "aud", "jti"}
    assert claims["role"] == "admin"
    assert claims["exp"] - claims["iat"] == hb.ctx.settings.token_ttl.total_seconds()
    admin = hb.auth.current_user(admin_token)
    assert claims["sub"] == str(admin.id)
    assert admin.username == "admin" and admin.last_login_at is not None
    assert abs(admin.last_login_at - datetime.now(timezone.utc)) < timedelta(minutes=1)
    [login] = audit_rows(hb, "login")
    assert (login.user_id, login.username, login.entity_id) == (admin.id, "admin", admin.id)


def test_session_expiry_is_reported_with_the_session(hb):
    uid = add_user(hb, "desk")
    session = hb.auth.login("desk", STAFF_PASSWORD)
    assert session.user.id == uid and session.user.role == "receptionist"
    assert session.expires_at == hb.ctx.signer.verify(session.token).expires_at
    assert "token" not in repr(session) or session.token not in repr(session)


def test_username_is_case_insensitive(hb):
    hb.auth.create_first_admin({"username": "Admin", "password": ADMIN_PASSWORD})
    session = hb.auth.login("ADMIN", ADMIN_PASSWORD)
    assert session.user.username == "Admin"  # kept as typed at creation
    assert hb.auth.login("  admin ", ADMIN_PASSWORD).user.id == session.user.id
    with pytest.raises(ValidationFailed) as caught:
        hb.users.create(session.token, {"username": "aDMIN", "password": STAFF_PASSWORD})
    assert "username" in caught.value.field_errors


def test_five_wrong_passwords_lock_the_account_for_a_while(hb, monkeypatch):
    uid = add_user(hb, "desk")
    for _ in range(4):
        refused(hb, "desk", "Wrong-passw0rd")
    assert (row(hb, uid).failed_logins, row(hb, uid).locked_until) == (4, None)
    refused(hb, "desk", "Wrong-passw0rd")
    locked_until = row(hb, uid).locked_until
    assert locked_until is not None
    assert locked_until - datetime.now(timezone.utc) > hb.ctx.settings.lockout_duration - timedelta(minutes=1)
    assert audit_rows(hb, "login_failed")[-1].changes == {"locked": True}

    refused(hb, "desk", STAFF_PASSWORD)  # the right password does not open a locked account
    move_clock(monkeypatch, hb, hb.ctx.settings.lockout_duration - timedelta(seconds=30))
    refused(hb, "desk", STAFF_PASSWORD)
    assert row(hb, uid).locked_until == locked_until  # attempts while locked do not extend it

    move_clock(monkeypatch, hb, hb.ctx.settings.lockout_duration + timedelta(seconds=5))
    session = hb.auth.login("desk", STAFF_PASSWORD)
    assert session.user.id == uid
    assert session.user.locked_until is None and session.user.last_login_at is not None
    assert session.user == UserRead.model_validate(row(hb, uid))  # what the login shows is stored
    assert (row(hb, uid).failed_logins, row(hb, uid).locked_until) == (0, None)


def test_lockout_threshold_and_duration_come_from_settings(settings, monkeypatch):
    quick = settings.replace(lockout_threshold=2, lockout_duration=timedelta(minutes=1))
    with Heartbeat.open(quick) as hb:
        uid = add_user(hb, "desk")
        refused(hb, "desk", "Wrong-passw0rd")
        assert row(hb, uid).locked_until is None
        refused(hb, "desk", "Wrong-passw0rd")
        locked_for = row(hb, uid).locked_until - datetime.now(timezone.utc)
        assert timedelta(seconds=50) < locked_for <= timedelta(minutes=1)
        refused(hb, "desk", STAFF_PASSWORD)
        move_clock(monkeypatch, hb, timedelta(minutes=1, seconds=1))
        assert hb.auth.login("desk", STAFF_PASSWORD).user.id == uid


def test_a_good_login_resets_the_failure_count(hb):
    uid = add_user(hb, "desk")
    refused(hb, "desk", "Wrong-passw0rd")
    refused(hb, "desk", "Wrong-passw0rd")
    assert row(hb, uid).failed_logins == 2
    hb.auth.login("desk", STAFF_PASSWORD)
    assert row(hb, uid).failed_logins == 0


def test_unlocking_in_the_database_lets_the_user_in(hb):
    uid = add_user(hb, "desk", locked_until=datetime.now(timezone.utc) + timedelta(hours=1))
    refused(hb, "desk", STAFF_PASSWORD)
    with hb.ctx.uow(write=True) as uow:
        uow.users.get(uid).locked_until = datetime.now(timezone.utc) - timedelta(seconds=1)
        uow.commit()
    assert hb.auth.login("desk", STAFF_PASSWORD).user.id == uid


def test_every_refusal_says_the_same(hb):
    add_user(hb, "desk")
    add_user(hb, "gone", active=False)
    add_user(hb, "locked", locked_until=datetime.now(timezone.utc) + timedelta(minutes=10))
    messages = {
        "unknown user": refused(hb, "nobody", STAFF_PASSWORD),
        "wrong password": refused(hb, "desk", "Wrong-passw0rd"),
        "locked": refused(hb, "locked", STAFF_PASSWORD),
        "inactive": refused(hb, "gone", STAFF_PASSWORD),
    }
    assert set(messages.values()) == {LOGIN_FAILED}, messages


def test_unknown_user_takes_as_long_as_a_wrong_password(hb):
    add_user(hb, "desk")
    assert hb.auth.has_users()  # warm the connection pool

    def timed(username: str) -> float:
        start = time.perf_counter()
        with pytest.raises(AuthenticationFailed):
            hb.auth.login(username, "Wrong-passw0rd")
        return time.perf_counter() - start

    known, unknown = [], []
    for _ in range(5):  # interleaved, so a slow moment hits both
        known.append(timed("desk"))
        unknown.append(timed("nobody"))
    ratio = sorted(unknown)[2] / sorted(known)[2]
    assert 0.5 < ratio < 2, (known, unknown)
    assert min(unknown) > 0.02  # the dummy check really ran


@pytest.mark.parametrize("username, password, counted", [
    ("", STAFF_PASSWORD, 0),
    ("   ", STAFF_PASSWORD, 0),
    ("desk", "", 1),
    ("x" * 500, STAFF_PASSWORD, 0),
    ("de\x00sk", STAFF_PASSWORD, 0),
    ("desk\x00", STAFF_PASSWORD, 0),
    ("desk", "p\x00ss-w0rd", 1),
    ("desk", "П" * 3000, 1),
    ("'; DROP TABLE users; --", STAFF_PASSWORD, 0),
], ids=["empty", "spaces", "empty-password", "long-name", "nul", "trailing-nul", "nul-password",
        "huge-password", "sql"])
def test_odd_input_is_just_a_failed_login(hb, username, password, counted):
    uid = add_user(hb, "desk")
    assert refused(hb, username, password) == LOGIN_FAILED
    [failed] = audit_rows(hb, "login_failed")
    assert "\x00" not in (failed.username or "")
    assert len(failed.username or "") <= 64
    assert failed.entity_id == (uid if counted else None)
    assert row(hb, uid).failed_logins == counted  # and the database is still there and answering


def test_login_and_failures_are_audited_without_passwords(hb):
    uid = add_user(hb, "desk")
    secret_typed = "Secret-Typed-1"
    refused(hb, "desk", secret_typed)
    refused(hb, "ghost", secret_typed)
    hb.auth.login("desk", STAFF_PASSWORD)
    failed = audit_rows(hb, "login_failed")
    assert [(r.entity, r.entity_id, r.user_id, r.username) for r in failed] == [
        ("user", uid, None, "desk"), ("user", None, None, "ghost")]
    assert [r.changes for r in failed] == [{"locked": False}, {"locked": False}]
    [login] = audit_rows(hb, "login")
    assert (login.user_id, login.entity_id) == (uid, uid)
    dumped = json.dumps([[r.username, r.changes] for r in audit_rows(hb)], ensure_ascii=False)
    assert secret_typed not in dumped and STAFF_PASSWORD not in dumped and "argon2" not in dumped


def test_audit_service_shows_login_rows_to_an_admin(hb):
    add_user(hb, "admin", "admin")
    refused(hb, "admin", "Wrong-passw0rd")
    token = hb.auth.login("admin", STAFF_PASSWORD).token
    logins = hb.audit.list(token, action="login")
    failures = hb.audit.list(token, action="login_failed")
    assert [r.username for r in logins] == ["admin"]
    assert [r.username for r in failures] == ["admin"]
    dumped = "".join(r.model_dump_json() for r in logins + failures)
    assert STAFF_PASSWORD not in dumped and "Wrong-passw0rd" not in dumped


def test_a_weak_stored_hash_is_upgraded_at_login(hb):
    from passlib.hash import argon2 as passlib_argon2

    weak = passlib_argon2.using(rounds=1, memory_cost=8, parallelism=1).hash(STAFF_PASSWORD)
    uid = add_user(hb, "old", password_hash=weak)
    hb.auth.login("old", STAFF_PASSWORD)
    stored = row(hb, uid).password_hash
    assert stored != weak and not needs_rehash(stored)
    assert hb.auth.login("old", STAFF_PASSWORD).user.id == uid


# --- sessions ------------------------------------------------------------------------

def test_expired_token_is_refused_by_every_service(hb):
    uid = add_user(hb, "boss", "admin")
    old = token_for(hb, uid, datetime.now(timezone.utc) - timedelta(hours=13))
    for call in (lambda: hb.auth.current_user(old), lambda: hb.patients.count(old),
                 lambda: hb.users.list(old), lambda: hb.audit.list(old)):
        with pytest.raises(SessionExpired):
            call()


def test_token_of_another_installation_or_user_is_refused(hb):
    uid = add_user(hb, "boss", "admin")
    foreign, _ = TokenSigner("f" * 64).issue(uid, "admin", STAFF_HASH)
    ghost, _ = hb.ctx.signer.issue(uid + 100, "admin", STAFF_HASH)
    for token in (foreign, ghost, "", "not-a-token"):
        with pytest.raises(AuthenticationFailed) as caught:
            hb.patients.count(token)
        assert not isinstance(caught.value, SessionExpired)
    assert hb.patients.count(token_for(hb, uid)) == 0  # the control


def test_deactivated_user_is_shut_out_at_the_next_call(hb):
    admin_token = token_for(hb, add_user(hb, "boss", "admin"))
    created = hb.users.get(admin_token, add_user(hb, "desk"))
    token = token_for(hb, created.id)
    assert hb.patients.count(token) == 0
    hb.users.update(admin_token, created.id, {"full_name": "", "role": "receptionist",
                                               "is_active": False, "version": created.version})
    with pytest.raises(AuthenticationFailed) as caught:
        hb.patients.count(token)
    assert not isinstance(caught.value, SessionExpired)
    with pytest.raises(AuthenticationFailed):
        hb.auth.current_user(token)
    assert refused(hb, "desk", STAFF_PASSWORD) == LOGIN_FAILED


def test_demoted_admin_loses_admin_rights_at_once(hb):
    admin_token = token_for(hb, add_user(hb, "boss", "admin"))
    second = hb.users.get(admin_token, add_user(hb, "boss2", "admin"))
    token = token_for(hb, second.id)  # the claim still says admin after the demotion
    assert len(hb.users.list(token)) == 2
    hb.users.update(admin_token, second.id, {"full_name": "", "role": "receptionist",
                                              "is_active": True, "version": second.version})
    with pytest.raises(PermissionDenied):
        hb.users.list(token)
    with pytest.raises(PermissionDenied):
        hb.audit.list(token)
    assert hb.patients.count(token) == 0  # still a receptionist
    assert hb.auth.current_user(token).role == "receptionist"


def test_role_claim_is_not_trusted(hb):
    uid = add_user(hb, "desk", "receptionist")
    forged_role = token_for(hb, uid, role="admin")  # signed by us, but the account says receptionist
    with pytest.raises(PermissionDenied):
        hb.users.list(forged_role)


def test_current_user_and_logout(hb):
    uid = add_user(hb, "desk")
    token = token_for(hb, uid)
    assert hb.auth.current_user(token).username == "desk"
    hb.auth.logout(token)
    [logout] = audit_rows(hb, "logout")
    assert (logout.user_id, logout.entity_id) == (uid, uid)


# --- changing one's own password ------------------------------------------------------------

def test_change_password(hb):
    uid = add_user(hb, "desk")
    token = token_for(hb, uid)
    with pytest.raises(ValidationFailed) as caught:
        hb.auth.change_password(token, "Wrong-passw0rd", "New-passw0rd-1")
    assert list(caught.value.field_errors) == ["old_password"]
    with pytest.raises(ValidationFailed) as caught:
        hb.auth.change_password(token, STAFF_PASSWORD, "short1")
    assert list(caught.value.field_errors) == ["new_password"]
    assert row(hb, uid).password_hash == STAFF_HASH  # nothing changed yet

    with hb.ctx.uow(write=True) as uow:
        uow.users.get(uid).must_change_password = True
        uow.commit()
    other_desk = token_for(hb, uid)  # the same account signed in elsewhere
    changed = hb.auth.change_password(token, STAFF_PASSWORD, "Новый-пароль-1")
    assert changed.user.must_change_password is False
    for old in (token, other_desk):  # every session of the old password ends...
        with pytest.raises(AuthenticationFailed) as caught:
            hb.patients.count(old)
        assert not isinstance(caught.value, SessionExpired)
    assert hb.auth.current_user(changed.token).id == uid  # ...the caller carries on with the new one
    assert hb.auth.login("desk", "Новый-пароль-1").user.id == uid
    assert refused(hb, "desk", STAFF_PASSWORD) == LOGIN_FAILED
    [entry] = audit_rows(hb, "change_password")
    assert entry.user_id == uid and "Новый" not in json.dumps(entry.changes, ensure_ascii=False)


def test_change_password_needs_a_valid_session(hb):
    uid = add_user(hb, "desk")
    old = token_for(hb, uid, datetime.now(timezone.utc) - timedelta(days=1))
    with pytest.raises(SessionExpired):
        hb.auth.change_password(old, STAFF_PASSWORD, "New-passw0rd-1")
    assert row(hb, uid).password_hash == STAFF_HASH


# --- login bookkeeping is not an edit of the account ----------------------------------------

def test_logins_do_not_make_an_admins_open_form_stale(hb):
    boss = add_user(hb, "boss", "admin")
    uid = add_user(hb, "desk")
    token = token_for(hb, boss)
    opened = hb.users.get(token, uid)  # the admin opens the account's form...
    refused(hb, "desk", "Wrong-passw0rd")  # ...someone mistypes at the desk, the user signs in
    hb.auth.login("desk", STAFF_PASSWORD)
    saved = hb.users.update(token, uid, {"full_name": "Desk", "role": "receptionist", "is_active": False,
                                         "version": opened.version})
    assert saved.is_active is False  # an attacker's wrong guesses cannot block a deactivation
    assert row(hb, uid).last_login_at is not None


def test_concurrent_failures_are_all_counted(hb, monkeypatch):
    from heartbeat_desktop.services import auth as auth_module

    uid = add_user(hb, "desk")
    both_inside = threading.Barrier(2)
    real_typed_name = auth_module.typed_name

    def typed_name_when_both_inside(username: str) -> str:  # runs inside the write transaction
        try:
            both_inside.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass  # the other login waits for our lock: that is the point
        return real_typed_name(username)

    monkeypatch.setattr(auth_module, "typed_name", typed_name_when_both_inside)
    errors: list[BaseException] = []

    def attempt() -> None:
        try:
            hb.auth.login("desk", "Wrong-passw0rd")
        except BaseException as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert [type(e) for e in errors] == [AuthenticationFailed, AuthenticationFailed], errors
    assert row(hb, uid).failed_logins == 2


def test_two_desks_on_first_start_make_one_admin(hb, monkeypatch):
    from heartbeat_desktop.services import auth as auth_module

    both_inside = threading.Barrier(2)
    real_actor = auth_module.Actor

    def actor_when_both_inside(*args: object) -> object:  # after the "no users yet" check
        try:
            both_inside.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass  # the other desk waits for our lock: that is the point
        return real_actor(*args)

    monkeypatch.setattr(auth_module, "Actor", actor_when_both_inside)
    outcomes: list[object] = []

    def first_start(name: str) -> None:
        try:
            outcomes.append(hb.auth.create_first_admin({"username": name, "password": ADMIN_PASSWORD}))
        except Exception as exc:  # noqa: BLE001 - asserted below
            outcomes.append(exc)

    threads = [threading.Thread(target=first_start, args=(name,)) for name in ("anna", "boris")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(type(o).__name__ for o in outcomes) == ["Conflict", "UserRead"], outcomes
    with hb.ctx.uow() as uow:
        assert uow.users.count() == 1
