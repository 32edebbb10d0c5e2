"""AppointmentRepository and the generic Repository, on a session of each backend."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import event

from heartbeat_desktop.models import Appointment, Doctor, Patient
from heartbeat_desktop.repositories import AppointmentRepository
from heartbeat_desktop.repositories.appointment import active, overlapping
from heartbeat_desktop.services.unit_of_work import UnitOfWork

UTC = timezone.utc
DAY = datetime(2031, 3, 3, tzinfo=UTC)


def t(hour: int, minute: int = 0, day: int = 0) -> datetime:
    return DAY + timedelta(days=day, hours=hour, minutes=minute)


@pytest.fixture
def ids(hb) -> dict[str, int]:  # noqa: ANN001
    with hb.ctx.db.write_sessions() as session:
        rows = {
            "d1": Doctor(last_name="Петрова", first_name="Мария", specialty="Т", name_key="петрова мария",
                         is_active=True),
            "d2": Doctor(last_name="Сидоров", first_name="Олег", specialty="Х", name_key="сидоров олег",
                         is_active=True),
            "p1": Patient(last_name="Иванов", first_name="Пётр", name_key="иванов петр",
                          birth_date=date(1980, 5, 17), is_active=True),
            "p2": Patient(last_name="Смирнова", first_name="Ольга", name_key="смирнова ольга",
                          birth_date=date(1990, 1, 2), is_active=True),
        }
        session.add_all(rows.values())
        session.commit()
        return {k: v.id for k, v in rows.items()}


@pytest.fixture
def booked(hb, ids) -> dict[str, int]:  # noqa: ANN001
    """d1: 10:00-10:30 p1, 10:30-11:00 p2 (cancelled), 11:00-12:00 p2; d2: 10:00-10:30 p2, next day 09:00 p1."""
    plan = {
        "a": ("d1", "p1", t(10), t(10, 30), "scheduled"),
        "b": ("d1", "p2", t(10, 30), t(11), "cancelled"),
        "c": ("d1", "p2", t(11), t(12), "arrived"),
        "d": ("d2", "p2", t(10), t(10, 30), "completed"),
        "e": ("d2", "p1", t(9, 0, 1), t(9, 30, 1), "no_show"),
    }
    with hb.ctx.db.write_sessions() as session:
        rows = {k: Appointment(doctor_id=ids[d], patient_id=ids[p], starts_at=s, ends_at=e, status=st)
                for k, (d, p, s, e, st) in plan.items()}
        session.add_all(rows.values())
        session.commit()
        return {k: v.id for k, v in rows.items()}


def names(rows: list[Appointment], booked: dict[str, int]) -> list[str]:
    by_id = {v: k for k, v in booked.items()}
    return [by_id[r.id] for r in rows]


def test_clashes_by_doctor(hb, ids, booked):
    with UnitOfWork(hb.ctx.db) as uow:
        repo = uow.appointments
        assert names(repo.clashes(t(10, 15), t(10, 45), doctor_id=ids["d1"]), booked) == ["a"]  # b is cancelled
        assert names(repo.clashes(t(9), t(13), doctor_id=ids["d1"]), booked) == ["a", "c"]
        assert repo.clashes(t(9, 30), t(10), doctor_id=ids["d1"]) == []  # ends where a starts
        assert repo.clashes(t(12), t(12, 30), doctor_id=ids["d1"]) == []  # starts where c ends
        assert names(repo.clashes(t(10, 29), t(10, 31), doctor_id=ids["d1"]), booked) == ["a"]
        assert names(repo.clashes(t(10), t(10, 30), doctor_id=ids["d2"]), booked) == ["d"]  # completed counts
        assert repo.clashes(t(9, 0, 1), t(9, 30, 1), doctor_id=ids["d2"]) == []  # no-show frees the slot


def test_clashes_by_patient_and_excluding_one(hb, ids, booked):
    with UnitOfWork(hb.ctx.db) as uow:
        repo = uow.appointments
        assert names(repo.clashes(t(10), t(11, 30), patient_id=ids["p2"]), booked) == ["d", "c"]
        assert names(repo.clashes(t(10), t(10, 30), patient_id=ids["p1"]), booked) == ["a"]
        assert repo.clashes(t(10), t(10, 30), patient_id=ids["p1"], exclude_id=booked["a"]) == []
        assert names(repo.clashes(t(10), t(12), doctor_id=ids["d1"], exclude_id=booked["a"]), booked) == ["c"]
        both = repo.clashes(t(10), t(12), doctor_id=ids["d1"], patient_id=ids["p2"])
        assert names(both, booked) == ["c"]


def test_clashes_are_limited_to_a_few(hb, ids):
    with hb.ctx.db.write_sessions() as session:  # eight cancelled and eight active, one per doctor
        for i in range(8):
            doctor = Doctor(last_name=f"Врач{chr(0x430 + i)}", first_name="А", specialty="Т",
                            name_key=f"врач{i} а", is_active=True)
            session.add(doctor)
            session.flush()
            session.add(Appointment(doctor_id=doctor.id, patient_id=ids["p1"], starts_at=t(10), ends_at=t(11),
                                    status="scheduled"))
        session.commit()
    with UnitOfWork(hb.ctx.db) as uow:
        assert len(uow.appointments.clashes(t(10), t(11), patient_id=ids["p1"])) == 5


def test_filters(hb, ids, booked):
    with UnitOfWork(hb.ctx.db) as uow:
        repo = uow.appointments

        def run(**kw) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: ANN003
            return names(repo.list(*repo.filters(**kw)), booked)

        assert run() == ["a", "d", "b", "c", "e"]  # by start time, then id
        assert run(doctor_id=ids["d1"]) == ["a", "b", "c"]
        assert run(patient_id=ids["p1"]) == ["a", "e"]
        assert run(doctor_id=ids["d2"], patient_id=ids["p2"]) == ["d"]
        assert run(starts_from=t(10, 30)) == ["b", "c", "e"]
        assert run(starts_before=t(10, 30)) == ["a", "d"]  # exclusive end
        assert run(starts_from=t(0), starts_before=t(0, 0, 1)) == ["a", "d", "b", "c"]
        assert run(statuses=("cancelled", "no_show")) == ["b", "e"]
        assert run(statuses=("scheduled",), doctor_id=ids["d2"]) == []
        assert repo.count(*repo.filters(doctor_id=ids["d1"])) == 3
        assert repo.count(active(), overlapping(t(10), t(10, 30))) == 2


def test_names_are_loaded_with_the_appointments(hb, ids, booked):
    """The readers show both names for every row: one query, no lazy load per row."""
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001, ANN002
        statements.append(statement)

    with UnitOfWork(hb.ctx.db) as uow:
        uow.session.connection()  # the transaction has begun
        event.listen(hb.ctx.db.engine, "before_cursor_execute", record)
        try:
            rows = uow.appointments.list()
            shown = [(r.doctor.last_name, r.patient.last_name) for r in rows]
        finally:
            event.remove(hb.ctx.db.engine, "before_cursor_execute", record)
    assert len(statements) == 1, statements
    assert shown[0] == ("Петрова", "Иванов") and len(shown) == 5


def test_generic_repository_operations(hb, ids):
    with UnitOfWork(hb.ctx.db, write=True) as uow:
        repo: AppointmentRepository = uow.appointments
        added = repo.add(Appointment(doctor_id=ids["d1"], patient_id=ids["p1"], starts_at=t(14), ends_at=t(15),
                                     status="scheduled"))
        assert added.id is not None and added.version == 1  # flushed at once
        assert repo.get(added.id) is added
        assert repo.exists(Appointment.doctor_id == ids["d1"])
        assert not repo.exists(Appointment.doctor_id == ids["d2"])
        assert repo.count() == 1
        assert repo.list(offset=1) == []
        repo.delete(added)
        assert repo.get(added.id) is None
        assert repo.count() == 0
        uow.commit()


def test_unit_of_work_rolls_back_without_commit(hb, ids):
    with UnitOfWork(hb.ctx.db, write=True) as uow:
        uow.appointments.add(Appointment(doctor_id=ids["d1"], patient_id=ids["p1"], starts_at=t(14),
                                         ends_at=t(15), status="scheduled"))
    with UnitOfWork(hb.ctx.db) as uow:
        assert uow.appointments.count() == 0
        with pytest.raises(RuntimeError, match="read-only"):
            uow.commit()


def test_version_counter_increments_on_each_write(hb, ids):
    with UnitOfWork(hb.ctx.db, write=True) as uow:
        row = uow.appointments.add(Appointment(doctor_id=ids["d1"], patient_id=ids["p1"], starts_at=t(14),
                                               ends_at=t(15), status="scheduled"))
        created_at, updated_at = row.created_at, row.updated_at
        row.notes = "one"
        uow.flush()
        row.notes = "two"
        uow.flush()
        assert row.version == 3
        assert row.created_at == created_at and row.updated_at >= updated_at
        uow.commit()
