"""Property tests of the account forms' schemas: user names, full names,
passwords and roles are either refused with a clear message or kept as the
rule says (user name trimmed, full name's spaces collapsed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas import UserCreate, UserUpdate, parse
from heartbeat_desktop.schemas.text import fold
from heartbeat_desktop.schemas.user import MAX_USERNAME_LENGTH
from tests.strategies import (
    assert_clear_message,
    examples,
    free_text,
    ids,
    long_text,
    name_like,
    sqlish,
)

ROLES = st.sampled_from([r.value for r in Role] + ["Admin", "root", "", "admin; --"])
usernames = st.one_of(
    st.sampled_from(["anna", "Anna.Petrova", "врач-1", "desk_2", "a@b", " anna ", "ß" * 40, "ﬀ" * 30, "İ" * 40]),
    st.text(st.characters(categories=["L", "Nd"], include_characters="._-@"), min_size=1, max_size=70),
    free_text(64), sqlish,
    long_text(60, 70),
)
passwords = st.one_of(st.sampled_from(["Staff-passw0rd", "short1", "onlyletters", "12345678"]), free_text(30),
                      long_text(1000, 1100))


@examples(1200)
@given(st.fixed_dictionaries({"username": usernames, "password": passwords},
                             optional={"full_name": name_like(200), "role": ROLES}))
def test_a_new_account_is_refused_with_a_message_or_kept_as_the_rule_says(data):
    try:
        parsed = parse(UserCreate, data)
    except ValidationFailed as refused:
        assert_clear_message(refused)
        return
    assert parsed.username == data["username"].strip()
    # the unique key a login looks the name up by fits its column too
    assert len(parsed.username) <= MAX_USERNAME_LENGTH and len(fold(parsed.username)) <= MAX_USERNAME_LENGTH
    assert parsed.full_name == " ".join(data.get("full_name", "").split())
    assert len(parsed.full_name) <= 200
    assert parsed.password == data["password"]
    assert parsed.role.value == data.get("role", "receptionist")


@examples(500)
@given(st.fixed_dictionaries({"full_name": name_like(200), "role": ROLES, "version": ids},
                             optional={"is_active": st.booleans()}))
def test_an_account_edit_is_refused_with_a_message_or_kept_as_the_rule_says(data):
    try:
        parsed = parse(UserUpdate, data)
    except ValidationFailed as refused:
        assert_clear_message(refused)
        return
    assert parsed.full_name == " ".join(data["full_name"].split()) and len(parsed.full_name) <= 200
    assert (parsed.role.value, parsed.version) == (data["role"], data["version"])
