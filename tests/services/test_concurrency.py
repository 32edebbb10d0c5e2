"""Two desks at once, for real: two threads, two connections, one database.

The services make two desks booking one doctor (or one patient) take turns: on
SQLite the write transaction (BEGIN IMMEDIATE + busy timeout) holds the whole
database, on PostgreSQL the booking locks the doctor's and the patient's rows.
So the second desk's own check sees the first booking and says exactly why.
Below the services, the database's overlap rule is the final word: SQLite's
trigger, and PostgreSQL's exclusion constraint, on which a second insert waits
for the first transaction and is then refused.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from heartbeat_desktop.core.errors import BookingConflict
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.models import OVERLAP_CONSTRAINT, Appointment, AuditEntry
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.services.unit_of_work import DOCTOR_BUSY
from tests.helpers import another_desk_while_flushing, at, booking, doctor_data, patient_data

MOSCOW = ZoneInfo("Europe/Moscow")


def run_together(*jobs: Callable[[], Any], timeout: float = 30) -> list[tuple[str, Any]]:
    """Start the jobs at the same moment in threads; each result is ("ok", value) or ("error", exc)."""
    start = threading.Barrier(len(jobs))
    results: list[tuple[str, Any] | None] = [None] * len(jobs)

    def runner(i: int, job: Callable[[], Any]) -> None:
        start.wait()
        try:
            results[i] = ("ok", job())
        except Exception as exc:  # noqa: BLE001 - reported to the test
            results[i] = ("error", exc)

    threads = [threading.Thread(target=runner, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a desk is still waiting"
    assert all(r is not None for r in results)
    return results  # type: ignore[return-value]


def active_rows(hb: Heartbeat) -> list[Appointment]:
    with hb.ctx.db.read_sessions() as session:
        return list(session.scalars(select(Appointment).where(Appointment.status.not_in(["cancelled", "no_show"]))))


@pytest.fixture
def desk(hb: Heartbeat, admin_token: str) -> dict[str, int]:
    return {
        "doctor": hb.doctors.create(admin_token, doctor_data()).id,
        "other_doctor": hb.doctors.create(admin_token, doctor_data(last_name="Сидоров")).id,
        "patient": hb.patients.create(admin_token, patient_data()).id,
        "other_patient": hb.patients.create(admin_token, patient_data(last_name="Смирнова", first_name="Ольга",
                                                                      phone=None)).id,
    }


def test_two_desks_book_the_same_slot_exactly_one_wins(hb, admin_token, desk):
    results = run_together(
        lambda: hb.appointments.create(admin_token, booking(desk["doctor"], desk["patient"], at(10))),
        lambda: hb.appointments.create(admin_token, booking(desk["doctor"], desk["other_patient"], at(10, 15))),
    )
    wins = [value for kind, value in results if kind == "ok"]
    losses = [value for kind, value in results if kind == "error"]
    assert len(wins) == 1 and len(losses) == 1, results
    assert isinstance(losses[0], BookingConflict), repr(losses[0])
    assert str(losses[0]).startswith("Dr Петрова already has an appointment at 10:")  # it saw the winner
    rows = active_rows(hb)
    assert [r.id for r in rows] == [wins[0].id]
    with hb.ctx.db.read_sessions() as session:  # the loser left no audit row behind
        assert session.scalar(select(func.count()).select_from(AuditEntry)
                              .where(AuditEntry.entity == "appointment")) == 1


def test_two_desks_book_one_patient_with_two_doctors_at_once(hb, admin_token, desk):
    """The database's rule is per doctor; the patient's row lock keeps this one."""
    results = run_together(
        lambda: hb.appointments.create(admin_token, booking(desk["doctor"], desk["patient"], at(10))),
        lambda: hb.appointments.create(admin_token, booking(desk["other_doctor"], desk["patient"], at(10))),
    )
    assert sorted(kind for kind, _ in results) == ["error", "ok"], results
    loss = next(value for kind, value in results if kind == "error")
    assert isinstance(loss, BookingConflict) and str(loss).startswith("The patient already has an appointment")
    assert len(active_rows(hb)) == 1


def test_the_database_is_the_final_word_after_the_checks_passed(hb, admin_token, desk):
    """A row written outside the services after the booking's checks passed.

    PostgreSQL lets that other writer in (its foreign key check passes the
    booking's row lock), and the exclusion constraint then refuses the booking.
    On SQLite the other writer cannot get in at all while the booking is open.
    """
    outcome: dict[str, Any] = {}

    def other_writer() -> None:
        if hb.ctx.db.dialect == "sqlite":
            import sqlite3

            raw = sqlite3.connect(hb.ctx.db.engine.url.database, timeout=0.2, isolation_level=None)
            try:
                raw.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                outcome["other"] = str(exc)
            finally:
                raw.close()
            return
        with Session(hb.ctx.db.engine) as session:  # not the hooked factory: no recursion
            session.add(new_row(desk, "other_patient", 10, 15))
            session.commit()
        outcome["other"] = "committed"

    new_booking = lambda session: any(isinstance(o, Appointment) for o in session.new)  # noqa: E731
    with another_desk_while_flushing(hb, new_booking, other_writer):
        if hb.ctx.db.dialect == "sqlite":
            hb.appointments.create(admin_token, booking(desk["doctor"], desk["patient"], at(10)))
            assert "locked" in outcome["other"]
        else:
            with pytest.raises(BookingConflict) as caught:
                hb.appointments.create(admin_token, booking(desk["doctor"], desk["patient"], at(10)))
            assert str(caught.value) == DOCTOR_BUSY
            assert outcome["other"] == "committed"
    assert len(active_rows(hb)) == 1


def test_many_desks_racing_for_one_slot(hb, admin_token, desk):
    patients = [desk["patient"], desk["other_patient"]] + [
        hb.patients.create(admin_token, patient_data(last_name=name, phone=None)).id
        for name in ("Кузнецов", "Попов")
    ]
    results = run_together(*[
        (lambda p=p: hb.appointments.create(admin_token, booking(desk["doctor"], p, at(11))))
        for p in patients
    ])
    assert [kind for kind, _ in results].count("ok") == 1
    assert all(isinstance(v, BookingConflict) for kind, v in results if kind == "error")
    assert len(active_rows(hb)) == 1


def test_two_desks_take_back_cancellations_into_one_slot(hb, admin_token, desk):
    """Un-cancelling is booking too: two cancelled rows cannot both come back."""
    first = hb.appointments.create(admin_token, booking(desk["doctor"], desk["patient"], at(12)))
    first = hb.appointments.set_status(admin_token, first.id, Status.CANCELLED, first.version)
    second = hb.appointments.create(admin_token, booking(desk["doctor"], desk["other_patient"], at(12)))
    second = hb.appointments.set_status(admin_token, second.id, Status.CANCELLED, second.version)

    results = run_together(
        lambda: hb.appointments.set_status(admin_token, first.id, Status.SCHEDULED, first.version),
        lambda: hb.appointments.set_status(admin_token, second.id, Status.SCHEDULED, second.version),
    )
    assert sorted(kind for kind, _ in results) == ["error", "ok"], results
    loss = next(value for kind, value in results if kind == "error")
    assert isinstance(loss, BookingConflict) and str(loss) == "The slot has been booked for someone else meanwhile."
    assert len(active_rows(hb)) == 1


def new_row(ids: dict[str, int], patient: str, start_hour: int, start_minute: int) -> Appointment:
    """A 30-minute row at clinic-local (Moscow) time, as the services would store it."""
    start = at(start_hour, start_minute).replace(tzinfo=MOSCOW)
    return Appointment(doctor_id=ids["doctor"], patient_id=ids[patient], starts_at=start,
                       ends_at=start + timedelta(minutes=30), status="scheduled")


def test_database_race_the_second_insert_waits_and_is_refused(hb, desk):
    """Session A inserts and flushes, does not commit; session B (another thread)
    inserts an overlapping row and commits; A commits after a short sleep.
    B waits for A (lock or constraint) and then gets the database's refusal."""
    db = hb.ctx.db
    outcome: dict[str, Any] = {}

    def session_b() -> None:
        with db.write_sessions() as b:
            b.add(new_row(desk, "other_patient", 10, 15))
            try:
                b.flush()
                b.commit()
                outcome["b"] = "committed"
            except IntegrityError as exc:
                outcome["b"] = exc
            outcome["b_done"] = time.monotonic()

    with db.write_sessions() as a:
        a.add(new_row(desk, "patient", 10, 0))
        a.flush()
        thread = threading.Thread(target=session_b)
        thread.start()
        time.sleep(0.5)
        assert thread.is_alive() and "b" not in outcome  # B is waiting for A
        a_committing = time.monotonic()  # B may finish before commit() returns here
        a.commit()
    thread.join(15)
    assert not thread.is_alive()
    assert isinstance(outcome["b"], IntegrityError), outcome["b"]
    assert OVERLAP_CONSTRAINT in str(outcome["b"].orig)
    assert outcome["b_done"] >= a_committing
    rows = active_rows(hb)
    assert len(rows) == 1 and rows[0].patient_id == desk["patient"]


def test_database_race_the_waiting_insert_goes_ahead_if_the_first_rolls_back(hb, desk):
    db = hb.ctx.db
    outcome: dict[str, Any] = {}

    def session_b() -> None:
        with db.write_sessions() as b:
            b.add(new_row(desk, "other_patient", 10, 15))
            b.flush()
            b.commit()
            outcome["b"] = "committed"

    with db.write_sessions() as a:
        a.add(new_row(desk, "patient", 10, 0))
        a.flush()
        thread = threading.Thread(target=session_b)
        thread.start()
        time.sleep(0.3)
        assert thread.is_alive()
        a.rollback()
    thread.join(15)
    assert outcome == {"b": "committed"}
    rows = active_rows(hb)
    assert len(rows) == 1 and rows[0].patient_id == desk["other_patient"]


def test_two_desks_saving_the_same_records_in_opposite_order(hb, desk):
    """No half-done saves when two desks write the same two rows in opposite order:
    SQLite runs them one after the other; PostgreSQL detects the deadlock, rolls one
    back, and that desk is asked to try again (not told the server is gone)."""
    from heartbeat_desktop.core.errors import Conflict
    from heartbeat_desktop.models import Patient
    from heartbeat_desktop.services.unit_of_work import SIMULTANEOUS, UnitOfWork

    first_done = threading.Barrier(2)

    def save(first: str, second: str, note: str) -> None:
        with UnitOfWork(hb.ctx.db, write=True) as uow:
            uow.patients.get(desk[first]).notes = note
            uow.flush()
            try:
                first_done.wait(2)  # SQLite: the other desk is still waiting at BEGIN
            except threading.BrokenBarrierError:
                pass
            uow.patients.get(desk[second]).notes = note
            uow.flush()
            uow.commit()

    results = run_together(lambda: save("patient", "other_patient", "A"),
                           lambda: save("other_patient", "patient", "B"))
    with hb.ctx.db.read_sessions() as session:
        notes = {session.get(Patient, desk[k]).notes for k in ("patient", "other_patient")}
    assert len(notes) == 1  # both rows from the same desk: nothing half done
    if hb.ctx.db.dialect == "sqlite":
        assert [kind for kind, _ in results] == ["ok", "ok"]
    else:
        assert sorted(kind for kind, _ in results) == ["error", "ok"], results
        loss = next(value for kind, value in results if kind == "error")
        assert type(loss) is Conflict and str(loss) == SIMULTANEOUS
