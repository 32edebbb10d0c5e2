"""The self-check's records walk: issue 8's features through the services on a throw-away database.

Like :mod:`heartbeat_desktop.cli.day_check`, it reaches each feature once so
that ``--self-check`` of the packaged executable proves what only one use case
imports: a patient CSV in Excel's cp1251 with a bad row imported, the duplicate
check finding it by its Latin spelling, an iCalendar export read back by the
``icalendar`` package, a patient CSV export, and a merge of two records undone.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from heartbeat_desktop.cli.check_tools import expect, scratch_app

CSV = "Фамилия;Имя;Дата рождения;Телефон\r\nИванов;Пётр;17.05.1980;8 916 123-45-67\r\nБезимени;;01.01.1990;\r\n"


def check_records(scratch: Path) -> None:
    from icalendar import Calendar  # noqa: PLC0415 - what the export's file must parse with

    folder = scratch / "records"
    monday = date.today() + timedelta(days=7 - date.today().weekday())
    with scratch_app(folder) as (hb, token):
        source = folder / "пациенты.csv"
        source.write_bytes(CSV.encode("cp1251"))
        header = hb.patient_import.read_header(token, source)
        result = hb.patient_import.run(token, source, header.mapping, "skip_bad")
        expect((result.imported, result.rejected) == (1, 1), f"the import gave {result.summary()}")
        found = hb.patients.likely_duplicates(token, {"last_name": "Ivanov", "first_name": "Petr"})
        expect(len(found) == 1, "the duplicate check did not find Иванов by 'Ivanov Petr'")
        ivanov = found[0].patient
        twin = hb.patients.create(token, {"last_name": "Иванов", "first_name": "Пётр", "birth_date": date(1980, 5, 17),
                                          "email": "ivanov@example.org"})
        hours = [{"weekday": d, "starts": time(9), "ends": time(18)} for d in range(5)]
        doctor = hb.doctors.create(token, {"last_name": "Проверкина", "first_name": "Ольга",
                                           "specialty": "Терапевт", "room": "101", "working_hours": hours}).id
        start = datetime.combine(monday, time(10))
        visit = hb.appointments.create(token, {"doctor_id": doctor, "patient_id": twin.id, "starts_at": start,
                                               "ends_at": start + timedelta(minutes=30)})
        ics = hb.exports.appointments(token, {"first": monday, "last": monday, "format": "ics"})
        (event,) = Calendar.from_ical(ics.content).walk("VEVENT")
        expect(str(event["uid"]).startswith(f"appointment-{visit.id}-"), "the .ics has no stable UID")
        patients_csv = hb.exports.patients(token)
        expect(patients_csv.content.startswith(b"\xef\xbb\xbf") and patients_csv.rows == 2,
                "the patients CSV is not the two patients in UTF-8 with a BOM")
        current = {p.id: p for p in (hb.patients.get(token, ivanov.id), hb.patients.get(token, twin.id))}
        merged = hb.merges.merge(token, {"survivor_id": ivanov.id, "duplicate_id": twin.id, "take": ("email",),
                                         "survivor_version": current[ivanov.id].version,
                                         "duplicate_version": current[twin.id].version})
        expect(hb.appointments.get(token, visit.id).patient_id == ivanov.id, "the merge did not move the visit")
        hb.merges.undo(token, merged.id)
        expect(hb.appointments.get(token, visit.id).patient_id == twin.id, "undoing the merge did not move it back")
