"""Columns shared by patients and doctors: a person's name, phone and e-mail.

``name_key`` is the casefolded full name ("иванов иван иванович", ё read as е):
the front desk's search-as-you-type is a prefix range on it, which uses its
index on both SQLite and PostgreSQL and is case-insensitive for Cyrillic.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from heartbeat_desktop.models.base import Entity, search_key_type
from heartbeat_desktop.schemas.text import NAME_KEY_LENGTH


class Person(Entity):
    __abstract__ = True

    last_name: Mapped[str] = mapped_column(String(100), nullable=False)
    first_name: Mapped[str] = mapped_column(String(100), nullable=False)
    middle_name: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(32))
    phone_digits: Mapped[str | None] = mapped_column(String(32), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    name_key: Mapped[str] = mapped_column(search_key_type(NAME_KEY_LENGTH), nullable=False, index=True)
