"""Turning the loaded rows into the reloaded ones: the fewest rows taken out and put in."""

from __future__ import annotations

import random

from heartbeat_desktop.schemas import Page
from heartbeat_desktop.ui.models.row_sync import fetch_loaded, plan, spans


def applied(old: list[int], new: list[int]) -> list[int]:
    """``plan``'s steps done on a list, as the model does them."""
    rows, step = list(old), plan(old, new)
    for first, last in reversed(step.removals):
        del rows[first:last + 1]
    for first, last in step.insertions:
        rows[first:first] = new[first:last + 1]
    return rows


def test_unchanged_rows_stay_and_only_what_came_or_went_is_announced():
    assert plan([1, 2, 3], [1, 2, 3]) == plan([], [])
    step = plan([1, 2, 3, 4], [1, 9, 2, 4, 5])  # 9 new, 3 gone, 5 new at the end
    assert step.removals == [(2, 2)] and step.insertions == [(1, 1), (4, 4)]


def test_a_row_that_moved_is_taken_out_and_put_back_alone():
    step = plan([1, 2, 3, 4, 5], [1, 3, 4, 5, 2])  # 2 renamed: now sorts last
    assert step.removals == [(1, 1)] and step.insertions == [(4, 4)]


def test_any_lists_become_the_new_one():
    rng = random.Random(7)
    for _ in range(300):
        old = rng.sample(range(40), rng.randint(0, 30))
        new = rng.sample(range(40), rng.randint(0, 30))
        assert applied(old, new) == new


def test_spans_are_runs_of_rows():
    assert spans([1, 2, 3, 7, 9, 10]) == [(1, 3), (7, 7), (9, 10)]


def test_fetch_loaded_asks_in_pages_by_offset_or_by_cursor():
    data = list(range(23))
    asked = []

    def by_offset(query, offset, limit, **sort):
        asked.append((offset, limit, sort))
        return data[offset:offset + limit]

    loaded = fetch_loaded(by_offset, "", 12, 5, order="name", descending=False)
    assert loaded.rows == data[:12] and not loaded.exhausted
    assert [(o, n) for o, n, _ in asked] == [(0, 5), (5, 5), (10, 2)] and asked[0][2] == {"order": "name",
                                                                                          "descending": False}
    assert fetch_loaded(by_offset, "", 40, 50).exhausted

    def by_cursor(query, offset, limit, after=None):
        start = 0 if after is None else after[0] + 1
        rows = data[start:start + limit]
        return Page(rows, (rows[-1],) if len(rows) == limit else None)

    loaded = fetch_loaded(by_cursor, "", 12, 5)
    assert loaded.rows == data[:12] and loaded.after == (11,) and not loaded.exhausted
    assert fetch_loaded(by_cursor, "", 30, 5).exhausted
