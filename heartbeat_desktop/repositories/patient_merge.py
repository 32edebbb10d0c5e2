"""Merges of patient records, and what belongs to a patient that a merge moves."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from heartbeat_desktop.models import Appointment, AppointmentSeries, PatientMerge, StatusChange, WaitlistEntry
from heartbeat_desktop.repositories.base import Repository, id_is

# what a merge moves, by the name its record keeps: each has a patient_id and a version
OWNED: dict[str, type[Any]] = {"appointments": Appointment, "waitlist": WaitlistEntry, "series": AppointmentSeries}


class PatientMergeRepository(Repository[PatientMerge]):
    model = PatientMerge
    default_order = ("merged_at", "id")

    def of_patient(self, patient_id: int) -> list[PatientMerge]:
        """The merges this patient took part in, either side, newest first."""
        stmt = (select(PatientMerge).where(or_(id_is(PatientMerge.survivor_id, patient_id),
                                               id_is(PatientMerge.duplicate_id, patient_id)))
                .order_by(PatientMerge.merged_at.desc(), PatientMerge.id.desc()))
        return list(self.session.scalars(stmt))

    def newest(self, limit: int = 200) -> list[PatientMerge]:
        stmt = select(PatientMerge).order_by(PatientMerge.merged_at.desc(), PatientMerge.id.desc()).limit(limit)
        return list(self.session.scalars(stmt))

    def owned(self, kind: str, patient_id: int) -> list[Any]:
        """The patient's rows of one kind (all of them: past visits and cancelled ones too), by id."""
        model = OWNED[kind]
        return list(self.session.scalars(select(model).where(id_is(model.patient_id, patient_id))
                                         .order_by(model.id)))

    def by_ids(self, kind: str, ids: list[int]) -> dict[int, Any]:
        model = OWNED[kind]
        return {r.id: r for r in self.session.scalars(select(model).where(model.id.in_(ids)))} if ids else {}

    def status_changes(self, patient_id: int) -> int:
        """How many status-history rows the patient's visits have (they go with the visits)."""
        stmt = (select(func.count()).select_from(StatusChange).join(Appointment)
                .where(id_is(Appointment.patient_id, patient_id)))
        return int(self.session.scalar(stmt) or 0)
