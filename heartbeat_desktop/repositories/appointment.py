"""Appointments: by doctor, by patient, by time range, and overlap look-ups."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import joinedload

from heartbeat_desktop.core.vocabulary import INACTIVE_STATUSES, Confirmation, Status
from heartbeat_desktop.models import Appointment, Doctor, Patient
from heartbeat_desktop.repositories.base import Repository, id_is, id_is_not

_INACTIVE = [s.value for s in INACTIVE_STATUSES]
MAX_SPAN = timedelta(days=1)  # the longest visit the database accepts (migration 0002)


def _name_of(person: type[Doctor] | type[Patient], key: Any) -> Any:
    """The casefolded name of an appointment's doctor or patient, for ORDER BY."""
    return select(person.name_key).where(person.id == key).correlate(Appointment).scalar_subquery()


# sort expressions that are not columns of the appointments table
_SORT_EXPRESSIONS = {
    "doctor_name": lambda: _name_of(Doctor, Appointment.doctor_id),
    "patient_name": lambda: _name_of(Patient, Appointment.patient_id),
    # the statuses in their lifecycle order (as declared), not alphabetical
    "status_rank": lambda: case({s.value: i for i, s in enumerate(Status)}, value=Appointment.status),
}


def active() -> ColumnElement[bool]:
    return Appointment.status.not_in(_INACTIVE)


def overlapping(starts_at: datetime, ends_at: datetime) -> ColumnElement[bool]:
    """Appointments that overlap [starts_at, ends_at).  The lower bound on
    ``starts_at`` is implied (no visit lasts longer than MAX_SPAN, a rule of the
    database) and closes the index range: with years of history, a check reads
    a day of the doctor's visits, not all of them."""
    return ((Appointment.starts_at < ends_at) & (Appointment.starts_at > starts_at - MAX_SPAN)
            & (Appointment.ends_at > starts_at))


class AppointmentRepository(Repository[Appointment]):
    model = Appointment
    default_order = ("starts_at", "id")
    sort_keys = {"starts_at": ("starts_at",), "doctor": ("doctor_name", "starts_at"),
                 "patient": ("patient_name", "starts_at"), "status": ("status_rank", "starts_at")}

    def sort_column(self, name: str) -> Any:
        made = _SORT_EXPRESSIONS.get(name)
        return made() if made is not None else super().sort_column(name)

    def select(self) -> Select[tuple[Appointment]]:
        # the readers always show both names: load them in the same query
        return super().select().options(joinedload(Appointment.doctor), joinedload(Appointment.patient),
                                        joinedload(Appointment.type))

    def clashes(
        self,
        starts_at: datetime,
        ends_at: datetime,
        *,
        doctor_id: int | None = None,
        patient_id: int | None = None,
        exclude_id: int | None = None,
    ) -> list[Appointment]:
        """Active appointments of that doctor or patient overlapping the interval.

        Without the names (``select`` joins them): the answer is nearly always
        none, and a clash's names load when its message is written."""
        where = [active(), overlapping(starts_at, ends_at)]
        if doctor_id is not None:
            where.append(id_is(Appointment.doctor_id, doctor_id))
        if patient_id is not None:
            where.append(id_is(Appointment.patient_id, patient_id))
        if exclude_id is not None:
            where.append(id_is_not(Appointment.id, exclude_id))
        stmt = select(Appointment).where(*where).order_by(Appointment.starts_at, Appointment.id).limit(5)
        return list(self.session.scalars(stmt))

    def calls(self, starts_at: datetime, ends_at: datetime, doctor_id: int | None = None) -> list[Appointment]:
        """The confirmation list's visits starting in [starts_at, ends_at): the active ones and those
        cancelled by phone, by time then doctor, with their names, type and who noted the answer."""
        where = [Appointment.starts_at >= starts_at, Appointment.starts_at < ends_at,
                 active() | (Appointment.confirmation == Confirmation.CANCELLED_BY_PHONE.value)]
        if doctor_id is not None:
            where.append(id_is(Appointment.doctor_id, doctor_id))
        stmt = (self.select().options(joinedload(Appointment.confirmation_by)).where(*where)
                .order_by(Appointment.starts_at, _name_of(Doctor, Appointment.doctor_id), Appointment.id))
        return list(self.session.scalars(stmt).unique())

    def first_start(self, starts_at: datetime, ends_at: datetime) -> datetime | None:
        """When the first active visit in [starts_at, ends_at) begins (one index probe)."""
        stmt = select(func.min(Appointment.starts_at)).where(
            Appointment.starts_at >= starts_at, Appointment.starts_at < ends_at, active())
        return self.session.scalar(stmt)

    def busy(self, starts_at: datetime, ends_at: datetime, *, doctor_ids: list[int],
             patient_id: int | None = None) -> list[tuple[int | None, datetime, datetime]]:
        """(doctor id, start, end) of the active visits of these doctors, and of the patient (doctor id
        None), overlapping the interval: plain rows, for the free-time search."""
        whose = Appointment.doctor_id.in_(doctor_ids)
        stmt = select(Appointment.doctor_id, Appointment.starts_at, Appointment.ends_at).where(
            active(), overlapping(starts_at, ends_at), whose)
        rows: list[tuple[int | None, datetime, datetime]] = [tuple(r) for r in self.session.execute(stmt)]
        if patient_id is not None:
            mine = select(Appointment.starts_at, Appointment.ends_at).where(
                active(), overlapping(starts_at, ends_at), id_is(Appointment.patient_id, patient_id))
            rows += [(None, s, e) for s, e in self.session.execute(mine)]
        return rows

    def filters(
        self,
        *,
        doctor_id: int | None = None,
        patient_id: int | None = None,
        starts_from: datetime | None = None,
        starts_before: datetime | None = None,
        statuses: tuple[str, ...] = (),
    ) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if doctor_id is not None:
            where.append(id_is(Appointment.doctor_id, doctor_id))
        if patient_id is not None:
            where.append(id_is(Appointment.patient_id, patient_id))
        if starts_from is not None:
            where.append(Appointment.starts_at >= starts_from)
        if starts_before is not None:
            where.append(Appointment.starts_at < starts_before)
        if statuses:
            where.append(Appointment.status.in_(statuses))
        return where
