"""Bulk loading: many rows into one table, for demo data (and later, imports).

SQLAlchemy's own executemany runs every value of every row through its column
type, a Python call or two per datetime; a million appointments spent a third
of their load time there.  Here each column's bind processor runs once per
*distinct* value (a clinic's slot times repeat across doctors and days, and
the creation time is one value for the whole load), and the driver gets plain
tuples, as a hand-written ``executemany`` would give it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert


def insert_many(conn: Connection, table: Table, rows: Iterable[Mapping[str, Any]],
                columns: Sequence[str] | None = None) -> int:
    """INSERT ``rows`` (mappings holding every one of ``columns``; by default
    the first row's keys) into ``table``; returns how many.  Values are stored
    exactly as the ORM would store them, and a column left out that has a plain
    default (``default=False``) gets it, as the ORM would give it."""
    rows = list(rows)
    if not rows:
        return 0
    columns = list(columns if columns is not None else rows[0])
    defaults = {c.key: c.default.arg for c in table.columns  # type: ignore[attr-defined]
                if c.key not in columns and c.default is not None and c.default.is_scalar}
    columns += defaults
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    # the driver's order: the statement's parameters (positional) or their names
    names = list(compiled.positiontup) if compiled.positional else list(columns)
    values = [[defaults[name]] * len(rows) if name in defaults else list(map(itemgetter(name), rows))
              for name in names]  # column by column, in C
    for i, name in enumerate(names):  # column by column: each distinct value bound once
        # the dialect's own form of the type: a TypeDecorator's generic bind_processor skips its
        # impl's (SQLAlchemy 2.1 then handed SQLite naive datetimes, stored without ".000000")
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            values[i] = _bound(values[i], process)
    params: list[Any] = list(zip(*values))
    if not compiled.positional:
        params = [dict(zip(names, row, strict=True)) for row in params]
    conn.exec_driver_sql(compiled.string, params)
    return len(rows)


def _bound(column: Sequence[Any], process: Callable[[Any], Any]) -> list[Any]:
    """``process`` of every value, run once per distinct value (the lookups run in C)."""
    try:
        bound = {value: process(value) for value in set(column)}
    except TypeError:  # an unhashable value (a JSON document): one by one
        return [process(value) for value in column]
    return list(map(bound.__getitem__, column))
