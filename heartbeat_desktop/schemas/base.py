"""The schema base class and the translation of pydantic errors into form messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from heartbeat_desktop.core.errors import Text, ValidationFailed
from heartbeat_desktop.schemas.text import UNSTORABLE_MESSAGE, has_unstorable

S = TypeVar("S", bound="Schema")

# pydantic error types -> what the person at the desk reads
_MESSAGES = {
    "missing": Text("errors", "This field is required."),
    "string_too_long": Text("errors", "This is too long (at most {max_length} characters)."),
    "string_too_short": Text("errors", "This field is required."),
    "date_from_datetime_parsing": Text("errors", "Enter a valid date."),
    "date_parsing": Text("errors", "Enter a valid date."),
    "date_type": Text("errors", "Enter a valid date."),
    "datetime_parsing": Text("errors", "Enter a valid date and time."),
    "datetime_type": Text("errors", "Enter a valid date and time."),
    "time_parsing": Text("errors", "Enter a valid time."),
    "int_parsing": Text("errors", "Enter a whole number."),
    "int_type": Text("errors", "Enter a whole number."),
    "greater_than": Text("errors", "Must be more than {gt}."),
    "greater_than_equal": Text("errors", "Must be at least {ge}."),
    "less_than_equal": Text("errors", "Must be at most {le}."),
    "enum": Text("errors", "Choose one of: {expected}."),
    "literal_error": Text("errors", "Choose one of: {expected}."),
}


class Schema(BaseModel):
    """Immutable plain data: what services take and return (never ORM objects)."""

    model_config = ConfigDict(frozen=True, from_attributes=True, str_strip_whitespace=True)


def _message(error: Mapping[str, Any]) -> str:
    ctx = error.get("ctx") or {}
    if error["type"] == "value_error" and "error" in ctx:
        said = ctx["error"].args[0] if getattr(ctx["error"], "args", None) else None
        return said if isinstance(said, Text) else str(ctx["error"])
    template = _MESSAGES.get(error["type"])
    if template is None:
        return Text("errors", "Please check this value.")
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template


def field_errors(exc: ValidationError) -> dict[str, str]:
    """First message per field; errors not tied to a field go under ``""``."""
    errors: dict[str, str] = {}
    for error in exc.errors():
        loc = error.get("loc") or ()
        field = str(loc[0]) if loc else ""
        errors.setdefault(field, _message(error))
    return errors


def parse(schema: type[S], data: S | Mapping[str, Any]) -> S:
    """Validate ``data`` as ``schema``; bad input raises ValidationFailed per field."""
    if isinstance(data, schema):
        return data
    values = dict(data) if not isinstance(data, BaseModel) else data.model_dump()
    # a pasted NUL byte gets a message at its field, not a database error on save
    # (checked here, on what was typed, not on every record read back)
    unstorable = {key: UNSTORABLE_MESSAGE for key, value in values.items()
                  if isinstance(value, str) and has_unstorable(value)}
    try:
        parsed = schema.model_validate(values)
    except ValidationError as exc:
        raise ValidationFailed({**field_errors(exc), **unstorable}) from None
    if unstorable:
        raise ValidationFailed(unstorable)
    return parsed
