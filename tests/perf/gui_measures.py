"""The GUI measures (offscreen): open the Patients page, scroll every patient,
lay out a schedule day; each against the raw SELECT or a QSqlQueryModel."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from heartbeat_desktop.schemas import AuthSession
from heartbeat_desktop.services import Heartbeat
from heartbeat_desktop.ui.pages.patients_page import PatientsPage
from heartbeat_desktop.ui.pages.schedule_page import SchedulePage
from heartbeat_desktop.ui.session import SessionHolder
from tests.perf.dataset import Prepared, raw_connection
from tests.perf.report import Row, check, median, timed
from tests.perf.service_measures import select_of

REPEATS = 7
SCHEDULE_DOCTORS = 40


def wait_until(done: Callable[[], bool], limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not finish loading")
        QCoreApplication.processEvents()
        time.sleep(0.0002)
    QCoreApplication.processEvents()


def raw_median(url: str, statement: str, params: Any) -> float:
    with raw_connection(url) as conn:
        conn.execute(statement, params).fetchall()
        return median([timed(lambda: conn.execute(statement, params).fetchall()) for _ in range(REPEATS)])


def measure_open_patients(app: Heartbeat, auth: AuthSession, prepared: Prepared, backend: str) -> Row:
    session = SessionHolder(auth)

    def open_page() -> None:
        page = PatientsPage(app, session)
        page.resize(1280, 760)
        page.refresh()
        page.show()
        wait_until(lambda: page.model.rowCount() > 0)
        page.close()
        page.deleteLater()

    open_page()  # warm-up: imports, first query plans
    ours = median([timed(open_page) for _ in range(REPEATS)])
    statement, params = select_of(app, "patients", lambda: app.patients.page(auth.token, "", limit=200))
    return check("open the patients page (first rows shown)", backend, ours * 1000,
                 raw_median(prepared.url, statement, params) * 1000, "ms", max_ours=100)


def full_list_sql(app: Heartbeat, token: str) -> str:
    """The list's SELECT with its order and no paging, for QSqlQueryModel."""
    statement, _params = select_of(app, "patients", lambda: app.patients.page(token, "", limit=200))
    return re.sub(r"\s+LIMIT\b.*$", "", statement, flags=re.S | re.I)


def scroll_in_subprocess(kind: str, url: str, sql: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "tests.perf.scroll", kind, url, sql],
                         capture_output=True, text=True, check=False, timeout=1800)
    if out.returncode != 0:
        raise RuntimeError(f"scroll {kind} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_scroll(app: Heartbeat, auth: AuthSession, prepared: Prepared, backend: str) -> list[Row]:
    sql = full_list_sql(app, auth.token)
    ours = scroll_in_subprocess("ours", prepared.url, sql)
    qsql = scroll_in_subprocess("qsql", prepared.url, sql)
    note = f"{int(ours['rows'])} rows (QSqlQueryModel {int(qsql['rows'])}); peak RSS of the app " \
           f"{ours['peak_rss_mb']:.0f} MB"
    return [check("scroll all patients: time", backend, ours["seconds"], qsql["seconds"], "s",
                  max_ratio=1.5, note=note),
            check("scroll all patients: memory added", backend, ours["rss_mb"], qsql["rss_mb"], "MB",
                  max_ratio=2)]


def busiest_weekday(url: str) -> date:
    """A past weekday with the most appointments: a full schedule to lay out."""
    with raw_connection(url) as conn:
        rows = conn.execute("SELECT starts_at FROM appointments ORDER BY id DESC LIMIT 5000").fetchall()
    days: dict[date, int] = {}
    for (start,) in rows:
        moment = start if isinstance(start, datetime) else datetime.fromisoformat(str(start))
        days[moment.date()] = days.get(moment.date(), 0) + 1
    return max(days, key=lambda d: days[d])


def keep_doctors(url: str, backend: str, day: date, count: int) -> None:
    """Leave the ``count`` doctors busiest that day active (the schedule shows active doctors)."""
    mark = "?" if backend == "sqlite" else "%s"
    start = datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc)
    bounds: tuple[Any, Any] = (start, start + timedelta(days=1))
    if backend == "sqlite":
        bounds = tuple(b.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f") for b in bounds)
    with raw_connection(url) as conn:
        busiest = [r[0] for r in conn.execute(
            f"SELECT doctor_id FROM appointments WHERE starts_at >= {mark} AND starts_at < {mark} "
            f"GROUP BY doctor_id ORDER BY count(*) DESC LIMIT {count}", bounds).fetchall()]
        conn.execute(f"UPDATE doctors SET is_active = (id IN ({', '.join(map(str, busiest))}))")
        conn.commit()


def measure_schedule(app: Heartbeat, auth: AuthSession, prepared: Prepared, backend: str) -> Row:
    day = busiest_weekday(prepared.url)
    keep_doctors(prepared.url, backend, day, SCHEDULE_DOCTORS)
    session = SessionHolder(auth)
    page = SchedulePage(app, session)
    page.resize(1366, 800)
    page.show()
    days = [day - timedelta(days=7 * i) for i in range(REPEATS + 1)]

    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(1))

    def show(d: date) -> None:
        seen = len(resets)
        page.go_to(d)  # one query for the day, then the model lays the blocks out
        wait_until(lambda: page.model.day == d and len(resets) > seen)

    show(days[0])
    ours = median([timed(lambda d=d: show(d)) for d in days[1:]])
    doctors = len(page.doctors)
    statement, params = select_of(app, "appointments", lambda: app.appointments.list_day(auth.token, day))
    page.close()
    return check(f"schedule day, {doctors} doctors", backend, ours * 1000,
                 raw_median(prepared.url, statement, params) * 1000, "ms", max_ours=100)


def measure_all(app: Heartbeat, auth: AuthSession, prepared: Prepared, backend: str) -> list[Row]:
    QApplication.instance() or QApplication([])
    rows = [measure_open_patients(app, auth, prepared, backend)]
    rows += measure_scroll(app, auth, prepared, backend)
    rows.append(measure_schedule(app, auth, prepared, backend))
    return rows
