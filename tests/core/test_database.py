"""The database itself: SQLite's connection settings and write locking, and the
rules the schema enforces whoever writes (the services are bypassed here)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time as clock
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, event, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from heartbeat_desktop.core.database import SQLITE_BUSY_TIMEOUT_MS, Database, create_db_engine
from heartbeat_desktop.core.errors import BookingConflict, Conflict
from heartbeat_desktop.core.settings import sqlite_url
from heartbeat_desktop.models import OVERLAP_CONSTRAINT, Appointment, Doctor, Patient, WorkingHours
from heartbeat_desktop.services.unit_of_work import UnitOfWork, translate_db_error

UTC = timezone.utc
DAY = datetime(2031, 3, 3, tzinfo=UTC)  # a Monday; times below are UTC


def t(hour: int, minute: int = 0) -> datetime:
    return DAY + timedelta(hours=hour, minutes=minute)


def seed(db: Database) -> dict[str, int]:
    """Two doctors and two patients, written straight through the ORM."""
    with db.write_sessions() as session:
        rows = {
            "doctor": Doctor(last_name="Петрова", first_name="Мария", specialty="Терапевт",
                             name_key="петрова мария", is_active=True,
                             working_hours=[WorkingHours(weekday=0, starts=time(9), ends=time(18))]),
            "other_doctor": Doctor(last_name="Сидоров", first_name="Олег", specialty="Хирург",
                                   name_key="сидоров олег", is_active=True),
            "patient": Patient(last_name="Иванов", first_name="Пётр", name_key="иванов петр",
                               birth_date=date(1980, 5, 17), is_active=True),
            "other_patient": Patient(last_name="Смирнова", first_name="Ольга", name_key="смирнова ольга",
                                     birth_date=date(1990, 1, 2), is_active=True),
        }
        session.add_all(rows.values())
        session.commit()
        return {k: v.id for k, v in rows.items()}


def add_appointment(db: Database, doctor_id: int, patient_id: int, start: datetime, end: datetime,
                    status: str = "scheduled") -> int:
    """Insert one row through SQLAlchemy Core and commit; IntegrityError if the database refuses."""
    with db.write_sessions() as session:
        new_id = session.execute(
            insert(Appointment).values(doctor_id=doctor_id, patient_id=patient_id, starts_at=start,
                                       ends_at=end, status=status, version=1, created_at=t(0),
                                       updated_at=t(0)).returning(Appointment.id)
        ).scalar_one()
        session.commit()
        return new_id


def refusal(exc: pytest.ExceptionInfo[IntegrityError]) -> str:
    return str(exc.value.orig)


def appointment_count(db: Database) -> int:
    with db.read_sessions() as session:
        return session.scalar(select(func.count()).select_from(Appointment))


@pytest.fixture
def db(hb) -> Database:  # noqa: ANN001
    return hb.ctx.db


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    return seed(db)


# --- the overlap rule ---------------------------------------------------------------------

def test_overlapping_insert_is_refused_by_the_database(db, ids):
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(10, 30))
    for start, end in [(t(10), t(10, 30)), (t(10, 15), t(10, 45)), (t(9, 45), t(10, 15)),
                       (t(9), t(12)), (t(10, 10), t(10, 20))]:
        with pytest.raises(IntegrityError) as caught:
            add_appointment(db, ids["doctor"], ids["other_patient"], start, end)
        assert OVERLAP_CONSTRAINT in refusal(caught)
        translated = translate_db_error(caught.value)
        assert isinstance(translated, BookingConflict)
        assert str(translated) == "The doctor already has an appointment at that time."
    assert appointment_count(db) == 1


def test_overlap_rule_allows_what_does_not_clash(db, ids):
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(10, 30))
    add_appointment(db, ids["doctor"], ids["patient"], t(10, 30), t(11))  # back to back
    add_appointment(db, ids["doctor"], ids["patient"], t(9, 30), t(10))
    add_appointment(db, ids["other_doctor"], ids["other_patient"], t(10), t(10, 30))  # another doctor
    # the database rule is per doctor: a patient's double booking is the services' business
    add_appointment(db, ids["other_doctor"], ids["patient"], t(11), t(11, 30))
    add_appointment(db, ids["doctor"], ids["patient"], t(10, 5), t(10, 25), status="cancelled")
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(10, 30), status="no_show")
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(10, 30), status="cancelled")
    assert appointment_count(db) == 8


@pytest.mark.parametrize("status", ["scheduled", "arrived", "in_progress", "completed"])
def test_every_active_status_takes_the_slot(db, ids, status):
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(10, 30), status=status)
    with pytest.raises(IntegrityError) as caught:
        add_appointment(db, ids["doctor"], ids["other_patient"], t(10), t(10, 30))
    assert OVERLAP_CONSTRAINT in refusal(caught)


def test_moving_an_appointment_onto_another_is_refused(db, ids):
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(10, 30))
    later = add_appointment(db, ids["doctor"], ids["other_patient"], t(12), t(12, 30))
    elsewhere = add_appointment(db, ids["other_doctor"], ids["other_patient"], t(10), t(10, 30))
    for change in ({"starts_at": t(10, 15), "ends_at": t(10, 45)}, {"starts_at": t(10, 20)}):
        with db.write_sessions() as session:
            with pytest.raises(IntegrityError) as caught:
                session.execute(update(Appointment).where(Appointment.id == later).values(**change))
            assert OVERLAP_CONSTRAINT in refusal(caught)
    # changing the doctor into a busy slot is moving too
    with db.write_sessions() as session:
        with pytest.raises(IntegrityError) as caught:
            session.execute(update(Appointment).where(Appointment.id == elsewhere).values(doctor_id=ids["doctor"]))
        assert OVERLAP_CONSTRAINT in refusal(caught)
    # extending an appointment over its own old times is not a clash with itself
    with db.write_sessions() as session:
        session.execute(update(Appointment).where(Appointment.id == later).values(ends_at=t(13)))
        session.commit()
    with db.read_sessions() as session:
        assert session.get(Appointment, later).ends_at == t(13)


def test_uncancelling_into_an_occupied_slot_is_refused(db, ids):
    cancelled = add_appointment(db, ids["doctor"], ids["patient"], t(10), t(10, 30), status="cancelled")
    add_appointment(db, ids["doctor"], ids["other_patient"], t(10), t(10, 30))
    for status in ("scheduled", "arrived"):
        with db.write_sessions() as session:
            with pytest.raises(IntegrityError) as caught:
                session.execute(update(Appointment).where(Appointment.id == cancelled).values(status=status))
            assert OVERLAP_CONSTRAINT in refusal(caught)
    with db.write_sessions() as session:  # from one inactive status to another is fine
        session.execute(update(Appointment).where(Appointment.id == cancelled).values(status="no_show"))
        session.commit()
    with db.read_sessions() as session:
        assert session.get(Appointment, cancelled).status == "no_show"


def test_orm_flush_of_an_overlap_becomes_a_booking_conflict(db, ids):
    """Through the unit of work the database refusal arrives as the desk's error."""
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(10, 30))
    with pytest.raises(BookingConflict, match="already has an appointment"):
        with UnitOfWork(db, write=True) as uow:
            uow.appointments.add(Appointment(doctor_id=ids["doctor"], patient_id=ids["other_patient"],
                                             starts_at=t(10), ends_at=t(11), status="scheduled"))
    assert appointment_count(db) == 1


def test_overlap_rule_is_installed(db):
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                      "AND tbl_name = 'appointments' ORDER BY name")).scalars().all()
            assert names == ["appointments_at_most_a_day_insert", "appointments_at_most_a_day_update",
                             f"{OVERLAP_CONSTRAINT}_insert", f"{OVERLAP_CONSTRAINT}_update"]
        else:
            kinds = dict(conn.execute(text("SELECT conname, contype FROM pg_constraint WHERE conname IN (:o, :d)"),
                                      {"o": OVERLAP_CONSTRAINT, "d": "appointments_at_most_a_day"}).all())
            assert kinds == {OVERLAP_CONSTRAINT: "x", "appointments_at_most_a_day": "c"}  # exclusion, check


# --- CHECKs, foreign keys, RESTRICT -----------------------------------------------------------

def test_end_not_after_start_is_refused_by_the_check(db, ids):
    for start, end in [(t(10), t(10)), (t(10), t(9))]:
        with pytest.raises(IntegrityError) as caught:
            add_appointment(db, ids["doctor"], ids["patient"], start, end)
        assert "ends_after_starts" in refusal(caught)
        assert str(translate_db_error(caught.value)) == "The end must be after the start."
    rid = add_appointment(db, ids["doctor"], ids["patient"], t(10), t(11))
    with db.write_sessions() as session:
        with pytest.raises(IntegrityError, match="ends_after_starts"):
            session.execute(update(Appointment).where(Appointment.id == rid).values(ends_at=t(9)))
    assert appointment_count(db) == 1


def test_unknown_status_is_refused_by_the_check(db, ids):
    with pytest.raises(IntegrityError, match="status_known"):
        add_appointment(db, ids["doctor"], ids["patient"], t(10), t(11), status="lost")


def test_foreign_keys_are_enforced(db, ids):
    for doctor_id, patient_id in [(ids["doctor"], 987654), (987654, ids["patient"])]:
        with pytest.raises(IntegrityError) as caught:
            add_appointment(db, doctor_id, patient_id, t(10), t(11))
        assert "foreign key" in refusal(caught).lower()
        assert isinstance(translate_db_error(caught.value), Conflict)
    assert appointment_count(db) == 0


def test_deleting_a_patient_or_doctor_with_appointments_is_restricted(db, ids):
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(11), status="cancelled")
    for model, key in [(Patient, "patient"), (Doctor, "doctor")]:
        with db.write_sessions() as session:
            with pytest.raises(IntegrityError) as caught:
                session.execute(delete(model).where(model.id == ids[key]))
            assert "foreign key" in refusal(caught).lower()
    with db.read_sessions() as session:
        assert session.get(Patient, ids["patient"]) is not None
        assert session.get(Doctor, ids["doctor"]) is not None
    assert appointment_count(db) == 1


def test_deleting_a_doctor_without_appointments_takes_the_hours_along(db, ids):
    with db.write_sessions() as session:
        session.execute(delete(Doctor).where(Doctor.id == ids["doctor"]))  # plain SQL, no ORM cascade
        session.commit()
    with db.read_sessions() as session:
        assert session.scalar(select(func.count()).select_from(WorkingHours)) == 0


def test_orm_delete_of_a_referenced_patient_is_refused(db, ids):
    """The ORM does not null the foreign key (passive_deletes): the database refuses."""
    add_appointment(db, ids["doctor"], ids["patient"], t(10), t(11))
    with pytest.raises(Conflict, match="still referenced"):
        with UnitOfWork(db, write=True) as uow:
            uow.patients.delete(uow.patients.get(ids["patient"]))
    with db.read_sessions() as session:
        assert session.get(Patient, ids["patient"]) is not None
        assert session.scalars(select(Appointment.patient_id)).all() == [ids["patient"]]


def test_times_are_read_back_as_aware_utc(db, ids):
    moscow_ten = datetime(2031, 3, 3, 10, 0, tzinfo=timezone(timedelta(hours=3)))
    rid = add_appointment(db, ids["doctor"], ids["patient"], moscow_ten, moscow_ten + timedelta(minutes=30))
    with db.read_sessions() as session:
        row = session.get(Appointment, rid)
        assert row.starts_at == t(7)
        assert row.starts_at.tzinfo is not None and row.starts_at.utcoffset() == timedelta(0)
        assert row.created_at.utcoffset() == timedelta(0)
    with db.write_sessions() as session, pytest.raises(Exception, match="naive datetime"):
        session.execute(insert(Appointment).values(doctor_id=ids["doctor"], patient_id=ids["patient"],
                                                   starts_at=datetime(2031, 3, 3, 12), ends_at=t(13),
                                                   status="scheduled", version=1, created_at=t(0),
                                                   updated_at=t(0)))


# --- SQLite connections -------------------------------------------------------------------------

@pytest.fixture
def sqlite_path(tmp_path: Path, sqlite_template: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return path


@pytest.fixture
def sqlite_db(sqlite_path: Path) -> Iterator[Database]:
    db = Database.connect(sqlite_url(sqlite_path))
    try:
        yield db
    finally:
        db.dispose()


def pragmas(conn: Any) -> dict[str, Any]:
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")}


EXPECTED_PRAGMAS = {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2, "busy_timeout": SQLITE_BUSY_TIMEOUT_MS}


def test_sqlite_pragmas_on_every_connection(sqlite_db):
    assert SQLITE_BUSY_TIMEOUT_MS > 0
    # several connections open at once: each one is a fresh DBAPI connection
    conns = [sqlite_db.engine.connect() for _ in range(3)]
    try:
        assert len({id(c.connection.dbapi_connection) for c in conns}) == 3
        for conn in conns:
            assert pragmas(conn) == EXPECTED_PRAGMAS
    finally:
        for conn in conns:
            conn.close()
    for factory in (sqlite_db.read_sessions, sqlite_db.write_sessions):
        with factory() as session:
            assert pragmas(session.connection()) == EXPECTED_PRAGMAS
    sqlite_db.engine.dispose()  # new connections after the pool is emptied
    with sqlite_db.engine.connect() as conn:
        assert pragmas(conn) == EXPECTED_PRAGMAS


def test_sqlite_foreign_keys_refuse_an_unknown_patient(sqlite_db):
    ids = seed(sqlite_db)
    with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
        add_appointment(sqlite_db, ids["doctor"], 424242, t(10), t(11))


def test_engine_creates_the_folder_of_a_new_file(tmp_path):
    path = tmp_path / "deep" / "er" / "heartbeat.sqlite3"
    engine = create_db_engine(sqlite_url(path))
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("CREATE TABLE x (y INTEGER)")
        assert path.exists()
    finally:
        engine.dispose()


def test_display_url_hides_the_password():
    db = Database.connect("postgresql+psycopg://clinic:s3cret@db.example:5432/heartbeat")
    try:
        assert "s3cret" not in db.display_url
        assert db.display_url == "postgresql+psycopg://clinic:***@db.example:5432/heartbeat"
        assert db.dialect == "postgresql"
    finally:
        db.dispose()


def test_write_sessions_begin_immediate_and_read_sessions_deferred(sqlite_db):
    seen: list[str] = []

    @event.listens_for(sqlite_db.engine, "before_cursor_execute")
    def _record(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN002
        seen.append(statement)

    with sqlite_db.write_sessions() as session:
        session.scalar(select(func.count()).select_from(Patient))
    with sqlite_db.read_sessions() as session:
        session.scalar(select(func.count()).select_from(Patient))
    begins = [s for s in seen if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN DEFERRED"]


def test_a_write_session_holds_the_write_lock_from_its_first_read(sqlite_db, sqlite_path):
    """The second writer waits at BEGIN (then goes ahead) instead of failing half way."""
    outsider = sqlite3.connect(sqlite_path, timeout=0, isolation_level=None)
    done: dict[str, float] = {}

    def second_writer() -> None:
        with sqlite_db.write_sessions() as session:
            session.execute(text("SELECT count(*) FROM patients"))  # waits here, at BEGIN IMMEDIATE
            done["began"] = clock.monotonic()
            session.add(Patient(last_name="Второй", first_name="Б", name_key="второй б",
                                birth_date=date(1990, 1, 1), is_active=True))
            session.commit()

    try:
        with sqlite_db.write_sessions() as first:
            assert first.scalar(select(func.count()).select_from(Patient)) == 0  # only a read so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                outsider.execute("BEGIN IMMEDIATE")  # nobody else can start writing now
            thread = threading.Thread(target=second_writer)
            thread.start()
            clock.sleep(0.4)
            assert thread.is_alive() and "began" not in done  # waiting, not failed
            first.add(Patient(last_name="Первый", first_name="А", name_key="первый а",
                              birth_date=date(1980, 1, 1), is_active=True))
            committing = clock.monotonic()  # the second may begin before commit() returns here
            first.commit()
        thread.join(10)
        assert not thread.is_alive()
        assert done["began"] >= committing
        with sqlite_db.read_sessions() as session:
            names = session.scalars(select(Patient.last_name).order_by(Patient.id)).all()
        assert names == ["Первый", "Второй"]
        outsider.execute("BEGIN IMMEDIATE")  # free again
        outsider.execute("ROLLBACK")
    finally:
        outsider.close()


def test_a_read_session_takes_no_write_lock(sqlite_db, sqlite_path):
    outsider = sqlite3.connect(sqlite_path, timeout=0, isolation_level=None)
    try:
        with sqlite_db.read_sessions() as session:
            session.scalar(select(func.count()).select_from(Patient))
            outsider.execute("BEGIN IMMEDIATE")  # a reader does not block a writer (WAL)
            outsider.execute("ROLLBACK")
    finally:
        outsider.close()


def test_why_writes_need_begin_immediate(sqlite_db, sqlite_path):
    """A deferred transaction that read first cannot write after another desk wrote:
    SQLite fails it at once ("database is locked"), whatever the busy timeout.
    The write sessions avoid this by taking the lock at BEGIN."""
    ids = seed(sqlite_db)
    with sqlite_db.read_sessions() as deferred:
        deferred.scalar(select(func.count()).select_from(Patient))  # a read snapshot
        add_appointment(sqlite_db, ids["doctor"], ids["patient"], t(10), t(11))  # another desk writes
        started = clock.monotonic()
        with pytest.raises(Exception, match="locked") as caught:
            deferred.execute(update(Patient).values(notes="x"))
        assert clock.monotonic() - started < SQLITE_BUSY_TIMEOUT_MS / 1000 / 2  # failed, did not wait
        assert "busy at another desk" in str(translate_db_error(caught.value))


def test_deadlocks_and_serialization_failures_are_translated_for_the_desk():
    """PostgreSQL's wording (40P01/40001) as psycopg raises it; "blocked by" in the
    detail must not read as a busy or unreachable database."""
    import psycopg.errors
    from sqlalchemy.exc import OperationalError

    from heartbeat_desktop.services.unit_of_work import DOCTOR_BUSY, SIMULTANEOUS

    detail = ("deadlock detected\nDETAIL:  Process 1 waits for ShareLock on transaction 7; blocked by process 2.\n"
              "Process 2 waits for ShareLock on transaction 6; blocked by process 1.")
    on_overlap = psycopg.errors.DeadlockDetected(
        detail + '\nCONTEXT:  while checking exclusion constraint on tuple (0,2) in relation "appointments"')
    on_rows = psycopg.errors.DeadlockDetected(detail + '\nCONTEXT:  while updating tuple (0,2) in relation "patients"')
    serialization = psycopg.errors.SerializationFailure("could not serialize access due to concurrent update")
    booking_error = translate_db_error(OperationalError("INSERT", {}, on_overlap))
    assert isinstance(booking_error, BookingConflict) and str(booking_error) == DOCTOR_BUSY
    for orig in (on_rows, serialization):
        error = translate_db_error(OperationalError("UPDATE", {}, orig))
        assert type(error) is Conflict and str(error) == SIMULTANEOUS
