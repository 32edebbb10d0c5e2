"""insert_many: a bulk load stores every value exactly as the ORM stores it, on each backend."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from heartbeat_desktop.models import Patient
from heartbeat_desktop.repositories.bulk import insert_many

MOSCOW = timezone(timedelta(hours=3))


def patient_row(n: int, when: datetime) -> dict:
    return {"last_name": f"Пакетов{n}", "first_name": "Ёж", "middle_name": None if n % 2 else "Ильич",
            "birth_date": date(1950 + n, 1, 1 + n), "sex": None, "phone": None, "phone_digits": None,
            "email": None, "address": "ул. Мира, 1", "notes": None, "is_active": bool(n % 2),
            "name_key": f"пакетов{n} еж", "version": 1, "created_at": when, "updated_at": when}


def stored(hb, last_names) -> list[tuple]:  # noqa: ANN001
    with hb.ctx.db.read_sessions() as session:
        found = session.scalars(select(Patient).where(Patient.last_name.in_(last_names)).order_by(Patient.last_name))
        return [(p.last_name, p.middle_name, p.birth_date, p.is_active, p.created_at, p.updated_at) for p in found]




@pytest.mark.parametrize("microsecond", [123456, 0])  # 0: isoformat would drop ".000000" (SQLite compares text)
def test_a_bulk_row_reads_back_as_an_orm_row(hb, microsecond):
    when = datetime(2031, 3, 3, 12, 30, 15, microsecond, tzinfo=MOSCOW)  # an aware time, not UTC: converted
    with hb.ctx.db.write_sessions() as session:
        session.add_all([Patient(**patient_row(n, when)) for n in (1, 2)])
        session.commit()
    with hb.ctx.db.engine.begin() as conn:
        # the same values again (one distinct creation time: bound once, used for each row)
        assert insert_many(conn, Patient.__table__, [patient_row(n, when) for n in (3, 4)]) == 2
        assert insert_many(conn, Patient.__table__, []) == 0
    def expected(n: int) -> tuple:
        return (f"Пакетов{n}", None if n % 2 else "Ильич", date(1950 + n, 1, 1 + n), bool(n % 2), when, when)

    orm, bulk = stored(hb, ["Пакетов1", "Пакетов2"]), stored(hb, ["Пакетов3", "Пакетов4"])
    assert orm == [expected(1), expected(2)]  # what the ORM stores ...
    assert bulk == [expected(3), expected(4)]  # ... and the bulk load alike
    assert bulk[0][4].utcoffset() == timedelta(0)  # read back in UTC, the same moment
    with hb.ctx.db.engine.connect() as conn:  # stored alike, not only read back alike (SQLite compares text)
        assert len(conn.exec_driver_sql("SELECT DISTINCT created_at FROM patients").all()) == 1


def test_a_failed_bulk_load_leaves_nothing(hb):
    rows = [patient_row(5, datetime.now(timezone.utc)), {**patient_row(6, datetime.now(timezone.utc)),
                                                         "last_name": None}]  # NOT NULL
    try:
        with hb.ctx.db.engine.begin() as conn:
            insert_many(conn, Patient.__table__, rows)
    except Exception as exc:  # noqa: BLE001 - the driver's IntegrityError, whichever driver
        assert "null" in str(exc).lower()
    else:
        raise AssertionError("a NULL last name was stored")
    assert stored(hb, ["Пакетов5"]) == []


def test_a_column_left_out_gets_its_plain_default_as_from_the_orm(hb):
    """A new column with ``default=`` (0010's confirmation) needs no change to every bulk loader."""
    row = patient_row(7, datetime.now(timezone.utc))
    del row["is_active"]  # Patient.is_active: default=True
    with hb.ctx.db.engine.begin() as conn:
        insert_many(conn, Patient.__table__, [row])
    assert stored(hb, ["Пакетов7"])[0][3] is True
