"""Power loss on SQLite: a process writing appointments is killed (SIGKILL) at a
random moment, fifty times.  Every time the file passes ``integrity_check`` and
holds every appointment whose booking had returned to the desk."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import doctor_data, next_monday, patient_data

ROOT = Path(__file__).resolve().parents[2]

KILLS = 50


def test_a_writer_killed_fifty_times_loses_no_committed_booking(services, gui_admin, tmp_path):
    """On the desk's own SQLite file (a server's durability is PostgreSQL's own)."""
    hb, admin_token = services, gui_admin.token
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL is POSIX")
    doctor = hb.doctors.create(admin_token, doctor_data(working_hours=[
        {"weekday": d, "starts": clock_time(0), "ends": clock_time(23, 59)} for d in range(7)])).id
    patient = hb.patients.create(admin_token, patient_data()).id
    url = str(hb.ctx.db.engine.url)
    rng = random.Random(7)
    promised: set[int] = set()
    day = next_monday()
    for kill in range(KILLS):
        first = datetime.combine(day + timedelta(days=kill), clock_time(0, 5))  # a fresh day each run
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.services.crash_writer", str(tmp_path), url, admin_token, str(doctor),
             str(patient), first.isoformat()],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(child.stdout))  # type: ignore[arg-type]
        reader.start()
        time.sleep(rng.uniform(0.02, 0.4))  # somewhere inside a transaction, or between two
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        reader.join(timeout=30)
        promised |= {int(line) for line in lines if line.strip().isdigit()}
        with hb.ctx.db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok", f"after kill {kill + 1}"
            stored = {row[0] for row in conn.execute(text("SELECT id FROM appointments"))}
        assert promised <= stored, f"after kill {kill + 1}: lost {sorted(promised - stored)}"
    assert len(promised) > KILLS  # the writer got real work done between the kills
