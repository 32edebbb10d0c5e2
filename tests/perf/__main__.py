"""Run the benchmark: ``python -m tests.perf [--size smoke|medium|full] [--backend sqlite postgresql]``.

Prints one table (measure, ours, baseline, ratio, goal, pass) and writes the
same rows as JSON.  Exit status 1 when a goal is missed (``--no-fail`` to only
report), so the smoke run in ``.ci/run`` catches a benchmark that rotted.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from heartbeat_desktop import __version__  # noqa: E402
from heartbeat_desktop.services import Heartbeat  # noqa: E402
from tests.perf.dataset import SIZES, prepare  # noqa: E402
from tests.perf.report import Row, check, render, write_json  # noqa: E402
from tests.perf.service_measures import (  # noqa: E402
    measure_booking,
    measure_duplicates,
    measure_free_time,
    measure_search,
)

ADMIN_PASSWORD = "Perf-admin-passw0rd"


def run_backend(backend: str, size_name: str, workdir: Path, with_gui: bool) -> list[Row]:
    size = SIZES[size_name]
    prepared, drop = prepare(backend, size, workdir)
    rows = [check("generate the data set", backend, prepared.generate_seconds, prepared.raw_seconds, "s",
                  max_ratio=1.5, note=prepared.result.summary())]
    try:
        with Heartbeat.open(prepared.settings) as app:
            app.auth.create_first_admin({"username": "perf", "password": ADMIN_PASSWORD})
            auth = app.auth.login("perf", ADMIN_PASSWORD)
            token = auth.token
            rows.append(measure_search(app, token, prepared.url, backend))
            rows.append(measure_duplicates(app, token, prepared.url, backend))
            rows.append(measure_booking(app, token, prepared.url, backend, size.days_ahead))
            rows.append(measure_free_time(app, token, prepared.url, backend, size.days_ahead))
            if with_gui:
                from tests.perf import gui_measures
                from tests.perf.start_measure import measure_start

                rows += gui_measures.measure_all(app, auth, prepared, backend)
                rows.append(measure_start(prepared.url, workdir, backend))
    finally:
        drop()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf", description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--backend", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"])
    parser.add_argument("--json", type=Path, default=Path("perf-results.json"))
    parser.add_argument("--no-gui", action="store_true", help="only the service measures")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a goal is missed")
    args = parser.parse_args(argv)

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="heartbeat-perf-") as tmp:
        for backend in args.backend:
            print(f"== {backend}, size {args.size} ({SIZES[args.size]})", flush=True)
            rows += run_backend(backend, args.size, Path(tmp) / backend, not args.no_gui)
    print(render(rows))
    write_json(rows, args.json, {"size": args.size, "version": __version__, "python": sys.version.split()[0],
                                 "machine": platform.platform(), "cpus": os.cpu_count()})
    print(f"\nwritten to {args.json}")
    return 0 if args.no_fail or all(r.passed for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
