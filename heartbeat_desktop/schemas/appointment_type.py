"""Visit types: a name, a default length and a colour (``#rrggbb``)."""

from __future__ import annotations

from pydantic import Field

from heartbeat_desktop.schemas.base import Schema

COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"


class AppointmentTypeCreate(Schema):
    name: str = Field(min_length=1, max_length=100)
    minutes: int = Field(ge=5, le=480)
    colour: str = Field(default="#3b82f6", pattern=COLOUR_PATTERN)
    is_active: bool = True


class AppointmentTypeUpdate(AppointmentTypeCreate):
    version: int


class AppointmentTypeRead(Schema):
    id: int
    version: int
    name: str
    minutes: int
    colour: str
    is_active: bool
