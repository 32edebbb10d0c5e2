"""Start to the sign-in dialog, from source: our process against a minimal PySide6 window.

Both are new processes on the offscreen platform that print once their first
window is shown (the application through HEARTBEAT_QUIT_AFTER_SHOW); the time
is from the start of the process to that line.  The application's sign-in
dialog takes the typing from then on; its services load behind it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tests.perf.bundle_start import time_to_shown
from tests.perf.report import Row, check, median

RUNS = 5
MINIMAL = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
app = QApplication(sys.argv)
dialog = QDialog()
dialog.setObjectName("minimalDialog")
dialog.show()
def report():
    print("shown: minimalDialog", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def measure_start(url: str, workdir: Path, backend: str) -> Row:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DATABASE_URL": url, "HEARTBEAT_QUIT_AFTER_SHOW": "1",
           "HEARTBEAT_DATA_DIR": str(workdir / "data"), "HEARTBEAT_CONFIG_DIR": str(workdir / "config"),
           "HEARTBEAT_LOG_DIR": str(workdir / "log")}
    app = [sys.executable, "-m", "heartbeat_desktop"]
    minimal = [sys.executable, "-c", MINIMAL]
    time_to_shown(app, env, "loginDialog")  # warm the file cache; not counted
    time_to_shown(minimal, env, "minimalDialog")
    ours = median([time_to_shown(app, env, "loginDialog") for _ in range(RUNS)])
    base = median([time_to_shown(minimal, env, "minimalDialog") for _ in range(RUNS)])
    return check("start to the sign-in dialog, from source", backend, ours, base, "s", max_ratio=2,
                 note=f"median of {RUNS} new processes each")
