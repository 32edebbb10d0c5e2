"""The generic repository: CRUD over one mapped class, in SQLAlchemy 2.0 style.

Repositories only query and stage changes on the session they are given; the
unit of work owns the transaction (cosmicpython, chapter 6).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from heartbeat_desktop.models.base import Base

M = TypeVar("M", bound=Base)


class Repository(Generic[M]):
    model: ClassVar[type[Any]]
    default_order: ClassVar[tuple[str, ...]] = ("id",)

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

    def count(self, *where: ColumnElement[bool]) -> int:
        stmt = select(func.count()).select_from(self.model).where(*where)
        return int(self.session.scalar(stmt) or 0)

    def exists(self, *where: ColumnElement[bool]) -> bool:
        stmt = select(self.model.id).where(*where).limit(1)
        return self.session.scalar(stmt) is not None
