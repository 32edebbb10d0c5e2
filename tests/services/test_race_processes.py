"""Eight desks, eight processes, one slot, a hundred times: exactly one booking wins each round.

Each process opens its own engine (as a desk does) and books the same doctor at
the same moment as the others, released together by a barrier; the others must
each get the conflict error, never a crash, and the table must hold no overlap
at the end.  The services' checks take turns (SQLite's write lock, PostgreSQL's
row locks) and the database's own overlap rule is the final word.
"""

from __future__ import annotations

import multiprocessing
import traceback
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from tests.helpers import doctor_data, next_monday, patient_data, settings_at

DESKS = 8
ROUNDS = 100
MINUTES = 20
PER_DAY = 27  # 09:00 to 18:00 in 20-minute slots


def slot(round_: int) -> datetime:
    """Round n's slot: the doctor's working days from next Monday, 20 minutes each."""
    day, index = divmod(round_, PER_DAY)
    weeks, weekday = divmod(day, 5)
    when = next_monday() + timedelta(days=7 * weeks + weekday)
    return datetime.combine(when, time(9)) + timedelta(minutes=MINUTES * index)


def desk(n: int, folder: str, url: str, token: str, doctor: int, patient: int,
         start: Any, results: Any) -> None:
    """One desk's process: book the round's slot when the barrier lets everyone go."""
    from heartbeat_desktop.core.errors import BookingConflict
    from heartbeat_desktop.services import Heartbeat

    app = Heartbeat.open(settings_at(Path(folder), url))
    try:
        for round_ in range(ROUNDS):
            begins = slot(round_)
            start.wait(timeout=60)
            try:
                app.appointments.create(token, {"doctor_id": doctor, "patient_id": patient, "starts_at": begins,
                                                "ends_at": begins + timedelta(minutes=MINUTES)})
                results.put((round_, n, "booked"))
            except BookingConflict:
                results.put((round_, n, "conflict"))
            except Exception:  # noqa: BLE001 - anything else is the failure this test looks for
                results.put((round_, n, "error: " + traceback.format_exc(limit=3)))
    finally:
        app.close()


def test_eight_processes_race_for_one_slot_a_hundred_times(hb, admin_token, tmp_path, database_url):
    doctor = hb.doctors.create(admin_token, doctor_data()).id
    patients = [hb.patients.create(admin_token, patient_data(last_name=f"Гонщиков{chr(0x430 + n)}", phone=None)).id
                for n in range(DESKS)]  # one patient a desk: the doctor is what they race for
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter: its own engine, no inherited connection
    start, results = spawn.Barrier(DESKS), spawn.Queue()
    desks = [spawn.Process(target=desk, args=(n, str(tmp_path), database_url, admin_token, doctor, patients[n],
                                              start, results)) for n in range(DESKS)]
    for process in desks:
        process.start()
    outcomes = [results.get(timeout=120) for _ in range(DESKS * ROUNDS)]
    for process in desks:
        process.join(timeout=60)
        assert process.exitcode == 0

    errors = [o for o in outcomes if o[2].startswith("error")]
    assert errors == []
    for round_ in range(ROUNDS):
        got = sorted(o[2] for o in outcomes if o[0] == round_)
        assert got == ["booked"] + ["conflict"] * (DESKS - 1), f"round {round_}: {got}"
    with hb.ctx.db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM appointments")).scalar() == ROUNDS
        overlaps = conn.execute(text(
            "SELECT count(*) FROM appointments a JOIN appointments b ON a.doctor_id = b.doctor_id "
            "AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at")).scalar()
    assert overlaps == 0
