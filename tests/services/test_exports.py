"""Exports: appointments as CSV and iCalendar, patients as CSV; stable UIDs, permissions, the audit row."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from heartbeat_desktop.core.errors import HeartbeatError, PermissionDenied, ValidationFailed
from heartbeat_desktop.core.files import write_atomically
from heartbeat_desktop.core.settings import sqlite_url
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.schemas import ExportFormat
from heartbeat_desktop.services.export_formats import cell
from tests.helpers import (
    at,
    audit_rows,
    booking,
    doctor_data,
    first_admin,
    make_user,
    next_monday,
    opened,
    patient_data,
    settings_at,
)

DAY = next_monday()
UTC = timezone.utc


@pytest.fixture
def visits(hb, admin_token):  # noqa: ANN001, ANN201
    """Two doctors; three visits on DAY (one cancelled), one the day after, one the week after."""
    petrova = hb.doctors.create(admin_token, doctor_data()).id
    andreev = hb.doctors.create(admin_token, doctor_data(last_name="Андреев", first_name="Олег", room=None)).id
    ivanov = hb.patients.create(admin_token, patient_data()).id
    smirnova = hb.patients.create(admin_token, patient_data(last_name="Смирнова", first_name="Анна", sex="female",
                                                            phone="8 903 111-22-33")).id
    made = {
        "ivanov": hb.appointments.create(admin_token, booking(petrova, ivanov, at(10), reason="Боль в груди")),
        "smirnova": hb.appointments.create(admin_token, booking(andreev, smirnova, at(9), 45)),
        "gone": hb.appointments.create(admin_token, booking(petrova, smirnova, at(12))),
        "tuesday": hb.appointments.create(admin_token, booking(petrova, smirnova, at(9, day=DAY + timedelta(1)))),
        "later": hb.appointments.create(admin_token, booking(petrova, ivanov, at(9, day=DAY + timedelta(7)))),
    }
    gone = made["gone"]
    made["gone"] = hb.appointments.set_status(admin_token, gone.id, Status.CANCELLED, gone.version)
    return made


def export(hb, token, fmt="ics", first=DAY, last=DAY + timedelta(1), **extra):  # noqa: ANN001, ANN201
    return hb.exports.appointments(token, {"first": first, "last": last, "format": fmt, **extra})


def events(content: bytes) -> dict[int, object]:
    """The calendar's events by the visit id their UID names."""
    calendar = Calendar.from_ical(content)
    return {int(str(e["uid"]).split("-")[1]): e for e in calendar.walk("VEVENT")}


def test_ics_one_event_per_visit_in_utc_with_status_and_room(hb, admin_token, visits):
    result = export(hb, admin_token)
    assert result.format is ExportFormat.ICS and result.rows == 4
    assert result.name == f"appointments-{DAY}-{DAY + timedelta(1)}.ics"
    found = events(result.content)
    assert len(found) == 4
    assert set(found) == {visits[k].id for k in ("ivanov", "smirnova", "gone", "tuesday")}
    ivanov = found[visits["ivanov"].id]
    assert str(ivanov["summary"]) == "Иванов Пётр Сергеевич — Петрова Мария Ивановна"
    assert ivanov["dtstart"].dt == visits["ivanov"].starts_at.astimezone(UTC)
    assert ivanov["dtstart"].dt.tzinfo is not None and ivanov["dtstart"].dt.utcoffset() == timedelta(0)
    assert ivanov["dtstart"].dt == datetime.combine(DAY, datetime.min.time(), UTC) + timedelta(hours=7)  # 10:00 MSK
    assert ivanov["dtend"].dt - ivanov["dtstart"].dt == timedelta(minutes=30)
    assert str(ivanov["location"]) == "101" and str(ivanov["status"]) == "CONFIRMED"
    assert "Боль в груди" in str(ivanov["description"])
    assert int(ivanov["sequence"]) == visits["ivanov"].version
    assert b"DTSTART:" in result.content and b"Z\r\n" in result.content  # UTC form, no TZID
    assert [i for i, e in found.items() if str(e["status"]) == "CANCELLED"] == [visits["gone"].id]
    assert "location" not in found[visits["smirnova"].id]  # no room: none given
    uids = {str(e["uid"]) for e in found.values()}
    assert len(uids) == 4 and all(u.endswith("@heartbeat-desktop") for u in uids)


def test_a_reexport_after_an_edit_keeps_the_uid_and_raises_the_sequence(hb, admin_token, visits):
    a = visits["ivanov"]
    before = events(export(hb, admin_token).content)[a.id]
    moved = hb.appointments.update(admin_token, a.id, {**booking(a.doctor_id, a.patient_id, at(15)),
                                                       "reason": "Другая причина", "version": a.version})
    after = events(export(hb, admin_token).content)[a.id]
    assert str(after["uid"]) == str(before["uid"]) == f"appointment-{a.id}-{str(before['uid']).split('-', 2)[2]}"
    assert int(after["sequence"]) == moved.version > int(before["sequence"])
    assert after["dtstart"].dt == moved.starts_at.astimezone(UTC) != before["dtstart"].dt


def test_another_database_gives_other_uids(hb, admin_token, visits, tmp_path, sqlite_template):
    mine = {str(e["uid"]) for e in events(export(hb, admin_token).content).values()}
    path = tmp_path / "other-clinic.sqlite3"
    shutil.copyfile(sqlite_template, path)
    for other in opened(settings_at(tmp_path / "other", sqlite_url(path))):
        token = first_admin(other).token
        doctor = other.doctors.create(token, doctor_data()).id
        patient = other.patients.create(token, patient_data()).id
        same_id = other.appointments.create(token, booking(doctor, patient, at(10)))
        theirs = {str(e["uid"]) for e in events(export(other, token).content).values()}
    assert same_id.id == visits["ivanov"].id  # the same visit number, in another clinic
    assert len(theirs) == 1 and not theirs & mine
    assert {u.split("-", 2)[2] for u in theirs} != {u.split("-", 2)[2] for u in mine}


def test_csv_has_a_bom_a_header_local_times_and_cyrillic(hb, admin_token, visits):
    result = export(hb, admin_token, "csv", doctor_id=visits["ivanov"].doctor_id)
    assert result.content.startswith(b"\xef\xbb\xbf") and result.name.endswith(".csv")
    rows = list(csv.reader(io.StringIO(result.content.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["date", "start", "end", "doctor", "patient", "status", "type", "reason"]
    assert rows[1:] == [
        [DAY.isoformat(), "10:00", "10:30", "Петрова Мария Ивановна", "Иванов Пётр Сергеевич", "Scheduled", "",
         "Боль в груди"],
        [DAY.isoformat(), "12:00", "12:30", "Петрова Мария Ивановна", "Смирнова Анна Сергеевич", "Cancelled", "", ""],
        [(DAY + timedelta(1)).isoformat(), "09:00", "09:30", "Петрова Мария Ивановна", "Смирнова Анна Сергеевич",
         "Scheduled", "", ""],
    ]
    semicolons = export(hb, admin_token, "csv", delimiter=";").content.decode("utf-8-sig")
    assert semicolons.splitlines()[0] == "date;start;end;doctor;patient;status;type;reason"


def test_a_cell_is_never_a_formula_but_a_phone_stays_a_phone():
    assert cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert cell("@SUM(A1)") == "'@SUM(A1)" and cell("-2+3*cmd") == "'-2+3*cmd"
    assert cell("+7 (916) 123-45-67") == "+7 (916) 123-45-67" and cell(None) == "" and cell("Иванов") == "Иванов"


def test_patients_csv_all_or_active_only(hb, admin_token, visits):
    gone = hb.patients.create(admin_token, patient_data(last_name="Архивная", first_name="Ольга", phone=None))
    hb.patients.set_active(admin_token, gone.id, False, gone.version)
    everyone = hb.exports.patients(admin_token)
    assert everyone.content.startswith(b"\xef\xbb\xbf") and everyone.rows == 3
    rows = list(csv.DictReader(io.StringIO(everyone.content.decode("utf-8-sig"), newline="")))
    assert [(r["last_name"], r["active"]) for r in rows] == [("Архивная", "no"), ("Иванов", "yes"),
                                                            ("Смирнова", "yes")]
    assert rows[1]["birth_date"] == "1980-05-17" and rows[1]["phone"] == "+7 916 123-45-67"
    assert "notes" not in rows[0]
    active = hb.exports.patients(admin_token, active_only=True, delimiter=";")
    assert active.rows == 2 and "Архивная" not in active.content.decode("utf-8-sig")


def test_each_export_is_audited_without_personal_data(hb, admin_token, visits):
    export(hb, admin_token, "ics", doctor_id=visits["ivanov"].doctor_id)
    hb.exports.patients(admin_token, active_only=True)
    first, second = audit_rows(hb, "export")
    assert (first.entity, first.entity_id, first.username) == ("appointments", None, "admin")
    assert first.changes == {"format": "ics", "rows": 3, "from": DAY.isoformat(),
                             "to": (DAY + timedelta(1)).isoformat(), "doctor_id": visits["ivanov"].doctor_id}
    assert (second.entity, second.changes) == ("patients", {"format": "csv", "rows": 2, "active_only": True})
    assert "Иванов" not in str(first.changes) + str(second.changes)


def test_who_may_export(hb, admin_token, visits):
    desk = make_user(hb, admin_token, "desk", "receptionist")
    doctor = make_user(hb, admin_token, "doc", "doctor")
    assert export(hb, desk).rows == 4 and export(hb, doctor, "csv").rows == 4
    assert hb.exports.patients(desk).rows == 2
    with pytest.raises(PermissionDenied, match="export the list of patients"):
        hb.exports.patients(doctor)
    assert [r.username for r in audit_rows(hb, "export")] == ["desk", "doc", "desk"]


def test_a_range_backwards_is_refused_in_words(hb, admin_token):
    with pytest.raises(ValidationFailed) as caught:
        export(hb, admin_token, first=DAY, last=DAY - timedelta(1))
    assert caught.value.field_errors == {"last": "The last day must not be before the first."}
    assert audit_rows(hb, "export") == []


def test_a_file_is_written_whole_or_not_at_all(tmp_path: Path):
    target = write_atomically(tmp_path / "визиты.ics", b"new")
    assert target.read_bytes() == b"new"
    write_atomically(target, b"newer")
    assert target.read_bytes() == b"newer" and [p.name for p in tmp_path.iterdir()] == ["визиты.ics"]
    with pytest.raises(HeartbeatError, match="could not be written"):
        write_atomically(tmp_path / "missing" / "x.csv", b"x")
    with pytest.raises(HeartbeatError, match="it is a folder"):
        write_atomically(tmp_path, b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["визиты.ics"]
