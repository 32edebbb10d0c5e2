"""Bulk loading: many rows into one table, for demo data (and later, imports).

SQLAlchemy's own executemany runs every value of every row through its column
type, a Python call or two per datetime; a million appointments spent a third
of their load time there.  Here each column's bind processor runs once per
*distinct* value (a clinic's slot times repeat across doctors and days, and
the creation time is one value for the whole load), and the driver gets plain
tuples, as a hand-written ``executemany`` would give it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert


def insert_many(conn: Connection, table: Table, rows: Iterable[Mapping[str, Any]],
                columns: Sequence[str] | None = None) -> int:
    """INSERT ``rows`` (mappings holding every one of ``columns``; by default
    the first row's keys) into ``table``; returns how many.  Values are stored
    exactly as the ORM would store them."""
    rows = list(rows)
    if not rows:
        return 0
    columns = list(columns if columns is not None else rows[0])
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    # the driver's order: the statement's parameters (positional) or their names
    names = list(compiled.positiontup) if compiled.positional else list(columns)
    pick = itemgetter(*names)
    binders = [_memoized(table.c[name].type.bind_processor(dialect)) for name in names]
    converting = [(i, bind) for i, bind in enumerate(binders) if bind is not None]
    params: list[Any] = []
    for row in rows:
        values = list(pick(row)) if len(names) > 1 else [pick(row)]
        for i, bind in converting:
            values[i] = bind(values[i])
        params.append(tuple(values) if compiled.positional else dict(zip(names, values, strict=True)))
    conn.exec_driver_sql(compiled.string, params)
    return len(rows)


def _memoized(process: Any) -> Any:
    """``process`` with its results kept per value (None: no processing at all)."""
    if process is None:
        return None
    seen: dict[Any, Any] = {}

    def bind(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = process(value)
            return result
        except TypeError:  # unhashable: as it is
            return process(value)
    return bind
