"""The generic repository: CRUD over one mapped class, in SQLAlchemy 2.0 style.

Repositories only query and stage changes on the session they are given; the
unit of work owns the transaction (cosmicpython, chapter 6).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Column, ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.models.base import Base

M = TypeVar("M", bound=Base)

UNKNOWN_SORT = "This list cannot be sorted by that column."


def _nullable(expr: Any) -> bool:
    column = getattr(expr, "expression", expr)
    return isinstance(column, Column) and bool(column.nullable)


class Repository(Generic[M]):
    model: ClassVar[type[Any]]
    default_order: ClassVar[tuple[str, ...]] = ("id",)
    # what a person may sort a list by: key -> the attributes it orders by (see ``order_by``)
    sort_keys: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, id_: int) -> M | None:
        return self.session.get(self.model, id_)

    def lock(self, id_: int) -> M | None:
        """Load a row and keep others from locking it until this transaction ends.

        PostgreSQL only (``FOR NO KEY UPDATE``, which foreign key checks pass);
        SQLite's write transaction already holds the whole database.
        """
        stmt = (select(self.model).where(self.model.id == id_).with_for_update(key_share=True)
                .execution_options(populate_existing=True))  # fresh values, no stale-version check
        return self.session.scalars(stmt).first()

    def add(self, obj: M) -> M:
        self.session.add(obj)
        self.session.flush()  # assigns the id, runs the database's checks now
        return obj

    def delete(self, obj: M) -> None:
        self.session.delete(obj)
        self.session.flush()

    def select(self) -> Select[tuple[M]]:
        """The base query; subclasses add eager loads their readers need."""
        return select(self.model)

    def sort_column(self, name: str) -> Any:
        """The SQL expression a ``sort_keys`` entry names: the model's attribute (override for others)."""
        return getattr(self.model, name)

    def order_by(self, key: str | None, descending: bool = False) -> list[Any] | None:
        """The ORDER BY of a sort chosen in a table: None (no key) keeps ``list``'s default order.

        The key's attributes, then the id (so pages never overlap or skip),
        all in one direction; empty values last either way.  A key that is not
        in ``sort_keys`` is refused before any SQL is built.
        """
        if key is None:
            return None
        if not isinstance(key, str) or key not in self.sort_keys:
            raise ValidationFailed({"order": UNKNOWN_SORT})
        terms = []
        for name in (*self.sort_keys[key], "id"):
            expr = self.sort_column(name)
            term = expr.desc() if descending else expr.asc()
            terms.append(term.nulls_last() if _nullable(expr) else term)
        return terms

    def list(
        self,
        *where: ColumnElement[bool],
        order_by: Sequence[Any] | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[M]:
        order = order_by if order_by is not None else [getattr(self.model, c) for c in self.default_order]
        stmt = self.select().where(*where).order_by(*order).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt).unique())

    def rows(
        self,
        columns: Sequence[str],
        *where: ColumnElement[bool],
        order_by: Sequence[Any] | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Like :meth:`list`, as plain column values: no ORM objects to build and
        track (five times cheaper a row), for long read-only lists."""
        order = order_by if order_by is not None else [getattr(self.model, c) for c in self.default_order]
        stmt = select(*(getattr(self.model, c) for c in columns)).where(*where).order_by(*order).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [dict(r) for r in self.session.execute(stmt).mappings()]

    def count(self, *where: ColumnElement[bool]) -> int:
        stmt = select(func.count()).select_from(self.model).where(*where)
        return int(self.session.scalar(stmt) or 0)

    def exists(self, *where: ColumnElement[bool]) -> bool:
        stmt = select(self.model.id).where(*where).limit(1)
        return self.session.scalar(stmt) is not None
