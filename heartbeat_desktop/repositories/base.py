"""The generic repository: CRUD over one mapped class, in SQLAlchemy 2.0 style.

Repositories only query and stage changes on the session they are given; the
unit of work owns the transaction (cosmicpython, chapter 6).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import (
    Column,
    ColumnElement,
    Select,
    and_,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from heartbeat_desktop.core.errors import Text, ValidationFailed
from heartbeat_desktop.models.base import Base

M = TypeVar("M", bound=Base)
T = TypeVar("T")

UNKNOWN_SORT = Text("errors", "This list cannot be sorted by that column.")
# ids are INTEGER columns: 32 bits on PostgreSQL, which refuses a larger number
# in a comparison ("integer out of range"); SQLite's driver refuses past 64 bits
ID_RANGE = range(-(2**31), 2**31)
MAX_ROWS = 2**62  # an OFFSET or LIMIT past this is no different from it (and fits BIGINT)


def id_is(column: Any, value: int) -> ColumnElement[bool]:
    """``column == value``; plain false for a number no id can be (nothing has that id)."""
    return column == value if value in ID_RANGE else false()


def id_is_not(column: Any, value: int) -> ColumnElement[bool]:
    return column != value if value in ID_RANGE else true()


def rows_bound(value: int) -> int:
    return min(max(value, 0), MAX_ROWS)


def _nullable(expr: Any) -> bool:
    column = getattr(expr, "expression", expr)
    return isinstance(column, Column) and bool(column.nullable)


class SortTerm:
    """One ORDER BY term of a sort key, and what "after a value" means for it
    (empty values last, in either direction)."""

    def __init__(self, expr: Any, descending: bool) -> None:
        self.expr, self.descending, self.nullable = expr, descending, _nullable(expr)

    def clause(self) -> Any:
        term = self.expr.desc() if self.descending else self.expr.asc()
        return term.nulls_last() if self.nullable else term

    def equal(self, value: Any) -> ColumnElement[bool]:
        return self.expr.is_(None) if value is None else self.expr == value

    def beyond(self, value: Any) -> ColumnElement[bool] | None:
        """Rows after ``value`` in this term's order; None: nothing (empty comes last)."""
        if value is None:
            return None
        past = self.expr < value if self.descending else self.expr > value
        return or_(past, self.expr.is_(None)) if self.nullable else past


def after_clause(terms: Sequence[SortTerm], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows that sort after ``values`` (one per term): the keyset condition,
    spelled out term by term so that empty values order the same as in SQL."""
    if len(values) != len(terms):
        raise ValidationFailed({"after": Text("errors", "This list changed its order; load it again.")})
    either = []
    for i, (term, value) in enumerate(zip(terms, values, strict=True)):
        beyond = term.beyond(value)
        if beyond is not None:
            either.append(and_(*(t.equal(v) for t, v in zip(terms[:i], values[:i], strict=True)), beyond))
    clause = or_(*either) if either else false()
    first, start = terms[0], values[0]
    if not first.nullable and start is not None:  # a bound the index can seek to
        clause = and_(first.expr <= start if first.descending else first.expr >= start, clause)
    return clause


class Repository(Generic[M]):
    model: ClassVar[type[Any]]
    default_order: ClassVar[tuple[str, ...]] = ("id",)
    # what a person may sort a list by: key -> the attributes it orders by (see ``order_by``)
    sort_keys: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, id_: int) -> M | None:
        if id_ not in ID_RANGE:
            return None  # no row has it, and the database would refuse to look
        return self.session.get(self.model, id_)

    def lock(self, id_: int) -> M | None:
        """Load a row and keep others from locking it until this transaction ends.

        PostgreSQL only (``FOR NO KEY UPDATE``, which foreign key checks pass);
        SQLite's write transaction already holds the whole database.
        """
        stmt = (select(self.model).where(id_is(self.model.id, id_)).with_for_update(key_share=True)
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

    def sort_terms(self, key: str, descending: bool = False) -> list[SortTerm]:
        """The terms a sort key orders by: its attributes, then the id (so pages
        never overlap or skip).  A key not in ``sort_keys`` is refused before
        any SQL is built."""
        if not isinstance(key, str) or key not in self.sort_keys:
            raise ValidationFailed({"order": UNKNOWN_SORT})
        return [SortTerm(self.sort_column(name), descending) for name in (*self.sort_keys[key], "id")]

    def order_by(self, key: str | None, descending: bool = False) -> list[Any] | None:
        """The ORDER BY of a sort chosen in a table: None (no key) keeps ``list``'s default order.

        All terms in one direction; empty values last either way.
        """
        if key is None:
            return None
        return [term.clause() for term in self.sort_terms(key, descending)]

    def list(
        self,
        *where: ColumnElement[bool],
        order_by: Sequence[Any] | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[M]:
        order = order_by if order_by is not None else [getattr(self.model, c) for c in self.default_order]
        stmt = self.select().where(*where).order_by(*order).offset(rows_bound(offset))
        if limit is not None:
            stmt = stmt.limit(rows_bound(limit))
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
        stmt = (select(*(getattr(self.model, c) for c in columns)).where(*where).order_by(*order)
                .offset(rows_bound(offset)))
        if limit is not None:
            stmt = stmt.limit(rows_bound(limit))
        return [dict(r) for r in self.session.execute(stmt).mappings()]

    def page(
        self,
        columns: Sequence[str],
        *where: ColumnElement[bool],
        key: str,
        descending: bool = False,
        after: Sequence[Any] | None = None,
        limit: int = 200,
        make: Callable[[Sequence[Any]], T] = tuple,  # type: ignore[assignment]
    ) -> tuple[list[T], tuple[Any, ...] | None]:
        """One page of plain rows in ``key``'s order, starting after the cursor ``after``.

        Returns the rows (``make`` of the ``columns``' values; tuples by default)
        and the cursor of the next page, None after the last.  The cursor holds
        the last row's sort values: the next page seeks to it in the index
        (keyset paging), so page 100 costs what page 1 does, where an OFFSET
        re-reads every row before it.
        """
        terms = self.sort_terms(key, descending)
        stmt = select(*(getattr(self.model, c) for c in columns), *(t.expr for t in terms)).where(*where)
        if after is not None:
            stmt = stmt.where(after_clause(terms, after))
        stmt = stmt.order_by(*(t.clause() for t in terms)).limit(rows_bound(limit))
        # Core, not the ORM: plain column values need none of its per-row work (half the time)
        found = self.session.connection().execute(stmt).all()
        n = len(columns)
        cursor = tuple(found[-1][n:]) if found and len(found) == limit else None
        return [make(row[:n]) for row in found], cursor

    def count(self, *where: ColumnElement[bool]) -> int:
        stmt = select(func.count()).select_from(self.model).where(*where)
        return int(self.session.scalar(stmt) or 0)

    def exists(self, *where: ColumnElement[bool]) -> bool:
        stmt = select(self.model.id).where(*where).limit(1)
        return self.session.scalar(stmt) is not None
