"""Exports: a date range's appointments (CSV or iCalendar) and the patient list (CSV), as file content.

The caller writes the bytes (``core.files.write_atomically``: the whole file
or none).  Each export is audited as ``export`` of ``appointments`` or
``patients`` with its format, its range and how many rows left the database;
never a name or a number of anyone in it.

An iCalendar UID must stay the same across re-exports and differ between two
clinics' databases.  The database's identity is its audit log's first entry's
digest: written with the first thing the database ever recorded, never
changed (the log is append-only), kept by backups and restores, and as unlike
another database's as two SHA-256 digests of different moments.  The export's
own audit entry is written before it is read, so even a new database has one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from heartbeat_desktop.core import clock
from heartbeat_desktop.core.errors import NotFound, Text
from heartbeat_desktop.models import Appointment, Patient
from heartbeat_desktop.repositories.base import id_is
from heartbeat_desktop.schemas import AppointmentExport, ExportFile, ExportFormat, parse
from heartbeat_desktop.services import export_formats
from heartbeat_desktop.services.appointments import to_read
from heartbeat_desktop.services.context import SYSTEM, Actor, ServiceContext
from heartbeat_desktop.services.permissions import Permission
from heartbeat_desktop.services.unit_of_work import UnitOfWork

IDENTITY_CHARS = 20  # of the digest's 64: 80 bits, plenty to tell clinics apart, short enough to read
PATIENT_FIELDS = ("id", "last_name", "first_name", "middle_name", "birth_date", "sex", "phone", "email",
                  "address", "is_active")


def database_identity(uow: UnitOfWork) -> str:
    """This database's stable identity (see the module's note); needs an audit entry to exist."""
    first = uow.audit_log.first_chain()
    if first is None:
        raise RuntimeError("the audit log is empty: audit the export before asking")
    return first[:IDENTITY_CHARS]


class ExportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- appointments ---------------------------------------------------------------------
    def appointments(self, token: str, request: AppointmentExport | Mapping[str, Any]) -> ExportFile:
        """The visits of the request's local days, in time order, as CSV or iCalendar."""
        request = parse(AppointmentExport, request)
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token, Permission.VIEW_APPOINTMENTS)
        return self.appointments_as_installer(request, actor)

    def appointments_as_installer(self, request: AppointmentExport | Mapping[str, Any],
                                  actor: Actor = SYSTEM) -> ExportFile:
        """The command line's export (no session: whoever runs it on the server's computer)."""
        request = parse(AppointmentExport, request)
        start = clock.local_day_bounds(request.first, self.ctx.zone)[0]
        end = clock.local_day_bounds(request.last, self.ctx.zone)[1]
        with self.ctx.uow(write=True) as uow:
            where = [Appointment.starts_at >= start, Appointment.starts_at < end]
            if request.doctor_id is not None:
                if uow.doctors.get(request.doctor_id) is None:
                    raise NotFound(Text("errors", "There is no doctor with the number {0}.").format(request.doctor_id))
                where.append(id_is(Appointment.doctor_id, request.doctor_id))
            by_doctor = uow.appointments.sort_column("doctor_name")
            found = uow.appointments.list(*where, order_by=[Appointment.starts_at, by_doctor, Appointment.id])
            visits = [to_read(a) for a in found]
            rooms = {a.doctor_id: a.doctor.room for a in found}
            changes: dict[str, Any] = {"format": request.format.value, "rows": len(visits),
                                       "from": request.first.isoformat(), "to": request.last.isoformat()}
            if request.doctor_id is not None:
                changes["doctor_id"] = request.doctor_id
            uow.audit(actor, "export", "appointments", None, changes)
            if request.format is ExportFormat.ICS:
                content = export_formats.appointments_ics(visits, rooms, database_identity(uow), self.ctx.now())
            else:
                content = export_formats.appointments_csv(visits, self.ctx.zone, request.delimiter)
            uow.commit()
        name = f"appointments-{request.first.isoformat()}-{request.last.isoformat()}.{request.format.suffix}"
        return ExportFile(content=content, rows=len(visits), format=request.format, name=name)

    # --- patients -----------------------------------------------------------------------------
    def patients(self, token: str, *, active_only: bool = False, delimiter: str = ",") -> ExportFile:
        """Every patient (or the active ones), by name, as CSV: administrators and the desk only."""
        with self.ctx.uow() as uow:
            actor = self.ctx.authorize(uow, token, Permission.EXPORT_PATIENTS)
        return self.patients_as_installer(active_only=active_only, delimiter=delimiter, actor=actor)

    def patients_as_installer(self, *, active_only: bool = False, delimiter: str = ",",
                              actor: Actor = SYSTEM) -> ExportFile:
        if delimiter not in (",", ";"):
            raise ValueError(f"a CSV delimiter is ',' or ';', not {delimiter!r}")
        with self.ctx.uow(write=True) as uow:
            where = [Patient.is_active.is_(True)] if active_only else []
            rows = uow.patients.rows(PATIENT_FIELDS, *where, order_by=[Patient.name_key, Patient.birth_date,
                                                                       Patient.id])
            uow.audit(actor, "export", "patients", None,
                      {"format": ExportFormat.CSV.value, "rows": len(rows), "active_only": active_only})
            uow.commit()
        content = export_formats.patients_csv(rows, delimiter)
        return ExportFile(content=content, rows=len(rows), format=ExportFormat.CSV,
                          name=f"patients-{self.ctx.now().astimezone(self.ctx.zone):%Y-%m-%d}.csv")
