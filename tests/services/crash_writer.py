"""The child of the power-loss test: books appointments on SQLite until it is killed.

    python -m tests.services.crash_writer FOLDER URL TOKEN DOCTOR_ID PATIENT_ID FIRST_SLOT

Prints each new appointment's id once ``create`` has returned (committed), one
per line, flushed: the parent knows which bookings were promised.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from heartbeat_desktop.services import Heartbeat
from tests.helpers import settings_at

MINUTES = 5


def main(folder: str, url: str, token: str, doctor: str, patient: str, first: str) -> None:
    app = Heartbeat.open(settings_at(Path(folder), url))
    print("ready", flush=True)
    begins = datetime.fromisoformat(first)
    while True:
        made = app.appointments.create(token, {"doctor_id": int(doctor), "patient_id": int(patient),
                                               "starts_at": begins, "ends_at": begins + timedelta(minutes=MINUTES)})
        print(made.id, flush=True)
        begins += timedelta(minutes=MINUTES)


if __name__ == "__main__":
    main(*sys.argv[1:])
