"""PersonRepository's search clause, straight on a session of each backend: what each
kind of query means, that wildcards stay literal, that the name range uses the index."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select, text

from heartbeat_desktop.models import Doctor, Patient
from heartbeat_desktop.repositories.people import MIN_PHONE_DIGITS, _next_prefix, parse_date
from heartbeat_desktop.schemas.text import name_key
from heartbeat_desktop.services.unit_of_work import UnitOfWork

PEOPLE = [
    # last, first, middle, birth date, phone digits
    ("Иванов", "Пётр", "Сергеевич", date(1980, 5, 17), "79161234567"),
    ("Иванова", "Анна", "Петровна", date(1990, 1, 2), "79035556677"),
    ("Ёлкина", "Мария", None, date(1975, 3, 4), None),
    ("Елкин", "Олег", None, date(1985, 6, 7), "79261112233"),
    ("Яковлев", "Ян", None, date(2000, 2, 29), "442079460958"),
    ("Smith", "John", None, date(1980, 5, 17), None),
    ("Иван", "Иван", None, date(1999, 9, 9), None),
]


def person(model: type, last: str, first: str, middle: str | None, **extra: Any) -> Any:
    return model(last_name=last, first_name=first, middle_name=middle, name_key=name_key(last, first, middle),
                 is_active=True, **extra)


@pytest.fixture
def filled(hb) -> dict[str, int]:  # noqa: ANN001
    with hb.ctx.db.write_sessions() as session:
        rows = {last: person(Patient, last, first, middle, birth_date=born, phone_digits=digits)
                for last, first, middle, born, digits in PEOPLE}
        session.add_all(rows.values())
        session.add(person(Doctor, "Иванов", "Доктор", None, specialty="Терапевт", phone_digits="74950001122"))
        session.commit()
        return {k: v.id for k, v in rows.items()}


def search(hb, query: str) -> list[str]:  # noqa: ANN001
    with UnitOfWork(hb.ctx.db) as uow:
        return [p.last_name for p in uow.patients.list(uow.patients.search_clause(query))]


def test_results_are_ordered_by_name_key(hb, filled):
    # code point order on both backends ("C" collation on PostgreSQL): Latin before
    # Cyrillic, and ё sorted as е because the key folds it
    assert search(hb, "") == ["Smith", "Елкин", "Ёлкина", "Иван", "Иванов", "Иванова", "Яковлев"]
    with UnitOfWork(hb.ctx.db) as uow:
        stored = [p.name_key for p in uow.patients.list()]
    assert stored == sorted(stored)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("иван", ["Иван", "Иванов", "Иванова"]),
        ("ИВАНОВ", ["Иванов", "Иванова"]),
        ("Иван И.", ["Иван"]),
        ("иванов п", ["Иванов"]),
        ("ёлк", ["Елкин", "Ёлкина"]),
        ("ёлкина", ["Ёлкина"]),
        ("елк", ["Елкин", "Ёлкина"]),
        ("Елкин О", ["Елкин"]),
        ("яковлев я", ["Яковлев"]),
        ("я", ["Яковлев"]),
        ("SMITH j.", ["Smith"]),
        ("1234", ["Иванов"]),
        ("8 903 555", ["Иванова"]),
        ("+44 20", ["Яковлев"]),
        ("29.02.2000", ["Яковлев"]),
        ("17.05.1980", ["Иванов", "Smith"]),
        ("%", []),
        ("и%", []),
        ("иван_", []),
        ("Иванов .", ["Иванов", "Иванова"]),  # the dot is an initial's mark, nothing more
    ],
)
def test_search_clause(hb, filled, query, expected):
    assert sorted(search(hb, query)) == sorted(expected)


def test_doctors_are_searched_on_their_own_table(hb, filled):
    with UnitOfWork(hb.ctx.db) as uow:
        assert [d.first_name for d in uow.doctors.list(uow.doctors.search_clause("иванов"))] == ["Доктор"]
        assert [d.first_name for d in uow.doctors.list(uow.doctors.search_clause("0001122"))] == ["Доктор"]
        # a date means nothing for doctors: it is searched as a name and finds none
        assert uow.doctors.list(uow.doctors.search_clause("17.05.1980")) == []


def test_too_few_digits_find_nothing(hb, filled):
    assert MIN_PHONE_DIGITS == 3
    assert search(hb, "12") == []
    assert search(hb, "+7") == []
    assert search(hb, "123") == ["Иванов"]


def test_count_agrees_with_list(hb, filled):
    with UnitOfWork(hb.ctx.db) as uow:
        for query in ("", "иван", "Иванов П.", "1234", "17.05.1980", "%", "ё"):
            clause = uow.patients.search_clause(query)
            assert uow.patients.count(clause) == len(uow.patients.list(clause)), query


def test_possible_duplicates_in_the_repository(hb, filled):
    with UnitOfWork(hb.ctx.db) as uow:
        ivanov = uow.patients.get(filled["Иванов"])
        assert uow.patients.possible_duplicates(ivanov) == []  # not itself
        probe = person(Patient, "ИВАНОВ", "пётр", "сергеевич", birth_date=date(1980, 5, 17),
                       phone_digits="79261112233")
        assert {p.last_name for p in uow.patients.possible_duplicates(probe)} == {"Иванов", "Елкин"}


def test_name_prefix_uses_the_index(hb, filled):
    """The search box is typed into on every key press: the name range must be an index range."""
    with UnitOfWork(hb.ctx.db) as uow:
        query = select(Patient.id).where(uow.patients.search_clause("иван"))
        compiled = query.compile(uow.session.bind, compile_kwargs={"literal_binds": True})
        if hb.ctx.db.dialect == "sqlite":
            plan = " ".join(str(r[-1]) for r in uow.session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        else:
            uow.session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = " ".join(r[0] for r in uow.session.execute(text(f"EXPLAIN {compiled}")))
        assert "ix_patients_name_key" in plan, plan


def test_next_prefix_bounds_every_continuation():
    for prefix in ("иван", "я", "z", "елк"):
        upper = _next_prefix(prefix)
        assert prefix < upper
        for tail in ("", " ", "а", "я", "ё", "zzz", "\U0010ffff"):
            assert prefix + tail < upper


def test_parse_date():
    assert parse_date("17.05.1980") == date(1980, 5, 17)
    assert parse_date("1980-05-17") == date(1980, 5, 17)
    assert parse_date("17/05/1980") == date(1980, 5, 17)
    assert parse_date("31.02.1980") is None
    assert parse_date("Иванов") is None
