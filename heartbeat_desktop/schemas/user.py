"""Staff accounts, sessions and password rules."""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import Field, field_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.core.vocabulary import Role
from heartbeat_desktop.schemas.base import Schema
from heartbeat_desktop.schemas.text import fold

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_BYTES = 1024
MAX_USERNAME_LENGTH = 64
_USERNAME = re.compile(r"^[\w.@\-]+$")

PASSWORD_RULES = Text("errors", "At least {0} characters, with letters and at least one digit "
                      "or symbol; not the same as the user name.").format(MIN_PASSWORD_LENGTH)


def password_problem(password: str, username: str | None = None) -> str | None:
    """Why ``password`` is not acceptable, or None. Shown next to the field."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return Text("errors", "The password must have at least {0} characters.").format(MIN_PASSWORD_LENGTH)
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        return Text("errors", "The password is too long.")
    if not any(ch.isalpha() for ch in password) or all(ch.isalpha() for ch in password):
        return Text("errors", "Use letters and at least one digit or symbol.")
    if username and password.casefold() == username.casefold():
        return Text("errors", "The password must not be the user name.")
    return None


def clean_full_name(value: str) -> str:
    """Spaces collapsed; control characters (a pasted NUL byte) refused."""
    value = " ".join(value.split())
    if not value.isprintable():
        raise ValueError(Text("errors", "Remove the special characters from the name."))
    return value


def check_password(password: str, username: str | None = None) -> str:
    problem = password_problem(password, username)
    if problem:
        raise ValueError(problem)
    return password


class UserCreate(Schema):
    model_config = Schema.model_config | {"str_strip_whitespace": False}

    username: str = Field(max_length=MAX_USERNAME_LENGTH)
    full_name: str = Field(default="", max_length=200)
    password: str = Field(repr=False)
    role: Role = Role.RECEPTIONIST
    can_overbook: bool = False  # may squeeze a visit in over another (emergencies), with a reason

    @field_validator("username")
    @classmethod
    def _username(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError(Text("errors", "This field is required."))
        if not _USERNAME.match(value):
            raise ValueError(Text("errors", "Use letters, digits, dots, hyphens or underscores, without spaces."))
        if len(fold(value)) > MAX_USERNAME_LENGTH:
            # the unique lookup key spells some letters out ('ß' -> 'ss') and must fit its column
            raise ValueError(Text("errors", "This is too long (at most {0} characters; letters like ß count as "
                                  "two).").format(MAX_USERNAME_LENGTH))
        return value

    @field_validator("full_name")
    @classmethod
    def _full_name(cls, value: str) -> str:
        return clean_full_name(value)

    @field_validator("password")
    @classmethod
    def _password(cls, value: str, info) -> str:  # type: ignore[no-untyped-def]
        return check_password(value, info.data.get("username"))


class UserUpdate(Schema):
    full_name: str = Field(default="", max_length=200)
    role: Role
    is_active: bool = True
    can_overbook: bool = False
    version: int

    @field_validator("full_name")
    @classmethod
    def _full_name(cls, value: str) -> str:
        return clean_full_name(value)


class UserRead(Schema):
    id: int
    version: int
    username: str
    full_name: str
    role: Role
    is_active: bool
    must_change_password: bool
    can_overbook: bool = False
    locked_until: datetime | None
    last_login_at: datetime | None
    created_at: datetime

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


class AuthSession(Schema):
    """What a successful login gives the GUI: the token to pass to every call."""

    token: str = Field(repr=False)
    user: UserRead
    expires_at: datetime
