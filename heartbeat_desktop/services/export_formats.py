"""The export files' content: CSV for spreadsheets, iCalendar (RFC 5545) for calendar programs.

Pure functions of plain data (schemas), no database: the export service
gathers the rows and audits, these write the bytes.

CSV: UTF-8 with a byte order mark (Excel then reads Cyrillic right), a header
row, local dates and times (ISO dates, 24-hour times); a cell that a
spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) gets an
apostrophe in front, unless it is only a number's shape (a phone number).

iCalendar: one VEVENT per visit, its UID built from the visit's id and the
database's identity (so a calendar program updates its copy on a re-export,
and two clinics' visits never collide), SEQUENCE the visit's version (a newer
edit wins), times in UTC.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone, tzinfo
from typing import Any

from icalendar import Calendar, Event

from heartbeat_desktop import APP_NAME, __version__
from heartbeat_desktop.core.vocabulary import Status
from heartbeat_desktop.schemas import AppointmentRead

BOM = "\ufeff"
APPOINTMENT_COLUMNS = ("date", "start", "end", "doctor", "patient", "status", "type", "reason")
PATIENT_COLUMNS = ("id", "last_name", "first_name", "middle_name", "birth_date", "sex", "phone", "email",
                   "address", "active")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER_SHAPE = re.compile(r"^[+\-]?[\d\s().\-]*$")  # "+7 (916) 123-45-67": no formula to run
UID_DOMAIN = "heartbeat-desktop"
PRODID = f"-//{APP_NAME}//{UID_DOMAIN} {__version__}//EN"


# --- CSV ------------------------------------------------------------------------------------

def cell(value: Any) -> str:
    """A value as a spreadsheet cell: text, never a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not NUMBER_SHAPE.match(text):
        return "'" + text
    return text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ",") -> bytes:
    out = io.StringIO(newline="")
    out.write(BOM)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def appointments_csv(appointments: Iterable[AppointmentRead], zone: tzinfo, delimiter: str = ",") -> bytes:
    def row(a: AppointmentRead) -> list[Any]:
        start, end = a.starts_at.astimezone(zone), a.ends_at.astimezone(zone)
        return [start.date().isoformat(), f"{start:%H:%M}", f"{end:%H:%M}", a.doctor_name, a.patient_name,
                a.status.label, a.type_name, a.reason]

    return csv_bytes(APPOINTMENT_COLUMNS, (row(a) for a in appointments), delimiter)


def patients_csv(patients: Iterable[Mapping[str, Any]], delimiter: str = ",") -> bytes:
    def row(p: Mapping[str, Any]) -> list[Any]:
        values = [p[c] for c in PATIENT_COLUMNS[:-1]]
        values[PATIENT_COLUMNS.index("birth_date")] = p["birth_date"].isoformat()
        return [*values, "yes" if p["is_active"] else "no"]

    return csv_bytes(PATIENT_COLUMNS, (row(p) for p in patients), delimiter)


# --- iCalendar -------------------------------------------------------------------------------

def event_uid(appointment_id: int, identity: str) -> str:
    """The visit's UID: the same on every export of this database, whatever is edited."""
    return f"appointment-{appointment_id}-{identity}@{UID_DOMAIN}"


def appointments_ics(appointments: Iterable[AppointmentRead], rooms: Mapping[int, str | None], identity: str,
                     now: datetime) -> bytes:
    """A calendar of the visits; ``rooms``: each doctor's room by doctor id (the LOCATION)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", APP_NAME)
    stamp = now.astimezone(timezone.utc)
    for a in appointments:
        event = Event()
        event.add("uid", event_uid(a.id, identity))
        event.add("dtstamp", stamp)
        event.add("dtstart", a.starts_at.astimezone(timezone.utc))
        event.add("dtend", a.ends_at.astimezone(timezone.utc))
        event.add("summary", f"{a.patient_name} — {a.doctor_name}")
        room = rooms.get(a.doctor_id)
        if room:
            event.add("location", room)
        details = [p for p in (a.type_name, a.reason) if p]
        if details:
            event.add("description", "\n".join(details))
        event.add("status", "CANCELLED" if a.status is Status.CANCELLED else "CONFIRMED")
        event.add("sequence", a.version)
        calendar.add_component(event)
    return calendar.to_ical()
