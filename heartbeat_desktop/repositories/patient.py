"""Patients."""

from __future__ import annotations

from sqlalchemy import and_, select

from heartbeat_desktop.models import Patient
from heartbeat_desktop.repositories.base import id_is_not
from heartbeat_desktop.repositories.people import PersonRepository


class PatientRepository(PersonRepository[Patient]):
    model = Patient
    sort_keys = {**PersonRepository.sort_keys, "birth_date": ("birth_date", "name_key"), "email": ("email",)}

    def possible_duplicates(self, patient: Patient, limit: int = 10) -> list[Patient]:
        """Same name and birth date, or same phone digits: shown before creating one."""
        same_person = and_(Patient.name_key == patient.name_key, Patient.birth_date == patient.birth_date)
        clauses = [same_person]
        if patient.phone_digits:
            clauses.append(Patient.phone_digits == patient.phone_digits)
        stmt = select(Patient).where(clauses[0] if len(clauses) == 1 else clauses[0] | clauses[1])
        if patient.id is not None:
            stmt = stmt.where(id_is_not(Patient.id, patient.id))
        return list(self.session.scalars(stmt.order_by(Patient.name_key).limit(limit)))
