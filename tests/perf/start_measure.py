"""Start to the sign-in dialog, from source: our process against a minimal PySide6 window.

Both are new processes on the offscreen platform that print once their first
window is shown and quit (the application through HEARTBEAT_QUIT_AFTER_SHOW);
the time is from the start of the process to that line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.perf.report import Row, check, median

RUNS = 5
MINIMAL = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
app = QApplication(sys.argv)
dialog = QDialog()
dialog.show()
def report():
    print("shown: dialog", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def first_window_seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    seconds = time.perf_counter() - start
    if "shown:" not in out.stdout:
        raise RuntimeError(f"{command[-1]!r} showed no window: {out.stdout[-500:]} {out.stderr[-1500:]}")
    return seconds


def measure_start(url: str, workdir: Path, backend: str) -> Row:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DATABASE_URL": url, "HEARTBEAT_QUIT_AFTER_SHOW": "1",
           "HEARTBEAT_DATA_DIR": str(workdir / "data"), "HEARTBEAT_CONFIG_DIR": str(workdir / "config"),
           "HEARTBEAT_LOG_DIR": str(workdir / "log")}
    app = [sys.executable, "-m", "heartbeat_desktop"]
    minimal = [sys.executable, "-c", MINIMAL]
    first_window_seconds(app, env)  # warm the file cache; not counted
    first_window_seconds(minimal, env)
    ours = median([first_window_seconds(app, env) for _ in range(RUNS)])
    base = median([first_window_seconds(minimal, env) for _ in range(RUNS)])
    return check("start to the sign-in dialog, from source", backend, ours, base, "s", max_ratio=2,
                 note=f"median of {RUNS} new processes each")
