"""Property tests of the account services on a real database of each backend:
new accounts, edits, password resets and sign-in attempts with any text are
refused with a clear message or stored as the schema's rules say.  (Each
accepted password costs an argon2 hash, a fifth of a second: these runs are short.)"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heartbeat_desktop.core.errors import (
    AuthenticationFailed,
    HeartbeatError,
    ValidationFailed,
)
from heartbeat_desktop.schemas import UserCreate, UserUpdate, parse
from tests.helpers import STAFF_PASSWORD, add_user
from tests.schemas.test_user_properties import ROLES, passwords, usernames
from tests.strategies import assert_clear_message, ids, mostly, name_like, per_backend


def test_new_accounts_refuse_clearly_or_store_exactly(hb, admin_token):
    fields = ("username", "full_name", "role")

    @per_backend(hb.ctx.db.dialect, sqlite=150, postgresql=50)
    @given(usernames, name_like(200), mostly(st.just(STAFF_PASSWORD), passwords, odd_in=2), ROLES)
    def check(username, full_name, password, role):
        data = {"username": username, "full_name": full_name, "password": password, "role": role}
        try:  # the schema's rules are checked in tests/schemas/test_user_properties.py
            expected = parse(UserCreate, data)
        except ValidationFailed as invalid:
            with pytest.raises(ValidationFailed) as refused:
                hb.users.create(admin_token, data)
            assert refused.value.field_errors == invalid.field_errors
            return
        try:
            created = hb.users.create(admin_token, data)
        except ValidationFailed as refused:  # only a name taken already
            assert refused.field_errors == {"username": "This user name is taken."}
            return
        stored = hb.users.get(admin_token, created.id)
        assert {f: getattr(stored, f) for f in fields} == {f: getattr(expected, f) for f in fields}

    check()


def test_account_edits_refuse_clearly_or_store_exactly(hb, admin_token):
    user_id = add_user(hb, "desk")

    @per_backend(hb.ctx.db.dialect, sqlite=300, postgresql=80)
    @given(name_like(200), ROLES, st.booleans(), mostly(st.none(), ids))
    def check(full_name, role, active, version):
        current = hb.users.get(admin_token, user_id)
        data = {"full_name": full_name, "role": role, "is_active": active,
                "version": current.version if version is None else version}
        try:
            saved = hb.users.update(admin_token, user_id, data)
        except HeartbeatError as refused:
            assert_clear_message(refused)
            assert hb.users.get(admin_token, user_id) == current
            return
        expected = parse(UserUpdate, data)
        stored = hb.users.get(admin_token, user_id)
        assert stored == saved
        assert (stored.full_name, stored.role, stored.is_active) == (expected.full_name, expected.role, active)

    check()


def test_sign_in_and_password_reset_take_any_text(hb, admin_token):
    user_id = add_user(hb, "desk")

    @per_backend(hb.ctx.db.dialect, sqlite=25, postgresql=10)
    @given(usernames, passwords, st.booleans())
    def check(username, password, reset):
        try:
            if reset:
                hb.users.reset_password(admin_token, user_id, password)
            else:
                hb.auth.login(username, password)
        except HeartbeatError as refused:
            assert_clear_message(refused)
            assert reset or isinstance(refused, AuthenticationFailed)

    check()
