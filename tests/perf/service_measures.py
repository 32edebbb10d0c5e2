"""Search and booking through the services, against the same SQL on the raw driver.

The baseline statement is not written by hand: it is captured from the
service's own call (SQLAlchemy's ``before_cursor_execute``) and replayed on a
bare sqlite3/psycopg connection, so the ratio is exactly our overhead: token
check, session, ORM, schemas.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import event

from heartbeat_desktop.services import Heartbeat
from tests.perf.dataset import raw_connection
from tests.perf.report import Row, check, median, p95, timed

SEARCH_QUERIES = 200


@contextmanager
def captured(app: Heartbeat) -> Iterator[list[tuple[str, Any]]]:
    statements: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        statements.append((statement, parameters))

    engine = app.ctx.db.engine
    event.listen(engine, "before_cursor_execute", grab)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", grab)


def select_of(app: Heartbeat, table: str, call: Callable[[], Any]) -> tuple[str, Any]:
    """The last SELECT from ``table`` that ``call`` ran, with its parameters as the driver got them."""
    with captured(app) as seen:
        call()
    return next(s for s in reversed(seen) if f"FROM {table}" in s[0])


def search_queries(url: str, n: int = SEARCH_QUERIES, seed: int = 7) -> list[str]:
    """What a desk types: surname prefixes in any case, phone digit runs, birth dates."""
    rng = random.Random(seed)
    with raw_connection(url) as conn:
        people = list(conn.execute("SELECT last_name, phone_digits, birth_date FROM patients "
                                   "ORDER BY id LIMIT 5000").fetchall())
    queries = []
    for i in range(n):
        last, phone, born = rng.choice(people)
        kind = i % 5
        if kind <= 2:  # three in five: a surname prefix, typed in whatever case
            prefix = last[: rng.randint(2, 5)]
            queries.append(rng.choice([prefix.lower(), prefix.upper(), prefix]))
        elif kind == 3 and phone:
            start = rng.randint(1, max(1, len(phone) - 7))
            queries.append(phone[start:start + rng.randint(4, 7)])
        else:
            born = born if isinstance(born, date) else date.fromisoformat(str(born))
            queries.append(f"{born:%d.%m.%Y}")
    return queries


def _raw_runner(conn: Any, statement: str, parameters: Any) -> Callable[[], Any]:
    return lambda: conn.execute(statement, parameters).fetchall()


def measure_search(app: Heartbeat, token: str, url: str, backend: str) -> Row:
    queries = search_queries(url)
    statements = []
    for q in queries:  # warm-up, and the SQL each query runs
        statements.append(select_of(app, "patients", lambda q=q: app.patients.search(token, q, limit=50)))
    ours = [timed(lambda q=q: app.patients.search(token, q, limit=50)) for q in queries]
    with raw_connection(url) as conn:
        for statement, params in statements:
            conn.execute(statement, params).fetchall()
        raw = [timed(_raw_runner(conn, s, p)) for s, p in statements]
    return check("search-as-you-type, top 50, p95", backend, p95(ours) * 1000, p95(raw) * 1000, "ms",
                 max_ratio=2, max_ours=50 if backend == "sqlite" else None,
                 note=f"{len(queries)} queries (surname prefixes, phone digits, birth dates); "
                      f"medians {median(ours) * 1000:.2f} vs {median(raw) * 1000:.2f} ms")


def free_slots(app: Heartbeat, token: str, first_day: date, count: int) -> Iterator[tuple[int, datetime]]:
    """(doctor, start) of 20-minute slots inside working hours, on days nothing is booked yet."""
    zone = app.ctx.zone
    doctors = app.doctors.list_active(token)
    produced, day = 0, first_day
    while produced < count:
        for doctor in doctors:
            for hours in doctor.working_hours:
                if hours.weekday != day.weekday():
                    continue
                start = datetime.combine(day, hours.starts, tzinfo=zone)
                end = datetime.combine(day, hours.ends, tzinfo=zone)
                while start + timedelta(minutes=20) <= end and produced < count:
                    yield doctor.id, start
                    produced += 1
                    start += timedelta(minutes=20)
        day += timedelta(days=1)


def measure_booking(app: Heartbeat, token: str, url: str, backend: str, days_ahead: int,
                    bookings: int = 60) -> Row:
    with raw_connection(url) as conn:
        patient_ids = [r[0] for r in conn.execute("SELECT id FROM patients ORDER BY id LIMIT 2000").fetchall()]
    rng = random.Random(11)
    first_day = datetime.now(timezone.utc).date() + timedelta(days=days_ahead + 3)
    slots = list(free_slots(app, token, first_day, 2 * bookings + 1))
    ours_slots, raw_slots, probe = slots[:bookings], slots[bookings:2 * bookings], slots[-1]

    def book(doctor_id: int, start: datetime) -> None:
        app.appointments.create(token, {"doctor_id": doctor_id, "patient_id": rng.choice(patient_ids),
                                        "starts_at": start, "ends_at": start + timedelta(minutes=20),
                                        "reason": "Консультация"})

    with captured(app) as seen:  # the INSERT the service runs, to replay bare
        book(*probe)
    insert_sql, insert_params = next(s for s in seen if s[0].lstrip().upper().startswith("INSERT INTO APPOINTMENTS"))
    ours = [timed(lambda s=s: book(*s)) for s in ours_slots]

    with raw_connection(url) as conn:
        def bare(doctor_id: int, start: datetime) -> None:
            params = _with_times(insert_sql, insert_params, doctor_id, start, start + timedelta(minutes=20))
            if backend == "sqlite":
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(insert_sql, params)
                conn.execute("COMMIT")
            else:
                conn.execute(insert_sql, params)
                conn.commit()
        raw = [timed(lambda s=s: bare(*s)) for s in raw_slots]
    return check("book an appointment, median", backend, median(ours) * 1000, median(raw) * 1000, "ms",
                 max_ours=10 if backend == "sqlite" else 20,
                 note=f"{bookings} bookings: all checks, insert, audit; baseline the same INSERT alone")


def _with_times(statement: str, params: Any, doctor_id: int, start: datetime, end: datetime) -> Any:
    """The captured INSERT's parameters with another doctor and slot, as the driver gets them."""
    new = {"doctor_id": doctor_id, "starts_at": start, "ends_at": end}
    if isinstance(params, dict):  # psycopg: named parameters
        return {**params, **new}
    # sqlite3: positional, in the statement's column order; SQLAlchemy's text format for DATETIME
    columns = [c.strip() for c in re.search(r"\(([^)]*)\)", statement).group(1).split(",")]  # type: ignore[union-attr]
    values = list(params)
    for name, value in new.items():
        if isinstance(value, datetime):
            value = value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
        values[columns.index(name)] = value
    return tuple(values)


def measure_free_time(app: Heartbeat, token: str, url: str, backend: str, days_ahead: int) -> Row:
    """Find a free time, as the desk asks it: every specialty and some single doctors, from days
    that are already booked (the demo data fills ``days_ahead`` days), ten 30-minute times each."""
    specialties = app.free_times.specialties(token)
    doctors = [d.id for d in app.doctors.list_active(token)][:20]
    today = datetime.now(timezone.utc).date()
    questions = [{"specialty": s} for s in specialties] + [{"doctor_id": d} for d in doctors]
    questions = [{**q, "starts_from": datetime.combine(today + timedelta(days=i % max(1, days_ahead)),
                                                       datetime.min.time()),
                  "minutes": 30, "count": 10} for i, q in enumerate(questions)]
    statements = [select_of(app, "appointments", lambda q=q: app.free_times.find(token, q)) for q in questions]
    ours = [timed(lambda q=q: app.free_times.find(token, q)) for q in questions]
    with raw_connection(url) as conn:
        for statement, params in statements:
            conn.execute(statement, params).fetchall()
        raw = [timed(_raw_runner(conn, s, p)) for s, p in statements]
    return check("find a free time, p95", backend, p95(ours) * 1000, p95(raw) * 1000, "ms", max_ours=50,
                 note=f"{len(questions)} questions ({len(specialties)} specialties, {len(doctors)} doctors), "
                      f"ten 30-minute times each from a booked day; baseline the visits' SELECT alone; "
                      f"medians {median(ours) * 1000:.2f} vs {median(raw) * 1000:.2f} ms")


LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                 ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
                  "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"], strict=True))


def _latin(name: str) -> str:
    return "".join(LATIN.get(ch, ch) for ch in name.lower()).capitalize()


def duplicate_probes(url: str, n: int = SEARCH_QUERIES, seed: int = 13) -> list[dict[str, Any]]:
    """What the form holds as a clerk types a patient who is already registered: the name in Latin
    letters (some with a letter of the surname wrong), then the birth date, then the phone as '8 …'."""
    rng = random.Random(seed)
    with raw_connection(url) as conn:
        people = list(conn.execute("SELECT last_name, first_name, birth_date, phone_digits FROM patients "
                                   "ORDER BY id LIMIT 5000").fetchall())
    probes = []
    for i in range(n):
        last, first, born, phone = rng.choice(people)
        surname = _latin(last)
        if i % 4 == 0:  # a typo: one letter changed
            k = rng.randrange(1, len(surname))
            surname = surname[:k] + rng.choice("aeiou") + surname[k + 1:]
        probe: dict[str, Any] = {"last_name": surname, "first_name": _latin(first)}
        if i % 3 >= 1:
            probe["birth_date"] = born if isinstance(born, date) else date.fromisoformat(str(born))
        if i % 3 == 2 and phone:
            probe["phone"] = "8 " + phone[1:]
        probes.append(probe)
    return probes


def measure_duplicates(app: Heartbeat, token: str, url: str, backend: str) -> Row:
    """The background check the patient form runs on each pause in typing; baseline its SELECTs alone."""
    probes = duplicate_probes(url)
    statements = []
    for probe in probes:  # warm-up, and the SQL each check runs
        with captured(app) as seen:
            app.patients.likely_duplicates(token, probe)
        statements.append([s for s in seen if "FROM patients" in s[0] and "FROM users" not in s[0]])
    ours = [timed(lambda p=p: app.patients.likely_duplicates(token, p)) for p in probes]
    with raw_connection(url) as conn:
        def replay(run: list[tuple[str, Any]]) -> None:
            for statement, params in run:
                conn.execute(statement, params).fetchall()
        for run in statements:
            replay(run)
        raw = [timed(lambda r=r: replay(r)) for r in statements]
    found = sum(bool(app.patients.likely_duplicates(token, p)) for p in probes)
    return check("duplicate check while typing, p95", backend, p95(ours) * 1000, p95(raw) * 1000, "ms",
                 max_ours=50, note=f"{len(probes)} Latin spellings of registered patients (a quarter with a "
                                   f"surname typo, with birth date and phone as typed), {found} found; medians "
                                   f"{median(ours) * 1000:.2f} vs {median(raw) * 1000:.2f} ms")
