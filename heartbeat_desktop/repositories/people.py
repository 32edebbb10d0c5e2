"""Search over people (patients, doctors): by name prefix, phone digits or birth date.

Name search is a range on the casefolded ``name_key`` column, so it uses the
index on both backends and is case-insensitive for Cyrillic, which SQLite's
own ``lower()`` and ``LIKE`` are not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import ClassVar, TypeVar

from sqlalchemy import ColumnElement, and_, false, or_, select, true

from heartbeat_desktop.models.people import Person
from heartbeat_desktop.repositories.base import Repository
from heartbeat_desktop.schemas.text import fold, storable

P = TypeVar("P", bound=Person)

_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y")
_PHONE_LIKE = re.compile(r"^[\d\s()+\-]+$")
MIN_PHONE_DIGITS = 3


def parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _escape_regex(text: str) -> str:
    """Every character literal, in Python's ``re`` (SQLite's REGEXP) and PostgreSQL's ``~``."""
    return "".join(ch if ch.isalnum() else "\\" + ch for ch in text)


def _next_prefix(prefix: str) -> str | None:
    """The smallest string greater than every string starting with ``prefix``;
    None if there is none (the prefix is all U+10FFFF, the last code point).

    A surrogate is skipped: it cannot be sent to either database.
    """
    prefix = prefix.rstrip("\U0010ffff")
    if not prefix:
        return None
    following = ord(prefix[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:
        following = 0xE000
    return prefix[:-1] + chr(following)


class PersonRepository(Repository[P]):
    default_order: ClassVar[tuple[str, ...]] = ("name_key", "id")
    # a name sorts by the casefolded full name (Cyrillic case-insensitive, ё as е)
    sort_keys: ClassVar[Mapping[str, tuple[str, ...]]] = {"name": ("name_key",), "phone": ("phone_digits",)}

    def search_clause(self, query: str) -> ColumnElement[bool]:
        """What the search box means: a date, phone digits, or the start of a name."""
        query = storable(query).strip()
        if not query:
            return true()
        model = self.model
        day = parse_date(query)
        if day is not None and hasattr(model, "birth_date"):
            return model.birth_date == day
        if _PHONE_LIKE.match(query):
            digits = re.sub(r"\D", "", query)
            if len(digits) < MIN_PHONE_DIGITS:
                return false()
            clause = model.phone_digits.like(f"%{_escape_like(digits)}%", escape="\\")
            if digits[0] == "8" and not query.startswith("+"):
                # "8 (916) ..." is how a Russian number is dialled: stored as "+7 916 ..."
                trunk = model.phone_digits.like(f"7{_escape_like(digits[1:])}%", escape="\\")
                clause = or_(clause, trunk)
            # digits anywhere in the number cannot use an index range; as a subquery
            # the test runs over the compact phone index alone (not row by row in name
            # order, which reads the whole table for a rare number): 300 → 20 ms at 100,000
            return model.id.in_(select(model.id).where(clause))
        tokens = fold(query.replace(".", " ").replace(",", " ")).split()
        if not tokens:
            return true()
        first = tokens[0]
        # the first word bounds an index range; later words refine it: each starts
        # the next word of the name ("Иванов П." is not "Иванова Анна Петровна")
        beyond = _next_prefix(first)
        clause = model.name_key >= first
        if beyond is not None:
            clause = and_(clause, model.name_key < beyond)
        if len(tokens) > 1:
            pattern = "^" + r"\S* ".join(_escape_regex(t) for t in tokens)
            clause = and_(clause, model.name_key.regexp_match(pattern))
        return clause
