"""Fields shared by patients and doctors, with the checks a form needs."""

from __future__ import annotations

from pydantic import Field, field_validator

from heartbeat_desktop.core.errors import Text
from heartbeat_desktop.schemas import text
from heartbeat_desktop.schemas.base import Schema

NAME_MAX = 100  # the name columns' length
EMAIL_MAX = 254


def _fits(value: str, limit: int) -> str:
    """Capitalising or lower-casing can lengthen a word ('ß' -> 'SS', 'İ' -> 'i̇'):
    what is stored must still fit its column."""
    if len(value) > limit:
        raise ValueError(Text("errors", "This is too long (at most {0} characters).").format(limit))
    return value


class PersonFields(Schema):
    last_name: str = Field(max_length=NAME_MAX)
    first_name: str = Field(max_length=NAME_MAX)
    middle_name: str | None = Field(default=None, max_length=NAME_MAX)
    phone: str | None = Field(default=None, max_length=32)
    email: str | None = Field(default=None, max_length=EMAIL_MAX)

    @field_validator("last_name", "first_name")
    @classmethod
    def _required_name(cls, value: str) -> str:
        value = text.clean_name(value)
        if not value:
            raise ValueError(Text("errors", "This field is required."))
        if not text.is_valid_name(value):
            raise ValueError(Text("errors", "Use letters, spaces, hyphens or apostrophes only."))
        return _fits(value, NAME_MAX)

    @field_validator("middle_name")
    @classmethod
    def _optional_name(cls, value: str | None) -> str | None:
        value = text.clean_name(value) if value else None
        if value and not text.is_valid_name(value):
            raise ValueError(Text("errors", "Use letters, spaces, hyphens or apostrophes only."))
        return _fits(value, NAME_MAX) if value else None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        value = text.clean_text(value)
        return text.normalize_phone(value) if value else None

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        value = text.clean_text(value)
        if value and not text.is_valid_email(value):
            raise ValueError(Text("errors", "Enter an e-mail address like name@example.com."))
        return _fits(value.lower(), EMAIL_MAX) if value else None


class PersonRead(Schema):
    id: int
    version: int
    last_name: str
    first_name: str
    middle_name: str | None
    phone: str | None
    email: str | None
    is_active: bool

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)

    @property
    def short_name(self) -> str:
        return short_name(self.last_name, self.first_name, self.middle_name)


def short_name(last_name: str, first_name: str | None, middle_name: str | None) -> str:
    """'Иванов И. И.': how names are written on a schedule."""
    initials = " ".join(f"{p[0]}." for p in (first_name, middle_name) if p)
    return f"{last_name} {initials}".strip()
