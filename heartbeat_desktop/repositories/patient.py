"""Patients."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import and_, or_, select

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

    def matching(self, name_keys: Collection[str], phone_digits: Collection[str], chunk: int = 500) -> list[Any]:
        """Patients whose name key or phone digits are among these, as plain rows: what
        :meth:`possible_duplicates` looks for, for a whole file at once (an import)."""
        columns = (Patient.id, Patient.last_name, Patient.first_name, Patient.middle_name, Patient.birth_date,
                   Patient.name_key, Patient.phone, Patient.phone_digits)
        keys, phones = sorted(set(name_keys)), sorted(set(phone_digits))
        found: dict[int, Any] = {}
        for start in range(0, max(len(keys), len(phones)), chunk):
            wanted = or_(Patient.name_key.in_(keys[start:start + chunk]),
                         Patient.phone_digits.in_(phones[start:start + chunk]))
            for row in self.session.execute(select(*columns).where(wanted)):
                found[row.id] = row
        return sorted(found.values(), key=lambda row: (row.name_key, row.id))
