"""How fast the frozen application shows its first dialog, against a minimal frozen PySide6 window.

    .venv/bin/pip install -e '.[build]' && .venv/bin/pyinstaller build_spec.spec
    .venv/bin/python tests/perf/bundle_start.py [--runs 5] [--bundle dist/heartbeat-desktop]

Not a test (pytest does not collect it): it measures.  It freezes a minimal
PySide6 program (one QDialog) the same way as build_spec.spec does (PyInstaller,
one folder, symbols stripped on Linux, no UPX) in a temporary folder, then
starts each executable ``--runs`` times on the offscreen platform and takes the
time from the start of the process to the moment it prints that its dialog
is shown (HEARTBEAT_QUIT_AFTER_SHOW=1 for the application).  Every run
is a new process; the operating system's file cache is warm (one run before
the measured ones is not counted).  Printed: the bundle sizes, the median of
each, and the ratio.

The application is timed twice: a first start (new folders: the database is
created and migrated, then the setup dialog takes the sign-in dialog's place)
and an everyday start (a database with an administrator: the sign-in dialog,
shown before the services load behind it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINIMAL_SCRIPT = '''\
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

app = QApplication(sys.argv)
dialog = QDialog()
dialog.setObjectName("minimalDialog")
dialog.show()
QTimer.singleShot(0, lambda: (print("shown: minimalDialog", flush=True), app.exit(0)))
sys.exit(app.exec())
'''
MINIMAL_SPEC = '''\
import sys
strip = sys.platform.startswith("linux")
a = Analysis(["minimal.py"], excludes=["tkinter"])
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="minimal", console=True, strip=strip, upx=False)
coll = COLLECT(exe, a.binaries, a.datas, name="minimal", strip=strip, upx=False)
'''


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build_minimal(work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    (work / "minimal.py").write_text(MINIMAL_SCRIPT, encoding="utf-8")
    (work / "minimal.spec").write_text(MINIMAL_SPEC, encoding="utf-8")
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) or "pyinstaller"
    subprocess.run([pyinstaller, "--noconfirm", "--log-level", "WARN", "minimal.spec"], cwd=work, check=True)
    return work / "dist" / "minimal" / ("minimal.exe" if os.name == "nt" else "minimal")


def time_to_shown(command: list[str], env: dict[str, str], expect: str) -> float:
    """Seconds from starting ``command`` until it prints that ``expect`` is on
    screen: ``first window: <expect>`` (the dialog shown at once) or ``shown:
    <expect>`` (the one start-up settled on, e.g. the first-start setup)."""
    started = time.perf_counter()
    wanted = (f"first window: {expect}", f"shown: {expect}")
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        assert process.stdout is not None
        printed = []
        for line in process.stdout:
            printed.append(line.strip())
            if printed[-1] in wanted:
                shown = time.perf_counter() - started
                break
        else:
            raise SystemExit(f"{command[0]} printed {printed!r}, not {expect!r} shown")
        process.wait(timeout=60)
    return shown


def app_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(QT_QPA_PLATFORM="offscreen", HEARTBEAT_QUIT_AFTER_SHOW="1",
               HEARTBEAT_DATA_DIR=str(folder / "data"), HEARTBEAT_CONFIG_DIR=str(folder / "config"),
               HEARTBEAT_LOG_DIR=str(folder / "log"))
    return env


def median_of(runs: int, measure) -> tuple[float, list[float]]:  # type: ignore[no-untyped-def]
    measure(-1)  # warm the file cache; not counted
    times = [measure(i) for i in range(runs)]
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "heartbeat-desktop",
                        help="the one-folder bundle (default: dist/heartbeat-desktop)")
    parser.add_argument("--minimal", type=Path, help="an already frozen minimal executable (default: build one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    app = args.bundle / ("heartbeat-desktop.exe" if os.name == "nt" else "heartbeat-desktop")
    if not app.is_file():
        raise SystemExit(f"no {app}: build it first (pyinstaller build_spec.spec)")

    with tempfile.TemporaryDirectory(prefix="heartbeat-perf-") as tmp:
        work = Path(tmp)
        minimal = args.minimal or build_minimal(work / "minimal")
        minimal_env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

        def first_start(i: int) -> float:
            return time_to_shown([str(app)], app_env(work / f"first-{i}"), "setupDialog")

        everyday = work / "everyday"
        setup = app_env(everyday)
        setup.pop("HEARTBEAT_QUIT_AFTER_SHOW")
        subprocess.run([str(app), "users", "create", "--username", "admin", "--role", "admin", "--password-stdin"],
                       env=setup, input="Perf-passw0rd\n", text=True, check=True, capture_output=True)

        def everyday_start(_i: int) -> float:
            return time_to_shown([str(app)], app_env(everyday), "loginDialog")

        def minimal_start(_i: int) -> float:
            return time_to_shown([str(minimal)], minimal_env, "minimalDialog")

        results = {"minimal PySide6 dialog": median_of(args.runs, minimal_start),
                   "app, first start (setup)": median_of(args.runs, first_start),
                   "app, everyday start (login)": median_of(args.runs, everyday_start)}
        sizes = {"heartbeat-desktop": folder_size(args.bundle), "minimal": folder_size(minimal.parent)}

    for name, size in sizes.items():
        print(f"bundle {name}: {size / 2**20:.0f} MiB")
    base = results["minimal PySide6 dialog"][0]
    for name, (median, times) in results.items():
        runs = " ".join(f"{t:.2f}" for t in times)
        print(f"{name}: median {median:.2f} s (x{median / base:.2f} the minimal) over {args.runs} runs: {runs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
