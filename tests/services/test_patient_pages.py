"""The patients list's keyset pages: the same rows, in the same order, as one
search, for every sort key in both directions, across ties and empty values."""

from __future__ import annotations

from itertools import count

import pytest

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.schemas import PatientRow
from tests.helpers import patient_data

SORT_KEYS = ("name", "phone", "birth_date", "email")


@pytest.fixture
def crowd(hb, admin_token):
    """Namesakes, shared birth dates, and patients without phone or e-mail: the
    ties and NULLs a cursor must step over exactly once."""
    serial = count(1)
    people = []
    for last in ("Иванов", "иванова", "Ёлкин", "Елкин", "Abbott", "Иванов"):
        for has_contacts in (True, False):
            n = next(serial)
            people.append(hb.patients.create(admin_token, patient_data(
                last_name=last, first_name="Пётр" if n % 2 else "Анна",
                birth_date=patient_data()["birth_date"].replace(year=1980 + n % 3),
                phone=f"+7 916 000-00-{n:02d}" if has_contacts else None,
                email=f"p{n % 4}@example.com" if has_contacts else None)))
    return people


def all_pages(hb, token, limit, query="", **sort):
    """Every page of ``query`` in turn, each from the last one's cursor: (rows, pages asked)."""
    rows, after, pages = [], None, 0
    while True:
        page = hb.patients.page(token, query, after=after, limit=limit, **sort)
        rows, after, pages = rows + list(page.rows), page.after, pages + 1
        if after is None:
            return rows, pages


@pytest.mark.parametrize("key", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_walk_every_patient_once_in_the_search_order(hb, admin_token, crowd, key, descending):
    expected = [p.id for p in hb.patients.search(admin_token, "", limit=100, order=key, descending=descending)]
    rows, pages = all_pages(hb, admin_token, 5, order=key, descending=descending)
    assert [r.id for r in rows] == expected
    assert len(expected) == len(crowd) and pages == 3  # 5 + 5 + 2: the short page ends it


def test_a_page_holds_the_patient_as_the_card_shows_it(hb, admin_token, crowd):
    rows, _ = all_pages(hb, admin_token, 50)
    first = rows[0]
    assert isinstance(first, PatientRow)
    read = hb.patients.get(admin_token, first.id)
    assert first == tuple(getattr(read, f) for f in PatientRow._fields)
    assert first.full_name == read.full_name


def test_a_search_pages_too_and_a_full_last_page_ends_with_an_empty_one(hb, admin_token, crowd):
    namesakes = [p.id for p in hb.patients.search(admin_token, "иванов", limit=100)]
    assert len(namesakes) == 6
    rows, pages = all_pages(hb, admin_token, 3, "иванов")
    assert [r.id for r in rows] == namesakes and pages == 3


def test_a_cursor_from_another_order_is_refused_in_words(hb, admin_token, crowd):
    page = hb.patients.page(admin_token, "", limit=2, order="birth_date")
    with pytest.raises(ValidationFailed, match="changed its order"):
        hb.patients.page(admin_token, "", after=page.after + (1,), limit=2, order="birth_date")


def test_an_unknown_order_is_refused(hb, admin_token, crowd):
    with pytest.raises(ValidationFailed):
        hb.patients.page(admin_token, "", order="notes")
