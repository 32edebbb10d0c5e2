"""Sorting the paged lists in the database, on each backend: every key a table may
sort by, both ways, read back page by page; unknown keys refused before any SQL.

The expected order is worked out here in Python from what the services return:
the key's values in turn, then the id, all one way, empty values last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from heartbeat_desktop.core.errors import ValidationFailed
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.models import User
from heartbeat_desktop.repositories import (
    AppointmentRepository,
    AuditRepository,
    DoctorRepository,
    PatientRepository,
    UserRepository,
)
from heartbeat_desktop.repositories.base import UNKNOWN_SORT
from heartbeat_desktop.schemas.text import fold, name_key, phone_digits
from tests.helpers import STAFF_PASSWORD, at, booking, doctor_data, patient_data

PAGE = 3
MOSCOW = ZoneInfo("Europe/Moscow")  # the clinic zone of the test settings
Part = Callable[[Any], Any]


def expected_ids(rows: Sequence[Any], parts: Sequence[Part], descending: bool) -> list[int]:
    """The ids in the order the database must give: each part in turn, then the id."""
    ordered = sorted(rows, key=lambda r: r.id, reverse=descending)
    for part in reversed(parts):  # stable sorts, least significant first
        present = [r for r in ordered if part(r) is not None]
        empty = [r for r in ordered if part(r) is None]
        ordered = sorted(present, key=part, reverse=descending) + empty
    return [r.id for r in ordered]


def paged_ids(fetch: Callable[..., Sequence[Any]], **kwargs: Any) -> list[int]:
    """Every row, read ``PAGE`` at a time as the lazy tables read them."""
    ids: list[int] = []
    while True:
        page = fetch(offset=len(ids), limit=PAGE, **kwargs)
        ids += [r.id for r in page]
        if len(page) < PAGE:
            return ids


def check_every_key(fetch: Callable[..., Sequence[Any]], rows: Sequence[Any],
                    keys: dict[str, Sequence[Part]], whitelist: Any) -> None:
    """Each key both ways gives the expected order across pages; all mismatches reported at once."""
    assert set(keys) == set(whitelist), "a sort key without a test (or a test for a key that went)"
    wrong = {}
    for key, parts in keys.items():
        for descending in (False, True):
            got = paged_ids(fetch, order=key, descending=descending)
            want = expected_ids(rows, parts, descending)
            if got != want:
                wrong[(key, descending)] = {"got": got, "want": want}
    assert wrong == {}


def refused(call: Callable[..., Any], **kwargs: Any) -> None:
    for bad in ("id", "password_hash", "name_key; DROP TABLE patients", "NAME", ""):
        with pytest.raises(ValidationFailed) as caught:
            call(order=bad, **kwargs)
        assert str(caught.value) == UNKNOWN_SORT


# --- patients and doctors --------------------------------------------------------

def person_name(p: Any) -> str:
    return name_key(p.last_name, p.first_name, p.middle_name)


def phone(p: Any) -> str | None:
    return phone_digits(p.phone) if p.phone else None


PATIENTS = [  # last, first, birth date, phone, e-mail
    ("Яковлев", "Пётр", date(1980, 5, 17), "+7 916 000-00-09", None),
    ("ван Дейк", "Анна", date(1990, 1, 2), None, "anna@example.com"),  # mixed case: kept as typed
    ("Ёлкина", "Мария", date(1975, 3, 4), "+7 916 000-00-01", "maria@example.com"),
    ("Елисеев", "Олег", date(1980, 5, 17), None, None),
    ("абрамова", "ольга", date(2001, 7, 8), "+7 903 000-00-05", "olga@example.com"),  # -> "Абрамова"
    ("Борисов", "Иван", date(1966, 6, 6), "+7 916 000-00-01", None),
    ("Борисов", "Иван", date(1999, 9, 9), "+7 495 000-00-07", "ivan@example.com"),  # same name
    ("МакКуин", "Дарья", date(1980, 5, 17), None, "daria@example.com"),
    ("Smith", "John", date(1990, 1, 2), "+44 20 7946 0000", "john@example.com"),
    ("БОРИСОВА", "АННА", date(1985, 1, 1), "+7 916 000-00-03", None),  # -> "Борисова Анна"
]


@pytest.fixture
def patients(hb, admin_token) -> list[Any]:  # noqa: ANN001
    return [hb.patients.create(admin_token, patient_data(last_name=last, first_name=first, middle_name=None,
                                                         birth_date=born, phone=tel, email=mail))
            for last, first, born, tel, mail in PATIENTS]


def test_patients_by_name_ignore_case_and_yo(hb, admin_token, patients):
    names = [f"{p.last_name} {p.first_name}" for p in hb.patients.search(admin_token, order="name")]
    assert names == ["Smith John", "Абрамова Ольга", "Борисов Иван", "Борисов Иван", "Борисова Анна",
                     "ван Дейк Анна", "Елисеев Олег", "Ёлкина Мария", "МакКуин Дарья", "Яковлев Пётр"]
    reverse = hb.patients.search(admin_token, order="name", descending=True)
    assert [p.id for p in reverse] == [p.id for p in hb.patients.search(admin_token, order="name")][::-1]
    assert [p.id for p in hb.patients.search(admin_token)] == [p.id for p in reverse][::-1]  # the default


def test_patients_sort_by_every_key_across_pages(hb, admin_token, patients):
    check_every_key(lambda **kw: hb.patients.search(admin_token, **kw), patients, {
        "name": [person_name],
        "phone": [phone],
        "birth_date": [lambda p: p.birth_date, person_name],
        "email": [lambda p: p.email],
    }, PatientRepository.sort_keys)


def test_sorting_keeps_to_the_search(hb, admin_token, patients):
    found = hb.patients.search(admin_token, "бор", order="birth_date", descending=True)
    assert [(p.last_name, p.birth_date.year) for p in found] == [
        ("Борисов", 1999), ("Борисова", 1985), ("Борисов", 1966)]


def test_doctors_sort_by_every_key_across_pages(hb, admin_token):
    rows = [("Петрова", "Терапевт", "101", "+7 916 100-00-01"), ("де Сото", "Хирург", None, None),
            ("Ёрохов", "Терапевт", "205", "+7 916 100-00-02"), ("Абрамов", "Кардиолог", "101", None),
            ("ИВАНОВ", "Невролог", "3", "+7 916 100-00-00")]
    doctors = [hb.doctors.create(admin_token, doctor_data(last_name=last, specialty=spec, room=room, phone=tel))
               for last, spec, room, tel in rows]
    doctors[1] = hb.doctors.set_active(admin_token, doctors[1].id, False, doctors[1].version)
    check_every_key(lambda **kw: hb.doctors.search(admin_token, **kw), doctors, {
        "name": [person_name],
        "phone": [phone],
        "specialty": [lambda d: d.specialty, person_name],
        "room": [lambda d: d.room, person_name],
        "active": [lambda d: d.is_active, person_name],
    }, DoctorRepository.sort_keys)


def test_people_refuse_unknown_sort_keys(hb, admin_token):
    refused(lambda **kw: hb.patients.search(admin_token, **kw))
    refused(lambda **kw: hb.doctors.search(admin_token, **kw), descending=True)


# --- users --------------------------------------------------------------------------

def test_users_sort_by_every_key_across_pages(hb, admin_token):
    for name, role in (("Boris", "doctor"), ("anna", "receptionist"), ("Zoe", "admin"), ("carl", "doctor")):
        hb.users.create(admin_token, {"username": name, "full_name": name, "password": STAFF_PASSWORD, "role": role})
    moment = datetime(2024, 3, 1, 9, tzinfo=timezone.utc)
    with hb.ctx.db.write_sessions() as session:  # sign-ins and lockouts as the desks would leave them
        session.execute(update(User).where(User.username_key == "boris")
                        .values(last_login_at=moment, locked_until=moment + timedelta(minutes=5)))
        session.execute(update(User).where(User.username_key == "anna")
                        .values(last_login_at=moment + timedelta(days=1), is_active=False))
        session.execute(update(User).where(User.username_key == "carl")
                        .values(last_login_at=moment, locked_until=moment + timedelta(minutes=1)))
        session.commit()
    users = hb.users.list(admin_token)
    assert [u.username for u in users] == ["admin", "anna", "Boris", "carl", "Zoe"]  # the default: by name
    check_every_key(lambda **kw: hb.users.list(admin_token, **kw), users, {
        "username": [lambda u: fold(u.username)],
        "role": [lambda u: u.role.value, lambda u: fold(u.username)],
        "active": [lambda u: u.is_active, lambda u: fold(u.username)],
        "last_login": [lambda u: u.last_login_at],
        "locked_until": [lambda u: u.locked_until],
    }, UserRepository.sort_keys)
    refused(lambda **kw: hb.users.list(admin_token, **kw))


# --- appointments and the audit log ----------------------------------------------------

@pytest.fixture
def bookings(hb, admin_token) -> list[Any]:  # noqa: ANN001
    token = admin_token
    doctors = [hb.doctors.create(token, doctor_data(last_name=n)).id for n in ("Петрова", "де Сото", "Ёрохов")]
    patients = [hb.patients.create(token, patient_data(last_name=n, phone=None)).id
                for n in ("Яковлев", "абрамова", "ван Дейк", "Борисов")]
    made = []
    for i, (hour, minute) in enumerate([(10, 0), (9, 0), (10, 0), (11, 30), (9, 30), (12, 0), (14, 0), (10, 0)]):
        made.append(hb.appointments.create(token, booking(doctors[i % 3], patients[i % 4], at(hour, minute))))
    for i, status in ((1, Status.CANCELLED), (3, Status.ARRIVED), (4, Status.NO_SHOW), (5, Status.IN_PROGRESS)):
        made[i] = hb.appointments.set_status(token, made[i].id, status, made[i].version)
    return made


def test_appointments_sort_by_every_key_across_pages(hb, admin_token, bookings):
    statuses = list(Status)
    check_every_key(lambda **kw: hb.appointments.list(admin_token, **kw), bookings, {
        "starts_at": [lambda a: a.starts_at],
        "doctor": [lambda a: fold(a.doctor_name), lambda a: a.starts_at],
        "patient": [lambda a: fold(a.patient_name), lambda a: a.starts_at],
        "status": [lambda a: statuses.index(a.status), lambda a: a.starts_at],
    }, AppointmentRepository.sort_keys)
    by_patient = hb.appointments.list(admin_token, order="patient")
    assert [a.patient_name.split()[0] for a in by_patient][::2] == ["Абрамова", "Борисов", "ван", "Яковлев"]


def test_appointments_sorting_keeps_the_filters_and_the_default(hb, admin_token, bookings):
    from_ten = at(10).replace(tzinfo=MOSCOW)
    only = hb.appointments.list(admin_token, starts_from=at(10), statuses=(Status.SCHEDULED,),
                                order="doctor", descending=True)
    kept = [a for a in bookings if a.status == Status.SCHEDULED and a.starts_at >= from_ten]
    assert len(kept) >= 2
    assert [a.id for a in only] == expected_ids(kept, [lambda a: fold(a.doctor_name), lambda a: a.starts_at], True)
    by_start = expected_ids(bookings, [lambda a: a.starts_at], False)
    assert [a.id for a in hb.appointments.list(admin_token)] == by_start  # the default
    assert [a.id for a in hb.appointments.list(admin_token, newest_first=True)] == by_start[::-1]
    refused(lambda **kw: hb.appointments.list(admin_token, **kw))


def test_audit_log_sorts_by_every_key_across_pages(hb, admin_token, bookings):
    entries = hb.audit.list(admin_token, limit=1000)
    assert len(entries) > 2 * PAGE and len({e.action for e in entries}) > 2
    check_every_key(lambda **kw: hb.audit.list(admin_token, **kw), entries, {
        "at": [lambda e: e.at],
        "user": [lambda e: e.username, lambda e: e.at],
        "action": [lambda e: e.action, lambda e: e.at],
        "entity": [lambda e: e.entity, lambda e: e.entity_id, lambda e: e.at],
        "entity_id": [lambda e: e.entity_id, lambda e: e.at],
    }, AuditRepository.sort_keys)
    assert [e.id for e in entries] == expected_ids(entries, [lambda e: e.at], True)  # the default: newest first
    refused(lambda **kw: hb.audit.list(admin_token, **kw))


def test_audit_log_filters_by_several_accounts(hb, admin_token):
    for name in ("anna", "boris", "carl"):
        hb.users.create(admin_token, {"username": name, "password": STAFF_PASSWORD, "role": "receptionist"})
        hb.auth.login(name, STAFF_PASSWORD)
    ids = {u.username: u.id for u in hb.users.list(admin_token)}
    found = hb.audit.list(admin_token, user_ids=[ids["anna"], ids["carl"]], order="user")
    assert [(e.username, e.action) for e in found] == [("anna", "login"), ("carl", "login")]
    assert hb.audit.list(admin_token, user_ids=[]) == []
