"""One scroll through every patient, in a process of its own (so memory is its own).

    python -m tests.perf.scroll ours|qsql DATABASE_URL SQL_OF_THE_FULL_LIST

``ours`` pages through the Patients page's table model (``fetchMore`` to the
end, each page loaded off the GUI thread as in the app); ``qsql`` runs the same
ordered SELECT in a ``QSqlQueryModel`` and fetches to the end.  Prints one
JSON line: seconds, rows, and the resident memory the scroll added (MB).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

PERF_USER, PERF_PASSWORD = "perf", "Perf-admin-passw0rd"


def rss_mb(field: str = "VmRSS") -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def scroll_ours(url: str) -> Callable[[], int]:
    """The page built and signed in; the returned call scrolls to the end."""
    import tempfile
    from pathlib import Path

    from heartbeat_desktop.services import Heartbeat
    from heartbeat_desktop.ui.pages.patients_page import PatientsPage
    from heartbeat_desktop.ui.session import SessionHolder
    from tests.perf.dataset import settings_for

    app = Heartbeat.open(settings_for(url, Path(tempfile.mkdtemp())))
    session = SessionHolder(app.auth.login(PERF_USER, PERF_PASSWORD))
    page = PatientsPage(app, session)
    model = page.model

    loop = QEventLoop()
    model.loading_changed.connect(lambda loading: loading or loop.quit())

    def scroll() -> int:
        # the GUI thread waits in Qt's event loop, as in the app (a Python polling
        # loop would fight the loading thread for the GIL)
        model.reload("")
        while True:
            if model.is_loading:
                loop.exec()
            if not model.canFetchMore():
                return model.rowCount()
            model.fetchMore()
    return scroll


def scroll_qsql(url: str, sql: str) -> Callable[[], int]:
    from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        db = QSqlDatabase.addDatabase("QSQLITE")
        db.setDatabaseName(parsed.database)
    else:
        db = QSqlDatabase.addDatabase("QPSQL")
        db.setHostName(parsed.host or "127.0.0.1")
        db.setPort(parsed.port or 5432)
        db.setUserName(parsed.username or "")
        db.setPassword(parsed.password or "")
        db.setDatabaseName(parsed.database or "")
    if not db.open():
        raise SystemExit(db.lastError().text())
    model = QSqlQueryModel()

    def scroll() -> int:
        model.setQuery(QSqlQuery(sql, db))
        while model.canFetchMore():
            model.fetchMore()
        return model.rowCount()
    return scroll


def main() -> int:
    kind, url = sys.argv[1], sys.argv[2]
    app = QApplication([])  # noqa: F841 - models and pages need one
    scroll = scroll_ours(url) if kind == "ours" else scroll_qsql(url, sys.argv[3])
    before = rss_mb()
    start = time.perf_counter()
    rows = scroll()
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "rows": rows, "rss_mb": rss_mb("VmHWM") - before,
                      "peak_rss_mb": rss_mb("VmHWM")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
