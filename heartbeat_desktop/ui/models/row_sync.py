"""Bringing a table's loaded rows up to date without losing the reader's place.

When another desk's change cannot be pinned to one loaded row (a new record,
or SQLite's "something changed"), the table loads again as many rows as it
holds: :func:`fetch_loaded` asks the table's loader for them in a few calls
(off the GUI thread).  :func:`plan` then says which rows to remove and which
to insert to turn the old list into the new one.  Every row whose place among
the others did not change stays where it is (the longest run of ids in the
same order in both lists), so a view keeps its selection and only the rows
that came, went or moved are announced to it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from heartbeat_desktop.schemas import Page

Span = tuple[int, int]  # first and last row, inclusive (Qt's begin/end rows)


@dataclass(frozen=True)
class Loaded:
    rows: list[Any]
    after: tuple[Any, ...] | None  # a keyset loader's cursor for the next page
    exhausted: bool  # the list ends here


def fetch_loaded(loader: Callable[..., Any], query: str, count: int, page_limit: int,
                 **sort: Any) -> Loaded:
    """The first ``count`` rows of the list (fewer if it is shorter), in pages of at most ``page_limit``.

    Called like the model's ``fetchMore`` calls the loader: offsets for a
    loader returning lists, ``after=`` cursors for one returning Pages.
    """
    rows: list[Any] = []
    after: tuple[Any, ...] | None = None
    while True:
        limit = max(1, min(page_limit, count - len(rows)))
        cursor = {} if after is None else {"after": after}
        result = loader(query, len(rows), limit, **cursor, **sort)
        if isinstance(result, Page):
            got, after = list(result.rows), result.after
            done = after is None
        else:
            got = list(result)
            done = len(got) < limit
        rows.extend(got)
        if done or len(rows) >= count:
            return Loaded(rows, after, done)


@dataclass(frozen=True)
class Plan:
    removals: list[Span]  # in the old list's rows: apply from the last one up
    insertions: list[Span]  # in the new list's rows: apply from the first one down


def plan(old_ids: Sequence[Any], new_ids: Sequence[Any]) -> Plan:
    """The removals and insertions that turn ``old_ids`` into ``new_ids``, keeping the most rows in place."""
    new_at: dict[Any, int] = {}
    for i, id_ in enumerate(new_ids):
        new_at.setdefault(id_, i)
    seen: set[Any] = set()
    candidates: list[tuple[int, int]] = []  # (old row, new row) of the ids in both
    for i, id_ in enumerate(old_ids):
        if id_ in new_at and id_ not in seen:
            seen.add(id_)
            candidates.append((i, new_at[id_]))
    steady = [candidates[k] for k in _longest_increasing([new for _old, new in candidates])]
    kept_old = {old for old, _new in steady}
    kept_new = {new for _old, new in steady}
    return Plan(removals=spans(i for i in range(len(old_ids)) if i not in kept_old),
                insertions=spans(i for i in range(len(new_ids)) if i not in kept_new))


def spans(rows: Iterable[int]) -> list[Span]:
    """Ascending row numbers as runs: 1, 2, 3, 7 -> (1, 3), (7, 7)."""
    runs: list[Span] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _longest_increasing(values: Sequence[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of ``values`` (O(n log n))."""
    tails: list[int] = []  # tails[k]: index of the smallest last value of a run of length k + 1
    tail_values: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect_left(tail_values, value)
        if k:
            previous[i] = tails[k - 1]
        if k == len(tails):
            tails.append(i)
            tail_values.append(value)
        else:
            tails[k], tail_values[k] = i, value
    found: list[int] = []
    i = tails[-1] if tails else -1
    while i >= 0:
        found.append(i)
        i = previous[i]
    return found[::-1]
